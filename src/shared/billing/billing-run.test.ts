import { TZDate } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { runBilling, type RunContract, type RunEntry, type RunSettings } from './billing-run'
import { OFFICE_HOURS } from './rate-classes'

const BERLIN = 'Europe/Berlin'
/** Monday 16 November 2026, hh:mm in Berlin. */
const mon = (h: number, m = 0) => new TZDate(2026, 10, 16, h, m, BERLIN).getTime()
const SETTINGS: RunSettings = {
  overlapRule: 'split',
  rounding: { rule: { mode: 'up', minutes: 15 }, scope: 'entry' },
  calendar: { ...OFFICE_HOURS, workStartMinute: 9 * 60, workEndMinute: 17 * 60 },
  card: { currency: 'EUR', activity: { remote: 10000 }, customer: {}, contract: {}, classes: { afterHours: { kind: 'multiplier', bp: 15000 } } },
  groupBy: 'workItem',
}
const HARBOUR_2026: RunContract = { id: 'harbour-2026', includedSeconds: 3600 }

function entry(id: string, over: Partial<RunEntry>): RunEntry {
  const runs = over.runs ?? []
  const seconds = over.seconds ?? runs.reduce((sum, r) => sum + (r.endedAt - r.startedAt) / 1000, 0)
  return { id, personId: 'tess', day: '2026-11-16', zone: BERLIN, workItemId: 'printer', customerId: 'harbour', contractId: 'harbour-2026', activityTypeId: 'remote', billable: true, approved: true, primary: false, ...over, runs, seconds }
}

const MONTH: RunEntry[] = [
  entry('e1', { runs: [{ startedAt: mon(9), endedAt: mon(10, 30) }] }),
  entry('e2', { workItemId: 'server', runs: [{ startedAt: mon(10), endedAt: mon(11) }] }),
  entry('e3', { contractId: null, runs: [{ startedAt: mon(18), endedAt: mon(19) }] }),
  entry('e4', { approved: false, runs: [{ startedAt: mon(12), endedAt: mon(13) }] }),
  entry('e5', { billable: false, runs: [{ startedAt: mon(13), endedAt: mon(14) }] }),
  entry('e6', { customerId: null, contractId: null, seconds: 1800 }),
  entry('e7', { customerId: 'mueller', contractId: null, activityTypeId: 'meeting', seconds: 1800 }),
  entry('e8', { customerId: 'mueller', contractId: null, seconds: 1200 }),
]

const euros = (minor: number) => minor / 100

describe('the billing run', () => {
  it('bills approved billable time per customer: overlap split, rounded, included hours first, after hours ×1.5; the rest listed apart with the reason', () => {
    const run = runBilling(MONTH, [HARBOUR_2026], SETTINGS)
    // e1 and e2 share 10:00–10:30: e1 bills 75 min, e2 45. The hour included covers e1's first hour.
    expect(Object.fromEntries([...run.entries].map(([id, e]) => [id, [e.rawSeconds / 60, e.overlappedSeconds / 60, e.billedSeconds / 60, e.includedSeconds / 60]]))).toEqual({
      e1: [90, 30, 75, 60],
      e2: [60, 30, 45, 0],
      e3: [60, 0, 60, 0],
      e8: [20, 0, 30, 0],
    })
    const lines = run.bills.map((b) => [b.customerId, euros(b.totalMinor), b.includedSeconds / 60, b.lines.map((l) => [l.group, l.rateClass, l.seconds / 60, euros(l.amountMinor)])])
    expect(lines).toEqual([
      ['harbour', 250, 60, [['printer', 'normal', 15, 25], ['server', 'normal', 45, 75], ['printer', 'afterHours', 60, 150]]],
      ['mueller', 50, 0, [['printer', 'normal', 30, 50]]],
    ])
    expect(run.leftOut).toEqual([
      { entryId: 'e4', reason: 'notApproved', seconds: 3600 },
      { entryId: 'e5', reason: 'notBillable', seconds: 3600 },
      { entryId: 'e6', reason: 'noCustomer', seconds: 1800 },
      { entryId: 'e7', reason: 'noRate', seconds: 1800 },
    ])
  })

  it('a contract’s own overlap rule wins over the organisation’s: full bills both timers in full, primary only the first', () => {
    const total = (overlapRule: 'full' | 'primary') => runBilling(MONTH.slice(0, 2), [{ ...HARBOUR_2026, overlapRule }], SETTINGS).bills[0]?.totalMinor
    expect(euros(total('full') ?? 0)).toBe(150) // 90 + 60 min − 60 included = 90 min
    expect(euros(total('primary') ?? 0)).toBe(100) // 90 + 30 − 60 = 60 min
  })

  it('under primary, a run marked as the primary timer’s bills the shared time, whatever its entry says of its other runs', () => {
    // e1 09:00–10:30 and e2 10:00–11:00 share 10:00–10:30; e2's run is the marked one (the mark travels per run from a device).
    const entries = [MONTH[0] as RunEntry, entry('e2', { workItemId: 'server', runs: [{ startedAt: mon(10), endedAt: mon(11), marked: true }] })]
    const billed = (list: RunEntry[]) => Object.fromEntries([...runBilling(list, [{ ...HARBOUR_2026, includedSeconds: 0, overlapRule: 'primary' }], SETTINGS).entries].map(([id, e]) => [id, e.billedSeconds / 60]))
    expect(billed(entries)).toEqual({ e1: 60, e2: 60 })
    // Unmarked runs: the first started bills it.
    expect(billed(MONTH.slice(0, 2))).toEqual({ e1: 90, e2: 30 })
  })

  it('an empty bill explains itself: nothing approved means nothing billed and every entry listed apart', () => {
    const run = runBilling(MONTH.map((e) => ({ ...e, approved: false })), [HARBOUR_2026], SETTINGS)
    expect([run.bills, run.leftOut.map((l) => l.reason)]).toEqual([[], Array(8).fill('notApproved')])
  })

  it('voided time is left out as voided, whatever else it is', () => {
    const run = runBilling([entry('v1', { approved: false, voided: true, seconds: 600 }), entry('v2', { voided: true, billable: false, seconds: 900 })], [HARBOUR_2026], SETTINGS)
    expect([run.bills, run.leftOut]).toEqual([[], [{ entryId: 'v1', reason: 'voided', seconds: 600 }, { entryId: 'v2', reason: 'voided', seconds: 900 }]])
  })

  it('keeps its sums: every entry billed or left out, charged seconds are billed minus included, each total is its lines', () => {
    const run = runBilling(MONTH, [HARBOUR_2026], SETTINGS)
    expect([...run.entries.keys(), ...run.leftOut.map((l) => l.entryId)].sort()).toEqual(MONTH.map((e) => e.id).sort())
    const charged = [...run.entries.values()].reduce((sum, e) => sum + e.billedSeconds - e.includedSeconds, 0)
    expect(run.bills.flatMap((b) => b.lines).reduce((sum, l) => sum + l.seconds, 0)).toBe(charged)
    for (const bill of run.bills) expect(bill.totalMinor).toBe(bill.lines.reduce((sum, l) => sum + l.amountMinor, 0))
  })
})
