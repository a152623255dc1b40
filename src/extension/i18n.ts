// The extension's words come from the app's catalogue (the extension.* messages of the
// timers part), in the browser's language. They take plain {name} values only, so no ICU
// runtime is bundled into every ticket page.
import { deTimers } from '@shared/i18n/de/timers'
import { enTimers } from '@shared/i18n/en/timers'

export type ExtensionMessageId = Extract<keyof typeof enTimers, `extension.${string}`>
export type T = (id: ExtensionMessageId, values?: Readonly<Record<string, string>>) => string

export function translatorFor(language: string): T {
  const table: Readonly<Record<ExtensionMessageId, string>> = language.toLowerCase().startsWith('de') ? deTimers : enTimers
  return (id, values) => table[id].replace(/\{(\w+)\}/g, (whole, name: string) => values?.[name] ?? whole)
}

/** h:mm:ss, as the app's timers show it. */
export function clockText(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  const minutes = Math.floor((s % 3600) / 60)
  const seconds = s % 60
  return `${Math.floor(s / 3600)}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}
