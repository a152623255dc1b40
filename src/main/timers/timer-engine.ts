// The timer engine: nine slots that start, pause, resume, stop (into draft entries)
// and discard. Every transition is committed to SQLite before it is answered or
// announced. No per-second work: while any timer runs the engine wakes once a minute
// to write a heartbeat and look at idle time, and not at all otherwise. Decisions about
// time the user may not have worked (crash gaps, idle, short runs) wait for the user, and
// so does time that falls into a submitted or approved period (src/main/entries books
// what the open periods can take and holds the rest as a question).
import type { Kysely, Transaction } from 'kysely'
import { refuse } from '@shared/errors'
import type { TimerSettings } from '@shared/settings'
import { SLOT_COUNT, type HeldTime, type PromptResolution, type StopResult, type Timer, type TimerPrompt, type TimerUpdate } from '@shared/timers'
import type { Clock } from '../clock'
import type { Database, TimerRow } from '../db/schema'
import type { EventHub } from '../events'
import type { Booked, Entries } from '../entries/entries'
import { runSeconds, type ClosedSegment } from './booking'
import { answerGap } from './gap-answers'
import { HEARTBEAT_MS, askAboutAbsence, commitWithHeartbeat, noteAway, restoreRunning } from './heartbeat'
import { moveRunStart, timerForEntry } from './timer-edits'
import type { Scheduler } from './scheduler'
import { bookRunAndReset, startRun } from './timer-runs'
import { activeSlotOfTicket, timerForTicket, type TicketRequest } from './ticket-items'
import {
  asClosed,
  closeOpenSegment,
  ensureSlots,
  gapPrompts,
  listTimers,
  liveSegments,
  markTimer,
  promptRunning,
  setState,
  timerAt,
  timerChanges,
  writeState,
} from './timer-rows'

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
  /** Where a stopped timer's time is booked (or held, when its period is locked). */
  entries: Entries
}

export interface EngineStats {
  wakeUps: number
  writes: number
  /** Writes committed with a wait for the disk (fsync): every write but the minute heartbeat. */
  diskWaits: number
}

export class TimerEngine {
  private tickHandle: unknown = null
  private tickInFlight: Promise<void> = Promise.resolve()
  private idleSource: IdleSource | null = null
  /** Start of an idle period seen by the minute check, until the user comes back. */
  private idleSince: number | null = null
  readonly stats: EngineStats = { wakeUps: 0, writes: 0, diskWaits: 0 }

  constructor(private readonly deps: TimerEngineDeps) {}

  // ---- start-up and shutdown -------------------------------------------------------

