import { TZDate } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { OFFICE_HOURS, rateClassTotals, splitByRateClass, type RateCalendar } from './rate-classes'

const BERLIN = 'Europe/Berlin'
const HOUR = 3_600_000
/** A local time in Berlin: (2026, 11, 20, 7) is Friday 20 November 2026, 07:00. */
const berlin = (y: number, m: number, d: number, h: number, min = 0) => new TZDate(y, m - 1, d, h, min, BERLIN).getTime()
const hours = (totals: Record<string, number>) => Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / HOUR]))
const NINE_TO_FIVE: RateCalendar = { ...OFFICE_HOURS, workStartMinute: 9 * 60, workEndMinute: 17 * 60 }

describe('rate classes by local time', () => {
  it('a long weekday: after hours before nine and after five, normal between', () => {
    expect(hours(rateClassTotals(berlin(2026, 11, 20, 7), berlin(2026, 11, 20, 19), BERLIN, NINE_TO_FIVE))).toEqual({ normal: 8, afterHours: 4, weekend: 0, holiday: 0 })
  })

  it('Friday night into Saturday: two hours after hours, two at the weekend, each on its day', () => {
    const spans = splitByRateClass(berlin(2026, 11, 20, 22), berlin(2026, 11, 21, 2), BERLIN, NINE_TO_FIVE)
    expect(spans.map((s) => [s.rateClass, s.day, (s.endMs - s.startMs) / HOUR])).toEqual([
      ['afterHours', '2026-11-20', 2],
      ['weekend', '2026-11-21', 2],
    ])
  })

  it('a public holiday on a weekday is a holiday all day, in working hours too', () => {
    const calendar = { ...NINE_TO_FIVE, holidays: new Set(['2026-12-25']) }
    expect(hours(rateClassTotals(berlin(2026, 12, 25, 10), berlin(2026, 12, 25, 12), BERLIN, calendar))).toEqual({ normal: 0, afterHours: 0, weekend: 0, holiday: 2 })
  })

  it('the working days are the calendar’s: a shop open on Saturdays bills Saturday at the normal rate', () => {
    const saturdays = { ...NINE_TO_FIVE, workdays: [1, 2, 3, 4, 5, 6] as const }
    expect(hours(rateClassTotals(berlin(2026, 11, 21, 10), berlin(2026, 11, 21, 11), BERLIN, saturdays))).toEqual({ normal: 1, afterHours: 0, weekend: 0, holiday: 0 })
  })

  it('on the day Berlin skips an hour (Sunday 29 March 2026, worked), the hours are the hours it had', () => {
    const sundays = { ...NINE_TO_FIVE, workdays: [0] as const, workStartMinute: 60, workEndMinute: 4 * 60 }
    // 00:00 to 05:00 on the clock is four hours of wall clock: 1 before 01:00, 2 from 01:00 to 04:00 (02:00–03:00 never happens), 1 after.
    expect(hours(rateClassTotals(berlin(2026, 3, 29, 0), berlin(2026, 3, 29, 5), BERLIN, sundays))).toEqual({ normal: 2, afterHours: 2, weekend: 0, holiday: 0 })
  })

  it('on the day Berlin repeats an hour (Sunday 25 October 2026, worked), the repeated hour counts twice', () => {
    const sundays = { ...NINE_TO_FIVE, workdays: [0] as const, workStartMinute: 60, workEndMinute: 4 * 60 }
    expect(hours(rateClassTotals(berlin(2026, 10, 25, 0), berlin(2026, 10, 25, 5), BERLIN, sundays))).toEqual({ normal: 4, afterHours: 2, weekend: 0, holiday: 0 })
  })

  it('the same instant is after hours in one zone and normal in another: the zone the work was done in decides', () => {
    const instant = Date.UTC(2026, 10, 20, 16, 30) // Friday 17:30 in Berlin, 11:30 in New York
    expect(hours(rateClassTotals(instant, instant + HOUR, BERLIN, NINE_TO_FIVE))).toMatchObject({ normal: 0, afterHours: 1 })
    expect(hours(rateClassTotals(instant, instant + HOUR, 'America/New_York', NINE_TO_FIVE))).toMatchObject({ normal: 1, afterHours: 0 })
  })

  it('the pieces cover the span exactly, over a whole week', () => {
    const from = berlin(2026, 11, 16, 3, 17)
    const to = berlin(2026, 11, 23, 5, 41)
    const spans = splitByRateClass(from, to, BERLIN, { ...NINE_TO_FIVE, holidays: new Set(['2026-11-18']) })
    expect(spans[0]?.startMs).toBe(from)
    expect(spans.at(-1)?.endMs).toBe(to)
    spans.slice(1).forEach((span, i) => expect(span.startMs).toBe(spans[i]?.endMs))
  })

  it('refuses working hours that do not fit a day', () => {
    expect(() => splitByRateClass(0, HOUR, BERLIN, { ...NINE_TO_FIVE, workStartMinute: 18 * 60, workEndMinute: 9 * 60 })).toThrow('Working hours must lie within a day and start before they end, not 1080–540 minutes')
  })
})
