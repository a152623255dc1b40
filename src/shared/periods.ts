// Timesheet periods: the span of days one timesheet covers (a week, two weeks, half
// a month or a month) found from any day in it. A day is a calendar date written
// YYYY-MM-DD, not an instant, so all arithmetic here happens on UTC calendar dates.
import { z } from 'zod'
import { formatDayRange } from './i18n/formats'

/** 0 = Sunday … 6 = Saturday, as Date#getDay and date-fns count. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

export type PeriodRule =
  | { kind: 'weekly'; weekStartsOn: Weekday }
  /** `anchor` is the first day of any one bi-weekly period; it fixes which weeks pair up. */
  | { kind: 'biweekly'; anchor: string; weekStartsOn: Weekday }
  | { kind: 'semimonthly' }
  | { kind: 'monthly' }

/** A span of whole days, both ends included, as `YYYY-MM-DD`. */
export interface Period {
  start: string
  end: string
}

export const DEFAULT_PERIOD_RULE: PeriodRule = { kind: 'weekly', weekStartsOn: 1 }

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const
const WEEK_START_MESSAGE = 'the first day of the week must be a whole number from 0 (Sunday) to 6 (Saturday)'

// Calendar arithmetic on day numbers (days since 1970-01-01), with the civil-calendar
// conversions from Howard Hinnant's date algorithms: no Date objects, no time zones, so
// nothing depends on the machine's zone and a period costs microseconds (the team
// server finds the period of every day of a pushed batch). Labels are written from the
// same numbers: through date-fns' format on a zoned date one cost about a quarter of a
// millisecond, more than reading a week of the grid.
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const
const FIRST_DAY = -719162 // 0001-01-01
const LAST_DAY = 2932896 // 9999-12-31

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

function dayNumberOf(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + date - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function civilOf(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const date = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, date]
}

/** Why `text` is not a real calendar day written YYYY-MM-DD, naming it, or undefined when it is one. */
export function dayProblem(text: string): string | undefined {
  const match = DAY_PATTERN.exec(text)
  if (!match) return `"${text}" is not a day: expected YYYY-MM-DD, such as 2026-11-16`
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1) return `"${text}" is not a real date: years run from 0001 to 9999`
  if (month < 1 || month > 12) return `"${text}" is not a real date: months run from 01 to 12`
  const length = daysInMonth(year, month)
  if (day < 1 || day > length) return `"${text}" is not a real date: ${MONTH_NAMES[month - 1] ?? ''} ${match[1] ?? ''} has days 01 to ${length}`
  return undefined
}

function toNumber(day: string): number {
  const problem = dayProblem(day)
  if (problem !== undefined) throw new RangeError(problem)
  return dayNumberOf(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)))
}

