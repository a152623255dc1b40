// Applying a device's push. A batch runs in one transaction that first takes a range of
// change numbers (the org row's lock: pushes queue, so checks and writes never race),
// then answers each mutation in order:
//   - an id seen before gets the answer it got then (a replayed batch changes nothing);
//   - a change based on an outdated version is a conflict, with the server's copy;
//   - a change the rules forbid (a locked period, someone else's row, a day over 24 h)
//     is refused with the reason;
//   - everything else is applied, and every answer is recorded with its id.
// Runs of entries are read and written set-wise (one upsert per run), so a push of
// thousands of drafts costs a few statements per batch, not a few per entry.
import { sql, type Transaction } from 'kysely'
import type { Period } from '@shared/periods'
import { periodContaining } from '@shared/periods'
import type { EntryWire, Mutation, MutationResult, PushRequest } from '@shared/sync'
import { activityTypeRow, contractRow, customerRow, entryRow, workItemRow } from '@shared/sync-rows'
import type { ServerDatabase } from '../db/schema'
import { referenceChangeRefusal, referenceStamp, type ReferenceMutation } from '../org/authority'
import type { Principal } from '../org/tokens'
import { movePeriod, periodRule } from '../periods/period-store'
import { clearOtherDefaults } from '../reference/activity-default'
import { activityTypeWire, contractWire, customerWire, entryWire, workItemWire } from './wire'

type Trx = Transaction<ServerDatabase>
type EntryPut = Extract<Mutation, { type: 'entry.put' }>

const DAY_SECONDS = 86_400

/** Takes `count` change numbers at once; returns the first. Holding the org row's lock to the commit serialises writers. */
async function takeSeqs(trx: Trx, count: number): Promise<number> {
  const row = await trx
    .updateTable('org')
    .set((eb) => ({ change_seq: eb('change_seq', '+', count) }))
    .returning('change_seq')
    .executeTakeFirstOrThrow()
  return row.change_seq - count + 1
}

export async function applyPush(trx: Trx, principal: Principal, request: PushRequest, now: number): Promise<MutationResult[]> {
  const userId = principal.userId
  let seq = await takeSeqs(trx, request.mutations.length * 2 + 1)
  const nextSeq = () => seq++

  const ids = request.mutations.map((m) => m.id)
  const seen = new Map(
    (await trx.selectFrom('applied_mutations').select(['id', 'user_id', 'result']).where('id', 'in', ids).execute()).map((r) => [r.id, r]),
  )
  const results: MutationResult[] = []
  const rule = await periodRule(trx)
  let run: EntryPut[] = []
  const flush = async () => {
    if (run.length > 0) results.push(...(await applyEntries(trx, userId, run, rule, now, nextSeq)))
    run = []
  }
  for (const mutation of request.mutations) {
    const previous = seen.get(mutation.id)
    if (previous) {
      await flush()
      results.push(
        previous.user_id === userId
          ? (JSON.parse(previous.result) as MutationResult)
          : { id: mutation.id, status: 'refused', reason: 'This change id was already used by someone else; nothing was changed.' },
      )
      continue
    }
    if (mutation.type === 'entry.put') {
      run.push(mutation)
      continue
    }
    await flush()
    results.push(await applyOne(trx, principal, mutation, rule, now, nextSeq))
  }
  await flush()

  const fresh = results.filter((r) => !seen.has(r.id))
  if (fresh.length > 0) {
    await trx
      .insertInto('applied_mutations')
      .values(fresh.map((r) => ({ id: r.id, user_id: userId, result: JSON.stringify(r), at: now })))
      .execute()
  }
  return results
}

