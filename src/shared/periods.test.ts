import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PERIOD_RULE,
  PeriodRuleSchema,
  addDays,
  daysOf,
  isValidDay,
  nextPeriod,
  periodContaining,
  periodLabel,
  previousPeriod,
  weekdayOf,
  type Period,
  type PeriodRule,
  type Weekday,
} from './periods'

const weekly = (weekStartsOn: Weekday): PeriodRule => ({ kind: 'weekly', weekStartsOn })
const biweekly = (anchor: string, weekStartsOn: Weekday = 1): PeriodRule => ({ kind: 'biweekly', anchor, weekStartsOn })
const SEMIMONTHLY: PeriodRule = { kind: 'semimonthly' }
const MONTHLY: PeriodRule = { kind: 'monthly' }
const period = (start: string, end: string): Period => ({ start, end })

describe('a week starts on the day the team chose', () => {
  // Wednesday 18 November 2026, in the middle of the month: 15 Nov is a Sunday.
  it.each<[string, Weekday, Period]>([
    ['Sunday', 0, period('2026-11-15', '2026-11-21')],
    ['Monday', 1, period('2026-11-16', '2026-11-22')],
    ['Tuesday', 2, period('2026-11-17', '2026-11-23')],
    ['Wednesday', 3, period('2026-11-18', '2026-11-24')],
    ['Thursday', 4, period('2026-11-12', '2026-11-18')],
    ['Friday', 5, period('2026-11-13', '2026-11-19')],
    ['Saturday', 6, period('2026-11-14', '2026-11-20')],
  ])('weeks starting on %s put Wednesday 18 Nov 2026 in %o', (_name, weekStartsOn, expected) => {
    expect(periodContaining('2026-11-18', weekly(weekStartsOn))).toEqual(expected)
  })

  it.each<[string, string, Weekday, Period]>([
    ['the first day of the week is in its own week', '2026-11-16', 1, period('2026-11-16', '2026-11-22')],
    ['the last day of the week is in the same week', '2026-11-22', 1, period('2026-11-16', '2026-11-22')],
    ['a Sunday in a Monday team belongs to the week before', '2026-11-15', 1, period('2026-11-09', '2026-11-15')],
    ['a week across the end of November', '2026-12-01', 1, period('2026-11-30', '2026-12-06')],
    ['a week across New Year, seen from New Year’s Eve', '2026-12-31', 1, period('2026-12-28', '2027-01-03')],
    ['the same week seen from 3 January', '2027-01-03', 1, period('2026-12-28', '2027-01-03')],
    ['a Sunday-start week across New Year', '2027-01-01', 0, period('2026-12-27', '2027-01-02')],
    ['a Saturday-start week across New Year', '2026-12-31', 6, period('2026-12-26', '2027-01-01')],
    ['a week around leap day 2024', '2024-02-29', 1, period('2024-02-26', '2024-03-03')],
    ['a week around the end of February 2100, which has no 29th', '2100-02-28', 1, period('2100-02-22', '2100-02-28')],
    ['the week after it starts on 1 March 2100', '2100-03-01', 1, period('2100-03-01', '2100-03-07')],
    ['2000 is a leap year: its 29 February is in a week', '2000-02-29', 1, period('2000-02-28', '2000-03-05')],
  ])('%s', (_story, day, weekStartsOn, expected) => {
    expect(periodContaining(day, weekly(weekStartsOn))).toEqual(expected)
  })

  it('uses Monday weeks by default', () => {
    expect(DEFAULT_PERIOD_RULE).toEqual({ kind: 'weekly', weekStartsOn: 1 })
    expect(periodContaining('2026-11-18', DEFAULT_PERIOD_RULE)).toEqual(period('2026-11-16', '2026-11-22'))
  })
})

