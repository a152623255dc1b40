import { describe, expect, it } from 'vitest'
import { ROUNDING_STEPS, RoundingRuleSchema, roundSeconds, type RoundingMode } from './rounding'

/** Seconds of `m` minutes and `s` seconds, so the tables read like a clock. */
const mins = (m: number, s = 0): number => m * 60 + s
const HOUR = 3600

describe('rounding a timesheet entry for billing', () => {
  it.each<[string, RoundingMode, number, number, number]>([
    ['a 7:30 call is billed as a quarter hour', 'nearest', 15, mins(7, 30), mins(15)],
    ['a 7:29 call rounds away to nothing', 'nearest', 15, mins(7, 29), 0],
    ['a 22:30 job goes up to half an hour', 'nearest', 15, mins(22, 30), mins(30)],
    ['a 3-second check of a ticket is a whole minute when rounding up', 'up', 1, 3, mins(1)],
    ['a 16-minute job billed in quarter hours up is half an hour', 'up', 15, mins(16), mins(30)],
    ['a 16-minute job billed in quarter hours down is a quarter hour', 'down', 15, mins(16), mins(15)],
    ['tenths of an hour: 7 minutes up is 12 minutes', 'up', 6, mins(7), mins(12)],
    ['tenths of an hour: 9 minutes to the nearest is 12 minutes', 'nearest', 6, mins(9), mins(12)],
    ['tenths of an hour: 8:59 to the nearest is 6 minutes', 'nearest', 6, mins(8, 59), mins(6)],
    ['no rounding keeps the seconds', 'none', 15, mins(7, 29), mins(7, 29)],
  ])('%s', (_story, mode, minutes, seconds, expected) => {
    expect(roundSeconds(seconds, { mode, minutes })).toBe(expected)
  })

  // For each allowed step S: exact multiples stay, and one second either side of a
  // boundary and the half-way point land where each mode says.
  const boundaryCases = ROUNDING_STEPS.flatMap((minutes) => {
    const step = minutes * 60
    const half = step / 2
    return [
      // [mode, minutes, input, expected, what]
      ['none', minutes, 2 * step + 1, 2 * step + 1, 'one second above 2 steps'],
      ['none', minutes, 2 * step - 1, 2 * step - 1, 'one second below 2 steps'],
      ['up', minutes, 2 * step, 2 * step, 'exactly 2 steps'],
      ['up', minutes, 2 * step + 1, 3 * step, 'one second above 2 steps'],
      ['up', minutes, 2 * step - 1, 2 * step, 'one second below 2 steps'],
      ['up', minutes, 1, step, 'a single second'],
      ['down', minutes, 2 * step, 2 * step, 'exactly 2 steps'],
      ['down', minutes, 2 * step + 1, 2 * step, 'one second above 2 steps'],
      ['down', minutes, 2 * step - 1, step, 'one second below 2 steps'],
      ['down', minutes, step - 1, 0, 'one second short of a step'],
      ['nearest', minutes, 2 * step, 2 * step, 'exactly 2 steps'],
      ['nearest', minutes, 2 * step + 1, 2 * step, 'one second above 2 steps'],
      ['nearest', minutes, 2 * step - 1, 2 * step, 'one second below 2 steps'],
      ['nearest', minutes, step + half, 2 * step, 'exactly half-way between 1 and 2 steps'],
      ['nearest', minutes, step + half - 1, step, 'one second before half-way'],
      ['nearest', minutes, half, step, 'half a step'],
      ['nearest', minutes, half - 1, 0, 'one second short of half a step'],
    ] as [RoundingMode, number, number, number, string][]
  })

  it.each(boundaryCases)("'%s' to %i-minute steps turns %i s into %i s (%s)", (mode, minutes, seconds, expected) => {
    expect(roundSeconds(seconds, { mode, minutes })).toBe(expected)
  })

  it.each<RoundingMode>(['none', 'up', 'down', 'nearest'])("'%s' keeps a zero duration at zero", (mode) => {
    expect(roundSeconds(0, { mode, minutes: 15 })).toBe(0)
  })

  it.each<[string, RoundingMode, number, number]>([
    ['a full 10-hour day stays as it is', 'up', 10 * HOUR, 10 * HOUR],
    ['10 hours and a second goes up to 10:15', 'up', 10 * HOUR + 1, 10 * HOUR + mins(15)],
    ['10 hours 14:59 goes down to 10 hours', 'down', 10 * HOUR + mins(14, 59), 10 * HOUR],
    ['10 hours 7:30 goes to the nearest 10:15', 'nearest', 10 * HOUR + mins(7, 30), 10 * HOUR + mins(15)],
    ['a forgotten timer of 1000 hours still rounds exactly', 'up', 1000 * HOUR + 1, 1000 * HOUR + mins(15)],
  ])('%s', (_story, mode, seconds, expected) => {
    expect(roundSeconds(seconds, { mode, minutes: 15 })).toBe(expected)
  })
})