function toText(dayNumber: number): string {
  const [year, month, date] = civilOf(dayNumber)
  if (dayNumber < FIRST_DAY || dayNumber > LAST_DAY) throw new RangeError(`the calendar here covers the years 0001 to 9999; this step would reach the year ${year}`)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`
}

/** 1970-01-01 was a Thursday. */
function weekdayOfNumber(dayNumber: number): Weekday {
  return (((dayNumber + 4) % 7) + 7) % 7 as Weekday
}

/** A day as [year, month 1-12, date], for labels. */
function civilDay(day: string): [number, number, number] {
  return civilOf(toNumber(day))
}

/** True when `text` is a real calendar day written `YYYY-MM-DD` (years 0001–9999). */
export function isValidDay(text: string): boolean {
  return dayProblem(text) === undefined
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`days to add must be a whole number, got ${String(n)}`)
  return toText(toNumber(day) + n)
}

/** The weekday of `day`: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): Weekday {
  return weekdayOfNumber(toNumber(day))
}

function anchorProblem(anchor: string, weekStartsOn: Weekday): string | undefined {
  const problem = dayProblem(anchor)
  if (problem !== undefined) return `the bi-weekly anchor is the first day of one two-week period, and ${problem}`
  const weekday = weekdayOf(anchor)
  if (weekday !== weekStartsOn) {
    return `the bi-weekly anchor ${anchor} is a ${WEEKDAY_NAMES[weekday]}, but weeks start on ${WEEKDAY_NAMES[weekStartsOn]}: pick the ${WEEKDAY_NAMES[weekStartsOn]} that begins one of the two-week periods`
  }
  return undefined
}

const WeekStartSchema = z.literal(WEEKDAYS, WEEK_START_MESSAGE)

export const PeriodRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekly'), weekStartsOn: WeekStartSchema }),
  z
    .object({ kind: z.literal('biweekly'), anchor: z.string(), weekStartsOn: WeekStartSchema })
    .superRefine((rule, context) => {
      const problem = anchorProblem(rule.anchor, rule.weekStartsOn)
      if (problem !== undefined) context.addIssue({ code: 'custom', path: ['anchor'], message: problem })
    }),
  z.object({ kind: z.literal('semimonthly') }),
  z.object({ kind: z.literal('monthly') }),
]) satisfies z.ZodType<PeriodRule>

function span(start: number, end: number): Period {
  return { start: toText(start), end: toText(end) }
}

/**
 * The period of `rule` that contains `day`. Throws a RangeError for a day that is
 * not a real `YYYY-MM-DD` date, and for a bi-weekly rule whose anchor the schema
 * would refuse (a rule built in code gets the same check as a stored one).
 */
export function periodContaining(day: string, rule: PeriodRule): Period {
  const n = toNumber(day)
  switch (rule.kind) {
    case 'weekly': {
      const start = n - ((weekdayOfNumber(n) - rule.weekStartsOn + 7) % 7)
      return span(start, start + 6)
    }
    case 'biweekly': {
      const problem = anchorProblem(rule.anchor, rule.weekStartsOn)
      if (problem !== undefined) throw new RangeError(problem)
      const anchor = toNumber(rule.anchor)
      // Math.floor, not truncation: a day 1–14 days before the anchor is in period -1.
      const start = anchor + Math.floor((n - anchor) / 14) * 14
      return span(start, start + 13)
    }
    case 'semimonthly':
    case 'monthly': {
      const [year, month, date] = civilOf(n)
      const first = dayNumberOf(year, month, 1)
      const last = first + daysInMonth(year, month) - 1
      if (rule.kind === 'monthly') return span(first, last)
      return date <= 15 ? span(first, first + 14) : span(first + 15, last)
    }
  }
}

/** The period of `rule` that starts the day after `period` ends. */
export function nextPeriod(period: Period, rule: PeriodRule): Period {
  return periodContaining(addDays(period.end, 1), rule)
}

/** The period of `rule` that ends the day before `period` starts. */
export function previousPeriod(period: Period, rule: PeriodRule): Period {
  return periodContaining(addDays(period.start, -1), rule)
}

/** Every day of `period` in order, both ends included. */
export function daysOf(period: Period): string[] {
  const start = toNumber(period.start)
  const length = toNumber(period.end) - start + 1
  if (length < 1) throw new RangeError(`a period cannot end (${period.end}) before it starts (${period.start})`)
  return Array.from({ length }, (_, offset) => toText(start + offset))
}

/**
 * A short English heading for `period`: 'Week of 16 Nov 2026' for a week,
 * 'November 2026' for a whole month, otherwise the range — '16–29 Nov 2026',
 * '30 Nov – 13 Dec 2026', '28 Dec 2026 – 10 Jan 2027' — naming a month or year
 * once when both ends share it.
 */
export function periodLabel(period: Period, rule: PeriodRule): string {
  const start = civilDay(period.start)
  const end = civilDay(period.end)
  if (rule.kind === 'weekly') return `Week of ${dayMonthYear(start)}`
  const [year, month, date] = start
  if (rule.kind === 'monthly' && date === 1 && end[2] === daysInMonth(end[0], end[1]) && month === end[1]) return `${MONTH_NAMES[month - 1] ?? ''} ${yearText(year)}`
  return rangeLabel(start, end)
}

/** '16–22 Nov 2026', '30 Nov – 13 Dec 2026', '28 Dec 2026 – 10 Jan 2027': any span of days; with a locale as it writes ranges ('16.–22. Nov. 2026'). */
export function dayRangeLabel(period: Period, locale?: string): string {
  // English keeps its own tight '16–22 Nov 2026' (en-GB's Intl range puts spaces round the dash).
  if (locale !== undefined && !locale.startsWith('en')) return formatDayRange(period, locale)
  return rangeLabel(civilDay(period.start), civilDay(period.end))
}

function yearText(year: number): string {
  return String(year).padStart(4, '0')
}

/** '16 Nov': the date unpadded, the month's first three letters. */
function dayMonth([, month, date]: [number, number, number]): string {
  return `${date} ${(MONTH_NAMES[month - 1] ?? '').slice(0, 3)}`
}

/** '16 Nov 2026'. */
function dayMonthYear(day: [number, number, number]): string {
  return `${dayMonth(day)} ${yearText(day[0])}`
}

function rangeLabel(start: [number, number, number], end: [number, number, number]): string {
  const full = dayMonthYear(end)
  if (start[0] === end[0] && start[1] === end[1] && start[2] === end[2]) return full
  if (start[0] !== end[0]) return `${dayMonthYear(start)} – ${full}`
  if (start[1] !== end[1]) return `${dayMonth(start)} – ${full}`
  return `${start[2]}–${full}`
}