describe('bi-weekly periods pair weeks from the anchor, before and after it', () => {
  // The anchor Monday 2 November 2026 starts the period 2–15 November.
  const rule = biweekly('2026-11-02')
  it.each<[string, string, Period]>([
    ['the anchor day itself starts a period', '2026-11-02', period('2026-11-02', '2026-11-15')],
    ['13 days after the anchor is the last day of that period', '2026-11-15', period('2026-11-02', '2026-11-15')],
    ['14 days after the anchor starts the next period', '2026-11-16', period('2026-11-16', '2026-11-29')],
    ['the day before the anchor ends the period before it', '2026-11-01', period('2026-10-19', '2026-11-01')],
    ['14 days before the anchor starts the period before it', '2026-10-19', period('2026-10-19', '2026-11-01')],
    ['15 days before the anchor is two periods back', '2026-10-18', period('2026-10-05', '2026-10-18')],
    ['a day 52 weeks before the anchor is 26 periods back', '2025-11-05', period('2025-11-03', '2025-11-16')],
    ['a day across New Year after the anchor', '2027-01-01', period('2026-12-28', '2027-01-10')],
  ])('%s', (_story, day, expected) => {
    expect(periodContaining(day, rule)).toEqual(expected)
  })

  it.each<[string, PeriodRule, string, Period]>([
    ['an anchor 25 years in the past still aligns today', biweekly('2001-01-01'), '2026-11-18', period('2026-11-16', '2026-11-29')],
    ['an anchor in the future aligns days before it', biweekly('2030-01-07'), '2026-11-18', period('2026-11-16', '2026-11-29')],
    ['a Sunday team with its anchor on a Sunday', biweekly('2026-11-15', 0), '2026-11-14', period('2026-11-01', '2026-11-14')],
    ['an anchor a week later shifts the pairing by a week', biweekly('2026-11-09'), '2026-11-18', period('2026-11-09', '2026-11-22')],
    ['the other pairing', biweekly('2026-11-16'), '2026-11-12', period('2026-11-02', '2026-11-15')],
    ['a period across leap day 2028', biweekly('2028-02-21'), '2028-03-05', period('2028-02-21', '2028-03-05')],
  ])('%s', (_story, rule, day, expected) => {
    expect(periodContaining(day, rule)).toEqual(expected)
  })
})

describe('semi-monthly periods are the 1st–15th and the 16th to the month’s end', () => {
  it.each<[string, string, Period]>([
    ['the 1st', '2026-11-01', period('2026-11-01', '2026-11-15')],
    ['the 15th is the last day of the first half', '2026-11-15', period('2026-11-01', '2026-11-15')],
    ['the 16th starts the second half', '2026-11-16', period('2026-11-16', '2026-11-30')],
    ['31 January ends a 16-day second half', '2026-01-31', period('2026-01-16', '2026-01-31')],
    ['28 February 2026 ends a 13-day second half', '2026-02-28', period('2026-02-16', '2026-02-28')],
    ['29 February 2028 ends a leap-year second half', '2028-02-29', period('2028-02-16', '2028-02-29')],
    ['28 February 2028 is not the end in a leap year', '2028-02-28', period('2028-02-16', '2028-02-29')],
    ['29 February 2024', '2024-02-29', period('2024-02-16', '2024-02-29')],
    ['February 2100 has 28 days', '2100-02-20', period('2100-02-16', '2100-02-28')],
    ['February 2000 has 29 days', '2000-02-20', period('2000-02-16', '2000-02-29')],
    ['31 December', '2026-12-31', period('2026-12-16', '2026-12-31')],
  ])('%s', (_story, day, expected) => {
    expect(periodContaining(day, SEMIMONTHLY)).toEqual(expected)
  })
})

describe('monthly periods are whole calendar months', () => {
  it.each<[string, string, Period]>([
    ['December', '2026-12-15', period('2026-12-01', '2026-12-31')],
    ['January', '2027-01-01', period('2027-01-01', '2027-01-31')],
    ['February 2026', '2026-02-28', period('2026-02-01', '2026-02-28')],
    ['February 2024 (leap)', '2024-02-29', period('2024-02-01', '2024-02-29')],
    ['February 2100 (not leap: divisible by 100)', '2100-02-01', period('2100-02-01', '2100-02-28')],
    ['February 2000 (leap: divisible by 400)', '2000-02-10', period('2000-02-01', '2000-02-29')],
    ['a 30-day month', '2026-04-30', period('2026-04-01', '2026-04-30')],
  ])('%s', (_story, day, expected) => {
    expect(periodContaining(day, MONTHLY)).toEqual(expected)
  })
})

const RULES: [string, PeriodRule][] = [
  ...([0, 1, 2, 3, 4, 5, 6] as const).map((day): [string, PeriodRule] => [`weekly from weekday ${day}`, weekly(day)]),
  ['bi-weekly from Monday 2 Nov 2026', biweekly('2026-11-02')],
  ['bi-weekly from Sunday 4 Jan 2026', biweekly('2026-01-04', 0)],
  ['semi-monthly', SEMIMONTHLY],
  ['monthly', MONTHLY],
]