  /** Creates missing slots, restores running timers and asks about a crash gap. */
  async init(): Promise<void> {
    const now = this.deps.clock.now()
    await this.write(async (trx) => {
      await ensureSlots(trx, now)
      await restoreRunning(trx, now)
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

  list(db: Db = this.deps.db): Promise<Timer[]> {
    return listTimers(db)
  }

  async prompts(db: Db = this.deps.db): Promise<TimerPrompt[]> {
    const gaps = await gapPrompts(db)
    // The questions about running timers first: their answers change what those timers hold.
    return [...gaps, ...(await this.deps.entries.held('asking', db))]
  }

  /** Time the user kept aside until its locked period is reopened. */
  keptAside(): Promise<HeldTime[]> {
    return this.deps.entries.held('aside')
  }

  // ---- transitions -----------------------------------------------------------------

  /** Starts an idle timer or resumes a paused one. */
  async start(slot: number): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state === 'running') throw refuse('conflict', 'refusal.timerAlreadyRunning', { label: timer.label })
      await this.run(trx, timer, now)
    })
    return this.afterChange(slot)
  }

  async resume(slot: number): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state !== 'paused') throw refuse('conflict', 'refusal.timerNotPaused', { label: timer.label })
      await this.run(trx, timer, now)
    })
    return this.afterChange(slot)
  }

  async pause(slot: number): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state !== 'running') throw refuse('conflict', 'refusal.timerNotRunning', { label: timer.label })
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
    if (!idle) throw refuse('conflict', 'refusal.allTimersInUse', { count: SLOT_COUNT })
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

  /**
   * Stops a running or paused timer and books its run as draft entries, one per local day;
   * what falls into a submitted or approved period is held as a question instead.
   */
  async stop(slot: number, options: { keepShort?: boolean } = {}): Promise<StopResult> {
    let short: number | null = null
    let booked: Booked = { entryIds: [], heldSeconds: 0 }
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state === 'idle') throw refuse('conflict', 'refusal.timerNotRunning', { label: timer.label })
      await closeOpenSegment(trx, timer.id, now)
      const segments = (await liveSegments(trx, timer.id)).map(asClosed)
      const seconds = runSeconds(segments)
      const threshold = this.deps.settings().shortEntrySeconds
      if (!options.keepShort && seconds > 0 && seconds < threshold) {
        short = seconds
        await setState(trx, timer.id, 'paused', now)
        return
      }
      booked = await this.bookRunAndReset(trx, timer, segments, now)
    })
    const timer = await this.afterChange(slot, booked.entryIds.length > 0)
    if (short !== null) return { outcome: 'confirm-short', timer, seconds: short }
    return { outcome: 'stopped', timer, entries: await this.deps.entries.load({ ids: booked.entryIds }), heldSeconds: booked.heldSeconds }
  }

  /** Throws a timer's current run away (its segments are kept, marked discarded). */
  async discard(slot: number): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      if (timer.state === 'idle') throw refuse('conflict', 'refusal.noTimeToDiscard', { label: timer.label })
      await closeOpenSegment(trx, timer.id, now)
      await trx.updateTable('timer_segments').set({ discarded_at: now, updated_at: now }).where('timer_id', '=', timer.id).where('booked_at', 'is', null).where('discarded_at', 'is', null).execute()
      await setState(trx, timer.id, 'idle', now, { note: '' })
    })
    return this.afterChange(slot)
  }

  async update(patch: TimerUpdate): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, patch.slot)
      const changes = await timerChanges(trx, timer, patch)
      await trx
        .updateTable('timers')
        .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', timer.id)
        .execute()
    })
    return this.afterChange(patch.slot)
  }

  /**
   * Marks a timer as the primary one (the one that bills shared time under the overlap rule
   * `primary`), clearing any other timer's mark, or clears its mark. The one place that
   * keeps "at most one marked", in one transaction; running timers' runs are cut at the
   * change (markTimer) so each run is booked with the mark it ran under.
   */
  async setPrimary(slot: number, primary: boolean): Promise<Timer> {
    await this.write(async (trx, now) => {
      const timer = await timerAt(trx, slot)
      const zone = this.deps.clock.timeZone()
      if (primary) {
        const others = await trx.selectFrom('timers').select(['id', 'state']).where('is_primary', '=', 1).where('id', '!=', timer.id).execute()
        for (const other of others) await markTimer(trx, other, false, zone, now)
      }
      if ((timer.is_primary === 1) !== primary) await markTimer(trx, timer, primary, zone, now)
    })
    return this.afterChange(slot)
  }

  /** "I started this ten minutes ago": a new start for the current run, within the rules (timer-edits.ts). */
  async setStart(slot: number, startedAt: number): Promise<Timer> {
    await this.write((trx, now) => moveRunStart(trx, this.deps.entries, slot, startedAt, now))
    return this.afterChange(slot)
  }

  /** Starts the first idle timer with a past entry's work item, activity type, billable flag and note. */
  async continueEntry(entryId: string): Promise<Timer> {
    let slot = 0
    await this.write(async (trx, now) => {
      const timer = await timerForEntry(trx, this.deps.entries, entryId, now)
      slot = timer.slot
      await this.run(trx, timer, now)
    })
    return this.afterChange(slot)
  }

  /** A ticket link, command line or the browser extension: starts (or resumes) the timer of that ticket, creating the work item if needed. */
  async startForTicket(command: TicketRequest): Promise<Timer> {
    let slot = 0
    await this.write(async (trx, now) => {
      const target = await timerForTicket(trx, command, now)
      slot = target.slot
      if (target.state !== 'running') await this.run(trx, target, now)
    })
    return this.afterChange(slot)
  }

  /** A ticket link, command line or the browser extension: stops the timer of that ticket (by its page when given) and books its entry. */
  async stopForTicket(ticket: string | { ref: string; url?: string | undefined }, options: { keepShort?: boolean } = {}): Promise<StopResult> {
    const { ref, url } = typeof ticket === 'string' ? { ref: ticket, url: undefined } : ticket
    const slot = await activeSlotOfTicket(this.deps.db, { ref, url })
    if (slot === undefined) throw refuse('not_found', 'refusal.noTimerFor', { ref })
    return this.stop(slot, options)
  }

  // ---- decisions the user makes ----------------------------------------------------

  async resolvePrompt(id: string, resolution: PromptResolution): Promise<Timer[]> {
    let entriesChanged = false
    await this.write(async (trx, now) => {
      const prompt = await trx.selectFrom('timer_prompts').selectAll().where('id', '=', id).executeTakeFirst()
      if (!prompt) {
        const held = await this.deps.entries.resolveHeld(trx, id, resolution, now)
        if (!held) throw refuse('not_found', 'refusal.questionGone')
        entriesChanged = held.booked
        return
      }
      entriesChanged = await answerGap(trx, { entries: this.deps.entries, timeZone: () => this.deps.clock.timeZone(), bookRunAndReset: (...args) => this.bookRunAndReset(...args) }, prompt, resolution, now)
      await trx.updateTable('timer_prompts').set({ resolved_at: now, resolution: JSON.stringify(resolution) }).where('id', '=', id).execute()
    })
    await this.afterChange(undefined, entriesChanged)
    return this.list()
  }

  // ---- sleep, lock and idle ----------------------------------------------------------

  /** The machine went to sleep or was locked: remember when, in the database (the process may not survive). */
  async away(): Promise<void> {
    if (this.deps.settings().idleMinutes === null) return
    await this.write(noteAway)
  }

  /** The machine woke up or was unlocked: a long enough absence becomes a question per running timer. */
  async back(): Promise<void> {
    const minutes = this.deps.settings().idleMinutes
    let asked = false
    await this.write(async (trx, now) => {
      asked = await askAboutAbsence(trx, minutes, now)
    })
    if (asked) await this.afterChange()
  }

  /** Resolves when the current minute check (if any) has finished: for tests and shutdown. */
  settled(): Promise<void> {
    return this.tickInFlight
  }

  // ---- internals ---------------------------------------------------------------------

  private run(trx: Transaction<Database>, timer: TimerRow, now: number): Promise<void> {
    return startRun(trx, timer, now, { exclusive: this.deps.settings().exclusive, timeZone: this.deps.clock.timeZone() })
  }

  private bookRunAndReset(trx: Transaction<Database>, timer: TimerRow, segments: ClosedSegment[], now: number): Promise<Booked> {
    return bookRunAndReset(trx, this.deps.entries, timer, segments, now)
  }

  /**
   * One committed write transaction; the heartbeat rides along whenever a timer runs.
   * Resolves whether one does. `light`: the minute check's own commit, which does not wait
   * for the disk (see tick()).
   */
  private async write(work: (trx: Transaction<Database>, now: number) => Promise<void>, light = false): Promise<boolean> {
    const running = await commitWithHeartbeat(this.deps.db, this.deps.clock.now(), work, light)
    this.stats.writes++
    if (!light) this.stats.diskWaits++
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
    if (!timer) throw refuse('not_found', 'refusal.noTimer', { slot: slot ?? '' })
    if (slot !== undefined && timer.slot !== slot) throw refuse('not_found', 'refusal.noTimer', { slot })
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

  /**
   * The once-a-minute wake-up while a timer runs (one for all nine): heartbeat, then idle
   * check. The heartbeat is what a crash leaves behind: on the next start the time since
   * it is asked about, not booked. It is committed without waiting for the disk: a
   * process crash keeps it (the OS has it), and one lost to a power cut only makes the
   * question start at an earlier heartbeat, never books time unasked. So a running timer
   * costs no fsync a minute; the next ordinary write makes it durable anyway.
   */
  private async tick(): Promise<void> {
    this.stats.wakeUps++
    // One small transaction: the idle check and the heartbeat (write() adds it while a timer runs).
    const minutes = this.deps.settings().idleMinutes
    const idleMs = minutes !== null && this.idleSource ? this.idleSource.idleSeconds() * 1000 : null
    const idle = minutes !== null && idleMs !== null && idleMs >= minutes * 60_000
    // Back from an idle spell: the question it raises is a decision record and waits for the
    // disk like every other write; a check that only notes the heartbeat does not.
    const back = idleMs !== null && !idle && this.idleSince !== null
    let asked = false
    const running = await this.write(async (trx, now) => {
      if (idleMs === null) return
      if (idle) {
        this.idleSince ??= now - idleMs
      } else if (this.idleSince !== null) {
        asked = await promptRunning(trx, 'idle', this.idleSince, now - idleMs, now)
        this.idleSince = null
      }
    }, !back)
    if (asked) await this.afterChange()
    else this.schedule(running)
  }
}
