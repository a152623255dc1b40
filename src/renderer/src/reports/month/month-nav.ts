// Months as the month views and contract usage walk them: 'YYYY-MM' keys, the month
// before and after, and how a month and its days read in the window's locale
// ("November 2026", "16 Nov 2026" / "16. Nov. 2026"). Display only; the engine decides
// which days belong to a month.
import { format } from 'date-fns'
import { formatClock, formatDayMedium, formatMonth } from '@shared/i18n/formats'
import { ENGLISH, type Translator } from '@shared/i18n/translator'

const MONTH_KEY = /^(\d{4})-(\d{2})$/

/** The local month of `now`, as 'YYYY-MM'. */
export function monthOf(now = Date.now()): string {
  return format(now, 'yyyy-MM')
}

/** Whether `text` is a month key the pickers can step from ('2026-11'). */
export function isMonthKey(text: string): boolean {
  const match = MONTH_KEY.exec(text)
  const month = Number(match?.[2])
  return match !== null && Number(match[1]) >= 1 && month >= 1 && month <= 12
}

/** The month `delta` months after `month` (before, when negative). */
export function shiftMonth(month: string, delta: number): string {
  const match = MONTH_KEY.exec(month)
  if (!match) throw new RangeError(`"${month}" is not a month written YYYY-MM`)
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta
  const year = Math.floor(index / 12)
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** "2026-11" → "November 2026" */
export function monthLabel(month: string, locale = ENGLISH.locale): string {
  return formatMonth(month, locale)
}

/** "2026-11-16" → "16 Nov 2026" / "16. Nov. 2026" */
export function dayLabel(day: string, locale = ENGLISH.locale): string {
  return formatDayMedium(day, locale)
}

/** An instant as a reader wants it in a table: "16 Nov 2026, 14:05", in this machine's zone. */
export function instantLabel(ms: number, locale = ENGLISH.locale): string {
  return `${dayLabel(format(ms, 'yyyy-MM-dd'), locale)}, ${formatClock(ms, locale)}`
}

/** Hours as a sentence says them: "40 h", "32 h 30 min" / "40 Std.", "32 Std. 30 Min.". */
export function spokenHours(seconds: number, { t }: Pick<Translator, 't'> = ENGLISH): string {
  const minutes = Math.round(Math.max(0, seconds) / 60)
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (rest === 0) return t('duration.hours', { hours })
  return hours === 0 ? t('duration.minutes', { minutes: rest }) : t('duration.hoursMinutes', { hours, minutes: rest })
}

/** A share as whole percent, rounded down so 79.9 % never reads as the 80 % that warns. */
export function wholePercent(share: number): number {
  return Math.floor(share * 100 + 1e-9)
}
