// Applying a run of entry changes of one push: read together, checked in order, written
// together (one upsert per run), so a push of thousands of drafts costs a few statements
// per batch, not a few per entry (their reads: push-entry-reads.ts). A change is refused, with the reason, when it touches
// someone else's entry, a voided one, a submitted or approved period, makes a day longer
// than 24 hours, or names a work item or activity type the server does not have.
import type { Transaction } from 'kysely'
import type { PeriodRule } from '@shared/periods'
import { periodContaining } from '@shared/periods'
import type { EntryWire, Mutation, MutationResult } from '@shared/sync'
import { entryRow } from '@shared/sync-rows'
import type { UserSeq } from '../db/change-streams'
import type { ServerDatabase } from '../db/schema'
import { conflictAnswer, refusal, refusedAnswer } from './answers'
import { entryLinkProblems } from './links'
import { readEntryRun, type EntryRunContext } from './push-entry-reads'
import { upsertEntries, type EntryWrite, type RunsWrite } from './push-writes'
import { entryWire } from './wire'

type Trx = Transaction<ServerDatabase>
export type EntryPut = Extract<Mutation, { type: 'entry.put' }>

const DAY_SECONDS = 86_400

export interface JudgedRun {
  /** One answer per change of the run, in its order. */
  results: MutationResult[]
  /** The rows to write for the changes applied. */
  writes: EntryWrite[]
  /** The runs of the entries applied whose change carried runs (or was a tombstone): they replace what the server has. */
  runs: RunsWrite[]
}

/** A run of entry changes: read together (or given what was read), checked in order, written together. */
export async function applyEntries(trx: Trx, userId: string, run: readonly EntryPut[], rule: PeriodRule, now: number, nextSeq: () => UserSeq, context?: EntryRunContext): Promise<MutationResult[]> {
  const judged = judgeEntries(userId, run, rule, now, nextSeq, context ?? (await readEntryRun(trx, userId, run, rule)))
  await upsertEntries(trx, userId, judged.writes, now, judged.runs)
  return judged.results
}

/** Checks a run against what was read before it (`context`, which it updates as it goes); writes nothing. */
export function judgeEntries(userId: string, run: readonly EntryPut[], rule: PeriodRule, now: number, nextSeq: () => UserSeq, context: EntryRunContext): JudgedRun {
  const { existing, periods, locked, totals, workItems, activityTypes } = context
  const links = entryLinkProblems(run, workItems, activityTypes)
  const results: MutationResult[] = []
  // An entry's runs as its last applied change leaves them; a change without runs keeps what the one before it (or the server) has.
  const runs = new Map<string, RunsWrite['runs']>()
  const writes = new Map<string, { wire: EntryPut['entry']; version: number; created: number; status: string; seq: UserSeq }>()
  const lockReason = (day: string) => {
    const period = periods.get(day) ?? periodContaining(day, rule)
    const lock = locked.get(period.start)
    if (!lock) return null
    const span = { isoStartDay: period.start, isoEndDay: period.end }
    return refusal(lock.status === 'approved' ? 'refusal.sync.periodApproved' : 'refusal.sync.periodSubmitted', span)
  }
  for (const mutation of run) {
    const wire = mutation.entry
    const pending = writes.get(wire.id)
    const row = existing.get(wire.id)
    const current = pending ? { version: pending.version, day: pending.wire.day, seconds: pending.wire.deletedAt === null ? pending.wire.roundedSeconds : 0, status: pending.status } : row ? { version: row.version, day: row.day, seconds: row.deleted_at === null && row.status !== 'voided' ? row.rounded_seconds : 0, status: row.status } : null
    const copy = () => (row ? entryWire(row) : null)

    if (row && row.user_id !== userId) {
      results.push(refusedAnswer(mutation.id, refusal('refusal.sync.otherPersonsEntry')))
      continue
    }
    if ((current?.version ?? null) !== mutation.baseVersion) {
      results.push(conflictAnswer(mutation.id, refusal(current ? 'refusal.sync.entryChangedElsewhere' : 'refusal.sync.entryNoCopy'), copy()))
      continue
    }
    const link = links.get(mutation.id)
    if (link !== undefined) {
      results.push(refusedAnswer(mutation.id, link, copy()))
      continue
    }
    if (current?.status === 'voided') {
      results.push(refusedAnswer(mutation.id, refusal('refusal.sync.entryVoided'), copy()))
      continue
    }
    const lock = lockReason(wire.day) ?? (current ? lockReason(current.day) : null)
    if (lock) {
      results.push(refusedAnswer(mutation.id, lock, copy()))
      continue
    }
    const seconds = wire.deletedAt === null ? wire.roundedSeconds : 0
    const before = (totals.get(wire.day) ?? 0) - (current && current.day === wire.day ? current.seconds : 0)
    if (before + seconds > DAY_SECONDS) {
      results.push(refusedAnswer(mutation.id, refusal('refusal.sync.dayOver24h', { isoDay: wire.day, hours: (before + seconds) / 3600 }), copy()))
      continue
    }
    if (current) totals.set(current.day, (totals.get(current.day) ?? 0) - current.seconds)
    totals.set(wire.day, (totals.get(wire.day) ?? 0) + seconds)
    const version = (current?.version ?? 0) + 1
    if (wire.deletedAt !== null) runs.set(wire.id, [])
    else if (wire.runs !== undefined) runs.set(wire.id, wire.runs)
    writes.set(wire.id, { wire, version, created: row?.created_at ?? pending?.created ?? now, status: current?.status ?? 'draft', seq: nextSeq() })
    results.push({ id: mutation.id, status: 'applied', version })
  }

  return {
    results,
    // The server stamps updated_at itself (now): the device's clock is not the record.
    writes: [...writes.values()].map(({ wire, version, created, status, seq }) => ({ ...entryRow(wire), status: status as EntryWire['status'], version, seq, created_at: created })),
    runs: [...runs].map(([entryId, entryRuns]) => ({ entryId, runs: entryRuns })),
  }
}
