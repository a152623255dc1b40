import { describe, expect, it } from 'vitest'
import { instantAt, wallTimeOn } from './run-times'

describe('wall-clock times of runs', () => {
  it('reads a time on the entry’s day in the entry’s zone, whatever zone this process is in', () => {
    expect(instantAt('2026-11-16', '09:30', 'Europe/Berlin')).toBe(Date.parse('2026-11-16T08:30:00Z'))
    expect(instantAt('2026-11-16', '9:30', 'America/New_York')).toBe(Date.parse('2026-11-16T14:30:00Z'))
    expect(wallTimeOn('2026-11-16', Date.parse('2026-11-16T08:30:45Z'), 'Europe/Berlin')).toBe('09:30')
  })

  it('24:00 is the midnight that ends the day, and reads back as 24:00 on that day', () => {
    const end = instantAt('2026-11-16', '24:00', 'Europe/Berlin')
    expect(end).toBe(Date.parse('2026-11-16T23:00:00Z'))
    expect(wallTimeOn('2026-11-16', end ?? 0, 'Europe/Berlin')).toBe('24:00')
    expect(instantAt('2026-11-16', '24:30', 'Europe/Berlin')).toBeNull()
  })

  it('a time the clocks skipped does not exist; the repeated hour is still a time', () => {
    expect(instantAt('2026-03-29', '02:30', 'Europe/Berlin')).toBeNull()
    expect(instantAt('2026-03-29', '03:30', 'Europe/Berlin')).toBe(Date.parse('2026-03-29T01:30:00Z'))
    expect(instantAt('2026-10-25', '02:30', 'Europe/Berlin')).not.toBeNull()
  })

  it('refuses what is not a time', () => {
    for (const text of ['', '9', '09:60', '25:00', 'noon']) expect(instantAt('2026-11-16', text, 'UTC')).toBeNull()
  })
})
