// The desktop's write-back worker for a standalone technician: core services, plain Node,
// timer-driven on an injectable clock. It takes due jobs from the local outbox (jobs.ts)
// with a lease and drives the ticket system's connector through the protocol the team
// server's worker uses too (@shared/ticket-systems/write-protocol): a job tried before asks
// `find` / `reversed` first; `unavailable` is retried with backoff, its reason kept;
// `refused` / `not_configured` fail with the reason until the user retries. The time is
// booked as the connector's own account (the technician's API key): no user mapping.
import type { Kysely, Selectable } from 'kysely'
import { TicketSystemError, type TicketConnector, type TimeWrite } from '@shared/ticket-systems/connector'
import { connectorForStoredSystem } from '@shared/ticket-systems/connectors'
import { failureOf, jsonMap, mappedActivity, performReverse, performWrite } from '@shared/ticket-systems/write-protocol'
import type { Database, TicketSystemsTable, TicketWritesTable } from '../db/schema'
import type { Logger } from '../logger'
import type { Scheduler } from '../timers/scheduler'
import type { TicketSecrets } from './secrets'

type WriteRow = Selectable<TicketWritesTable>
type SystemRow = Selectable<TicketSystemsTable>

export interface DesktopConnectorSystem {
  readonly id: string
  readonly kind: SystemRow['kind']
  readonly name: string
  readonly baseUrl: string
  readonly credentials: Readonly<Record<string, string>>
}
export type DesktopConnectorFactory = (system: DesktopConnectorSystem) => TicketConnector

/** The connectors this build brings, as the team server's worker builds them. */
export const desktopConnectors: DesktopConnectorFactory = connectorForStoredSystem

export interface DesktopWorkerOptions {
  db: Kysely<Database>
  connectors: DesktopConnectorFactory
  secrets: TicketSecrets
  clock: () => number
  scheduler: Scheduler
  /** Whether this device writes at all: only standalone (with a team server, the server writes). */
  enabled: () => boolean
  logger?: Logger | undefined
  leaseMs?: number
  backoffMs?: number
  maxBackoffMs?: number
}

const OWNER = 'desktop'
/** The longest the worker sleeps with jobs waiting: a clock that jumped (sleep, a changed zone) is noticed within it. */
const MAX_SLEEP_MS = 15 * 60_000

export class DesktopTicketWriter {
  private readonly leaseMs: number
  private readonly backoffMs: number
  private readonly maxBackoffMs: number
  private timer: unknown = null
  private running: Promise<number> | null = null
  private stopped = true

  constructor(private readonly options: DesktopWorkerOptions) {
    this.leaseMs = options.leaseMs ?? 2 * 60_000
    this.backoffMs = options.backoffMs ?? 30_000
    this.maxBackoffMs = options.maxBackoffMs ?? 60 * 60_000
  }

  /** Works the due jobs once (one run at a time); how many it took. */
  runOnce(): Promise<number> {
    if (!this.running) {
      this.running = this.work().finally(() => {
        this.running = null
      })
    }
    return this.running
  }

  /**
   * Wakes only when there is something to write: at start, soon() after a submit or a
   * retry, and then at the next job's due time (a backoff, a lease running out). With no
   * job waiting nothing is scheduled, so an idle app never wakes for write-back.
   */
  start(): void {
    this.stopped = false
    this.planNext()
  }

  soon(): void {
    if (!this.stopped) this.wake(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer !== null) this.options.scheduler.clearTimeout(this.timer)
    this.timer = null
    await this.running?.catch(() => 0)
  }

  private wake(delayMs: number): void {
    if (this.timer !== null) this.options.scheduler.clearTimeout(this.timer)
    this.timer = this.options.scheduler.setTimeout(() => {
      this.timer = null
      if (this.stopped) return
      this.runOnce()
        .catch((error: unknown) => this.options.logger?.error('ticket write-back: taking jobs failed', error))
        .finally(() => this.planNext())
    }, delayMs)
  }

  /** Sets the next wake at the earliest waiting job's due time, unless a wake (soon()) is already set. */
  private planNext(): void {
    this.nextDue()
      .then((due) => {
        if (due !== null && !this.stopped && this.timer === null) this.wake(Math.min(MAX_SLEEP_MS, Math.max(0, due - this.options.clock())))
      })
      .catch((error: unknown) => this.options.logger?.error('ticket write-back: planning the next round failed', error))
  }

  /** When the earliest waiting job may be taken (its backoff over and any lease run out), or null when none waits. */
  async nextDue(): Promise<number | null> {
    if (!this.options.enabled()) return null
    const rows = await this.options.db.selectFrom('ticket_writes').select(['next_attempt_at', 'lease_until']).where('state', 'in', ['waiting', 'reverse_waiting']).execute()
    const dues = rows.map((row) => Math.max(row.next_attempt_at, row.lease_until ?? 0))
    return dues.length === 0 ? null : Math.min(...dues)
  }

  private async work(): Promise<number> {
    if (!this.options.enabled()) return 0
    const jobs = await this.claim()
    for (const job of jobs) await this.one(job)
    return jobs.length
  }

