// Rate classes by the local time of the work: the same hour of remote support costs more
// after hours, at the weekend or on a public holiday. Time is cut where it changes class,
// in the zone the work was done in, so a run from Friday 22:00 to Saturday 02:00 is two
// hours after hours and two at the weekend, and a DST day's hours are the hours it had.
// Precedence: a public holiday (from the list the admin keeps) is a holiday whatever the
// weekday; a day that is not a working day is weekend; on a working day, time outside the
// working hours is after hours.
import { TZDate } from '@date-fns/tz'
import { splitIntoLocalDayRanges } from '../days'
import type { Weekday } from '../periods'

export type RateClass = 'normal' | 'afterHours' | 'weekend' | 'holiday'

export const RATE_CLASSES: readonly RateClass[] = ['normal', 'afterHours', 'weekend', 'holiday']

export interface RateCalendar {
  /** Working days, 0 = Sunday … 6 = Saturday. */
  workdays: readonly Weekday[]
  /** Working hours on a working day, local minutes after midnight: from (inclusive) … */
  workStartMinute: number
  /** … to (exclusive). 17:00 is 1020. */
  workEndMinute: number
  /** Public holidays, local days `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>
}

export const OFFICE_HOURS: RateCalendar = { workdays: [1, 2, 3, 4, 5], workStartMinute: 8 * 60, workEndMinute: 18 * 60, holidays: new Set() }

export interface ClassedSpan {
  rateClass: RateClass
  /** The local day the span lies on. */
  day: string
  startMs: number
  endMs: number
}

/** The first real instant at `minute` after local midnight of `day` (a minute a DST jump skips moves on to the jump). */
function localInstant(day: string, minute: number, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(year, month - 1, date, Math.floor(minute / 60), minute % 60, timeZone).getTime()
}

/** The span cut into consecutive pieces of one rate class and one local day each, covering it exactly. */
export function splitByRateClass(startMs: number, endMs: number, timeZone: string, calendar: RateCalendar): ClassedSpan[] {
  if (!(calendar.workStartMinute >= 0 && calendar.workStartMinute <= calendar.workEndMinute && calendar.workEndMinute <= 24 * 60)) {
    throw new RangeError(`Working hours must lie within a day and start before they end, not ${calendar.workStartMinute}–${calendar.workEndMinute} minutes`)
  }
  const spans: ClassedSpan[] = []
  const push = (rateClass: RateClass, day: string, from: number, to: number) => {
    if (to > from) spans.push({ rateClass, day, startMs: from, endMs: to })
  }
  for (const { day, startMs: from, endMs: to } of splitIntoLocalDayRanges(startMs, endMs, timeZone)) {
    const weekday = new TZDate(from, timeZone).getDay() as Weekday
    if (calendar.holidays.has(day)) push('holiday', day, from, to)
    else if (!calendar.workdays.includes(weekday)) push('weekend', day, from, to)
    else {
      const open = localInstant(day, calendar.workStartMinute, timeZone)
      const close = calendar.workEndMinute === 24 * 60 ? Number.POSITIVE_INFINITY : localInstant(day, calendar.workEndMinute, timeZone)
      push('afterHours', day, from, Math.min(to, open))
      push('normal', day, Math.max(from, open), Math.min(to, close))
      push('afterHours', day, Math.max(from, close), to)
    }
  }
  return spans
}

/** How many milliseconds of the span fall in each rate class. */
export function rateClassTotals(startMs: number, endMs: number, timeZone: string, calendar: RateCalendar): Record<RateClass, number> {
  const totals: Record<RateClass, number> = { normal: 0, afterHours: 0, weekend: 0, holiday: 0 }
  for (const span of splitByRateClass(startMs, endMs, timeZone, calendar)) totals[span.rateClass] += span.endMs - span.startMs
  return totals
}
