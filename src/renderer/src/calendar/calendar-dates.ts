// How the Calendar writes its days in the window's locale: the span in the toolbar
// ("Mon 16 – Sun 22 Nov 2026" / "Mo 16. – So 22. Nov. 2026"), one day's title
// ("Wednesday 18 November 2026" / "Mittwoch, 18. November 2026"), a day as a sentence
// names it, and the hour labels down the side (24-hour where the locale writes so).
import { formatClock, formatDayShort, formatDayWith, formatWeekdayDay, weekdayName } from '@shared/i18n/formats'
import type { Translator } from '@shared/i18n/translator'
import { weekdayOf } from '@shared/periods'

type T = Pick<Translator, 't' | 'locale'>

const year = (day: string) => day.slice(0, 4).replace(/^0+/, '')

/** "Wednesday 18 November" (with `withYear`, "… 2026"). */
export function longDay(day: string, { t, locale }: T, withYear = false): string {
  const date = formatDayWith(day, locale, withYear ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long' })
  return t('calendar.longDay', { weekday: weekdayName(weekdayOf(day), locale), date })
}

/** The toolbar's heading for the days shown. */
export function spanLabel(days: readonly string[], translator: T): string {
  const first = days[0]
  const last = days[days.length - 1]
  if (first === undefined || last === undefined) return ''
  if (days.length === 1) return longDay(first, translator, true)
  const { locale } = translator
  const start = first.slice(0, 7) === last.slice(0, 7) ? formatWeekdayDay(first, locale) : formatDayShort(first, locale)
  return translator.t('calendar.span', { first: start, last: `${formatDayShort(last, locale)} ${year(last)}` })
}

/** "09:00": an hour of the day as the locale's clock writes it. */
export function hourLabel(hour: number, locale: string): string {
  return formatClock(Date.UTC(2026, 0, 1, hour), locale, 'UTC')
}
