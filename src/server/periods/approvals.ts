// Approvals on the team server: the queue an approver works through, one member's period
// read-only with what changed since it was last rejected, and the decisions (approve,
// reject; an admin's reopen and void). Every decision goes through movePeriod, so the
// shared workflow judges it and the period's history records it. Who may read a period:
// its owner, admins, and the approvers of the member's teams while it is submitted or
// approved; anyone else is told it does not exist, whether it does or not.
import type { Kysely, Selectable, Transaction } from 'kysely'
import { sql } from 'kysely'
import type { z } from 'zod'
import type { ApprovalDetail, ApprovalQueueItem, ApprovalQueueSchema, DecisionResult } from '@shared/approvals'
import { StintError } from '@shared/errors'
import { englishRefusal, framed, refusalData, type Refusal } from '@shared/i18n/refusal-text'
import { MAX_REASON_LENGTH, nextPeriodState, type PeriodAction } from '@shared/period-workflow'
import { daysOf, weekdayOf } from '@shared/periods'
import type { PeriodEventWire } from '@shared/sync'
import { takeUserSeqs } from '../db/change-streams'
import type { PeriodsTable, ServerDatabase } from '../db/schema'
import { InputError } from '../errors'
import type { Principal } from '../org/tokens'
import { entryWire } from '../sync/wire'
import { recordVoidReversals } from '../writeback/jobs'
import { levelOneApprovers } from './approval-path'
import { actorFor, approverLevels, movePeriod, patternFor, periodWire } from './period-store'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>
type PeriodRow = Selectable<PeriodsTable> & { member_name: string; member_email: string }
export type ApprovalQueue = z.infer<typeof ApprovalQueueSchema>
export type Decision = DecisionResult['results'][number]

/** The one answer for a period that is missing or not the caller's to see: it must not tell the two apart. */
const NOT_VISIBLE_REFUSAL = { id: 'refusal.server.periodNotVisible' } as const
export const NOT_VISIBLE = new StintError('not_found', NOT_VISIBLE_REFUSAL).message
const VOID_PREFIX = 'Voided: '

/**
 * The expected time of a period: 8 h on each Monday to Friday. A constant for now; the
 * server has no per-person working hours or holiday calendar yet.
 */
const EXPECTED_SECONDS_PER_WORKDAY = 8 * 3600

export function expectedSecondsOf(start: string, end: string): number {
  return daysOf({ start, end }).filter((day) => weekdayOf(day) >= 1 && weekdayOf(day) <= 5).length * EXPECTED_SECONDS_PER_WORKDAY
}

async function findPeriod(db: Db, periodId: string): Promise<PeriodRow | undefined> {
  return db
    .selectFrom('periods')
    .innerJoin('users', 'users.id', 'periods.user_id')
    .selectAll('periods')
    .select(['users.name as member_name', 'users.email as member_email'])
    .where('periods.id', '=', periodId)
    .executeTakeFirst()
}

async function canRead(db: Db, principal: Principal, period: Pick<PeriodRow, 'user_id' | 'status'>): Promise<boolean> {
  if (principal.role === 'admin' || period.user_id === principal.userId) return true
  if (period.status !== 'submitted' && period.status !== 'approved') return false
  return (await approverLevels(db, principal.userId, period.user_id)).length > 0
}

/** The period if the caller may read it; otherwise the same 404 as for an id that does not exist. */
async function readablePeriod(db: Db, principal: Principal, periodId: string): Promise<PeriodRow> {
  const period = await findPeriod(db, periodId)
  if (!period || !(await canRead(db, principal, period))) throw new StintError('not_found', NOT_VISIBLE_REFUSAL)
  return period
}

