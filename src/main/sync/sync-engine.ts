// Background sync with the team server: soon after each local change, every few minutes
// otherwise, with growing, jittered waits while the server is away or failing, and the
// server's own wait when it asks for one (429, Retry-After). It never blocks the UI:
// services write to SQLite and answer at once; this engine reads the outbox on its own
// schedule. One round pushes every waiting batch (pusher.ts: one bad change never holds
// up the rest), then pulls until nothing is left. The status says "offline" only when
// the server cannot be reached; a server that answers with an error is a "problem",
// with its message.
import type { Kysely } from 'kysely'
import type { MessageId } from '@shared/i18n/catalogue'
import { ENGLISH } from '@shared/i18n/translator'
import { MAX_PULL_CHANGES, type MeResponse, type SyncStatus } from '@shared/sync'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { EventHub } from '../events'
import type { Logger } from '../logger'
import type { Scheduler } from '../timers/scheduler'
import { pendingCount } from './outbox'
import { applyPullPage, readCursor, type PeriodDecision } from './pull'
import { Pusher } from './pusher'
import { RestoredServerReconciler } from './restored-server'
import { TransportError, type SyncTransport } from './transport'

export const SOON_MS = 2_000
export const PERIODIC_MS = 5 * 60_000
export const FIRST_RETRY_MS = 5_000
export const MAX_RETRY_MS = 5 * 60_000

export interface SyncDeps {
  db: Kysely<Database>
  clock: Clock
  scheduler: Scheduler
  events: EventHub
  logger: Logger
  /** The transport to the configured server, or null in standalone mode (or without a token). */
  transport: () => SyncTransport | null
  /** A server is configured (its token may still be missing, e.g. after the browser host restarted). */
  configured: () => boolean
  /** Each round starts by asking the server who we are: the account's role and the period rule follow it. */
  onMe?: (me: MeResponse) => Promise<void>
  userId: () => string
  deviceId: string
  /** 0 ≤ r < 1, for jitter; tests pass a fixed one. */
  random?: () => number
}

export class SyncEngine {
  private timer: unknown = null
  private running: Promise<void> | null = null
  private again = false
  private failures = 0
  private lastSyncedAt: number | null = null
  private nextAttemptAt: number | null = null
  private problem: ({ state: 'offline' | 'problem' | 'unauthorized' | 'pending' } & StatusWords) | null = null
  private stopped = false
  private readonly unsubscribe: () => void
  private readonly pusher: Pusher
  private readonly restored: RestoredServerReconciler
  /** No scheduled round before this instant: the server's Retry-After (0: no wait asked for). */
  private waitUntil = 0

  constructor(private readonly deps: SyncDeps) {
    this.pusher = new Pusher({ db: deps.db, clock: deps.clock, deviceId: deps.deviceId })
    this.restored = new RestoredServerReconciler(deps.db, deps.userId)
    this.unsubscribe = deps.events.subscribe((name) => {
      if (name === 'entries.changed' || name === 'work.changed') this.soon()
    })
  }

  /** Starts the schedule: a first round now, when a server is configured. */
  start(): void {
    this.schedule(0)
  }