describe('stepping from period to period', () => {
  it.each<[string, PeriodRule, Period, Period]>([
    ['the week after the New Year week', weekly(1), period('2026-12-28', '2027-01-03'), period('2027-01-04', '2027-01-10')],
    ['the two weeks after a bi-weekly period across New Year', biweekly('2026-11-02'), period('2026-12-28', '2027-01-10'), period('2027-01-11', '2027-01-24')],
    ['the second half of December follows the first', SEMIMONTHLY, period('2026-12-01', '2026-12-15'), period('2026-12-16', '2026-12-31')],
    ['January follows the second half of December', SEMIMONTHLY, period('2026-12-16', '2026-12-31'), period('2027-01-01', '2027-01-15')],
    ['leap February’s second half follows its first', SEMIMONTHLY, period('2028-02-01', '2028-02-15'), period('2028-02-16', '2028-02-29')],
    ['January follows December', MONTHLY, period('2026-12-01', '2026-12-31'), period('2027-01-01', '2027-01-31')],
  ])('%s', (_story, rule, from, expected) => {
    expect(nextPeriod(from, rule)).toEqual(expected)
    expect(previousPeriod(expected, rule)).toEqual(from)
  })

  it.each(RULES)('%s: next then previous, and previous then next, come back across New Year', (_name, rule) => {
    for (const day of ['2026-12-24', '2026-12-31', '2027-01-01', '2027-01-07']) {
      const here = periodContaining(day, rule)
      expect(previousPeriod(nextPeriod(here, rule), rule), day).toEqual(here)
      expect(nextPeriod(previousPeriod(here, rule), rule), day).toEqual(here)
    }
  })

  it.each(RULES)('%s: periods tile two years with no gap or overlap', (_name, rule) => {
    // Walk forward from the period of 1 Dec 2025 to past 1 Jan 2028 (crossing leap day 2028 and two
    // New Years): each day must be in exactly the period the walk is in, and each period must be
    // the one periodContaining gives for every one of its days.
    let current = periodContaining('2025-12-01', rule)
    let expectedDay = current.start
    let periods = 0
    while (current.start < '2028-01-01') {
      const days = daysOf(current)
      expect(days[0], current.start).toBe(expectedDay)
      for (const day of days) expect(periodContaining(day, rule), day).toEqual(current)
      expectedDay = addDays(current.end, 1)
      const next = nextPeriod(current, rule)
      expect(next.start, current.end).toBe(expectedDay)
      expect(previousPeriod(next, rule)).toEqual(current)
      current = next
      periods++
    }
    expect(periods).toBeGreaterThanOrEqual(24)
  })
})