/** Submitted periods waiting at a level the caller approves for one of the member's teams, oldest submission first. */
export async function approvalQueue(db: Kysely<ServerDatabase>, principal: Principal): Promise<ApprovalQueue> {
  // Driven from the caller's approver rows, so the cost follows the size of their teams.
  const candidates = await db
    .selectFrom('team_approvers')
    .innerJoin('team_members', 'team_members.team_id', 'team_approvers.team_id')
    .innerJoin('teams', 'teams.id', 'team_approvers.team_id')
    .innerJoin('periods', (join) => join.onRef('periods.user_id', '=', 'team_members.user_id').onRef('periods.level', '=', 'team_approvers.level'))
    .innerJoin('users', 'users.id', 'periods.user_id')
    .select(['periods.id', 'periods.user_id', 'periods.start_day', 'periods.end_day', 'periods.level', 'periods.submitted_at', 'users.name', 'users.email', 'teams.name as team_name'])
    .where('team_approvers.user_id', '=', principal.userId)
    .where('periods.status', '=', 'submitted')
    .where('periods.user_id', '!=', principal.userId)
    .execute()
  // A period at level 2 that the caller approved at level 1 waits for someone else.
  const levelOne = await levelOneApprovers(db, [...new Set(candidates.filter((r) => r.level === 2).map((r) => r.id))])
  const rows = candidates.filter((r) => r.level !== 2 || levelOne.get(r.id) !== principal.userId)
  if (rows.length === 0) return { items: [] }

  const ids = [...new Set(rows.map((r) => r.id))]
  const totals = new Map(
    (
      await db
        .selectFrom('periods')
        .innerJoin('time_entries', (join) => join.onRef('time_entries.user_id', '=', 'periods.user_id').onRef('time_entries.day', '>=', 'periods.start_day').onRef('time_entries.day', '<=', 'periods.end_day'))
        // Sums are bigints on PostgreSQL; the driver may hand them over as text.
        .select(['periods.id', sql<number | string>`sum(time_entries.rounded_seconds)`.as('total'), sql<number | string>`sum(case when time_entries.billable = 1 then time_entries.rounded_seconds else 0 end)`.as('billable')])
        .where('periods.id', 'in', ids)
        .where('time_entries.deleted_at', 'is', null)
        .where('time_entries.status', '!=', 'voided')
        .groupBy('periods.id')
        .execute()
    ).map((t) => [t.id, { total: Number(t.total), billable: Number(t.billable) }]),
  )
  const rejected = new Set(
    (await db.selectFrom('period_events').select('period_id').distinct().where('period_id', 'in', ids).where('to_status', '=', 'rejected').execute()).map((e) => e.period_id),
  )

  const items = new Map<string, ApprovalQueueItem>()
  for (const row of rows) {
    const known = items.get(row.id)
    // A member in two of the caller's teams comes once, naming both teams.
    if (known) {
      if (!known.teams.includes(row.team_name)) known.teams.push(row.team_name)
      continue
    }
    items.set(row.id, {
      periodId: row.id,
      member: { id: row.user_id, name: row.name, email: row.email },
      teams: [row.team_name],
      start: row.start_day,
      end: row.end_day,
      level: row.level ?? 1,
      submittedAt: row.submitted_at,
      totalSeconds: totals.get(row.id)?.total ?? 0,
      billableSeconds: totals.get(row.id)?.billable ?? 0,
      expectedSeconds: expectedSecondsOf(row.start_day, row.end_day),
      resubmitted: rejected.has(row.id),
    })
  }
  const list = [...items.values()]
  for (const item of list) item.teams.sort((a, b) => a.localeCompare(b))
  list.sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0) || a.periodId.localeCompare(b.periodId))
  return { items: list }
}

