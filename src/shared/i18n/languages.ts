// The languages Stint speaks and which one a person gets: the one chosen in Settings,
// or with "System" the first of the system's preferred languages that Stint has,
// English when it has none of them.
import { z } from 'zod'

export const LANGUAGES = ['en', 'de'] as const
export type Language = (typeof LANGUAGES)[number]

export const LANGUAGE_SETTINGS = ['system', ...LANGUAGES] as const
export const LanguageSettingSchema = z.enum(LANGUAGE_SETTINGS)
export type LanguageSetting = z.infer<typeof LanguageSettingSchema>

/** Each language's name in itself, as a language picker shows it (a German reader finds "Deutsch" in an English UI). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' }

/**
 * The locale that dates and numbers are written in for each language. English is
 * written as in Britain (Mon 16 Nov, 24-hour clock, weeks from Monday), as Stint always
 * has; German as in Germany.
 */
export const FORMAT_LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' }

function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code)
}

/** The language of a BCP 47 tag ('de-AT' → 'de'), or undefined when Stint does not have it. */
export function languageOfTag(tag: string): Language | undefined {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return isLanguage(base) ? base : undefined
}

/**
 * The language to show: the setting's, or for 'system' the first of `systemLanguages`
 * (Electron's app.getPreferredSystemLanguages / app.getLocale, the browser's
 * navigator.languages) that Stint has; English otherwise.
 */
export function resolveLanguage(setting: LanguageSetting, systemLanguages: readonly string[]): Language {
  if (setting !== 'system') return setting
  for (const tag of systemLanguages) {
    const language = languageOfTag(tag)
    if (language !== undefined) return language
  }
  return 'en'
}
