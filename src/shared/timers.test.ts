import { describe, expect, it } from 'vitest'
import { DEFAULT_TIMER_COLORS, SLOT_COUNT, SlotSchema, elapsedSeconds, formatClock } from './timers'

describe('timer display', () => {
  it.each([
    [0, '0:00:00'],
    [59, '0:00:59'],
    [61, '0:01:01'],
    [3600, '1:00:00'],
    [36_000 + 59 * 60 + 7, '10:59:07'],
    [-5, '0:00:00'],
  ])('formats %i seconds as %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text)
  })

  it('adds the open segment to the closed seconds', () => {
    expect(elapsedSeconds({ closedSeconds: 90, runningSince: 1_000 }, 61_999)).toBe(150)
    expect(elapsedSeconds({ closedSeconds: 90, runningSince: null }, 61_999)).toBe(90)
  })

  it('never counts backwards when the clock is behind the start of the open segment', () => {
    expect(elapsedSeconds({ closedSeconds: 30, runningSince: 10_000 }, 5_000)).toBe(30)
  })
})

describe('slots', () => {
  it('has one distinct default colour per slot', () => {
    expect(DEFAULT_TIMER_COLORS).toHaveLength(SLOT_COUNT)
    expect(new Set(DEFAULT_TIMER_COLORS.map((c) => c.toLowerCase())).size).toBe(SLOT_COUNT)
  })

  it.each([0, 10, 1.5, -1, Number.NaN])('refuses slot %s', (slot) => {
    const result = SlotSchema.safeParse(slot)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('slot must be a whole number from 1 to 9')
  })

  it('refuses a slot given as text', () => {
    expect(SlotSchema.safeParse('3').error?.issues[0]?.message).toBe('slot must be a whole number from 1 to 9')
  })
})