  stop(): void {
    this.stopped = true
    this.unsubscribe()
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer)
    this.timer = null
  }

  /** A local change: sync in a moment (changes typed in quick succession travel together). */
  soon(): void {
    if (this.problem?.state === 'unauthorized') return
    if (this.failures === 0) this.schedule(SOON_MS)
    void this.announce()
  }

  /** Runs a round now (the "Sync now" button, a changed server setting) and waits for it. */
  async syncNow(): Promise<SyncStatus> {
    this.failures = 0
    this.problem = null
    await this.round()
    return this.status()
  }

  /** Resolves when no round is running (tests). */
  async settled(): Promise<void> {
    while (this.running) await this.running
  }

  async status(): Promise<SyncStatus> {
    const { db } = this.deps
    const pending = await pendingCount(db)
    const issues = (await db.selectFrom('sync_issues').select((eb) => eb.fn.countAll<number>().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow()).n
    const base = { pending, issues, lastSyncedAt: this.lastSyncedAt, nextAttemptAt: this.nextAttemptAt }
    if (!this.deps.configured()) return { ...base, state: 'standalone', message: null }
    if (!this.deps.transport()) return { ...base, state: 'unauthorized', ...statusWords('refusal.team.notSignedIn') }
    if (this.running) return { ...base, state: 'syncing', message: null }
    if (this.problem) {
      const { state, ...words } = this.problem
      return { ...base, state, ...words }
    }
    if (issues > 0) return { ...base, state: 'attention', message: null }
    if (pending > 0) return { ...base, state: 'pending', message: null }
    return { ...base, state: 'synced', message: null }
  }

  private schedule(requested: number): void {
    // Standalone, nothing ever wakes up for sync (a laptop on battery owes it nothing).
    if (this.stopped || !this.deps.configured()) return
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer)
    // A wait the server asked for holds even when a change wants a round sooner.
    const ms = Math.max(requested, this.waitUntil - this.deps.clock.now())
    this.nextAttemptAt = this.deps.clock.now() + ms
    this.timer = this.deps.scheduler.setTimeout(() => {
      this.timer = null
      void this.round()
    }, ms)
  }

  private async round(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.once().finally(() => {
      this.running = null
    })
    await this.running
    // Announced once the round is over, so the news says where it ended, not "syncing".
    await this.announce()
    if (this.again) {
      this.again = false
      await this.round()
    }
  }

  private async once(): Promise<void> {
    const transport = this.deps.transport()
    if (!transport) {
      this.nextAttemptAt = null
      return
    }
    await this.announce()
    try {
      const me = await transport.me(await readCursor(this.deps.db))
      await this.deps.onMe?.(me)
      // A server restored from a backup: pull everything first, so what is pushed is based on
      // the versions the server has now, and what it lost is queued to go back up.
      if (await this.restored.startsOver(me)) await this.pull(transport)
      await this.pusher.push(transport)
      if (await this.pull(transport)) {
        await this.pusher.push(transport)
        await this.pull(transport)
      }
      this.failures = 0
      this.problem = null
      this.lastSyncedAt = this.deps.clock.now()
      this.schedule(PERIODIC_MS)
    } catch (error) {
      this.fail(error)
    }
  }

  /** Pulls until nothing is left; true when the server turned out to be restored and rows were queued to send back. */
  private async pull(transport: SyncTransport): Promise<boolean> {
    let changed = 0
    let requeued: boolean
    const decided: PeriodDecision[] = []
    for (;;) {
      const after = await readCursor(this.deps.db)
      // The largest page the server gives: a device back from a week offline pulls its changes back in half the round trips.
      const page = await transport.pull(after, MAX_PULL_CHANGES)
      if (await this.restored.startsOver(page)) {
        this.deps.logger.warn('the team server’s database was restored from a backup: pulling everything again and sending back what it lost')
        continue
      }
      await this.restored.beforeApplying(page)
      const applied = await applyPullPage(this.deps.db, this.deps.userId(), page)
      changed += applied.changed
      // Someone else's decision is news; the user's own submission or withdrawal is not.
      for (const d of applied.decisions) if (d.status === 'approved' || d.status === 'rejected' || (d.status === 'open' && d.from === 'approved')) decided.push(d)
      if (!page.more) {
        requeued = await this.restored.finish()
        break
      }
    }
    if (changed > 0) {
      this.deps.events.emit('entries.changed', {})
      this.deps.events.emit('work.changed', {})
    }
    for (const d of decided) this.deps.events.emit('period.decided', { start: d.start, end: d.end, status: d.status, reason: d.reason, by: d.by })
    return requeued
  }

  private fail(error: unknown): void {
    if (error instanceof TransportError && error.kind === 'unauthorized') {
      // Retrying with a refused token only feeds the server's bad-token limiter: wait for the user.
      this.problem = { state: 'unauthorized', ...wordsOf(error) }
      this.nextAttemptAt = null
      this.deps.logger.warn(`sync stopped: ${error.message}`)
      return
    }
    if (error instanceof TransportError && error.kind === 'throttled') {
      // The server asked for a wait: not a failure, so the next round is its wait, not a longer one.
      const wait = error.retryAfterMs ?? retryDelay(this.failures + 1, this.deps.random ?? Math.random)
      this.waitUntil = this.deps.clock.now() + wait
      this.problem = { state: 'pending', ...statusWords('sync.askedToWaitDetail', { reason: withoutFullStop(error.serverMessage ?? 'too many requests') }) }
      this.schedule(wait)
      return
    }
    this.failures++
    if (!(error instanceof TransportError)) this.deps.logger.error('sync round failed', error)
    // The first failure of a streak, not every retry: an offline laptop would fill the log.
    else if (this.failures === 1) this.deps.logger.warn(`sync failed (${error.kind}${error.status === null ? '' : `, HTTP ${error.status}`}): ${error.message}`)
    // Offline only when the server cannot be reached; an answer with an error is the server's problem, said in its words.
    const state = error instanceof TransportError && error.kind === 'offline' ? 'offline' : 'problem'
    this.problem = { state, ...(error instanceof TransportError ? wordsOf(error) : statusWords('sync.failedHere')) }
    const backoff = retryDelay(this.failures, this.deps.random ?? Math.random)
    if (error instanceof TransportError && error.retryAfterMs !== null) this.waitUntil = this.deps.clock.now() + error.retryAfterMs
    this.schedule(backoff)
  }

  private async announce(): Promise<void> {
    this.deps.events.emit('sync.changed', { status: await this.status() })
  }
}

/** What the status line says: the English sentence (the log's, an older window's) and its catalogue id and values for the window. */
type StatusWords = { message: string } & Pick<SyncStatus, 'messageId' | 'values'>

function statusWords(id: MessageId, values?: Record<string, string | number>): StatusWords {
  return { message: ENGLISH.t(id, values), messageId: id, ...(values ? { values } : {}) }
}

/** A transport failure's words: its English as it was, its refusal by id when it has one. */
function wordsOf(error: TransportError): StatusWords {
  const { refusal } = error
  return { message: error.message, ...(refusal ? { messageId: refusal.id, ...(refusal.values ? { values: { ...refusal.values } } : {}) } : {}) }
}

function withoutFullStop(text: string): string {
  return text.replace(/[.]+$/, '')
}

/** 5 s, 10 s, 20 s … up to 5 min, each somewhere between half and one and a half times that, so devices do not return in step. */
export function retryDelay(failures: number, random: () => number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(base * (0.5 + random()))
}
