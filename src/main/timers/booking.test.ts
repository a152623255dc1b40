import { describe, expect, it } from 'vitest'
import { bookRun, runSeconds, type ClosedSegment } from './booking'

const none = { mode: 'none', minutes: 1 } as const
const at = (iso: string) => Date.parse(iso)

describe('booking a run', () => {
  it('several segments on one day make one entry with every range, each with its run’s primary mark', () => {
    const segments: ClosedSegment[] = [
      { startedAt: at('2026-11-16T08:00:00Z'), endedAt: at('2026-11-16T08:30:00Z'), timeZone: 'UTC', primary: false },
      { startedAt: at('2026-11-16T09:00:00Z'), endedAt: at('2026-11-16T09:15:00Z'), timeZone: 'UTC', primary: true },
    ]
    expect(bookRun(segments, none)).toEqual([
      {
        day: '2026-11-16',
        rawSeconds: 45 * 60,
        roundedSeconds: 45 * 60,
        timeZone: 'UTC',
        ranges: segments.map((s) => ({ startedAt: s.startedAt, endedAt: s.endedAt, primary: s.primary })),
      },
    ])
  })

  it('the days of a run across midnight add up exactly to the run, to the second', () => {
    // 23:59:59.600 → 00:00:00.700: 1.1 s in all; flooring each day alone would book nothing.
    const segments: ClosedSegment[] = [{ startedAt: at('2026-11-16T23:59:59.600Z'), endedAt: at('2026-11-17T00:00:00.700Z'), timeZone: 'UTC', primary: false }]
    const days = bookRun(segments, none)
    expect(days.reduce((sum, d) => sum + d.rawSeconds, 0)).toBe(runSeconds(segments))
    expect(days.map((d) => [d.day, d.rawSeconds])).toEqual([['2026-11-17', 1]])
  })

  it('rounds each day by the rule and keeps the raw seconds', () => {
    const segments: ClosedSegment[] = [{ startedAt: at('2026-11-16T22:50:00Z'), endedAt: at('2026-11-17T00:20:00Z'), timeZone: 'UTC', primary: false }]
    expect(bookRun(segments, { mode: 'up', minutes: 15 }).map((d) => [d.day, d.rawSeconds, d.roundedSeconds])).toEqual([
      ['2026-11-16', 70 * 60, 75 * 60],
      ['2026-11-17', 20 * 60, 30 * 60],
    ])
  })
})
