// Timer time held because its days are in a submitted or approved period. It is stored
// with its exact pieces and what it would be booked against, so it survives restarts and
// lands on the same days later whatever zone the machine is in by then. The user answers:
// book it today, keep it aside until the period is reopened (then book it into its days),
// or discard it. Nothing is deleted: an answer changes the row's state.
import type { Kysely, Transaction } from 'kysely'
import { localDay } from '@shared/days'
import { refuse } from '@shared/errors'
import { newId } from '@shared/ids'
import { roundSeconds, type RoundingRule } from '@shared/rounding'
import type { HeldTime, PromptResolution } from '@shared/timers'
import type { Database } from '../db/schema'
import { insertEntry } from './entry-rows'
import { checkDays, lockKind, type LockMode } from './period-lock'
import { bookPieces, type BookingTarget, type DayPiece, type HeldOrigin } from './timer-time'

type Db = Kysely<Database> | Transaction<Database>

export interface HeldContext {
  user: string
  mode: LockMode
  rounding: RoundingRule
  /** Now, and the zone the machine is in: what "today" is. */
  now: number
  timeZone: string
}

const secondsOf = (pieces: readonly { startedAt: number; endedAt: number }[]) => Math.floor(pieces.reduce((sum, p) => sum + (p.endedAt - p.startedAt), 0) / 1000)

/** Stores held pieces as one question; resolves the whole seconds held. */
export async function holdTime(trx: Transaction<Database>, user: string, pieces: readonly DayPiece[], target: BookingTarget, origin: HeldOrigin, now: number): Promise<number> {
  const id = newId()
  await trx
    .insertInto('held_time')
    .values({
      id,
      user_id: user,
      timer_id: origin.timerId,
      label: origin.label,
      work_item_id: target.workItemId,
      activity_type_id: target.activityTypeId,
      billable: target.billable,
      description: target.description,
      state: 'asking',
      created_at: now,
      updated_at: now,
      resolution: null,
    })
    .execute()
  await trx
    .insertInto('held_time_ranges')
    .values(pieces.map((p) => ({ id: newId(), held_id: id, day: p.day, started_at: p.startedAt, ended_at: p.endedAt, time_zone: p.timeZone, is_primary: p.primary ? 1 : 0 })))
    .execute()
  return secondsOf(pieces)
}

/** Held time still waiting: the questions (asking) or what the user kept aside, oldest first. */
export async function listHeld(db: Db, ctx: HeldContext, which: 'asking' | 'aside'): Promise<HeldTime[]> {
  const rows = await db
    .selectFrom('held_time')
    .leftJoin('timers', 'timers.id', 'held_time.timer_id')
    .selectAll('held_time')
    .select('timers.slot')
    .where('held_time.user_id', '=', ctx.user)
    .where('held_time.state', '=', which)
    .orderBy('held_time.created_at')
    .orderBy('held_time.id')
    .execute()
  if (rows.length === 0) return []
  const pieces = await db
    .selectFrom('held_time_ranges')
    .selectAll()
    .where(
      'held_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('started_at')
    .execute()
  const today = localDay(ctx.now, ctx.timeZone)
  const { locked } = await checkDays(db, ctx.user, [today, ...pieces.map((p) => p.day)])
  return rows.map((row) => {
    const own = pieces.filter((p) => p.held_id === row.id)
    const days = [...new Set(own.map((p) => p.day))].sort().map((day) => {
      const onDay = own.filter((p) => p.day === day).map((p) => ({ startedAt: p.started_at, endedAt: p.ended_at }))
      return { day, seconds: secondsOf(onDay), locked: locked.has(day) }
    })
    const status = days.map((d) => locked.get(d.day)).find((s) => s !== undefined)
    return {
      id: row.id,
      kind: 'locked-period' as const,
      slot: row.slot,
      timerLabel: row.label,
      fromAt: own[0]?.started_at ?? row.created_at,
      toAt: own.reduce((last, p) => Math.max(last, p.ended_at), own[0]?.ended_at ?? row.created_at),
      seconds: secondsOf(own.map((p) => ({ startedAt: p.started_at, endedAt: p.ended_at }))),
      days,
      lock: status ? lockKind(status, ctx.mode) : null,
      today,
      todayOpen: !locked.has(today),
      keptAside: row.state === 'aside',
      workItemId: row.work_item_id,
      activityTypeId: row.activity_type_id,
      billable: row.billable === 1,
      description: row.description,
    }
  })
}

const ANSWERS = new Set<PromptResolution['action']>(['book-today', 'keep-aside', 'book-into-days', 'discard'])

/**
 * Answers held time; undefined when `id` is not held time (the caller looks elsewhere).
 * Resolves whether entries were booked.
 */
export async function resolveHeld(trx: Transaction<Database>, ctx: HeldContext, id: string, resolution: PromptResolution): Promise<{ booked: boolean } | undefined> {
  const held = await trx.selectFrom('held_time').selectAll().where('id', '=', id).where('user_id', '=', ctx.user).executeTakeFirst()
  if (!held) return undefined
  if (held.state === 'booked' || held.state === 'discarded') throw refuse('conflict', 'refusal.heldTimeSettled')
  if (!ANSWERS.has(resolution.action)) throw refuse('invalid_request', 'refusal.notALockAnswer', { action: resolution.action })
  const rows = await trx.selectFrom('held_time_ranges').selectAll().where('held_id', '=', id).orderBy('started_at').execute()
  const pieces: DayPiece[] = rows.map((r) => ({ day: r.day, startedAt: r.started_at, endedAt: r.ended_at, timeZone: r.time_zone, primary: r.is_primary === 1 }))
  const target: BookingTarget = { workItemId: held.work_item_id, activityTypeId: held.activity_type_id, billable: held.billable, description: held.description, timerId: held.timer_id }

  let state: 'aside' | 'booked' | 'discarded' = 'discarded'
  if (resolution.action === 'keep-aside') state = 'aside'
  if (resolution.action === 'book-today') {
    const today = localDay(ctx.now, ctx.timeZone)
    const { open, locked } = await checkDays(trx, ctx.user, [today])
    const status = locked.get(today)
    const lock = status ? lockKind(status, ctx.mode) : null
    if (lock) throw refuse('conflict', 'refusal.todayLocked', { day: today, lock })
    const raw = secondsOf(pieces)
    // One entry on today: its runs were on other days, so it carries none.
    await insertEntry(trx, open, ctx.user, { ...target, day: today, source: 'timer', rawSeconds: raw, roundedSeconds: roundSeconds(raw, ctx.rounding), timeZone: ctx.timeZone, ranges: [] }, ctx.now)
    state = 'booked'
  }
  if (resolution.action === 'book-into-days') {
    const { locked } = await checkDays(trx, ctx.user, pieces.map((p) => p.day))
    const [first] = locked.entries()
    const lock = first ? lockKind(first[1], ctx.mode) : null
    if (first && lock) throw refuse('conflict', 'refusal.dayStillLocked', { isoDay: first[0], lock })
    await bookPieces(trx, ctx.user, pieces, target, ctx.rounding, ctx.now)
    state = 'booked'
  }
  await trx
    .updateTable('held_time')
    .set({ state, updated_at: ctx.now, resolution: JSON.stringify(resolution) })
    .where('id', '=', id)
    .execute()
  return { booked: state === 'booked' }
}
