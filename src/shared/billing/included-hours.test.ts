import { describe, expect, it } from 'vitest'
import { includedSecondsFor } from './included-hours'

describe('included hours for a range', () => {
  it('are the month’s for a whole month and a share by days of a part of one', () => {
    expect(includedSecondsFor(600, '2026-11-01', '2026-11-30')).toBe(36_000)
    expect(includedSecondsFor(600, '2026-11-16', '2026-11-30')).toBe(18_000)
    expect(includedSecondsFor(600, '2026-11-01', '2026-12-31')).toBe(72_000)
    expect(includedSecondsFor(null, '2026-11-01', '2026-11-30')).toBe(0)
  })
})
