// A billing run is saved with what it included, so running it again later says what
// changed: time approved since (added), time voided, reopened or deleted since (removed,
// with the reason it is left out now), time whose billed seconds moved (changed), and each
// customer's total before and after. A snapshot is plain data, stored as JSON beside the
// run by the desktop and by the team server alike.
import type { BillingRunResult, LeftOutReason } from './billing-run'

export interface SnapshotEntry {
  entryId: string
  customerId: string
  billedSeconds: number
  includedSeconds: number
}

export interface RunSnapshot {
  entries: SnapshotEntry[]
  leftOut: { entryId: string; reason: LeftOutReason }[]
  totals: { customerId: string; totalMinor: number }[]
}

export interface RunDiff {
  added: SnapshotEntry[]
  /** Billed before, not now: `reason` is why it is left out now, or null when it is gone from the range altogether. */
  removed: (SnapshotEntry & { reason: LeftOutReason | null })[]
  changed: { entryId: string; customerId: string; before: SnapshotEntry; after: SnapshotEntry }[]
  /** Customers whose total moved, with both totals. */
  customers: { customerId: string; beforeMinor: number; afterMinor: number }[]
}

const byId = <T extends { entryId: string }>(list: readonly T[]) => new Map(list.map((item) => [item.entryId, item]))
const byEntryId = (a: { entryId: string }, b: { entryId: string }) => a.entryId.localeCompare(b.entryId)

export function snapshotOf(result: BillingRunResult): RunSnapshot {
  return {
    entries: [...result.entries].map(([entryId, e]) => ({ entryId, customerId: e.customerId, billedSeconds: e.billedSeconds, includedSeconds: e.includedSeconds })).sort(byEntryId),
    leftOut: result.leftOut.map(({ entryId, reason }) => ({ entryId, reason })).sort(byEntryId),
    totals: result.bills.map(({ customerId, totalMinor }) => ({ customerId, totalMinor })),
  }
}

export function diffRuns(before: RunSnapshot, after: RunSnapshot): RunDiff {
  const was = byId(before.entries)
  const now = byId(after.entries)
  const reasonNow = new Map(after.leftOut.map((l) => [l.entryId, l.reason]))
  const added = after.entries.filter((e) => !was.has(e.entryId))
  const removed = before.entries.filter((e) => !now.has(e.entryId)).map((e) => ({ ...e, reason: reasonNow.get(e.entryId) ?? null }))
  const changed = after.entries.flatMap((e) => {
    const old = was.get(e.entryId)
    const moved = old !== undefined && (old.billedSeconds !== e.billedSeconds || old.includedSeconds !== e.includedSeconds || old.customerId !== e.customerId)
    return old && moved ? [{ entryId: e.entryId, customerId: e.customerId, before: old, after: e }] : []
  })
  const totalBefore = new Map(before.totals.map((t) => [t.customerId, t.totalMinor]))
  const totalAfter = new Map(after.totals.map((t) => [t.customerId, t.totalMinor]))
  const customers = [...new Set([...totalBefore.keys(), ...totalAfter.keys()])]
    .sort()
    .map((customerId) => ({ customerId, beforeMinor: totalBefore.get(customerId) ?? 0, afterMinor: totalAfter.get(customerId) ?? 0 }))
    .filter((c) => c.beforeMinor !== c.afterMinor)
  return { added, removed, changed, customers }
}

export function isUnchanged(diff: RunDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && diff.customers.length === 0
}
