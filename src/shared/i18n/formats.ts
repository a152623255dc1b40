// Dates, weekdays, months and the first day of the week as the locale writes them: the
// one home of locale formats (durations' decimal separator is in duration.ts, which
// asks decimalSeparator here). Display only: stored days stay 'YYYY-MM-DD'.
import type { PeriodRule, Weekday } from '../periods'

/** A local work day 'YYYY-MM-DD' as a Date at noon UTC, formatted in UTC, so no time zone can move it to another day. */
function noonUtc(day: string): Date {
  return new Date(`${day}T12:00:00Z`)
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = formatters.get(key)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
    formatters.set(key, format)
  }
  return format
}

/** The character between whole and fraction in the locale's numbers: '.' in English, ',' in German. */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.'
}

/** '2026-11-16' → 'Mon 16 Nov' (en-GB), 'Mo 16. Nov.' (de-DE): the short weekday, then the date as the locale writes it. */
export function formatDayShort(day: string, locale: string): string {
  // Intl's own weekday-and-date ('Mo., 16. Nov.') puts a comma in German the grid's header does not have.
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
  return `${weekdayName(weekday, locale, 'short')} ${formatDayMonth(day, locale)}`
}

/** '2026-11-16' → 'Mon 16' (en-GB), 'Mo 16.' (de-DE): a weekday and its date in the month, without Intl's German comma, as formatDayShort writes them. */
export function formatWeekdayDay(day: string, locale: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
  // The day as it stands before the month ('16.' in German, '16' in English): Intl's day alone drops German's full stop.
  const parts = dateFormat(locale, { day: 'numeric', month: 'short' }).formatToParts(noonUtc(day))
  const monthAt = parts.findIndex((part) => part.type === 'month')
  const date = (monthAt > 0 ? parts.slice(0, monthAt) : parts.filter((part) => part.type === 'day'))
    .map((part) => part.value)
    .join('')
    .trim()
  return `${weekdayName(weekday, locale, 'short')} ${date}`
}

/** '2026-12-03' → '3 Dec' (en-GB), '3. Dez.' (de-DE): a date under its weekday, as the grid's column headers write it. */
export function formatDayMonth(day: string, locale: string): string {
  return dateFormat(locale, { day: 'numeric', month: 'short' }).format(noonUtc(day))
}

/**
 * A period's days as Intl writes a range: '16.–22. Nov. 2026' (de-DE), a month or year
 * named once when both ends share it. Views call dayRangeLabel (periods.ts), which keeps
 * English as every English view has always shown it and comes here for other languages.
 */
export function formatDayRange(period: { start: string; end: string }, locale: string): string {
  // Intl puts thin spaces round the dash; the app's other ranges use plain ones.
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' })
    .formatRange(noonUtc(period.start), noonUtc(period.end))
    .replace(/[\u2009\u202f]/g, ' ')
}

/** '2026-11-16' → '16 Nov 2026' (en-GB), '16. Nov. 2026' (de-DE): the one date format of messages. */
export function formatDayMedium(day: string, locale: string): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(noonUtc(day))
}

/** An instant in this machine's time zone: 'Mon 16 Nov, 14:05' / 'Mo., 16. Nov., 14:05', with the year when it is not `now`'s. */
export function formatMoment(ms: number, locale: string, now = Date.now()): string {
  const withYear = new Date(ms).getFullYear() !== new Date(now).getFullYear()
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms)
}

/** An instant with its date, in this machine's time zone: '16 Nov 2026, 14:05' / '16. Nov. 2026, 14:05'. */
export function formatInstant(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms)
}

/** A weekday (0 = Sunday … 6 = Saturday) by name: 'Monday'/'Montag' (long) or 'Mon'/'Mo' (short). */
export function weekdayName(weekday: number, locale: string, width: 'long' | 'short' = 'long'): string {
  // 2026-11-15 is a Sunday, so day 15 + weekday is that weekday.
  const day = `2026-11-${String(15 + weekday).padStart(2, '0')}`
  const name = dateFormat(locale, { weekday: width }).format(noonUtc(day))
  return width === 'short' ? name.replace(/\.$/, '') : name
}

/** '2026-11' → 'November 2026' / 'November 2026'; the text itself when it is no month. */
export function formatMonth(month: string, locale: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return month
  return dateFormat(locale, { month: 'long', year: 'numeric' }).format(noonUtc(`${month}-15`))
}

/** An instant as the locale's 24- or 12-hour wall-clock time in `timeZone` (default: this machine's). */
export function formatClock(ms: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(ms)
}

/** Where Intl knows no week data (older engines), the common cases: Sunday in the Americas and a few others, Saturday in parts of the Middle East, Monday elsewhere. */
const SUNDAY_REGIONS = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'KR', 'IL', 'PH', 'AU', 'ZA', 'IN', 'HK', 'TW'])
const SATURDAY_REGIONS = new Set(['AE', 'AF', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LY', 'OM', 'QA', 'SD', 'SY'])

interface WeekInfo {
  /** 1 = Monday … 7 = Sunday (ISO). */
  firstDay: number
}

function weekInfoOf(locale: Intl.Locale): WeekInfo | undefined {
  // getWeekInfo() in newer engines, the weekInfo getter in older ones; neither is in ES2023's types.
  const shaped = locale as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo }
  return typeof shaped.getWeekInfo === 'function' ? shaped.getWeekInfo() : shaped.weekInfo
}

/** The first day of the week where `locale` is used: 0 = Sunday … 6 = Saturday. */
export function localeWeekStart(locale: string): Weekday {
  let parsed: Intl.Locale
  try {
    parsed = new Intl.Locale(locale)
  } catch {
    return 1
  }
  const info = weekInfoOf(parsed)
  if (info !== undefined && Number.isInteger(info.firstDay) && info.firstDay >= 1 && info.firstDay <= 7) return (info.firstDay % 7) as Weekday
  const region = parsed.maximize().region ?? ''
  if (SUNDAY_REGIONS.has(region)) return 0
  if (SATURDAY_REGIONS.has(region)) return 6
  return 1
}

/**
 * The first day of a week in views that show weeks (report buckets, calendars): the
 * period rule's when it names one (weekly and bi-weekly periods), otherwise the locale's.
 */
export function weekStartFor(rule: PeriodRule, locale: string): Weekday {
  return rule.kind === 'weekly' || rule.kind === 'biweekly' ? rule.weekStartsOn : localeWeekStart(locale)
}

/**
 * A day in the locale with any other choice of parts ('3 Mar' / '3. März' for day and
 * short month): for the rarer labels (chart axes, calendar headings) that have no name above.
 */
export function formatDayWith(day: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return dateFormat(locale, options).format(noonUtc(day))
}