  private async claim(): Promise<WriteRow[]> {
    const now = this.options.clock()
    return this.options.db.transaction().execute(async (trx) => {
      const ids = (
        await trx
          .selectFrom('ticket_writes')
          .select('id')
          .where('state', 'in', ['waiting', 'reverse_waiting'])
          .where('next_attempt_at', '<=', now)
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(20)
          .execute()
      ).map((row) => row.id)
      if (ids.length === 0) return []
      await trx
        .updateTable('ticket_writes')
        .set((eb) => ({ lease_owner: OWNER, lease_until: now + this.leaseMs, attempts: eb('attempts', '+', 1), updated_at: now }))
        .where('id', 'in', ids)
        .execute()
      return trx.selectFrom('ticket_writes').selectAll().where('id', 'in', ids).orderBy('next_attempt_at').orderBy('id').execute()
    })
  }

  private row(job: WriteRow) {
    return this.options.db.updateTable('ticket_writes').where('id', '=', job.id)
  }

  private async one(job: WriteRow): Promise<void> {
    const ms = Math.max(1, Math.floor(this.leaseMs / 2))
    try {
      const system = await this.options.db.selectFrom('ticket_systems').selectAll().where('id', '=', job.system_id).executeTakeFirst()
      if (!system) throw new TicketSystemError('not_configured', 'the ticket system was removed')
      if (system.active !== 1 && job.state === 'waiting') throw new TicketSystemError('not_configured', `${system.name} is switched off`)
      const credentials = await this.options.secrets.read(system.id)
      if (credentials === null) throw new TicketSystemError('not_configured', `${system.name} has no credentials on this device: enter them again in Settings`)
      const connector = this.options.connectors({ id: system.id, kind: system.kind, name: system.name, baseUrl: system.base_url, credentials })
      const ticketId = job.ticket_id ?? connector.ticketIdFromUrl(job.ticket_url)
      if (ticketId === null) throw new TicketSystemError('refused', `${job.ticket_url} is not a ticket page of ${system.name}`)
      const timeWrite = () => this.timeWrite(job, system, connector, ticketId, ms)
      const takenBefore = job.attempts > 1
      const release = { ticket_id: ticketId, last_error: null, lease_owner: null, lease_until: null }
      if (job.state === 'waiting') {
        const written = await performWrite({
          connector,
          writeKey: job.write_key,
          ticketId,
          takenBefore,
          ms,
          timeWrite,
          recordSent: async (time) => {
            await this.row(job).set({ ticket_id: ticketId, sent: JSON.stringify(time) }).execute()
          },
        })
        const now = this.options.clock()
        const done = { ...release, external_id: written.externalId, url: written.url, updated_at: now }
        const result = await this.row(job).set({ ...done, state: 'written' }).where('state', '=', 'waiting').executeTakeFirst()
        // Changed while it was being written (reopened, changed, submitted again): keep what landed, so the reversal takes it back.
        if (Number(result.numUpdatedRows) === 0) await this.row(job).set({ ...done, next_attempt_at: now }).execute()
      } else {
        const sent = { writeKey: job.write_key, sent: job.sent, externalId: job.external_id, url: job.url }
        const state = await performReverse({ connector, job: sent, ticketId, takenBefore, ms, timeWrite })
        await this.row(job).set({ ...release, state, updated_at: this.options.clock() }).execute()
      }
    } catch (error) {
      await this.failed(job, error)
    }
  }

  /** The write as the system wants it: the activity mapped, or `not_configured` before anything is sent. */
  private async timeWrite(job: WriteRow, system: SystemRow, connector: TicketConnector, ticketId: string, ms: number): Promise<TimeWrite> {
    const activityId = await mappedActivity({
      activityTypeId: job.activity_type_id,
      map: jsonMap(system.activity_map),
      typeName: async () => (await this.options.db.selectFrom('activity_types').select('name').where('id', '=', job.activity_type_id ?? '').executeTakeFirst())?.name,
      connector,
      systemName: system.name,
      ms,
      howToMap: 'map it in Settings → Ticket systems or name one the same',
    })
    return { writeKey: job.write_key, ticketId, day: job.day, seconds: job.seconds, activityId, userId: null, comment: job.comment, startedAt: null }
  }

  private async failed(job: WriteRow, error: unknown): Promise<void> {
    const now = this.options.clock()
    const { kind, reason, retryAt } = failureOf(error, job.attempts, now, this.backoffMs, this.maxBackoffMs)
    const release = { last_error: reason, lease_owner: null, lease_until: null, updated_at: now }
    if (kind === 'unavailable' && retryAt !== null) {
      await this.row(job).set({ ...release, next_attempt_at: retryAt }).execute()
      this.options.logger?.warn('ticket write-back: the system is unavailable, trying again later', { write: job.id, reason, waitMs: retryAt - now })
      return
    }
    // A refusal waits for the user's retry; a write changed meanwhile stays a reversal.
    const asWrite = await this.row(job).set({ ...release, state: 'failed' }).where('state', '=', 'waiting').executeTakeFirst()
    if (Number(asWrite.numUpdatedRows) === 0) await this.row(job).set({ ...release, state: 'reverse_failed' }).execute()
    this.options.logger?.warn('ticket write-back: refused', { write: job.id, reason })
  }
}
