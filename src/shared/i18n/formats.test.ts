// Dates, weekdays and weeks as each locale writes them; stored days never move, in any
// time zone (the suite runs with TZ=Pacific/Chatham and TZ=UTC).
import { describe, expect, it } from 'vitest'
import { decimalSeparator, formatClock, formatDayMedium, formatDayRange, formatDayShort, formatWeekdayDay, formatInstant, formatMoment, formatMonth, localeWeekStart, weekStartFor, weekdayName } from './formats'
import { dayRangeLabel } from '../periods'

describe('dates follow the locale', () => {
  it('a day in a grid header or list', () => {
    expect(formatDayShort('2026-11-16', 'en-GB')).toBe('Mon 16 Nov')
    expect(formatDayShort('2026-11-16', 'de-DE')).toBe('Mo 16. Nov.')
    expect(formatDayShort('2026-12-03', 'en-GB')).toBe('Thu 3 Dec')
    expect(formatDayShort('2026-12-03', 'de-DE')).toBe('Do 3. Dez.')
  })

  it('a day in a message, with its year', () => {
    expect(formatDayMedium('2026-12-03', 'en-GB')).toBe('3 Dec 2026')
    expect(formatDayMedium('2026-12-03', 'de-DE')).toBe('3. Dez. 2026')
  })

  it('the first and last day of a year stay on their day in every time zone', () => {
    expect(formatDayShort('2026-01-01', 'en-GB')).toBe('Thu 1 Jan')
    expect(formatDayShort('2026-12-31', 'de-DE')).toBe('Do 31. Dez.')
  })

  it('weekday names, long and short', () => {
    expect([0, 1, 6].map((d) => weekdayName(d, 'en-GB'))).toEqual(['Sunday', 'Monday', 'Saturday'])
    expect([0, 1, 6].map((d) => weekdayName(d, 'de-DE'))).toEqual(['Sonntag', 'Montag', 'Samstag'])
    expect([1, 3].map((d) => weekdayName(d, 'en-GB', 'short'))).toEqual(['Mon', 'Wed'])
    expect([1, 3].map((d) => weekdayName(d, 'de-DE', 'short'))).toEqual(['Mo', 'Mi'])
  })

  it('a month', () => {
    expect(formatMonth('2026-11', 'en-GB')).toBe('November 2026')
    expect(formatMonth('2026-03', 'de-DE')).toBe('März 2026')
    expect(formatMonth('not a month', 'de-DE')).toBe('not a month')
  })

  it('a clock time in the given zone', () => {
    const instant = Date.UTC(2026, 11, 3, 13, 5)
    expect(formatClock(instant, 'en-GB', 'UTC')).toBe('13:05')
    expect(formatClock(instant, 'de-DE', 'Europe/Berlin')).toBe('14:05')
  })

  it('the decimal separator', () => {
    expect(decimalSeparator('en-GB')).toBe('.')
    expect(decimalSeparator('en-US')).toBe('.')
    expect(decimalSeparator('de-DE')).toBe(',')
    expect(decimalSeparator('de-CH')).toBe('.')
  })
})

describe('the first day of the week', () => {
  it('follows the locale', () => {
    expect(localeWeekStart('de-DE')).toBe(1)
    expect(localeWeekStart('en-GB')).toBe(1)
    expect(localeWeekStart('en-US')).toBe(0)
    expect(localeWeekStart('not a locale!')).toBe(1)
  })

  it('unless the period rule names one', () => {
    expect(weekStartFor({ kind: 'weekly', weekStartsOn: 0 }, 'de-DE')).toBe(0)
    expect(weekStartFor({ kind: 'biweekly', weekStartsOn: 3, anchor: '2026-11-18' }, 'en-US')).toBe(3)
    expect(weekStartFor({ kind: 'monthly' }, 'en-US')).toBe(0)
    expect(weekStartFor({ kind: 'semimonthly' }, 'de-DE')).toBe(1)
  })
})

describe('periods and moments follow the locale', () => {
  it('a period’s days as a range, English as it has always read', () => {
    expect(dayRangeLabel({ start: '2026-11-16', end: '2026-11-22' }, 'en-GB')).toBe('16–22 Nov 2026')
    expect(formatDayRange({ start: '2026-11-16', end: '2026-11-22' }, 'de-DE')).toBe('16.–22. Nov. 2026')
    expect(formatDayRange({ start: '2026-11-30', end: '2026-12-06' }, 'de-DE')).toBe('30. Nov. – 6. Dez. 2026')
    expect(formatDayRange({ start: '2026-12-28', end: '2027-01-03' }, 'de-DE')).toBe('28. Dez. 2026 – 3. Jan. 2027')
  })

  it('a moment with its weekday, the year only when it is not this one, on the 24-hour clock', () => {
    const now = new Date(2026, 11, 3, 9, 0).getTime()
    const moment = new Date(2026, 10, 23, 9, 5).getTime()
    expect(formatMoment(moment, 'en-GB', now)).toBe('Mon 23 Nov, 09:05')
    expect(formatMoment(moment, 'de-DE', now)).toBe('Mo., 23. Nov., 09:05')
    expect(formatMoment(new Date(2025, 10, 16, 14, 5).getTime(), 'de-DE', now)).toBe('So., 16. Nov. 2025, 14:05')
    expect(formatInstant(new Date(2026, 10, 16, 0, 5).getTime(), 'de-DE')).toBe('16. Nov. 2026, 00:05')
    expect(formatInstant(new Date(2026, 10, 16, 0, 5).getTime(), 'en-GB')).toBe('16 Nov 2026, 00:05')
  })
})

describe('a weekday with its date in the month', () => {
  it('reads as the grid writes days, without the month: Mon 16 / Mo 16.', () => {
    expect(formatWeekdayDay('2026-11-16', 'en-GB')).toBe('Mon 16')
    expect(formatWeekdayDay('2026-11-16', 'de-DE')).toBe('Mo 16.')
    expect(formatWeekdayDay('2026-12-01', 'de-DE')).toBe('Di 1.')
  })
})
