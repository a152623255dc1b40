import { describe, expect, it } from 'vitest'
import { readableDays, shortDayLabel } from './day-words'

describe('days in messages read as the grid writes them', () => {
  it('names a day as the grid’s header does', () => {
    expect(shortDayLabel('2026-12-03')).toBe('Thu 3 Dec')
    expect(shortDayLabel('2026-11-16')).toBe('Mon 16 Nov')
  })

  it('rewrites the ISO days of a sentence sent by the host or the team server', () => {
    expect(readableDays('The period 2026-11-16 – 2026-11-22 is approved and locked.')).toBe('The period Mon 16 Nov – Sun 22 Nov is approved and locked.')
    expect(readableDays('A day has at most 24 hours: 2026-12-03 would have 25.00 h.')).toBe('A day has at most 24 hours: Thu 3 Dec would have 25.00 h.')
  })

  it('leaves days that are part of a file name, a path or an instant as they are', () => {
    const text = 'Saved 3 rows to /home/me/stint-entries-2026-11-01.csv at 2026-11-16T08:00:00Z.'
    expect(readableDays(text)).toBe(text)
  })
})
