import { describe, expect, it } from 'vitest'
import { expectedSecondsOn } from './expected-hours'

const H = 3600

describe('what a day expects, as of today', () => {
  it('expects its planned hours today and on the days before, nothing on the days after', () => {
    expect(expectedSecondsOn('2026-12-02', 8 * H, '2026-12-03')).toBe(8 * H)
    expect(expectedSecondsOn('2026-12-03', 8 * H, '2026-12-03')).toBe(8 * H)
    expect(expectedSecondsOn('2026-12-04', 8 * H, '2026-12-03')).toBe(0)
  })

  it('counts every day when nobody says which day it is', () => {
    expect(expectedSecondsOn('2099-01-01', 8 * H, undefined)).toBe(8 * H)
  })
})
