// Applying a device's push. A batch runs in one transaction that first takes a block of
// change numbers (src/server/db/change-streams.ts): from the reference stream when it
// holds reference data, and always from its sender's own stream. Those locks make the
// pushes of one person queue (so checks and writes never race), while different people's
// pushes of time run side by side. Then it answers each mutation on its own:
//   - an id seen before gets the answer it got then (a replayed batch changes nothing);
//   - a change the schema refused (push-request.ts) is answered with that reason;
//   - a change based on an outdated version is a conflict, with the server's copy;
//   - a change the rules forbid (a locked period, someone else's row, a day over 24 h, a
//     link to a row the server does not have) is refused with the reason;
//   - everything else is applied, and every answer is recorded with its id.
// Reference data is applied before time (customers, contracts, activity types, work
// items, then entries and period moves in the order sent), so an entry may come before
// the work item it is booked on, as an older device's retried batch has it. Answers
// keep the order of the push.
// A push runs first with its steps together (no savepoints: each is a round trip). If the
// database refuses what a step wrote although every check passed, that transaction is
// rolled back and the push runs again with each change (each run of entries) in a
// savepoint: then only that change is undone and refused, and the rest goes on.
import type { Transaction } from 'kysely'
import type { PeriodRule } from '@shared/periods'
import { framed } from '@shared/i18n/refusal-text'
import { periodContaining } from '@shared/periods'
import type { Mutation, MutationResult } from '@shared/sync'
import { activityTypeRow, contractRow, customerRow, workItemRow } from '@shared/sync-rows'
import { takeReferenceSeqs, takeUserSeqs, type ReferenceSeq } from '../db/change-streams'
import type { ServerDatabase } from '../db/schema'
import { inSavepoint } from '../db/savepoint'
import type { Logger } from '../logger'
import { referenceChangeRefusal, referenceStamp, type ReferenceMutation } from '../org/authority'
import type { Principal } from '../org/tokens'
import { movePeriod } from '../periods/period-store'
import { clearOtherDefaults } from '../reference/activity-default'
import { conflictAnswer, refusal, refusedAnswer } from './answers'
import { referenceLinkProblem } from './links'
import { applyEntries, judgeEntries, type EntryPut } from './push-entries'
import { readEntryRun } from './push-entry-reads'
import { recordAnswers, upsertEntries, writeEntriesAndAnswers } from './push-writes'
import type { PushChange } from './push-request'
import { readPushStart } from './push-start'
import { activityTypeWire, contractWire, customerWire, workItemWire } from './wire'

type Trx = Transaction<ServerDatabase>

/** The order reference data is applied in: what a row links to comes before it. */
const REFERENCE_ORDER: Partial<Record<Mutation['type'], number>> = { 'customer.put': 0, 'contract.put': 1, 'activityType.put': 2, 'workItem.put': 3 }
const TIME_ORDER = 4

/** The answer to a change the database refused although every check passed: not the sender's fault to fix by hand, but only this change is lost. */
const storeRefused = (id: string): MutationResult => refusedAnswer(id, refusal('refusal.sync.storeRefused'))

/**
 * How the steps run. `together`: no savepoints, so a change the database refuses fails
 * the whole transaction (the caller then runs the push again `apart`); a savepoint is a
 * round trip, and almost every push has no such change. `apart`: each step in a
 * savepoint of its own, so only the refused change is lost.
 */
export type PushSteps = 'together' | 'apart'

