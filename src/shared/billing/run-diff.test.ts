import { TZDate } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { runBilling, type RunEntry, type RunSettings } from './billing-run'
import { OFFICE_HOURS } from './rate-classes'
import { diffRuns, isUnchanged, snapshotOf } from './run-diff'

const BERLIN = 'Europe/Berlin'
const mon = (h: number, m = 0) => new TZDate(2026, 10, 16, h, m, BERLIN).getTime()
const SETTINGS: RunSettings = {
  overlapRule: 'full',
  rounding: { rule: { mode: 'up', minutes: 15 }, scope: 'entry' },
  calendar: OFFICE_HOURS,
  card: { currency: 'EUR', activity: { remote: 12000 }, customer: {}, contract: {}, classes: {} },
  groupBy: 'workItem',
}
const entry = (id: string, h: number, over: Partial<RunEntry> = {}): RunEntry => ({
  id, personId: 'tess', day: '2026-11-16', zone: BERLIN, workItemId: 'printer', customerId: 'harbour', contractId: null, activityTypeId: 'remote',
  billable: true, approved: true, seconds: 3600, runs: [{ startedAt: mon(h), endedAt: mon(h + 1) }], ...over,
})
const snapshot = (entries: RunEntry[]) => snapshotOf(runBilling(entries, [], SETTINGS))

describe('running a billing run again', () => {
  it('says nothing changed when nothing did', () => {
    const entries = [entry('a', 9), entry('b', 11)]
    expect(isUnchanged(diffRuns(snapshot(entries), snapshot(entries)))).toBe(true)
  })

  it('lists time approved since as added, time voided or reopened since as removed with the reason, moved seconds as changed, and each moved total', () => {
    const before = snapshot([entry('a', 9), entry('b', 11), entry('c', 13), entry('d', 15, { approved: false })])
    const after = snapshot([entry('a', 9, { seconds: 1800, runs: [{ startedAt: mon(9), endedAt: mon(9, 30) }] }), entry('b', 11, { approved: false }), entry('d', 15)])
    const diff = diffRuns(before, after)
    expect(diff.added.map((e) => e.entryId)).toEqual(['d'])
    expect(diff.removed.map((e) => [e.entryId, e.reason])).toEqual([['b', 'notApproved'], ['c', null]])
    expect(diff.changed.map((c) => [c.entryId, c.before.billedSeconds, c.after.billedSeconds])).toEqual([['a', 3600, 1800]])
    expect(diff.customers).toEqual([{ customerId: 'harbour', beforeMinor: 36000, afterMinor: 18000 }])
    expect(isUnchanged(diff)).toBe(false)
  })

  it('a snapshot survives JSON, as it is stored', () => {
    const before = snapshot([entry('a', 9), entry('b', 11, { billable: false })])
    expect(isUnchanged(diffRuns(JSON.parse(JSON.stringify(before)) as typeof before, before))).toBe(true)
  })
})
