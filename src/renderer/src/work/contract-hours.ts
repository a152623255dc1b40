// A contract's included hours: typed as hours ("10", "7.5", "7,5" or "7:30"), stored as
// whole minutes, shown as h:mm. Display and parsing only; the host checks the range again.
// Problems are said in the translator's language (English without one, as tests read them).
import { formatDuration } from '@shared/duration'
import { ENGLISH, type Translator } from '@shared/i18n/translator'

/** The most the host accepts (includedMinutes ≤ 1,000,000). */
export const MAX_INCLUDED_MINUTES = 1_000_000

export type IncludedHours = { ok: true; minutes: number | null } | { ok: false; problem: string }

/** "7.5" → 450 minutes; "" → null (no hours included); anything else explains itself. */
export function parseIncludedHours(text: string, { t }: Pick<Translator, 't'> = ENGLISH): IncludedHours {
  const clean = text.trim()
  if (clean === '') return { ok: true, minutes: null }
  if (/^[-−]\s*[\d.,]/.test(clean)) return { ok: false, problem: t('work.hours.negative') }
  let minutes: number
  const clock = /^(\d+):([0-5]\d)$/.exec(clean)
  if (clock) {
    minutes = Number(clock[1]) * 60 + Number(clock[2])
  } else if (/^(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(clean)) {
    minutes = Math.round(Number(clean.replace(',', '.')) * 60)
  } else {
    return { ok: false, problem: t('work.hours.notNumber') }
  }
  if (minutes > MAX_INCLUDED_MINUTES) return { ok: false, problem: t('work.hours.tooMany', { max: Math.floor(MAX_INCLUDED_MINUTES / 60) }) }
  return { ok: true, minutes }
}

/** 450 → "7:30"; null → null (the caller shows "—"). */
export function formatIncludedHours(minutes: number | null, locale?: string): string | null {
  return minutes === null ? null : formatDuration(minutes * 60, undefined, locale)
}