describe('the days of a period', () => {
  it.each<[string, Period, string[]]>([
    ['a week across New Year', period('2026-12-28', '2027-01-03'), ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']],
    ['the end of leap February', period('2024-02-27', '2024-03-01'), ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']],
    ['the end of February 2100', period('2100-02-27', '2100-03-01'), ['2100-02-27', '2100-02-28', '2100-03-01']],
    ['a single day', period('2026-11-16', '2026-11-16'), ['2026-11-16']],
  ])('%s', (_story, span, expected) => {
    expect(daysOf(span)).toEqual(expected)
  })

  it.each<[PeriodRule, string, number]>([
    [weekly(1), '2026-11-18', 7],
    [biweekly('2026-11-02'), '2026-11-18', 14],
    [SEMIMONTHLY, '2026-02-20', 13],
    [SEMIMONTHLY, '2026-01-20', 16],
    [MONTHLY, '2024-02-01', 29],
    [MONTHLY, '2026-12-01', 31],
  ])('%o around %s has %i days', (rule, day, length) => {
    expect(daysOf(periodContaining(day, rule))).toHaveLength(length)
  })

  it('refuses a period that ends before it starts', () => {
    expect(() => daysOf(period('2026-11-22', '2026-11-16'))).toThrow(new RangeError('a period cannot end (2026-11-16) before it starts (2026-11-22)'))
  })
})

describe('calendar helpers', () => {
  it.each<[string, number, string]>([
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-11-16', 0, '2026-11-16'],
    ['2026-11-16', 365, '2027-11-16'],
    ['2026-03-08', 1, '2026-03-09'], // a US DST change: a day is still a day
    ['2026-03-29', 1, '2026-03-30'], // a European DST change
    ['0050-02-28', 1, '0050-03-01'], // years below 100 are not read as 19xx
  ])('%s plus %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected)
  })

  it('refuses to add part of a day, or to leave the years 0001–9999', () => {
    expect(() => addDays('2026-11-16', 0.5)).toThrow(RangeError)
    expect(() => addDays('9999-12-31', 1)).toThrow(new RangeError('the calendar here covers the years 0001 to 9999; this step would reach the year 10000'))
  })

  it.each<[string, Weekday]>([
    ['2026-11-15', 0],
    ['2026-11-16', 1],
    ['2026-11-18', 3],
    ['2026-11-21', 6],
    ['2000-01-01', 6],
    ['2024-02-29', 4],
    ['1970-01-01', 4],
  ])('%s falls on weekday %i', (day, expected) => {
    expect(weekdayOf(day)).toBe(expected)
  })

  it.each(['2026-11-16', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('%s is a day', (text) => {
    expect(isValidDay(text)).toBe(true)
  })

  it.each(['2026-02-30', '2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-11-00', '2026-04-31', '2026-1-5', '26-11-16', '2026/11/16', '2026-11-16T00:00', ' 2026-11-16', '', 'garbage', '0000-01-01', '２０２６-11-16'])(
    '"%s" is not a day',
    (text) => {
      expect(isValidDay(text)).toBe(false)
    },
  )
})

describe('a day that is not a day is refused with a reason', () => {
  it.each<[string, string]>([
    ['2026-02-30', '"2026-02-30" is not a real date: February 2026 has days 01 to 28'],
    ['2100-02-29', '"2100-02-29" is not a real date: February 2100 has days 01 to 28'],
    ['2026-04-31', '"2026-04-31" is not a real date: April 2026 has days 01 to 30'],
    ['2026-13-01', '"2026-13-01" is not a real date: months run from 01 to 12'],
    ['0000-06-01', '"0000-06-01" is not a real date: years run from 0001 to 9999'],
    ['2026-1-5', '"2026-1-5" is not a day: expected YYYY-MM-DD, such as 2026-11-16'],
    ['garbage', '"garbage" is not a day: expected YYYY-MM-DD, such as 2026-11-16'],
  ])('periodContaining("%s") throws: %s', (day, message) => {
    expect(() => periodContaining(day, DEFAULT_PERIOD_RULE)).toThrow(new RangeError(message))
  })

  it.each(RULES)('%s refuses 2026-02-30', (_name, rule) => {
    expect(() => periodContaining('2026-02-30', rule)).toThrow(RangeError)
  })

  it('refuses an invalid day in every helper', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError)
    expect(() => weekdayOf('2026-1-5')).toThrow(RangeError)
    expect(() => daysOf(period('2026-11-16', 'soon'))).toThrow(RangeError)
    expect(() => nextPeriod(period('2026-11-16', '2026-11-31'), DEFAULT_PERIOD_RULE)).toThrow(RangeError)
    expect(() => periodLabel(period('x', '2026-11-22'), DEFAULT_PERIOD_RULE)).toThrow(RangeError)
  })
})

describe('period settings', () => {
  it.each<PeriodRule>([
    { kind: 'weekly', weekStartsOn: 0 },
    { kind: 'weekly', weekStartsOn: 6 },
    { kind: 'biweekly', anchor: '2026-11-02', weekStartsOn: 1 },
    { kind: 'biweekly', anchor: '2026-11-01', weekStartsOn: 0 },
    { kind: 'semimonthly' },
    { kind: 'monthly' },
  ])('accepts %o', (rule) => {
    expect(PeriodRuleSchema.parse(rule)).toEqual(rule)
  })

  it.each<[string, unknown, string]>([
    [
      'an anchor on a Tuesday for Monday weeks',
      { kind: 'biweekly', anchor: '2026-11-03', weekStartsOn: 1 },
      'the bi-weekly anchor 2026-11-03 is a Tuesday, but weeks start on Monday: pick the Monday that begins one of the two-week periods',
    ],
    [
      'an anchor on a Monday for Sunday weeks',
      { kind: 'biweekly', anchor: '2026-11-02', weekStartsOn: 0 },
      'the bi-weekly anchor 2026-11-02 is a Monday, but weeks start on Sunday: pick the Sunday that begins one of the two-week periods',
    ],
    ['an anchor that is not a real date', { kind: 'biweekly', anchor: '2026-02-30', weekStartsOn: 1 }, 'the bi-weekly anchor is the first day of one two-week period, and "2026-02-30" is not a real date: February 2026 has days 01 to 28'],
    ['an anchor in another format', { kind: 'biweekly', anchor: '02/11/2026', weekStartsOn: 1 }, 'the bi-weekly anchor is the first day of one two-week period, and "02/11/2026" is not a day: expected YYYY-MM-DD, such as 2026-11-16'],
    ['a week starting on day 7', { kind: 'weekly', weekStartsOn: 7 }, 'the first day of the week must be a whole number from 0 (Sunday) to 6 (Saturday)'],
    ['a week starting on "1"', { kind: 'weekly', weekStartsOn: '1' }, 'the first day of the week must be a whole number from 0 (Sunday) to 6 (Saturday)'],
  ])('refuses %s', (_story, rule, message) => {
    const result = PeriodRuleSchema.safeParse(rule)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(message)
  })

  it('points at the anchor when it is the anchor that is wrong', () => {
    const result = PeriodRuleSchema.safeParse({ kind: 'biweekly', anchor: '2026-11-03', weekStartsOn: 1 })
    expect(result.error?.issues[0]?.path).toEqual(['anchor'])
  })

  it.each([{ kind: 'quarterly' }, { kind: 'biweekly', weekStartsOn: 1 }, {}, null])('refuses %o', (rule) => {
    expect(PeriodRuleSchema.safeParse(rule).success).toBe(false)
  })

  it('refuses a misaligned anchor built in code, as the schema would', () => {
    expect(() => periodContaining('2026-11-18', biweekly('2026-11-03'))).toThrow(
      new RangeError('the bi-weekly anchor 2026-11-03 is a Tuesday, but weeks start on Monday: pick the Monday that begins one of the two-week periods'),
    )
  })
})

describe('the heading of a timesheet', () => {
  it.each<[string, Period, PeriodRule, string]>([
    ['a week names its first day', period('2026-11-16', '2026-11-22'), weekly(1), 'Week of 16 Nov 2026'],
    ['a week across New Year still names its first day', period('2026-12-28', '2027-01-03'), weekly(1), 'Week of 28 Dec 2026'],
    ['two weeks in one month', period('2026-11-16', '2026-11-29'), biweekly('2026-11-02'), '16–29 Nov 2026'],
    ['two weeks across a month end', period('2026-11-30', '2026-12-13'), biweekly('2026-11-02'), '30 Nov – 13 Dec 2026'],
    ['two weeks across New Year', period('2026-12-28', '2027-01-10'), biweekly('2026-11-02'), '28 Dec 2026 – 10 Jan 2027'],
    ['the first half of a month', period('2026-11-01', '2026-11-15'), SEMIMONTHLY, '1–15 Nov 2026'],
    ['the second half of leap February', period('2028-02-16', '2028-02-29'), SEMIMONTHLY, '16–29 Feb 2028'],
    ['a whole month', period('2026-11-01', '2026-11-30'), MONTHLY, 'November 2026'],
    ['a whole leap February', period('2024-02-01', '2024-02-29'), MONTHLY, 'February 2024'],
    ['a span that is not a whole month falls back to a range', period('2026-12-28', '2027-01-03'), MONTHLY, '28 Dec 2026 – 3 Jan 2027'],
    ['a single day', period('2026-11-16', '2026-11-16'), SEMIMONTHLY, '16 Nov 2026'],
    ['a year before 1000 keeps four digits', period('0999-03-01', '0999-03-07'), weekly(0), 'Week of 1 Mar 0999'],
    ['the last whole month the calendar has', period('9999-12-01', '9999-12-31'), MONTHLY, 'December 9999'],
  ])('%s: %s', (_story, span, rule, expected) => {
    expect(periodLabel(span, rule)).toBe(expected)
  })

  it.each(RULES)('%s: every period has its own heading over two years', (_name, rule) => {
    const labels = new Set<string>()
    let current = periodContaining('2026-01-01', rule)
    for (let i = 0; i < 40; i++) {
      labels.add(periodLabel(current, rule))
      current = nextPeriod(current, rule)
    }
    expect(labels.size).toBe(40)
  })
})