/** One member's period as an approver reviews it (also its owner's and an admin's view). */
export async function approvalDetail(db: Kysely<ServerDatabase>, principal: Principal, periodId: string): Promise<ApprovalDetail> {
  const period = await readablePeriod(db, principal, periodId)
  const inPeriod = db.selectFrom('time_entries').selectAll().where('user_id', '=', period.user_id).where('day', '>=', period.start_day).where('day', '<=', period.end_day)
  const entries = await inPeriod.where('deleted_at', 'is', null).orderBy('day').orderBy('created_at').orderBy('id').execute()

  const rejection = await db.selectFrom('period_events').select('at').where('period_id', '=', period.id).where('to_status', '=', 'rejected').orderBy('at', 'desc').limit(1).executeTakeFirst()
  let changedSinceRejection: ApprovalDetail['changedSinceRejection'] = null
  let removed: typeof entries = []
  if (rejection) {
    // `>=`: entries are locked from submission to rejection, so a change stamped with the
    // rejection's own millisecond was made after it. Removed: entries that existed when the
    // period was rejected (the approver saw them) and were deleted since.
    removed = await inPeriod.where('deleted_at', '>=', rejection.at).where('created_at', '<', rejection.at).orderBy('day').orderBy('id').execute()
    changedSinceRejection = { changed: entries.filter((e) => e.updated_at >= rejection.at).map((e) => e.id), removed: removed.map(entryWire) }
  }

  const workItemIds = [...new Set([...entries, ...removed].flatMap((e) => (e.work_item_id === null ? [] : [e.work_item_id])))]
  const activityTypeIds = [...new Set([...entries, ...removed].flatMap((e) => (e.activity_type_id === null ? [] : [e.activity_type_id])))]
  const workItems = workItemIds.length === 0 ? [] : await db.selectFrom('work_items').select(['id', 'reference', 'title']).where('id', 'in', workItemIds).orderBy('title').orderBy('id').execute()
  const activityTypes = activityTypeIds.length === 0 ? [] : await db.selectFrom('activity_types').select(['id', 'name']).where('id', 'in', activityTypeIds).orderBy('name').orderBy('id').execute()

  const state = { status: period.status, level: period.level }
  const canDecide = period.status === 'submitted' && nextPeriodState(state, { kind: 'approve' }, await patternFor(db, period.user_id), await actorFor(db, principal, period.user_id, period.id)).ok

  return {
    member: { id: period.user_id, name: period.member_name, email: period.member_email },
    period: await periodWire(db, period.id),
    entries: entries.map(entryWire),
    workItems,
    activityTypes,
    expectedSeconds: expectedSecondsOf(period.start_day, period.end_day),
    changedSinceRejection,
    canDecide,
  }
}

/** Every status change of a period, oldest first, for whoever may read the period. */
export async function periodHistory(db: Kysely<ServerDatabase>, principal: Principal, periodId: string): Promise<{ events: PeriodEventWire[] }> {
  const period = await readablePeriod(db, principal, periodId)
  return { events: (await periodWire(db, period.id)).events }
}

/** The member and the days of a period, as the decision sentences name it ("Ana's period 2026-11-16 – 2026-11-22" in English). */
const periodNamed = (period: Pick<PeriodRow, 'member_name' | 'start_day' | 'end_day'>) => ({ member: period.member_name, isoStartDay: period.start_day, isoEndDay: period.end_day })

type DecisionAction = Extract<PeriodAction, { kind: 'approve' | 'reject' | 'reopen' }>

function doneMessage(action: DecisionAction, period: PeriodRow, moved: { status: string; level: 1 | 2 | null }): Refusal {
  switch (action.kind) {
    case 'approve':
      return moved.status === 'submitted' ? { id: 'decision.approvedAtLevel1', values: { ...periodNamed(period), level: moved.level ?? 2 } } : { id: 'decision.approved', values: periodNamed(period) }
    case 'reject':
      return { id: 'decision.rejected', values: periodNamed(period) }
    case 'reopen':
      return { id: 'decision.reopened', values: periodNamed(period) }
  }
}

/** One period's answer: the English `message` older devices and API clients read, with its id and values for a window in another language. */
function decision(periodId: string, ok: boolean, said: Refusal, period: Decision['period']): Decision {
  return { periodId, ok, message: englishRefusal(said), ...refusalData(said), period }
}

/** A refused decision: the refusal, then "Nothing was changed." */
const refusedDecision = (periodId: string, why: Refusal, period: Decision['period']): Decision => decision(periodId, false, framed('refusal.flowNotKept', why), period)

const unseen = (periodId: string): Decision => refusedDecision(periodId, NOT_VISIBLE_REFUSAL, null)

/**
 * One decision on one period, in a transaction of its own. A period the caller may not
 * read is refused as if it did not exist; everything else is judged by the workflow.
 */
async function decide(db: Kysely<ServerDatabase>, principal: Principal, periodId: string, action: DecisionAction, now: number): Promise<Decision> {
  return db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, periodId)
    if (!period || !(await canRead(trx, principal, period))) return unseen(periodId)
    const moved = await movePeriod(trx, principal, period.user_id, { start: period.start_day, end: period.end_day }, action, now)
    if (!moved.ok) return refusedDecision(periodId, moved.refusal, moved.period)
    return decision(periodId, true, doneMessage(action, period, moved.period), moved.period)
  })
}

