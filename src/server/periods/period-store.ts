// Periods on the server: who approves a member's time (the approval pattern and the
// approvers of the member's teams), moving a period through the shared workflow with
// one audit event per move, and entries following their period's status. Every write
// is stamped with the change counter, so devices pull it.
import type { Kysely, Transaction } from 'kysely'
import { englishRefusal, type Refusal } from '@shared/i18n/refusal-text'
import { newId } from '@shared/ids'
import { nextPeriodState, type Actor, type PeriodAction, type PeriodState } from '@shared/period-workflow'
import { periodContaining, PeriodRuleSchema, type Period } from '@shared/periods'
import type { PeriodWire } from '@shared/sync'
import { nextUserSeq, takeUserSeqs } from '../db/change-streams'
import type { ServerDatabase } from '../db/schema'
import { recordApprovedWrites } from '../writeback/jobs'
import type { Principal } from '../org/tokens'
import { approvalPathProblem, levelOneApprovers, patternFor } from './approval-path'

export { patternFor } from './approval-path'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

export async function periodRule(db: Db) {
  const org = await db.selectFrom('org').select('period_rule').executeTakeFirstOrThrow()
  return periodRuleOf(org.period_rule)
}

/** The organisation's period rule from its stored text (org.period_rule), for a caller that read the column with other things. */
export function periodRuleOf(stored: string) {
  return PeriodRuleSchema.parse(JSON.parse(stored))
}

/** The organisation's period of `day`. */
export async function periodOf(db: Db, day: string): Promise<Period> {
  return periodContaining(day, await periodRule(db))
}

/** The levels at which `approverId` approves `memberId`'s time. */
export async function approverLevels(db: Db, approverId: string, memberId: string): Promise<(1 | 2)[]> {
  const rows = await db
    .selectFrom('team_approvers')
    .innerJoin('team_members', 'team_members.team_id', 'team_approvers.team_id')
    .select('team_approvers.level')
    .where('team_approvers.user_id', '=', approverId)
    .where('team_members.user_id', '=', memberId)
    .execute()
  return [...new Set(rows.map((r) => r.level))].sort()
}

/** What `principal` is to `memberId`'s period `periodId` (null: not made yet). */
export async function actorFor(db: Db, principal: Principal, memberId: string, periodId: string | null): Promise<Actor> {
  const levelOne = periodId === null ? undefined : (await levelOneApprovers(db, [periodId])).get(periodId)
  return {
    isOwner: principal.userId === memberId,
    approverLevels: await approverLevels(db, principal.userId, memberId),
    isAdmin: principal.role === 'admin',
    approvedLevel1: levelOne === principal.userId,
  }
}

/** A refused move says why as a refusal (the window's language) and in English (`reason`, the log's and API clients'). */
export type MoveResult = { ok: true; period: PeriodWire } | { ok: false; reason: string; refusal: Refusal; period: PeriodWire | null }

/**
 * Moves `memberId`'s period through the workflow, inside `trx`. The member's change
 * stream (change-streams.ts) is locked before the period is read, so two decisions made at the same moment (an
 * approval and a rejection, two approvers of one level) queue, and the second is checked
 * against what the first left. A refused move changes nothing and says why, with the
 * period as it stands.
 */
export async function movePeriod(trx: Transaction<ServerDatabase>, principal: Principal, memberId: string, period: Period, action: PeriodAction, now: number): Promise<MoveResult> {
  const seq = await nextUserSeq(trx, memberId)
  const row = await trx.selectFrom('periods').selectAll().where('user_id', '=', memberId).where('start_day', '=', period.start).executeTakeFirst()
  const state: PeriodState = row ? { status: row.status, level: row.level } : { status: 'open', level: null }
  const pattern = await patternFor(trx, memberId)
  const result = nextPeriodState(state, action, pattern, await actorFor(trx, principal, memberId, row?.id ?? null))
  if (!result.ok) return { ok: false, reason: result.error, refusal: result.refusal, period: row ? await periodWire(trx, row.id) : null }
  // A submission nobody could ever approve (or that nobody would approve: a member in no team) waits for the admin instead.
  const unapprovable = action.kind === 'submit' ? await approvalPathProblem(trx, memberId) : null
  if (unapprovable) return { ok: false, reason: englishRefusal(unapprovable), refusal: unapprovable, period: row ? await periodWire(trx, row.id) : null }

  const values = { status: result.to.status, level: result.to.level, reason: result.reason, updated_at: now, seq, ...(action.kind === 'submit' ? { submitted_at: now } : {}) }
  let id = row?.id
  if (id) await trx.updateTable('periods').set((eb) => ({ ...values, version: eb('version', '+', 1) })).where('id', '=', id).execute()
  else {
    id = newId()
    await trx.insertInto('periods').values({ id, user_id: memberId, start_day: period.start, end_day: period.end, created_at: now, deleted_at: null, submitted_at: null, ...values }).execute()
  }
  await trx.insertInto('period_events').values({ id: newId(), period_id: id, actor_id: principal.userId, at: now, from_status: state.status, to_status: result.to.status, level: state.level, reason: result.reason }).execute()

  // Entries follow: locked while submitted or approved, editable again when reopened (draft) or rejected.
  // Each row gets a change number of its own: a pull page may end between two numbers, never inside one.
  // updated_at stays: it says when the entry's time last changed (by its owner, or voided),
  // which is what an approver compares with a rejection; status moves are in the events.
  const entryStatus = result.to.status === 'open' ? 'draft' : result.to.status
  const following = await trx
    .selectFrom('time_entries')
    .select('id')
    .where('user_id', '=', memberId)
    .where('day', '>=', period.start)
    .where('day', '<=', row?.end_day ?? period.end)
    .where('deleted_at', 'is', null)
    .where('status', 'not in', ['voided', entryStatus])
    .orderBy('id')
    .execute()
  const entrySeqs = await takeUserSeqs(trx, memberId, following.length)
  for (const entry of following) {
    const entrySeq = entrySeqs.take()
    await trx.updateTable('time_entries').set((eb) => ({ status: entryStatus, seq: entrySeq, version: eb('version', '+', 1) })).where('id', '=', entry.id).execute()
  }
  // Finally approved: its time goes to the tickets it was booked on (the outbox, in this same transaction).
  if (result.to.status === 'approved') await recordApprovedWrites(trx, memberId, period.start, row?.end_day ?? period.end, now)
  return { ok: true, period: await periodWire(trx, id) }
}

export async function periodWire(db: Db, periodId: string): Promise<PeriodWire> {
  const row = await db.selectFrom('periods').selectAll().where('id', '=', periodId).executeTakeFirstOrThrow()
  const events = await db
    .selectFrom('period_events')
    .innerJoin('users', 'users.id', 'period_events.actor_id')
    .select(['period_events.id', 'period_events.at', 'users.name', 'period_events.from_status', 'period_events.to_status', 'period_events.level', 'period_events.reason'])
    .where('period_events.period_id', '=', periodId)
    .orderBy('period_events.at')
    .orderBy('period_events.id')
    .execute()
  return {
    id: row.id,
    start: row.start_day,
    end: row.end_day,
    status: row.status,
    level: row.level,
    reason: row.reason,
    version: row.version,
    updatedAt: row.updated_at,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.name,
      from: e.from_status as PeriodWire['status'],
      to: e.to_status as PeriodWire['status'],
      level: e.level,
      reason: e.reason,
    })),
  }
}
