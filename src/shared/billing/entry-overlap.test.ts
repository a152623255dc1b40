import { TZDate } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { overlappedMsByEntry, overlappedSecondsByEntry, type EntryRun } from './entry-overlap'

const MIN = 60_000
/** A local wall-clock time in `zone` as an instant (a repeated hour: its first pass). */
const local = (zone: string, y: number, m: number, d: number, hh: number, mm = 0) => new TZDate(y, m - 1, d, hh, mm, zone).getTime()
const berlin = (d: number, hh: number, mm = 0, m = 11) => local('Europe/Berlin', 2026, m, d, hh, mm)
const run = (entryId: string, startedAt: number, endedAt: number, billable = true): EntryRun => ({ entryId, startedAt, endedAt, billable })

/** entry → overlapped minutes. */
const minutes = (runs: readonly EntryRun[]) => Object.fromEntries([...overlappedMsByEntry(runs)].map(([id, ms]) => [id, ms / MIN]))

describe('overlapped time of an entry', () => {
  it('two timers overlapping 45 minutes: each has 45 minutes overlapped', () => {
    expect(minutes([run('a', berlin(16, 9), berlin(16, 10)), run('b', berlin(16, 9, 15), berlin(16, 11))])).toEqual({ a: 45, b: 45 })
  })

  it('three timers: each counts the time any other ran beside it (not how many others)', () => {
    // 9–12 a; 10–11 b; 10:30–11:30 c.
    const runs = [run('a', berlin(16, 9), berlin(16, 12)), run('b', berlin(16, 10), berlin(16, 11)), run('c', berlin(16, 10, 30), berlin(16, 11, 30))]
    expect(minutes(runs)).toEqual({ a: 90, b: 60, c: 60 })
  })

  it('nine timers at once: each of the nine has the whole hour overlapped; one alone afterwards has none', () => {
    const runs = Array.from({ length: 9 }, (_, k) => run(`t${k}`, berlin(16, 9), berlin(16, 10)))
    const found = minutes([...runs, run('later', berlin(16, 10), berlin(16, 11))])
    expect(Object.keys(found)).toHaveLength(9)
    expect(Object.values(found).every((m) => m === 60)).toBe(true)
    expect(found['later']).toBeUndefined()
  })

  it('across midnight: a timer booked as two entries (one per day) overlaps one that ran over midnight', () => {
    const runs = [run('mon', berlin(16, 23, 30), berlin(17, 0)), run('tue', berlin(17, 0), berlin(17, 0, 30)), run('other', berlin(16, 23, 45), berlin(17, 0, 15))]
    expect(minutes(runs)).toEqual({ mon: 15, tue: 15, other: 30 })
  })

  it('across Berlin’s repeated hour (25 October 2026): a run over the hour the clock shows twice overlaps for real hours', () => {
    // 01:30 CEST to 02:30 CET is two hours of wall clock; the other runs 01:00 CEST to 04:00 CET (four hours).
    const a = run('a', Date.UTC(2026, 9, 24, 23, 30), Date.UTC(2026, 9, 25, 1, 30))
    const b = run('b', berlin(25, 1, 0, 10), berlin(25, 4, 0, 10))
    expect((b.endedAt - b.startedAt) / MIN).toBe(240)
    expect(minutes([a, b])).toEqual({ a: 120, b: 120 })
  })

  it('across New York’s missing hour (8 March 2026, 02:00–03:00 never happens): nothing is invented', () => {
    const ny = (hh: number, mm = 0) => local('America/New_York', 2026, 3, 8, hh, mm)
    // 01:30 EST to 03:30 EDT is one hour of wall clock, all of it beside b (01:00–04:00, two hours).
    expect(minutes([run('a', ny(1, 30), ny(3, 30)), run('b', ny(1), ny(4))])).toEqual({ a: 60, b: 60 })
  })

  it('a non-billable timer neither overlaps a billable one nor is overlapped; two billable ones beside it still are', () => {
    const runs = [run('a', berlin(16, 9), berlin(16, 10)), run('b', berlin(16, 9, 15), berlin(16, 10)), run('private', berlin(16, 8), berlin(16, 12), false)]
    expect(minutes(runs)).toEqual({ a: 45, b: 45 })
    expect(minutes([run('a', berlin(16, 9), berlin(16, 10)), run('private', berlin(16, 9), berlin(16, 10), false)])).toEqual({})
  })

  it('in seconds, rounded down; an entry’s own runs never overlap each other; touching runs do not overlap', () => {
    const at = berlin(16, 9)
    expect([...overlappedSecondsByEntry([run('a', at, at + 90_500), run('b', at, at + 100_000)])]).toEqual([['a', 90], ['b', 90]])
    expect(overlappedSecondsByEntry([run('a', at, at + MIN), run('a', at + MIN, at + 2 * MIN), run('b', at + 2 * MIN, at + 3 * MIN)]).size).toBe(0)
  })
})