export async function applyPush(trx: Trx, principal: Principal, changes: readonly PushChange[], now: number, logger: Logger, steps: PushSteps = 'apart'): Promise<MutationResult[]> {
  const userId = principal.userId
  const parsed = changes.filter((c): c is Extract<PushChange, { mutation: Mutation }> => 'mutation' in c)
  // Reference data first (lock order), only when the batch has some; then this person's stream.
  // A reference change may take a second number (the previous default activity type).
  const referenceCount = parsed.filter((c) => REFERENCE_ORDER[c.mutation.type] !== undefined).length
  const referenceSeqs = referenceCount > 0 ? await takeReferenceSeqs(trx, referenceCount * 2) : null
  const userSeqs = await takeUserSeqs(trx, userId, parsed.length - referenceCount)
  const nextReference = (): ReferenceSeq => {
    if (!referenceSeqs) throw new Error('a push without reference changes wrote reference data')
    return referenceSeqs.take()
  }

  const rank = (c: PushChange) => ('mutation' in c ? (REFERENCE_ORDER[c.mutation.type] ?? TIME_ORDER) : TIME_ORDER)
  const order = changes.map((_, index) => index).sort((a, b) => rank(changes[a] as PushChange) - rank(changes[b] as PushChange) || a - b)
  const { seen, rule, leading } = await readPushStart(trx, userId, changes.map((c) => c.id), leadingEntries(order, parsedAt(changes)))
  /** The reads of the entries the push begins with: good for its first step only (any step may change what they saw). */
  let unchanged = leading
  const results: (MutationResult | undefined)[] = changes.map(() => undefined)
  const fresh = new Set<number>()

  /** Runs one step in a savepoint; a step the database refuses gives its change numbers back. */
  const step = async <T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
    unchanged = null
    if (steps === 'together') return { ok: true, value: await work() }
    const marks = [referenceSeqs?.mark() ?? 0, userSeqs.mark()] as const
    const outcome = await inSavepoint(trx, work)
    if (outcome.ok) return outcome
    referenceSeqs?.rewind(marks[0])
    userSeqs.rewind(marks[1])
    logger.error(`push of ${principal.email}: the database refused a change`, outcome.error)
    return { ok: false }
  }
  const answer = (index: number, result: MutationResult) => {
    results[index] = result
    fresh.add(index)
  }
  /** The answers to record: every one given in this push (a schema's refusal and a replay's are not), plus `more`. */
  const toRecord = (more: readonly MutationResult[] = []): MutationResult[] => [...[...fresh].map((index) => results[index] as MutationResult), ...more]

  let run: { index: number; mutation: EntryPut }[] = []
  /** Applies the pending run of entries. The push's last step records every answer in the same statement; returns whether it did. */
  const flush = async (last: boolean): Promise<boolean> => {
    const taken = run
    run = []
    if (taken.length === 0) return false
    const mutations = taken.map((t) => t.mutation)
    const context = unchanged
    const whole = await step(async () => {
      const judged = judgeEntries(userId, mutations, rule, now, userSeqs.take, context ?? (await readEntryRun(trx, userId, mutations, rule)))
      const answers = taken.map((t, i) => judged.results[i] ?? refusedForLackOfAnswer(t.mutation.id))
      if (last) await writeEntriesAndAnswers(trx, userId, judged.writes, toRecord(answers), now, judged.runs)
      else await upsertEntries(trx, userId, judged.writes, now, judged.runs)
      return answers
    })
    if (whole.ok) {
      taken.forEach((t, i) => answer(t.index, whole.value[i] ?? refusedForLackOfAnswer(t.mutation.id)))
      return last
    }
    // One entry of the run broke a database rule: apply them one by one to find which.
    for (const t of taken) {
      const single = await step(() => applyEntries(trx, userId, [t.mutation], rule, now, userSeqs.take))
      answer(t.index, single.ok ? (single.value[0] ?? refusedForLackOfAnswer(t.mutation.id)) : storeRefused(t.mutation.id))
    }
    return false
  }

  for (const index of order) {
    const change = changes[index] as PushChange
    const previous = seen.get(change.id)
    if (previous) {
      results[index] =
        previous.user_id === userId ? (JSON.parse(previous.result) as MutationResult) : refusedAnswer(change.id, refusal('refusal.sync.changeIdTaken'))
      continue
    }
    // The schema's refusals are not recorded: the same change sent again meets the same rules.
    if (!('mutation' in change)) {
      results[index] = change.why ? refusedAnswer(change.id, change.why) : { id: change.id, status: 'refused', reason: change.refusal }
      continue
    }
    const { mutation } = change
    if (mutation.type === 'entry.put') {
      run.push({ index, mutation })
      continue
    }
    await flush(false)
    const one = await step(() => applyOne(trx, principal, mutation, rule, now, nextReference))
    answer(index, one.ok ? one.value : storeRefused(mutation.id))
  }
  const recorded = await flush(true)

  const answered = results.map((result, index) => result ?? refusedForLackOfAnswer(changes[index]?.id ?? ''))
  if (!recorded) await recordAnswers(trx, userId, toRecord(), now)
  return answered
}

/** The parsed change at each position of the push, or null for one the schema refused. */
function parsedAt(changes: readonly PushChange[]): (Mutation | null)[] {
  return changes.map((c) => ('mutation' in c ? c.mutation : null))
}

/** The entry changes, in the order applied, before the first change of any other kind: the push's first step, when there are any. */
function leadingEntries(order: readonly number[], parsed: readonly (Mutation | null)[]): EntryPut[] {
  const leading: EntryPut[] = []
  for (const index of order) {
    const mutation = parsed[index]
    if (!mutation) continue
    if (mutation.type !== 'entry.put') break
    leading.push(mutation)
  }
  return leading
}

/** Never expected: every change is answered above. Kept so a slip cannot become a 500 or a silent gap. */
function refusedForLackOfAnswer(id: string): MutationResult {
  return refusedAnswer(id, refusal('refusal.sync.noAnswer'))
}

type Reference = ReferenceMutation

/** Reference data and period moves, one at a time (there are few). */
async function applyOne(trx: Trx, principal: Principal, mutation: Exclude<Mutation, EntryPut>, rule: PeriodRule, now: number, nextSeq: () => ReferenceSeq): Promise<MutationResult> {
  if (mutation.type === 'period.submit' || mutation.type === 'period.withdraw') {
    const period = periodContaining(mutation.start, rule)
    if (period.start !== mutation.start || (mutation.type === 'period.submit' && period.end !== mutation.end)) {
      return refusedAnswer(mutation.id, refusal('refusal.sync.otherPeriodRule', { isoDay: mutation.start, isoStartDay: period.start, isoEndDay: period.end }))
    }
    const moved = await movePeriod(trx, principal, principal.userId, period, { kind: mutation.type === 'period.submit' ? 'submit' : 'withdraw' }, now)
    return moved.ok ? { id: mutation.id, status: 'applied', version: moved.period?.version ?? null } : refusedAnswer(mutation.id, framed('refusal.flowNotKept', moved.refusal), moved.period)
  }
  return applyReference(trx, principal, mutation, now, nextSeq)
}

async function applyReference(trx: Trx, principal: Principal, mutation: Reference, now: number, nextSeq: () => ReferenceSeq): Promise<MutationResult> {
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
  const refused = await referenceChangeRefusal(trx, principal, mutation, row)
  if (refused) return refusedAnswer(mutation.id, refused, row ? await copy() : null)
  if ((row?.version ?? null) !== mutation.baseVersion) {
    return conflictAnswer(mutation.id, refusal(row ? 'refusal.sync.changedOnServer' : 'refusal.sync.noCopy'), row ? await copy() : null)
  }
  const missing = await referenceLinkProblem(trx, mutation)
  if (missing !== null) return refusedAnswer(mutation.id, missing, row ? await copy() : null)
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
