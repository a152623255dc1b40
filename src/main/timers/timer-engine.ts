// The timer engine: nine slots that start, pause, resume, stop (into draft entries)
// and discard. Every transition is committed to SQLite before it is answered or
// announced. No per-second work: while any timer runs the engine wakes once a minute
// to write a heartbeat and look at idle time, and not at all otherwise. Decisions about
// time the user may not have worked (crash gaps, idle, short runs) wait for the user.
import { sql, type Kysely, type Transaction } from 'kysely'
import { newId } from '@shared/ids'
import { StintError } from '@shared/errors'
import type { TimerSettings } from '@shared/settings'
import { DEFAULT_TIMER_COLORS, SLOT_COUNT, type PromptResolution, type StopResult, type Timer, type TimerPrompt, type TimerUpdate } from '@shared/timers'
import type { Clock } from '../clock'
import type { Database, TimerRow } from '../db/schema'
import type { EventHub } from '../events'
import { loadEntries } from '../timesheet/entry-queries'
import { customerLike, workItemLike } from '../work/look-alikes'
import { bookRun, runSeconds, type ClosedSegment } from './booking'
import type { Scheduler } from './scheduler'
import { planCut, type Segment } from './segments'

export const HEARTBEAT_MS = 60_000
/** A restart longer than this after the last heartbeat asks what to do with the gap. */
export const CRASH_GAP_MS = 2 * 60_000

type Db = Kysely<Database> | Transaction<Database>

/** What the engine needs to know about the machine's activity (Electron's powerMonitor in the app). */
export interface IdleSource {
  /** Seconds since the last keyboard or mouse input. */
  idleSeconds(): number
}

export interface TimerEngineDeps {
  db: Kysely<Database>
  clock: Clock
  events: EventHub
  scheduler: Scheduler
  settings: () => TimerSettings
  /** Whose time a stopped timer books (see profile.ts). */
  userId: () => string
}


export interface EngineStats {
  wakeUps: number
  writes: number
}

export class TimerEngine {
  private tickHandle: unknown = null
  private tickInFlight: Promise<void> = Promise.resolve()
  private idleSource: IdleSource | null = null
  /** Start of an idle period seen by the minute check, until the user comes back. */
  private idleSince: number | null = null
  readonly stats: EngineStats = { wakeUps: 0, writes: 0 }

  constructor(private readonly deps: TimerEngineDeps) {}

  // ---- start-up and shutdown -------------------------------------------------------

  /** Creates missing slots, restores running timers and asks about a crash gap. */
  async init(): Promise<void> {
    const now = this.deps.clock.now()
    await this.write(async (trx) => {
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
      await trx.insertInto('timers').values(rows).onConflict((oc) => oc.column('slot').doNothing()).execute()

      const running = await trx.selectFrom('timers').select(['id']).where('state', '=', 'running').execute()
      const heartbeat = await readState(trx, 'heartbeat_at')
      const keptRunning = (await readState(trx, 'quit_keeping_timers')) === '1'
      if (running.length > 0 && heartbeat !== null && !keptRunning && now - Number(heartbeat) > CRASH_GAP_MS) {
        for (const timer of running) await insertPrompt(trx, 'crash-gap', timer.id, Number(heartbeat), now, now)
      }
      await trx.deleteFrom('app_state').where('key', '=', 'quit_keeping_timers').execute()
      if (running.length > 0) await writeState(trx, 'heartbeat_at', String(now))
    })
    await this.afterChange()
  }

  /** Records a clean shutdown; with keepRunning the running timers count on until the next start, without a gap prompt. */
  async shutdown(options: { keepRunning: boolean }): Promise<void> {
    this.clearTick()
    await this.tickInFlight
    const now = this.deps.clock.now()
    await this.write(async (trx) => {
      await writeState(trx, 'heartbeat_at', String(now))
      if (options.keepRunning) await writeState(trx, 'quit_keeping_timers', '1')
    })
  }

  /** Attaches the machine's idle time (only polled while a timer runs). */
  attachIdleSource(source: IdleSource | null): void {
    this.idleSource = source
  }

  // ---- reads -----------------------------------------------------------------------

