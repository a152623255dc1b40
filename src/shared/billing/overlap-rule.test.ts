import { describe, expect, it } from 'vitest'
import { applyOverlapRule, overlappedWallMs, OVERLAP_RULES, type BillableRun, type OverlapRule } from './overlap-rule'

const MIN = 60_000
const HOUR = 60 * MIN
/** 16 November 2026 (a Monday), hh:mm UTC. */
const at = (hh: number, mm = 0) => Date.UTC(2026, 10, 16, hh, mm)
const run = (entryId: string, from: number, to: number, marked?: boolean): BillableRun => ({ entryId, startedAt: from, endedAt: to, ...(marked ? { marked } : {}) })

/** entry → [raw, overlapped, billable] in minutes. */
function minutes(runs: readonly BillableRun[], rule: OverlapRule): Record<string, [number, number, number]> {
  const out: Record<string, [number, number, number]> = {}
  for (const [id, b] of applyOverlapRule(runs, rule)) out[id] = [b.rawMs / MIN, b.overlappedMs / MIN, b.billableMs / MIN]
  return out
}

describe('the overlap rule', () => {
  it('two timers: full bills both in full, split halves the shared half hour, primary gives it to the one started first', () => {
    const runs = [run('a', at(10), at(11)), run('b', at(10, 30), at(11, 30))]
    expect(minutes(runs, 'full')).toEqual({ a: [60, 30, 60], b: [60, 30, 60] })
    expect(minutes(runs, 'split')).toEqual({ a: [60, 30, 45], b: [60, 30, 45] })
    expect(minutes(runs, 'primary')).toEqual({ a: [60, 30, 60], b: [60, 30, 30] })
  })

  it('three timers: split shares each span by who runs in it; a marked timer is primary wherever it runs', () => {
    const runs = [run('a', at(9), at(12)), run('b', at(10), at(11)), run('c', at(10, 30), at(11, 30))]
    // 9–10 a; 10–10:30 a,b; 10:30–11 a,b,c; 11–11:30 a,c; 11:30–12 a.
    expect(minutes(runs, 'split')).toEqual({ a: [180, 90, 130], b: [60, 60, 25], c: [60, 60, 25] })
    expect(minutes(runs, 'primary')).toEqual({ a: [180, 90, 180], b: [60, 60, 0], c: [60, 60, 0] })
    const marked = [run('a', at(9), at(12)), run('b', at(10), at(11)), run('c', at(10, 30), at(11, 30), true)]
    expect(minutes(marked, 'primary')).toEqual({ a: [180, 90, 120], b: [60, 60, 0], c: [60, 60, 60] })
  })

  it('nine timers at once bill one hour between them under split and primary, nine under full', () => {
    const runs = Array.from({ length: 9 }, (_, i) => run(`t${i + 1}`, at(8), at(9)))
    const billed = (rule: OverlapRule) => [...applyOverlapRule(runs, rule).values()].map((b) => b.billableMs)
    expect(billed('split')).toEqual(Array(9).fill(HOUR / 9))
    expect(billed('primary')).toEqual([HOUR, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(billed('full').reduce((a, b) => a + b)).toBe(9 * HOUR)
  })

  it('nine staggered timers: split and primary bill exactly the wall-clock time covered, to the millisecond', () => {
    const runs = Array.from({ length: 9 }, (_, i) => run(`t${i + 1}`, at(8, i * 7), at(9, i * 7) + 13))
    const covered = at(9, 8 * 7) + 13 - at(8)
    for (const rule of ['split', 'primary'] as const) {
      expect([...applyOverlapRule(runs, rule).values()].reduce((sum, b) => sum + b.billableMs, 0)).toBe(covered)
    }
  })

  it('across midnight: a timer booked as two entries (one per day) shares with one running over midnight', () => {
    const runs = [run('mon', at(23, 30), at(24)), run('tue', at(24), at(24, 30)), run('other', at(23, 45), at(24, 15))]
    expect(minutes(runs, 'split')).toEqual({ mon: [30, 15, 22.5], tue: [30, 15, 22.5], other: [30, 30, 15] })
  })

  it('in Berlin’s repeated hour (25 October 2026, 02:00–03:00 twice) an hour of wall clock is an hour', () => {
    // 01:30 CEST = 23:30 UTC on the 24th; 02:30 CET = 01:30 UTC: two hours of wall clock.
    const a = run('a', Date.UTC(2026, 9, 24, 23, 30), Date.UTC(2026, 9, 25, 1, 30))
    // 02:15 CEST (00:15 UTC) to 02:15 CET (01:15 UTC): one hour, though the clock shows none.
    const b = run('b', Date.UTC(2026, 9, 25, 0, 15), Date.UTC(2026, 9, 25, 1, 15))
    expect(minutes([a, b], 'split')).toEqual({ a: [120, 60, 90], b: [60, 60, 30] })
    expect(minutes([a, b], 'primary')).toEqual({ a: [120, 60, 120], b: [60, 60, 0] })
  })

  it('over the missing hour (29 March 2026, 02:00–03:00 never happens in Berlin) nothing is invented', () => {
    // 01:30 CET (00:30 UTC) to 03:30 CEST (01:30 UTC): one hour of wall clock.
    const a = run('a', Date.UTC(2026, 2, 29, 0, 30), Date.UTC(2026, 2, 29, 1, 30))
    const b = run('b', Date.UTC(2026, 2, 29, 0, 45), Date.UTC(2026, 2, 29, 1, 15))
    expect(minutes([a, b], 'split')).toEqual({ a: [60, 30, 45], b: [30, 30, 15] })
  })

  it('touching runs do not overlap; an entry’s own runs never overlap each other; empty runs are ignored', () => {
    expect(minutes([run('a', at(9), at(10)), run('b', at(10), at(11))], 'split')).toEqual({ a: [60, 0, 60], b: [60, 0, 60] })
    expect(minutes([run('a', at(9), at(10)), run('a', at(10), at(11)), run('b', at(11), at(11))], 'split')).toEqual({ a: [120, 0, 120] })
  })

  it('the marked timer wins over an earlier start; two marked, the earlier started of them', () => {
    const runs = [run('a', at(9), at(10), true), run('b', at(9, 30), at(10), true), run('c', at(8), at(10))]
    expect(minutes(runs, 'primary')).toEqual({ a: [60, 60, 60], b: [30, 30, 0], c: [120, 60, 60] })
  })

  it('says how much wall-clock time two or more entries ran at once: three timers sharing a quarter hour count it once', () => {
    const runs = [run('a', at(10), at(11)), run('b', at(10, 30), at(11, 30)), run('c', at(10, 45), at(12)), run('a', at(13), at(14))]
    // 10:30–11:30 has two or more running (a+b, then a+b+c, then b+c); 11:30–12:00 only c.
    expect(overlappedWallMs(runs) / MIN).toBe(60)
    expect(overlappedWallMs([run('a', at(9), at(10)), run('b', at(10), at(11))])).toBe(0)
  })

  it('matches an independent second-by-second count on generated days, under every rule', () => {
    let seed = 17
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    for (let day = 0; day < 40; day++) {
      const count = 2 + Math.floor(random() * 8)
      const runs: BillableRun[] = []
      for (let i = 0; i < count; i++) {
        const from = at(8) + Math.floor(random() * 600) * 1000
        runs.push(run(`e${i}`, from, from + (1 + Math.floor(random() * 400)) * 1000, random() < 0.2))
      }
      for (const rule of OVERLAP_RULES) {
        const got = applyOverlapRule(runs, rule)
        const expected = bySeconds(runs, rule)
        for (const [id, want] of expected) {
          const b = got.get(id)
          expect([id, b?.rawMs, b?.overlappedMs]).toEqual([id, want.raw, want.overlapped])
          // Split hands out whole milliseconds: within one per span of the exact share.
          expect(Math.abs((b?.billableMs ?? 0) - want.billable)).toBeLessThanOrEqual(rule === 'split' ? 2 * runs.length : 0)
        }
      }
    }
  })
})

/** The slow, obvious way: each second on its own, who runs in it, who bills it. */
function bySeconds(runs: readonly BillableRun[], rule: OverlapRule) {
  const out = new Map<string, { raw: number; overlapped: number; billable: number }>()
  const get = (id: string) => {
    const found = out.get(id) ?? { raw: 0, overlapped: 0, billable: 0 }
    out.set(id, found)
    return found
  }
  for (const r of runs) get(r.entryId).raw += r.endedAt - r.startedAt
  const start = Math.min(...runs.map((r) => r.startedAt))
  const end = Math.max(...runs.map((r) => r.endedAt))
  for (let t = start; t < end; t += 1000) {
    const inIt = runs.filter((r) => r.startedAt <= t && r.endedAt > t)
    const ids = [...new Set(inIt.map((r) => r.entryId))]
    if (ids.length > 1) for (const id of ids) get(id).overlapped += 1000
    if (rule === 'full') for (const id of ids) get(id).billable += 1000
    else if (rule === 'split') for (const id of ids) get(id).billable += 1000 / ids.length
    else if (ids.length > 0) {
      const marked = inIt.filter((r) => r.marked)
      const pool = marked.length > 0 ? marked : inIt
      const first = pool.reduce((best, r) => (r.startedAt < best.startedAt ? r : best))
      get(first.entryId).billable += 1000
    }
  }
  return out
}
