import { describe, expect, it } from 'vitest'
import { dayLabel, isMonthKey, monthLabel, shiftMonth, spokenHours, wholePercent } from './month-nav'

describe('months for the month views', () => {
  it('steps across year ends both ways', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(shiftMonth('2026-11', -23)).toBe('2024-12')
    expect(() => shiftMonth('2026-1', 1)).toThrow(/not a month/)
  })

  it('reads only whole months as months', () => {
    expect(isMonthKey('2026-11')).toBe(true)
    expect(isMonthKey('2026-13')).toBe(false)
    expect(isMonthKey('2026-00')).toBe(false)
    expect(isMonthKey('')).toBe(false)
    expect(isMonthKey('2026-11-01')).toBe(false)
  })

  it('writes months and days out', () => {
    expect(monthLabel('2026-11')).toBe('November 2026')
    expect(dayLabel('2026-11-16')).toBe('16 Nov 2026')
  })

  it('says hours the way a sentence does, and never rounds 79.9 % up to the 80 % that warns', () => {
    expect(spokenHours(40 * 3600)).toBe('40 h')
    expect(spokenHours(32 * 3600 + 30 * 60)).toBe('32 h 30 min')
    expect(spokenHours(45 * 60)).toBe('45 min')
    expect(wholePercent(0.799)).toBe(79)
    expect(wholePercent(0.8)).toBe(80)
    expect(wholePercent(1.125)).toBe(112)
  })
})