  async list(db: Db = this.deps.db): Promise<Timer[]> {
    const rows = await db.selectFrom('timers').selectAll().where('deleted_at', 'is', null).orderBy('slot').execute()
    const totals = await db
      .selectFrom('timer_segments')
      .select([
        'timer_id',
        sql<number>`coalesce(sum(ended_at - started_at), 0)`.as('closed_ms'),
        sql<number | null>`max(case when ended_at is null then started_at end)`.as('open_since'),
      ])
      .where('booked_at', 'is', null)
      .where('discarded_at', 'is', null)
      .groupBy('timer_id')
      .execute()
    const byTimer = new Map(totals.map((t) => [t.timer_id, t]))
    return rows.map((row) => toTimer(row, byTimer.get(row.id)))
  }

  async prompts(db: Db = this.deps.db): Promise<TimerPrompt[]> {
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

  // ---- transitions -----------------------------------------------------------------

  /** Starts an idle timer or resumes a paused one. */
  async start(slot: number): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state === 'running') throw new StintError('conflict', `${timer.label} is already running.`)
      await this.run(trx, timer, now)
    })
    return this.afterChange(slot)
  }

  async resume(slot: number): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state !== 'paused') throw new StintError('conflict', `${timer.label} is not paused.`)
      await this.run(trx, timer, now)
    })
    return this.afterChange(slot)
  }

  async pause(slot: number): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state !== 'running') throw new StintError('conflict', `${timer.label} is not running.`)
      await closeOpenSegment(trx, timer.id, now)
      await setState(trx, timer.id, 'paused', now)
    })
    return this.afterChange(slot)
  }

  /** What a global shortcut or a number key does: a running timer pauses, any other starts or resumes. */
  async toggle(slot: number): Promise<Timer> {
    const current = await timerAt(this.deps.db, slot)
    return current.state === 'running' ? this.pause(slot) : this.start(slot)
  }

  /** The tray's "New timer": starts the first idle slot. */
  async startNext(): Promise<Timer> {
    const idle = await this.deps.db.selectFrom('timers').select('slot').where('state', '=', 'idle').orderBy('slot').executeTakeFirst()
    if (!idle) throw new StintError('conflict', `All ${SLOT_COUNT} timers are in use. Stop one first.`)
    return this.start(idle.slot)
  }

  async pauseAll(): Promise<Timer[]> {
    await this.write(async (trx, now) => {
      const running = await trx.selectFrom('timers').select('id').where('state', '=', 'running').execute()
      for (const { id } of running) {
        await closeOpenSegment(trx, id, now)
        await setState(trx, id, 'paused', now)
      }
    })
    await this.afterChange()
    return this.list()
  }

  /** Stops a running or paused timer and books its run as draft entries, one per local day. */
  async stop(slot: number, options: { keepShort?: boolean } = {}): Promise<StopResult> {
    let short: number | null = null
    let entryIds: string[] = []
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state === 'idle') throw new StintError('conflict', `${timer.label} is not running.`)
      await closeOpenSegment(trx, timer.id, now)
      const segments = (await liveSegments(trx, timer.id)).map(asClosed)
      const seconds = runSeconds(segments)
      const threshold = this.deps.settings().shortEntrySeconds
      if (!options.keepShort && seconds > 0 && seconds < threshold) {
        short = seconds
        await setState(trx, timer.id, 'paused', now)
        return
      }
      entryIds = await this.bookRunAndReset(trx, timer, segments, now)
    })
    const timer = await this.afterChange(slot, entryIds.length > 0)
    if (short !== null) return { outcome: 'confirm-short', timer, seconds: short }
    return { outcome: 'stopped', timer, entries: await loadEntries(this.deps.db, this.deps.userId(), { ids: entryIds }) }
  }

  /** Throws a timer's current run away (its segments are kept, marked discarded). */
  async discard(slot: number): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state === 'idle') throw new StintError('conflict', `${timer.label} has no time to discard.`)
      await closeOpenSegment(trx, timer.id, now)
      await trx.updateTable('timer_segments').set({ discarded_at: now, updated_at: now }).where('timer_id', '=', timer.id).where('booked_at', 'is', null).where('discarded_at', 'is', null).execute()
      await setState(trx, timer.id, 'idle', now, { note: '' })
    })
    return this.afterChange(slot)
  }

  async update(patch: TimerUpdate): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, patch.slot)
      const changes: Partial<Pick<TimerRow, 'label' | 'color' | 'work_item_id' | 'activity_type_id' | 'billable' | 'note'>> = {}
      if (patch.workItemId !== undefined) {
        changes.work_item_id = patch.workItemId
        if (patch.workItemId !== null) {
          const item = await trx.selectFrom('work_items').select(['billable', 'reference', 'title']).where('id', '=', patch.workItemId).where('deleted_at', 'is', null).executeTakeFirst()
          if (!item) throw new StintError('not_found', 'That work item does not exist (any more). The timer was not changed.')
          // Billable follows the work item unless the same change sets it.
          changes.billable = item.billable
          if (patch.label === undefined && /^Timer \d$/.test(timer.label)) changes.label = (item.reference ?? item.title).slice(0, 60)
        }
      }
      if (patch.activityTypeId !== undefined && patch.activityTypeId !== null) {
        const type = await trx.selectFrom('activity_types').select('id').where('id', '=', patch.activityTypeId).where('deleted_at', 'is', null).executeTakeFirst()
        if (!type) throw new StintError('not_found', 'That activity type does not exist (any more). The timer was not changed.')
      }
      if (patch.activityTypeId !== undefined) changes.activity_type_id = patch.activityTypeId
      if (patch.label !== undefined) changes.label = patch.label
      if (patch.color !== undefined) changes.color = patch.color.toUpperCase()
      if (patch.billable !== undefined) changes.billable = patch.billable ? 1 : 0
      if (patch.note !== undefined) changes.note = patch.note
      await trx
        .updateTable('timers')
        .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', timer.id)
        .execute()
    })
    return this.afterChange(patch.slot)
  }

  /** A ticket link or command line: starts (or resumes) the timer of that ticket, creating the work item if needed. */
  async startForTicket(command: { ref: string; title?: string | undefined; customer?: string | undefined }): Promise<Timer> {
    let slot = 0
    await this.write(async (trx, now) => {
      const item = await findOrCreateTicket(trx, command, now)
      const timers = await trx.selectFrom('timers').selectAll().orderBy('slot').execute()
      const active = timers.find((t) => t.work_item_id === item.id && t.state !== 'idle')
      // Prefer the slot that last worked on this ticket, then a slot with nothing assigned, then any idle one.
      const target =
        active ??
        timers.find((t) => t.work_item_id === item.id && t.state === 'idle') ??
        timers.find((t) => t.state === 'idle' && t.work_item_id === null) ??
        timers.find((t) => t.state === 'idle')
      if (!target) throw new StintError('conflict', `All ${SLOT_COUNT} timers are in use. Stop one to start ${command.ref}.`)
      slot = target.slot
      if (target.state === 'running') return
      if (target.work_item_id !== item.id) {
        await trx
          .updateTable('timers')
          .set((eb) => ({ work_item_id: item.id, billable: item.billable, label: (item.reference ?? item.title).slice(0, 60), note: '', updated_at: now, version: eb('version', '+', 1) }))
          .where('id', '=', target.id)
          .execute()
      }
      await this.run(trx, target, now)
    })
    return this.afterChange(slot)
  }

  /** A ticket link or command line: stops the timer of that ticket and books its entry. */
  async stopForTicket(ref: string, options: { keepShort?: boolean } = {}): Promise<StopResult> {
    const timer = await this.deps.db
      .selectFrom('timers')
      .innerJoin('work_items', 'work_items.id', 'timers.work_item_id')
      .select('timers.slot')
      .where(sql<boolean>`work_items.reference = ${ref} COLLATE NOCASE`)
      .where('timers.state', '!=', 'idle')
      .executeTakeFirst()
    if (!timer) throw new StintError('not_found', `No timer is running for ${ref}.`)
    return this.stop(timer.slot, options)
  }

  // ---- decisions the user makes ----------------------------------------------------

  async resolvePrompt(id: string, resolution: PromptResolution): Promise<Timer[]> {
    let entriesChanged = false
    await this.write(async (trx, now) => {
      const prompt = await trx.selectFrom('timer_prompts').selectAll().where('id', '=', id).executeTakeFirst()
      if (!prompt) throw new StintError('not_found', 'That question was already answered or does not exist.')
      if (prompt.resolved_at !== null) throw new StintError('conflict', 'That question was already answered.')
      const allowed = prompt.kind === 'crash-gap' ? ['keep', 'discard', 'stop-at-start'] : ['keep', 'discard', 'move-to-timer', 'book-to-work-item']
      if (!allowed.includes(resolution.action)) {
        throw new StintError('invalid_request', `"${resolution.action}" is not an answer to this question; nothing was changed.`)
      }
      const timer = await trx.selectFrom('timers').selectAll().where('id', '=', prompt.timer_id).executeTakeFirstOrThrow()
      const from = prompt.from_at
      const to = Math.min(prompt.to_at, now)

      if (resolution.action === 'discard') await cutSegments(trx, timer.id, from, to, now)
      if (resolution.action === 'stop-at-start') {
        // Everything after the last sign of life goes; the run ends there and is booked.
        await cutSegments(trx, timer.id, from, now, now)
        if (timer.state !== 'idle') {
          const segments = (await liveSegments(trx, timer.id)).map(asClosed)
          entriesChanged = (await this.bookRunAndReset(trx, timer, segments, now)).length > 0
        }
      }
      if (resolution.action === 'move-to-timer') {
        const target = await timerAt(trx, resolution.slot)
        if (target.id === timer.id) throw new StintError('invalid_request', 'Choose another timer to move the time to; nothing was changed.')
        const zone = (await liveSegments(trx, timer.id))[0]?.time_zone ?? this.deps.clock.timeZone()
        await cutSegments(trx, timer.id, from, to, now)
        await trx.insertInto('timer_segments').values({ id: newId(), timer_id: target.id, started_at: from, ended_at: to, time_zone: zone, created_at: now, updated_at: now }).execute()
        if (target.state === 'idle') await setState(trx, target.id, 'paused', now)
      }
      if (resolution.action === 'book-to-work-item') {
        const item = await trx.selectFrom('work_items').select(['id', 'billable']).where('id', '=', resolution.workItemId).where('deleted_at', 'is', null).executeTakeFirst()
        if (!item) throw new StintError('not_found', 'That work item does not exist (any more); nothing was changed.')
        const zone = (await liveSegments(trx, timer.id))[0]?.time_zone ?? this.deps.clock.timeZone()
        await cutSegments(trx, timer.id, from, to, now)
        const ids = await this.book(trx, [{ startedAt: from, endedAt: to, timeZone: zone }], { workItemId: item.id, activityTypeId: await defaultActivityTypeId(trx), billable: item.billable, description: '', timerId: null, now })
        entriesChanged = ids.length > 0
      }
      await trx.updateTable('timer_prompts').set({ resolved_at: now, resolution: JSON.stringify(resolution) }).where('id', '=', id).execute()
    })
    await this.afterChange(undefined, entriesChanged)
    return this.list()
  }

  // ---- sleep, lock and idle ----------------------------------------------------------

  /** The machine went to sleep or was locked: remember when, in the database (the process may not survive). */
  async away(): Promise<void> {
    if (this.deps.settings().idleMinutes === null) return
    await this.write(async (trx, now) => {
      if ((await readState(trx, 'away_since')) === null) await writeState(trx, 'away_since', String(now))
    })
  }

  /** The machine woke up or was unlocked: a long enough absence becomes a question per running timer. */
  async back(): Promise<void> {
    const minutes = this.deps.settings().idleMinutes
    let asked = false
    await this.write(async (trx, now) => {
      const since = await readState(trx, 'away_since')
      await trx.deleteFrom('app_state').where('key', '=', 'away_since').execute()
      if (since === null || minutes === null || now - Number(since) < minutes * 60_000) return
      asked = await promptRunning(trx, 'idle', Number(since), now, now)
    })
    if (asked) await this.afterChange()
  }

  /** Resolves when the current minute check (if any) has finished: for tests and shutdown. */
  settled(): Promise<void> {
    return this.tickInFlight
  }

  // ---- internals ---------------------------------------------------------------------

  private async run(trx: Transaction<Database>, timer: TimerRow, now: number): Promise<void> {
    if (this.deps.settings().exclusive) {
      const others = await trx.selectFrom('timers').select('id').where('state', '=', 'running').where('id', '!=', timer.id).execute()
      for (const other of others) {
        await closeOpenSegment(trx, other.id, now)
        await setState(trx, other.id, 'paused', now)
      }
    }
    await trx.insertInto('timer_segments').values({ id: newId(), timer_id: timer.id, started_at: now, ended_at: null, time_zone: this.deps.clock.timeZone(), created_at: now, updated_at: now }).execute()
    await setState(trx, timer.id, 'running', now)
  }

  /** Books a timer's run as draft entries, marks its segments booked and makes it idle. */
  private async bookRunAndReset(trx: Transaction<Database>, timer: TimerRow, segments: ClosedSegment[], now: number): Promise<string[]> {
    const ids = await this.book(trx, segments, {
      workItemId: timer.work_item_id,
      activityTypeId: timer.activity_type_id ?? (await defaultActivityTypeId(trx)),
      billable: timer.billable,
      description: timer.note,
      timerId: timer.id,
      now,
    })
    await trx.updateTable('timer_segments').set({ booked_at: now, updated_at: now }).where('timer_id', '=', timer.id).where('booked_at', 'is', null).where('discarded_at', 'is', null).execute()
    await setState(trx, timer.id, 'idle', now, { note: '' })
    return ids
  }

  private async book(
    trx: Transaction<Database>,
    segments: ClosedSegment[],
    entry: { workItemId: string | null; activityTypeId: string | null; billable: number; description: string; timerId: string | null; now: number },
  ): Promise<string[]> {
    const ids: string[] = []
    for (const day of bookRun(segments, this.deps.settings().rounding)) {
      const id = newId()
      ids.push(id)
      await trx
        .insertInto('time_entries')
        .values({
          id,
          user_id: this.deps.userId(),
          day: day.day,
          work_item_id: entry.workItemId,
          activity_type_id: entry.activityTypeId,
          billable: entry.billable ? 1 : 0,
          description: entry.description,
          source: 'timer',
          raw_seconds: day.rawSeconds,
          rounded_seconds: day.roundedSeconds,
          status: 'draft',
          timer_id: entry.timerId,
          time_zone: day.timeZone,
          created_at: entry.now,
          updated_at: entry.now,
          deleted_at: null,
        })
        .execute()
      for (const range of day.ranges) {
        await trx.insertInto('time_entry_ranges').values({ id: newId(), entry_id: id, started_at: range.startedAt, ended_at: range.endedAt }).execute()
      }
    }
    return ids
  }

  /** One committed write transaction; the heartbeat rides along whenever a timer runs. Resolves whether one does. */
  private async write(work: (trx: Transaction<Database>, now: number) => Promise<void>): Promise<boolean> {
    const now = this.deps.clock.now()
    const running = await this.deps.db.transaction().execute(async (trx) => {
      await work(trx, now)
      const any = await trx.selectFrom('timers').select('id').where('state', '=', 'running').limit(1).executeTakeFirst()
      if (any) await writeState(trx, 'heartbeat_at', String(now))
      return any !== undefined
    })
    this.stats.writes++
    return running
  }

  /** After a committed change: announce it, and wake up in a minute only if something runs. */
  private async afterChange(slot?: number, entriesChanged = false): Promise<Timer> {
    const timers = await this.list()
    this.deps.events.emit('timers.changed', { timers })
    this.deps.events.emit('prompts.changed', { prompts: await this.prompts() })
    if (entriesChanged) this.deps.events.emit('entries.changed', {})
    this.schedule(timers.some((t) => t.state === 'running'))
    const timer = timers.find((t) => t.slot === slot) ?? timers[0]
    if (!timer) throw new StintError('not_found', `There is no timer ${slot ?? ''}.`)
    if (slot !== undefined && timer.slot !== slot) throw new StintError('not_found', `There is no timer ${slot}.`)
    return timer
  }

  private schedule(anyRunning: boolean): void {
    if (!anyRunning) {
      this.clearTick()
      this.idleSince = null
      return
    }
    if (this.tickHandle !== null) return
    this.tickHandle = this.deps.scheduler.setTimeout(() => {
      this.tickHandle = null
      this.tickInFlight = this.tick()
    }, HEARTBEAT_MS)
  }

  private clearTick(): void {
    if (this.tickHandle !== null) this.deps.scheduler.clearTimeout(this.tickHandle)
    this.tickHandle = null
  }

  /** The once-a-minute wake-up while a timer runs: heartbeat, then idle check. */
  private async tick(): Promise<void> {
    this.stats.wakeUps++
    // One small transaction: the idle check and the heartbeat (write() adds it while a timer runs).
    const minutes = this.deps.settings().idleMinutes
    let asked = false
    const running = await this.write(async (trx, now) => {
      if (minutes === null || !this.idleSource) return
      const idleMs = this.idleSource.idleSeconds() * 1000
      if (idleMs >= minutes * 60_000) {
        this.idleSince ??= now - idleMs
      } else if (this.idleSince !== null) {
        asked = await promptRunning(trx, 'idle', this.idleSince, now - idleMs, now)
        this.idleSince = null
      }
    })
    if (asked) await this.afterChange()
    else this.schedule(running)
  }
}