/** A run of entry changes: read together, checked in order, written together. */
async function applyEntries(trx: Trx, userId: string, run: EntryPut[], rule: Parameters<typeof periodContaining>[1], now: number, nextSeq: () => number): Promise<MutationResult[]> {
  const entryIds = [...new Set(run.map((m) => m.entry.id))]
  const existing = new Map((await trx.selectFrom('time_entries').selectAll().where('id', 'in', entryIds).execute()).map((r) => [r.id, r]))

  // Periods and day totals for every day the run touches (new days and the days entries move from).
  const days = new Set(run.map((m) => m.entry.day))
  for (const row of existing.values()) days.add(row.day)
  const periods = new Map<string, Period>()
  for (const day of days) periods.set(day, periodContaining(day, rule))
  const starts = [...new Set([...periods.values()].map((p) => p.start))]
  const locked = new Map(
    (await trx.selectFrom('periods').select(['start_day', 'end_day', 'status']).where('user_id', '=', userId).where('start_day', 'in', starts).where('status', 'in', ['submitted', 'approved']).execute()).map((p) => [p.start_day, p]),
  )
  const dayList = [...days]
  const totals = new Map<string, number>()
  for (const row of await trx
    .selectFrom('time_entries')
    // A sum is a bigint on PostgreSQL; the driver may hand it over as text.
    .select(['day', sql<number | string>`sum(rounded_seconds)`.as('total')])
    .where('user_id', '=', userId)
    .where('day', 'in', dayList)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'voided')
    .groupBy('day')
    .execute()) {
    totals.set(row.day, Number(row.total))
  }

  const results: MutationResult[] = []
  const writes = new Map<string, { wire: EntryPut['entry']; version: number; created: number; status: string; seq: number }>()
  const lockReason = (day: string) => {
    const period = periods.get(day) ?? periodContaining(day, rule)
    const lock = locked.get(period.start)
    if (!lock) return null
    return lock.status === 'approved'
      ? `The period ${period.start} – ${period.end} is approved and locked; an administrator can reopen it. This change was not applied.`
      : `The period ${period.start} – ${period.end} is submitted for approval, so its time is locked; withdraw the submission to change it. This change was not applied.`
  }
  for (const mutation of run) {
    const wire = mutation.entry
    const pending = writes.get(wire.id)
    const row = existing.get(wire.id)
    const current = pending ? { version: pending.version, day: pending.wire.day, seconds: pending.wire.deletedAt === null ? pending.wire.roundedSeconds : 0, status: pending.status } : row ? { version: row.version, day: row.day, seconds: row.deleted_at === null && row.status !== 'voided' ? row.rounded_seconds : 0, status: row.status } : null
    const copy = () => (row ? entryWire(row) : null)

    if (row && row.user_id !== userId) {
      results.push({ id: mutation.id, status: 'refused', reason: 'That entry belongs to someone else; nothing was changed.' })
      continue
    }
    if ((current?.version ?? null) !== mutation.baseVersion) {
      results.push({
        id: mutation.id,
        status: 'conflict',
        reason: current ? 'This entry was changed elsewhere (another device, or an approval) after this change was made. Pick the version to keep.' : 'The server has no copy of this entry any more.',
        current: copy(),
      })
      continue
    }
    if (current?.status === 'voided') {
      results.push({ id: mutation.id, status: 'refused', reason: 'An administrator voided this entry; it can no longer be changed.', current: copy() })
      continue
    }
    const lock = lockReason(wire.day) ?? (current ? lockReason(current.day) : null)
    if (lock) {
      results.push({ id: mutation.id, status: 'refused', reason: lock, current: copy() })
      continue
    }
    const seconds = wire.deletedAt === null ? wire.roundedSeconds : 0
    const before = (totals.get(wire.day) ?? 0) - (current && current.day === wire.day ? current.seconds : 0)
    if (before + seconds > DAY_SECONDS) {
      results.push({ id: mutation.id, status: 'refused', reason: `A day has at most 24 hours: ${wire.day} would have ${((before + seconds) / 3600).toFixed(2)} h. This change was not applied.`, current: copy() })
      continue
    }
    if (current) totals.set(current.day, (totals.get(current.day) ?? 0) - current.seconds)
    totals.set(wire.day, (totals.get(wire.day) ?? 0) + seconds)
    const version = (current?.version ?? 0) + 1
    writes.set(wire.id, { wire, version, created: row?.created_at ?? pending?.created ?? now, status: current?.status ?? 'draft', seq: nextSeq() })
    results.push({ id: mutation.id, status: 'applied', version })
  }

  if (writes.size > 0) {
    const values = [...writes.values()].map(({ wire, version, created, status, seq }) => ({
      ...entryRow(wire),
      user_id: userId,
      status: status as EntryWire['status'],
      version,
      seq,
      created_at: created,
      updated_at: now,
    }))
    // Both dialects cap the parameters of one statement; 16 columns x 1000 rows stays under either cap.
    for (let i = 0; i < values.length; i += 1000) {
      await trx
        .insertInto('time_entries')
        .values(values.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            day: eb.ref('excluded.day'),
            work_item_id: eb.ref('excluded.work_item_id'),
            activity_type_id: eb.ref('excluded.activity_type_id'),
            billable: eb.ref('excluded.billable'),
            description: eb.ref('excluded.description'),
            source: eb.ref('excluded.source'),
            raw_seconds: eb.ref('excluded.raw_seconds'),
            rounded_seconds: eb.ref('excluded.rounded_seconds'),
            version: eb.ref('excluded.version'),
            seq: eb.ref('excluded.seq'),
            updated_at: eb.ref('excluded.updated_at'),
            deleted_at: eb.ref('excluded.deleted_at'),
          })),
        )
        .execute()
    }
  }
  return results
}

