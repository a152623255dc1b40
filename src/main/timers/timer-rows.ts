// The timer engine's rows: slots, segments, prompts and app_state keys, read and written
// inside the engine's transactions. Plain functions over a Kysely handle, so the engine
// itself reads as the story of its transitions.
import { sql, type Kysely, type Transaction } from 'kysely'
import { newId } from '@shared/ids'
import { refuse } from '@shared/errors'
import { DEFAULT_TIMER_COLORS, SLOT_COUNT, type GapPrompt, type Timer, type TimerUpdate } from '@shared/timers'
import type { Database, TimerRow } from '../db/schema'
import type { ClosedSegment } from './booking'
import { planCut, type Segment } from './segments'

type Db = Kysely<Database> | Transaction<Database>

export function toTimer(row: TimerRow, total: { closed_ms: number; open_since: number | null; first_start: number | null } | undefined): Timer {
  return {
    id: row.id,
    slot: row.slot,
    label: row.label,
    color: row.color,
    state: row.state,
    workItemId: row.work_item_id,
    activityTypeId: row.activity_type_id,
    billable: row.billable === 1,
    note: row.note,
    closedSeconds: Math.floor((total?.closed_ms ?? 0) / 1000),
    runningSince: row.state === 'running' ? (total?.open_since ?? null) : null,
    runStartedAt: row.state === 'idle' ? null : (total?.first_start ?? null),
    primary: row.is_primary === 1,
  }
}

export async function timerAt(db: Db, slot: number): Promise<TimerRow> {
  const timer = await db.selectFrom('timers').selectAll().where('slot', '=', slot).where('deleted_at', 'is', null).executeTakeFirst()
  if (!timer) throw refuse('not_found', 'refusal.noTimer', { slot })
  return timer
}

