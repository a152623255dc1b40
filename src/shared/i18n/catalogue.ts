// The message catalogues: one per language, assembled from one part per area. Each
// German part is typed by its English part, so a key missing in German (or one English
// no longer has) fails the typecheck; catalogue.test.ts also compares placeholders.
import { deApp } from './de/app'
import { deSettings } from './de/settings'
import { enApp } from './en/app'
import { enSettings } from './en/settings'
import type { Language } from './languages'

export const EN = { ...enApp, ...enSettings } as const
export type MessageId = keyof typeof EN
export type Catalogue = Readonly<Record<MessageId, string>>

export const DE: Catalogue = { ...deApp, ...deSettings }

const CATALOGUES: Record<Language, Catalogue> = { en: EN, de: DE }

export function catalogueOf(language: Language): Catalogue {
  return CATALOGUES[language]
}