type Reference = ReferenceMutation

/** Reference data and period moves, one at a time (there are few). */
async function applyOne(trx: Trx, principal: Principal, mutation: Exclude<Mutation, EntryPut>, rule: Parameters<typeof periodContaining>[1], now: number, nextSeq: () => number): Promise<MutationResult> {
  if (mutation.type === 'period.submit' || mutation.type === 'period.withdraw') {
    const period = periodContaining(mutation.start, rule)
    if (period.start !== mutation.start || (mutation.type === 'period.submit' && period.end !== mutation.end)) {
      return { id: mutation.id, status: 'refused', reason: `The organisation's period for ${mutation.start} runs ${period.start} – ${period.end}; this device used another period rule. Sync again, then submit.` }
    }
    const moved = await movePeriod(trx, principal, principal.userId, period, { kind: mutation.type === 'period.submit' ? 'submit' : 'withdraw' }, now)
    return moved.ok ? { id: mutation.id, status: 'applied', version: moved.period?.version ?? null } : { id: mutation.id, status: 'refused', reason: `${moved.reason} Nothing was changed.`, current: moved.period }
  }
  return applyReference(trx, principal, mutation, now, nextSeq)
}

async function applyReference(trx: Trx, principal: Principal, mutation: Reference, now: number, nextSeq: () => number): Promise<MutationResult> {
  const table = ({ 'workItem.put': 'work_items', 'activityType.put': 'activity_types', 'customer.put': 'customers', 'contract.put': 'contracts' } as const)[mutation.type]
  const id = mutation.type === 'workItem.put' ? mutation.item.id : mutation.type === 'activityType.put' ? mutation.activityType.id : mutation.type === 'customer.put' ? mutation.customer.id : mutation.contract.id
  const row = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
  const copy = async () => {
    switch (mutation.type) {
      case 'workItem.put':
        return workItemWire(await trx.selectFrom('work_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
      case 'activityType.put':
        return activityTypeWire(await trx.selectFrom('activity_types').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
      case 'customer.put':
        return customerWire(await trx.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
      case 'contract.put':
        return contractWire(await trx.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
    }
  }
  // Who may change what, and look-alike names: src/server/org/authority.ts. Judged before the
  // versions are compared: a change its sender may not make is refused, not offered as a conflict.
  const refusal = await referenceChangeRefusal(trx, principal, mutation, row)
  if (refusal) return { id: mutation.id, status: 'refused', reason: refusal, current: row ? await copy() : null }
  if ((row?.version ?? null) !== mutation.baseVersion) {
    return { id: mutation.id, status: 'conflict', reason: row ? 'This was changed on the server after your change was made. Pick the version to keep.' : 'The server has no copy of this any more.', current: row ? await copy() : null }
  }
  const version = (row?.version ?? 0) + 1
  const common = { version, seq: nextSeq(), updated_at: now, created_at: row?.created_at ?? now, created_by: row?.created_by ?? principal.userId, ...referenceStamp(principal, mutation, row) }
  switch (mutation.type) {
    case 'workItem.put': {
      const values = { ...workItemRow(mutation.item), ...common }
      await trx.insertInto('work_items').values(values).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute()
      break
    }
    case 'activityType.put': {
      const values = { ...activityTypeRow(mutation.activityType), ...common }
      await trx.insertInto('activity_types').values(values).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute()
      if (values.is_default === 1 && values.deleted_at === null) await clearOtherDefaults(trx, id, now, nextSeq)
      break
    }
    case 'customer.put': {
      const values = { ...customerRow(mutation.customer), ...common }
      await trx.insertInto('customers').values(values).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute()
      break
    }
    case 'contract.put': {
      const values = { ...contractRow(mutation.contract), ...common }
      await trx.insertInto('contracts').values(values).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute()
      break
    }
  }
  return { id: mutation.id, status: 'applied', version }
}