export async function setState(db: Db, id: string, state: TimerRow['state'], now: number, extra: { note?: string } = {}): Promise<void> {
  await db
    .updateTable('timers')
    .set((eb) => ({ state, ...extra, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

/** Ends the open segment; a clock that went backwards ends it where it began, never negative. */
export async function closeOpenSegment(db: Db, timerId: string, now: number): Promise<void> {
  await db
    .updateTable('timer_segments')
    .set((eb) => ({ ended_at: eb.fn('max', [eb.val(now), eb.ref('started_at')]), updated_at: now }))
    .where('timer_id', '=', timerId)
    .where('ended_at', 'is', null)
    .execute()
}

/**
 * Sets a timer's primary mark. A running timer's open run is cut at `now` (closed, and a
 * new one opened with the new mark), so every run keeps the mark it ran under; a run that
 * began at `now` has nothing to cut and just takes the new mark.
 */
export async function markTimer(db: Db, timer: Pick<TimerRow, 'id' | 'state'>, primary: boolean, zone: string, now: number): Promise<void> {
  const flag = primary ? 1 : 0
  const open = timer.state === 'running' ? await db.selectFrom('timer_segments').select(['id', 'started_at']).where('timer_id', '=', timer.id).where('ended_at', 'is', null).executeTakeFirst() : undefined
  if (open && open.started_at < now) {
    await closeOpenSegment(db, timer.id, now)
    await db.insertInto('timer_segments').values({ id: newId(), timer_id: timer.id, started_at: now, ended_at: null, time_zone: zone, is_primary: flag, created_at: now, updated_at: now }).execute()
  } else if (open) {
    await db.updateTable('timer_segments').set({ is_primary: flag, updated_at: now }).where('id', '=', open.id).execute()
  }
  await db
    .updateTable('timers')
    .set((eb) => ({ is_primary: flag, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', timer.id)
    .execute()
}

export async function liveSegments(db: Db, timerId: string) {
  return db
    .selectFrom('timer_segments')
    .selectAll()
    .where('timer_id', '=', timerId)
    .where('booked_at', 'is', null)
    .where('discarded_at', 'is', null)
    .orderBy('started_at')
    .execute()
}

export function asClosed(row: { started_at: number; ended_at: number | null; time_zone: string; is_primary: number }): ClosedSegment {
  return { startedAt: row.started_at, endedAt: row.ended_at ?? row.started_at, timeZone: row.time_zone, primary: row.is_primary === 1 }
}

export async function cutSegments(db: Db, timerId: string, from: number, to: number, now: number): Promise<void> {
  const segments: Segment[] = (await liveSegments(db, timerId)).map((s) => ({ id: s.id, startedAt: s.started_at, endedAt: s.ended_at, timeZone: s.time_zone, primary: s.is_primary === 1 }))
  const plan = planCut(segments, from, to)
  for (const part of plan.discard) {
    await db.updateTable('timer_segments').set({ started_at: part.startedAt, ended_at: part.endedAt, discarded_at: now, updated_at: now }).where('id', '=', part.id).execute()
  }
  for (const piece of plan.keep) {
    await db.insertInto('timer_segments').values({ id: newId(), timer_id: timerId, started_at: piece.startedAt, ended_at: piece.endedAt, time_zone: piece.timeZone, is_primary: piece.primary ? 1 : 0, created_at: now, updated_at: now }).execute()
  }
}

/** A timer with no activity type books with the default one, as a person filling the sheet would. */
export async function defaultActivityTypeId(db: Db): Promise<string | null> {
  const row = await db.selectFrom('activity_types').select('id').where('is_default', '=', 1).where('active', '=', 1).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.id ?? null
}

export async function readState(db: Db, key: string): Promise<string | null> {
  return (await db.selectFrom('app_state').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null
}

export async function writeState(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('app_state').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}

export async function insertPrompt(db: Db, kind: 'crash-gap' | 'idle', timerId: string, from: number, to: number, now: number): Promise<void> {
  await db.insertInto('timer_prompts').values({ id: newId(), kind, timer_id: timerId, from_at: from, to_at: to, created_at: now, resolved_at: null, resolution: null }).execute()
}

/** One question per running timer about [from, to); returns whether any was asked. */
export async function promptRunning(db: Db, kind: 'crash-gap' | 'idle', from: number, to: number, now: number): Promise<boolean> {
  if (to <= from) return false
  const running = await db.selectFrom('timers').select('id').where('state', '=', 'running').execute()
  for (const { id } of running) await insertPrompt(db, kind, id, from, to, now)
  return running.length > 0
}

/** Every slot with its closed time and the start of its open segment. */
export async function listTimers(db: Db): Promise<Timer[]> {
  const rows = await db.selectFrom('timers').selectAll().where('deleted_at', 'is', null).orderBy('slot').execute()
  const totals = await db
    .selectFrom('timer_segments')
    .select([
      'timer_id',
      sql<number>`coalesce(sum(ended_at - started_at), 0)`.as('closed_ms'),
      sql<number | null>`max(case when ended_at is null then started_at end)`.as('open_since'),
      sql<number | null>`min(started_at)`.as('first_start'),
    ])
    .where('booked_at', 'is', null)
    .where('discarded_at', 'is', null)
    .groupBy('timer_id')
    .execute()
  const byTimer = new Map(totals.map((t) => [t.timer_id, t]))
  return rows.map((row) => toTimer(row, byTimer.get(row.id)))
}

/** The columns an edit of a timer changes, its work item and activity type checked first. */
type TimerChanges = Partial<Pick<TimerRow, 'label' | 'color' | 'work_item_id' | 'activity_type_id' | 'billable' | 'note'>>

export async function timerChanges(db: Db, timer: TimerRow, patch: TimerUpdate): Promise<TimerChanges> {
  const changes: TimerChanges = {}
  if (patch.workItemId !== undefined) {
    changes.work_item_id = patch.workItemId
    if (patch.workItemId !== null) {
      const item = await db.selectFrom('work_items').select(['billable', 'reference', 'title']).where('id', '=', patch.workItemId).where('deleted_at', 'is', null).executeTakeFirst()
      if (!item) throw refuse('not_found', 'refusal.workItemGoneTimer')
      // Billable follows the work item unless the same change sets it.
      changes.billable = item.billable
      if (patch.label === undefined && /^Timer \d$/.test(timer.label)) changes.label = (item.reference ?? item.title).slice(0, 60)
    }
  }
  if (patch.activityTypeId !== undefined && patch.activityTypeId !== null) {
    const type = await db.selectFrom('activity_types').select('id').where('id', '=', patch.activityTypeId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!type) throw refuse('not_found', 'refusal.activityTypeGoneTimer')
  }
  if (patch.activityTypeId !== undefined) changes.activity_type_id = patch.activityTypeId
  if (patch.label !== undefined) changes.label = patch.label
  if (patch.color !== undefined) changes.color = patch.color.toUpperCase()
  if (patch.billable !== undefined) changes.billable = patch.billable ? 1 : 0
  if (patch.note !== undefined) changes.note = patch.note
  return changes
}

/** The slot a ticket link runs on: the one that last worked on this ticket, then one with nothing assigned, then any idle one. */
export function slotForTicket(timers: readonly TimerRow[], workItemId: string): TimerRow | undefined {
  return (
    timers.find((t) => t.work_item_id === workItemId && t.state !== 'idle') ??
    timers.find((t) => t.work_item_id === workItemId && t.state === 'idle') ??
    timers.find((t) => t.state === 'idle' && t.work_item_id === null) ??
    timers.find((t) => t.state === 'idle')
  )
}

/** The nine slots, made once with their default labels and colours; existing ones are left alone. */
export async function ensureSlots(db: Db, now: number): Promise<void> {
  const rows = Array.from({ length: SLOT_COUNT }, (_, i) => ({
    id: newId(),
    slot: i + 1,
    label: `Timer ${i + 1}`,
    color: DEFAULT_TIMER_COLORS[i] ?? '#888888',
    state: 'idle' as const,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }))
  await db.insertInto('timers').values(rows).onConflict((oc) => oc.column('slot').doNothing()).execute()
}

/** The open crash-gap and idle questions, oldest first. */
export async function gapPrompts(db: Db): Promise<GapPrompt[]> {
  const rows = await db
    .selectFrom('timer_prompts')
    .innerJoin('timers', 'timers.id', 'timer_prompts.timer_id')
    .select(['timer_prompts.id', 'timer_prompts.kind', 'timers.slot', 'timers.label', 'timer_prompts.from_at', 'timer_prompts.to_at'])
    .where('timer_prompts.resolved_at', 'is', null)
    .orderBy('timer_prompts.created_at')
    .orderBy('timers.slot')
    .execute()
  return rows.map((r) => ({ id: r.id, kind: r.kind, slot: r.slot, timerLabel: r.label, fromAt: r.from_at, toAt: r.to_at }))
}
