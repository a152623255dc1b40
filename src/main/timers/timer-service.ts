// The nine timer slots: start and stop, each transition committed to SQLite before it
// is answered or announced. No per-second work: a running timer is a start instant.
import { sql, type Kysely } from 'kysely'
import { newId } from '@shared/ids'
import { StintError } from '@shared/errors'
import { DEFAULT_TIMER_COLORS, SLOT_COUNT, type Timer } from '@shared/timers'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { EventHub } from '../events'

export interface TimerServiceDeps {
  db: Kysely<Database>
  clock: Clock
  events: EventHub
}

export class TimerService {
  constructor(private readonly deps: TimerServiceDeps) {}

  /** Creates the slots a fresh database lacks; never touches existing ones. */
  async ensureSlots(): Promise<void> {
    const { db, clock } = this.deps
    const now = clock.now()
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

  async list(): Promise<Timer[]> {
    const { db } = this.deps
    const timers = await db.selectFrom('timers').selectAll().where('deleted_at', 'is', null).orderBy('slot').execute()
    const totals = await db
      .selectFrom('timer_segments')
      .select([
        'timer_id',
        sql<number>`coalesce(sum(ended_at - started_at), 0)`.as('closed_ms'),
        sql<number | null>`max(case when ended_at is null then started_at end)`.as('open_since'),
      ])
      .groupBy('timer_id')
      .execute()
    const byTimer = new Map(totals.map((t) => [t.timer_id, t]))
    return timers.map((row) => {
      const total = byTimer.get(row.id)
      return {
        id: row.id,
        slot: row.slot,
        label: row.label,
        color: row.color,
        state: row.state,
        closedSeconds: Math.floor((total?.closed_ms ?? 0) / 1000),
        runningSince: row.state === 'running' ? (total?.open_since ?? null) : null,
      }
    })
  }

  async start(slot: number): Promise<Timer> {
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      const timer = await trx.selectFrom('timers').selectAll().where('slot', '=', slot).executeTakeFirst()
      if (!timer) throw new StintError('not_found', `There is no timer ${slot}.`)
      if (timer.state === 'running') throw new StintError('conflict', `${timer.label} is already running.`)
      await trx
        .insertInto('timer_segments')
        .values({ id: newId(), timer_id: timer.id, started_at: now, ended_at: null, time_zone: clock.timeZone(), created_at: now, updated_at: now })
        .execute()
      await trx
        .updateTable('timers')
        .set((eb) => ({ state: 'running', updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', timer.id)
        .execute()
    })
    return this.announce(slot)
  }

  async stop(slot: number): Promise<Timer> {
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      const timer = await trx.selectFrom('timers').selectAll().where('slot', '=', slot).executeTakeFirst()
      if (!timer) throw new StintError('not_found', `There is no timer ${slot}.`)
      if (timer.state !== 'running') throw new StintError('conflict', `${timer.label} is not running.`)
      const open = await trx
        .selectFrom('timer_segments')
        .select(['id', 'started_at'])
        .where('timer_id', '=', timer.id)
        .where('ended_at', 'is', null)
        .executeTakeFirst()
      if (open) {
        // A clock that went backwards ends the segment where it began: never a negative duration.
        await trx
          .updateTable('timer_segments')
          .set({ ended_at: Math.max(now, open.started_at), updated_at: now })
          .where('id', '=', open.id)
          .execute()
      }
      await trx
        .updateTable('timers')
        .set((eb) => ({ state: 'idle', updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', timer.id)
        .execute()
    })
    return this.announce(slot)
  }

  private async announce(slot: number): Promise<Timer> {
    const timers = await this.list()
    this.deps.events.emit('timers.changed', { timers })
    const timer = timers.find((t) => t.slot === slot)
    if (!timer) throw new StintError('not_found', `There is no timer ${slot}.`)
    return timer
  }
}