describe('minimum billed time', () => {
  it.each<[string, RoundingMode, number, number, number, number]>([
    ['a 1-second look at a ticket is billed as the 15-minute minimum', 'none', 1, 1, 15, mins(15)],
    ['the minimum applies after rounding down', 'down', 15, mins(14), 15, mins(15)],
    ['the minimum applies after rounding to the nearest', 'nearest', 6, mins(2), 10, mins(10)],
    ['time above the minimum is rounded as usual', 'up', 15, mins(16), 15, mins(30)],
    ['time exactly at the minimum stays', 'none', 1, mins(15), 15, mins(15)],
    ['a minimum of 0 changes nothing', 'down', 15, mins(14), 0, 0],
  ])('%s', (_story, mode, minutes, seconds, minimumMinutes, expected) => {
    expect(roundSeconds(seconds, { mode, minutes, minimumMinutes })).toBe(expected)
  })

  it.each<RoundingMode>(['none', 'up', 'down', 'nearest'])("'%s' never bills the minimum for zero time", (mode) => {
    expect(roundSeconds(0, { mode, minutes: 15, minimumMinutes: 15 })).toBe(0)
  })
})

describe('input that is not a whole, valid duration', () => {
  it.each<[string, RoundingMode, number, number]>([
    ['no rounding drops the fraction', 'none', 59.99, 59],
    ['a fraction just under a step rounds up to the step', 'up', 899.9, mins(15)],
    ['a fraction just over a step does not push it to the next step', 'up', 900.5, mins(15)],
    ['a fraction just under half-way stays under half-way', 'nearest', 449.9, 0],
    ['rounding down drops the fraction too', 'down', 1799.999, mins(15)],
  ])('%s', (_story, mode, seconds, expected) => {
    const rounded = roundSeconds(seconds, { mode, minutes: 15 })
    expect(rounded).toBe(expected)
    expect(Number.isInteger(rounded)).toBe(true)
  })

  it.each([
    [-1, 'duration cannot be negative, got -1 seconds'],
    [Number.NaN, 'duration must be a finite number of seconds, got NaN'],
    [Number.POSITIVE_INFINITY, 'duration must be a finite number of seconds, got Infinity'],
  ])('refuses %s seconds with a RangeError', (seconds, message) => {
    expect(() => roundSeconds(seconds, { mode: 'up', minutes: 15 })).toThrow(new RangeError(message))
  })

  it('refuses a rule built in code with a zero step instead of dividing by zero', () => {
    expect(() => roundSeconds(60, { mode: 'up', minutes: 0 })).toThrow(RangeError)
  })

  it('refuses a negative minimum', () => {
    expect(() => roundSeconds(60, { mode: 'none', minutes: 1, minimumMinutes: -5 })).toThrow(RangeError)
  })
})

describe('rounding settings', () => {
  it.each(ROUNDING_STEPS)('accepts %i-minute steps', (minutes) => {
    expect(RoundingRuleSchema.safeParse({ mode: 'nearest', minutes }).success).toBe(true)
  })

  it.each([7, 0, 60, 15.5, '15'])('refuses a %s-minute step', (minutes) => {
    const result = RoundingRuleSchema.safeParse({ mode: 'up', minutes })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('rounding step must be one of 1, 5, 6, 10, 15, 30 minutes')
  })

  it.each([0, 15, 480])('accepts a minimum of %i minutes', (minimumMinutes) => {
    expect(RoundingRuleSchema.parse({ mode: 'up', minutes: 15, minimumMinutes })).toEqual({ mode: 'up', minutes: 15, minimumMinutes })
  })

  it.each([-1, 481, 2.5])('refuses a minimum of %s minutes', (minimumMinutes) => {
    const result = RoundingRuleSchema.safeParse({ mode: 'up', minutes: 15, minimumMinutes })
    expect(result.error?.issues[0]?.message).toBe('minimum billed time must be a whole number of minutes from 0 to 480')
  })

  it('refuses an unknown mode', () => {
    expect(RoundingRuleSchema.safeParse({ mode: 'ceiling', minutes: 15 }).success).toBe(false)
  })

  it('leaves the minimum out when none is set', () => {
    expect(RoundingRuleSchema.parse({ mode: 'none', minutes: 1 })).toEqual({ mode: 'none', minutes: 1 })
  })
})
