// What a period is called above the grid, in the Submissions list and on the printed
// timesheet, in the person's language: 'Week of 30 Nov 2026' / 'Woche vom 30. Nov.
// 2026', 'November 2026', or the range of days. English is the host's label; other
// languages read the shape from the span itself (only a weekly period has seven days; a
// month runs 1st to last).
import { dayRangeLabel } from './periods'
import { formatDayMedium, formatMonth } from './i18n/formats'
import type { Translator } from './i18n/translator'

const DAY_MS = 86_400_000

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS

/** `period.label` is the host's English name, kept as it is in English. */
export function periodHeading(period: { start: string; end: string; label: string }, translator: Translator): string {
  const { start, end } = period
  if (translator.language === 'en') return period.label
  const days = dayNumber(end) - dayNumber(start) + 1
  if (days === 7) return translator.t('timesheet.weekOf', { day: formatDayMedium(start, translator.locale) })
  const nextDay = new Date((dayNumber(end) + 1) * DAY_MS).toISOString().slice(0, 10)
  if (start.endsWith('-01') && nextDay.endsWith('-01') && start.slice(0, 7) === end.slice(0, 7)) return formatMonth(start.slice(0, 7), translator.locale)
  return dayRangeLabel(period, translator.locale)
}