/** Approves each period on its own: one refusal does not stop the others. Each id is decided once. */
export async function approvePeriods(db: Kysely<ServerDatabase>, principal: Principal, periodIds: readonly string[], now: () => number): Promise<DecisionResult> {
  const results: Decision[] = []
  for (const periodId of new Set(periodIds)) results.push(await decide(db, principal, periodId, { kind: 'approve' }, now()))
  return { results }
}

export async function rejectPeriod(db: Kysely<ServerDatabase>, principal: Principal, periodId: string, reason: string, now: number): Promise<DecisionResult> {
  return { results: [await decide(db, principal, periodId, { kind: 'reject', reason }, now)] }
}

/** An admin sends a submitted or approved period back to its owner, with the reason. */
export async function reopenPeriod(db: Kysely<ServerDatabase>, principal: Principal, periodId: string, reason: string, now: number): Promise<DecisionResult> {
  return { results: [await decide(db, principal, periodId, { kind: 'reopen', reason }, now)] }
}

/** Thrown inside the void transaction to roll back the entries it already voided. */
class VoidRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(englishRefusal(refusal))
  }
}

/**
 * An admin takes back approved time: the period's approved entries become 'voided' (they
 * stay, for the record, but count for nothing and cannot be edited), then the period is
 * reopened so its owner can book the corrected time. The reason goes into the reopen
 * event, marked as a void.
 */
export async function voidPeriod(db: Kysely<ServerDatabase>, principal: Principal, periodId: string, reason: string, now: number): Promise<DecisionResult> {
  const room = MAX_REASON_LENGTH - VOID_PREFIX.length
  if (reason.length > room) {
    const message = `a reason for voiding can be at most ${room} characters (the history marks it "${VOID_PREFIX.trim()}")`
    throw new InputError(`Voiding the period was refused, nothing was changed: reason: ${message}.`, [{ path: 'reason', message }])
  }
  try {
    return await db.transaction().execute(async (trx) => {
      // The owner's change stream locked first, so no decision or push of theirs slips in
      // between the check and the void; the period is read again under that lock.
      const owner = (await findPeriod(trx, periodId))?.user_id
      if (owner !== undefined) await takeUserSeqs(trx, owner, 0)
      const period = await findPeriod(trx, periodId)
      if (!period || !(await canRead(trx, principal, period))) return { results: [unseen(periodId)] }
      const refuse = async (why: Refusal) => ({ results: [refusedDecision(periodId, why, await periodWire(trx, period.id))] })
      if (principal.role !== 'admin') return refuse({ id: 'refusal.decision.voidAdminOnly' })
      if (period.status !== 'approved') return refuse({ id: 'refusal.decision.voidApprovedOnly', values: { status: period.status } })

      const approved = await trx
        .selectFrom('time_entries')
        .select(['id', 'rounded_seconds'])
        .where('user_id', '=', period.user_id)
        .where('day', '>=', period.start_day)
        .where('day', '<=', period.end_day)
        .where('deleted_at', 'is', null)
        .where('status', '=', 'approved')
        .orderBy('id')
        .execute()
      const seqs = await takeUserSeqs(trx, period.user_id, approved.length)
      for (const entry of approved) {
        // One change number per row, as everywhere: a pull page never ends inside one.
        const seq = seqs.take()
        await trx.updateTable('time_entries').set((eb) => ({ status: 'voided', seq, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', entry.id).execute()
      }
      // What was written to tickets for this time is taken back (the outbox, in this same transaction).
      await recordVoidReversals(trx, period.user_id, period.start_day, period.end_day, approved.map((e) => e.id), now)
      const moved = await movePeriod(trx, principal, period.user_id, { start: period.start_day, end: period.end_day }, { kind: 'reopen', reason: `${VOID_PREFIX}${reason}` }, now)
      if (!moved.ok) throw new VoidRefused(moved.refusal)
      const hours = approved.reduce((sum, e) => sum + e.rounded_seconds, 0) / 3600
      return { results: [decision(periodId, true, { id: 'decision.voided', values: { count: approved.length, hours, ...periodNamed(period) } }, moved.period)] }
    })
  } catch (error) {
    if (!(error instanceof VoidRefused)) throw error
    return { results: [refusedDecision(periodId, error.refusal, await periodWire(db, periodId))] }
  }
}
