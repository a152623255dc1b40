// Timesheet periods: the span of days one timesheet covers (a week, two weeks, half
// a month or a month) found from any day in it. A day is a calendar date written
// YYYY-MM-DD, not an instant, so all arithmetic here happens on UTC calendar dates.
import { TZDate } from '@date-fns/tz'
import { addDays as addCalendarDays, differenceInCalendarDays, endOfMonth, endOfWeek, format, getDaysInMonth, startOfMonth, startOfWeek } from 'date-fns'
import { z } from 'zod'

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

// A plain Date built with Date.UTC would be read back by date-fns through its *local*
// getters, and around a DST change west of Greenwich that moves a day by one. A TZDate
// fixed to UTC makes date-fns do every step in UTC, whatever zone the machine is in.
const ZONE = 'UTC'
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** Why `text` is not a day, or undefined when it is one. */
function dayProblem(text: string): string | undefined {
  const match = DAY_PATTERN.exec(text)
  if (!match) return `"${text}" is not a day: expected YYYY-MM-DD, such as 2026-11-16`
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1) return `"${text}" is not a real date: years run from 0001 to 9999`
  if (month < 1 || month > 12) return `"${text}" is not a real date: months run from 01 to 12`
  const daysInMonth = getDaysInMonth(monthDate(year, month))
  if (day < 1 || day > daysInMonth) {
    return `"${text}" is not a real date: ${format(monthDate(year, month), 'MMMM yyyy')} has days 01 to ${daysInMonth}`
  }
  return undefined
}

/** The first of the month; setFullYear, because the constructor turns years 0–99 into 1900–1999. */
function monthDate(year: number, month: number, day = 1): TZDate {
  const date = new TZDate(0, ZONE)
  date.setFullYear(year, month - 1, day)
  return date
}

function toDate(day: string): TZDate {
  const problem = dayProblem(day)
  if (problem !== undefined) throw new RangeError(problem)
  const [year, month, date] = day.split('-').map(Number)
  return monthDate(year ?? 0, month ?? 0, date ?? 0)
}

function toDay(date: Date): string {
  const year = date.getFullYear()
  if (year < 1 || year > 9999) throw new RangeError(`the calendar here covers the years 0001 to 9999; this step would reach the year ${year}`)
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${String(year).padStart(4, '0')}-${month}-${day}`
}

/** True when `text` is a real calendar day written `YYYY-MM-DD` (years 0001–9999). */
export function isValidDay(text: string): boolean {
  return dayProblem(text) === undefined
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`days to add must be a whole number, got ${String(n)}`)
  return toDay(addCalendarDays(toDate(day), n))
}

/** The weekday of `day`: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): Weekday {
  return toDate(day).getDay() as Weekday
}

function anchorProblem(anchor: string, weekStartsOn: Weekday): string | undefined {
  if (!isValidDay(anchor)) return `the bi-weekly anchor must be a real day written YYYY-MM-DD, got "${anchor}"`
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

function span(start: Date, end: Date): Period {
  return { start: toDay(start), end: toDay(end) }
}

/**
 * The period of `rule` that contains `day`. Throws a RangeError for a day that is
 * not a real `YYYY-MM-DD` date, and for a bi-weekly rule whose anchor the schema
 * would refuse (a rule built in code gets the same check as a stored one).
 */
export function periodContaining(day: string, rule: PeriodRule): Period {
  const date = toDate(day)
  switch (rule.kind) {
    case 'weekly':
      return span(startOfWeek(date, { weekStartsOn: rule.weekStartsOn }), endOfWeek(date, { weekStartsOn: rule.weekStartsOn }))
    case 'biweekly': {
      const problem = anchorProblem(rule.anchor, rule.weekStartsOn)
      if (problem !== undefined) throw new RangeError(problem)
      const anchor = toDate(rule.anchor)
      // Math.floor, not truncation: a day 1–14 days before the anchor is in period -1.
      const index = Math.floor(differenceInCalendarDays(date, anchor) / 14)
      const start = addCalendarDays(anchor, index * 14)
      return span(start, addCalendarDays(start, 13))
    }
    case 'semimonthly':
      return date.getDate() <= 15
        ? span(startOfMonth(date), monthDate(date.getFullYear(), date.getMonth() + 1, 15))
        : span(monthDate(date.getFullYear(), date.getMonth() + 1, 16), endOfMonth(date))
    case 'monthly':
      return span(startOfMonth(date), endOfMonth(date))
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
  const start = toDate(period.start)
  const length = differenceInCalendarDays(toDate(period.end), start) + 1
  if (length < 1) throw new RangeError(`a period cannot end (${period.end}) before it starts (${period.start})`)
  return Array.from({ length }, (_, offset) => toDay(addCalendarDays(start, offset)))
}

/**
 * A short English heading for `period`: 'Week of 16 Nov 2026' for a week,
 * 'November 2026' for a whole month, otherwise the range — '16–29 Nov 2026',
 * '30 Nov – 13 Dec 2026', '28 Dec 2026 – 10 Jan 2027' — naming a month or year
 * once when both ends share it.
 */
export function periodLabel(period: Period, rule: PeriodRule): string {
  const start = toDate(period.start)
  const end = toDate(period.end)
  if (rule.kind === 'weekly') return `Week of ${format(start, 'd MMM yyyy')}`
  if (rule.kind === 'monthly' && start.getDate() === 1 && toDay(end) === toDay(endOfMonth(start))) return format(start, 'MMMM yyyy')
  return rangeLabel(start, end)
}

function rangeLabel(start: Date, end: Date): string {
  const full = format(end, 'd MMM yyyy')
  if (toDay(start) === toDay(end)) return full
  if (start.getFullYear() !== end.getFullYear()) return `${format(start, 'd MMM yyyy')} – ${full}`
  if (start.getMonth() !== end.getMonth()) return `${format(start, 'd MMM')} – ${full}`
  return `${format(start, 'd')}–${full}`
}