// ---- row helpers ---------------------------------------------------------------------

function toTimer(row: TimerRow, total: { closed_ms: number; open_since: number | null } | undefined): Timer {
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
  }
}

async function timerAt(db: Db, slot: number): Promise<TimerRow> {
  const timer = await db.selectFrom('timers').selectAll().where('slot', '=', slot).where('deleted_at', 'is', null).executeTakeFirst()
  if (!timer) throw new StintError('not_found', `There is no timer ${slot}.`)
  return timer
}

async function setState(db: Db, id: string, state: TimerRow['state'], now: number, extra: { note?: string } = {}): Promise<void> {
  await db
    .updateTable('timers')
    .set((eb) => ({ state, ...extra, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

/** Ends the open segment; a clock that went backwards ends it where it began, never negative. */
async function closeOpenSegment(db: Db, timerId: string, now: number): Promise<void> {
  await db
    .updateTable('timer_segments')
    .set((eb) => ({ ended_at: eb.fn('max', [eb.val(now), eb.ref('started_at')]), updated_at: now }))
    .where('timer_id', '=', timerId)
    .where('ended_at', 'is', null)
    .execute()
}

async function liveSegments(db: Db, timerId: string) {
  return db
    .selectFrom('timer_segments')
    .selectAll()
    .where('timer_id', '=', timerId)
    .where('booked_at', 'is', null)
    .where('discarded_at', 'is', null)
    .orderBy('started_at')
    .execute()
}

function asClosed(row: { started_at: number; ended_at: number | null; time_zone: string }): ClosedSegment {
  return { startedAt: row.started_at, endedAt: row.ended_at ?? row.started_at, timeZone: row.time_zone }
}

async function cutSegments(db: Db, timerId: string, from: number, to: number, now: number): Promise<void> {
  const segments: Segment[] = (await liveSegments(db, timerId)).map((s) => ({ id: s.id, startedAt: s.started_at, endedAt: s.ended_at, timeZone: s.time_zone }))
  const plan = planCut(segments, from, to)
  for (const part of plan.discard) {
    await db.updateTable('timer_segments').set({ started_at: part.startedAt, ended_at: part.endedAt, discarded_at: now, updated_at: now }).where('id', '=', part.id).execute()
  }
  for (const piece of plan.keep) {
    await db.insertInto('timer_segments').values({ id: newId(), timer_id: timerId, started_at: piece.startedAt, ended_at: piece.endedAt, time_zone: piece.timeZone, created_at: now, updated_at: now }).execute()
  }
}

/** A timer with no activity type books with the default one, as a person filling the sheet would. */
async function defaultActivityTypeId(db: Db): Promise<string | null> {
  const row = await db.selectFrom('activity_types').select('id').where('is_default', '=', 1).where('active', '=', 1).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.id ?? null
}

async function readState(db: Db, key: string): Promise<string | null> {
  return (await db.selectFrom('app_state').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null
}

async function writeState(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('app_state').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}

async function insertPrompt(db: Db, kind: 'crash-gap' | 'idle', timerId: string, from: number, to: number, now: number): Promise<void> {
  await db.insertInto('timer_prompts').values({ id: newId(), kind, timer_id: timerId, from_at: from, to_at: to, created_at: now, resolved_at: null, resolution: null }).execute()
}

/** One question per running timer about [from, to); returns whether any was asked. */
async function promptRunning(db: Db, kind: 'crash-gap' | 'idle', from: number, to: number, now: number): Promise<boolean> {
  if (to <= from) return false
  const running = await db.selectFrom('timers').select('id').where('state', '=', 'running').execute()
  for (const { id } of running) await insertPrompt(db, kind, id, from, to, now)
  return running.length > 0
}

async function findOrCreateTicket(db: Db, command: { ref: string; title?: string | undefined; customer?: string | undefined }, now: number) {
  // Look-alikes (letter case, spacing, invisible characters) find the item or customer that exists.
  const existing = await workItemLike(db, { reference: command.ref, title: command.title ?? command.ref })
  if (existing) return existing
  let customerId: string | null = null
  if (command.customer) {
    const customer = await customerLike(db, command.customer)
    customerId = customer?.id ?? newId()
    if (!customer) await db.insertInto('customers').values({ id: customerId, name: command.customer, created_at: now, updated_at: now, deleted_at: null }).execute()
  }
  const item = { id: newId(), kind: 'ticket' as const, reference: command.ref, title: command.title ?? command.ref, customer_id: customerId, contract_id: null, billable: 1 as const, active: 1 as const, created_at: now, updated_at: now, deleted_at: null }
  await db.insertInto('work_items').values(item).execute()
  return { id: item.id, billable: item.billable, reference: item.reference, title: item.title }
}
