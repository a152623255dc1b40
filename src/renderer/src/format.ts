// Display formatting shared by the views. Display only: stored values never change.
import { format } from 'date-fns'
import { shortDayLabel } from '@shared/day-words'
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { Translator } from '@shared/i18n/translator'

/**
 * A duration in a list, cell or total: under a minute in seconds ("12 s"), so a kept
 * short run never reads as "0:00"; otherwise in the unit of the settings (with the locale's decimal separator when given).
 */
export function formatShownDuration(seconds: number, unit?: DurationUnit, locale?: string): string {
  return seconds > 0 && seconds < 60 ? `${seconds} s` : formatDuration(seconds, unit, locale)
}

/** "1 h 30 min", for screen readers and sentences; under a minute "12 s". */
export function spokenDuration(seconds: number): string {
  if (seconds > 0 && seconds < 60) return `${seconds} s`
  const minutes = Math.floor(Math.max(0, seconds) / 60)
  const hours = Math.floor(minutes / 60)
  if (hours === 0) return `${minutes % 60} min`
  return `${hours} h ${minutes % 60} min`
}

/** An instant as local wall-clock time, "14:05". */
export function formatTime(ms: number): string {
  return format(ms, 'HH:mm')
}

/** "2026-11-16" → "Mon 16 Nov": the grid's words for a day, shared with every message (see day-words.ts); with a locale as it writes days ("Mo 16. Nov."). */
export function formatDay(day: string, locale?: string): string {
  return shortDayLabel(day, locale)
}

export function todayLocal(now = Date.now()): string {
  return format(now, 'yyyy-MM-dd')
}

/** "1 h 30 min" / "1 Std. 30 Min." in the translator's language; under a minute "12 s". */
export function spokenDurationIn(translator: Pick<Translator, 't'>, seconds: number): string {
  const { t } = translator
  if (seconds > 0 && seconds < 60) return t('duration.seconds', { seconds })
  const minutes = Math.floor(Math.max(0, seconds) / 60)
  const hours = Math.floor(minutes / 60)
  if (hours === 0) return t('duration.minutes', { minutes: minutes % 60 })
  return t('duration.hoursMinutes', { hours, minutes: minutes % 60 })
}
