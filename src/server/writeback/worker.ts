// The write-back worker in the serve process: takes due jobs from the outbox with a lease
// (on PostgreSQL `FOR UPDATE SKIP LOCKED`, so two server processes never take the same one)
// and drives the ticket system's connector. Exactly once: a job that was taken before (a
// crash, an expired lease, a timeout after the request went out) first asks the system
// whether Stint's write key already landed, and only writes when nothing did. A system that
// is down is asked again later, with backoff, keeping its reason; a refusal waits for an
// admin's retry. Mappings are checked before anything is sent.
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import { TicketSystemError, type TicketConnector, type TicketSystemKind, type TimeWrite } from '@shared/ticket-systems/connector'
import { failureOf, jsonMap, mappedActivity, performReverse, performWrite, timed } from '@shared/ticket-systems/write-protocol'
import { isPostgres } from '../db/dialect'
import type { ServerDatabase, TicketSystemsTable, TicketWritesTable } from '../db/schema'
import type { Logger } from '../logger'
import type { SecretBox } from './secrets'

type WriteRow = Selectable<TicketWritesTable>
type SystemRow = Selectable<TicketSystemsTable>

/** What a connector is made from: the system as the admin set it up, credentials decrypted. */
export interface ConnectorSystem {
  readonly id: string
  readonly kind: TicketSystemKind
  readonly name: string
  readonly baseUrl: string
  readonly credentials: Readonly<Record<string, string>>
}
export type ConnectorFactory = (system: ConnectorSystem) => TicketConnector

export interface WorkerOptions {
  db: Kysely<ServerDatabase>
  connectors: ConnectorFactory
  secrets: SecretBox
  clock: () => number
  logger?: Logger | undefined
  /** This process's name on the leases it takes. */
  owner?: string
  /** How long a taken job is this worker's; longer than any call may take (calls time out at half of it). */
  leaseMs?: number
  batch?: number
  /** First wait after a system was unavailable; doubles with each attempt up to maxBackoffMs. */
  backoffMs?: number
  maxBackoffMs?: number
}

export { REVERSE_SUFFIX } from '@shared/ticket-systems/write-protocol'
const DEFAULT_LEASE_MS = 5 * 60_000

export function connectorSystemOf(row: SystemRow, secrets: SecretBox): ConnectorSystem {
  return { id: row.id, kind: row.kind, name: row.name, baseUrl: row.base_url, credentials: secrets.decrypt(row.credentials, row.id) }
}

export class TicketWriteWorker {
  readonly owner: string
  private readonly leaseMs: number
  private readonly batch: number
  private readonly backoffMs: number
  private readonly maxBackoffMs: number
  private running: Promise<void> | null = null
  private stopped = false
  private wake: (() => void) | null = null

  constructor(private readonly options: WorkerOptions) {
    this.owner = options.owner ?? `worker-${randomUUID()}`
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
    this.batch = options.batch ?? 10
    this.backoffMs = options.backoffMs ?? 30_000
    this.maxBackoffMs = options.maxBackoffMs ?? 60 * 60_000
  }

  /** Takes the due jobs (up to a batch) and works them; how many it took. */
  async runOnce(): Promise<number> {
    const jobs = await this.claim()
    for (const job of jobs) await this.work(job)
    return jobs.length
  }

  /** Works the outbox until stop(): at once while there is work, else every `intervalMs`. */
  start(intervalMs = 5_000): void {
    if (this.running) return
    this.stopped = false
    this.running = (async () => {
      while (!this.stopped) {
        let took = 0
        try {
          took = await this.runOnce()
        } catch (error) {
          this.options.logger?.error('ticket write-back: taking jobs failed', error)
        }
        if (took === 0 && !this.stopped) await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, intervalMs)
          this.wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
    })()
  }

  /** Finishes the job in hand, then stops. */
  async stop(): Promise<void> {
    this.stopped = true
    this.wake?.()
    await this.running
    this.running = null
  }

  private async claim(): Promise<WriteRow[]> {
    const now = this.options.clock()
    return this.options.db.transaction().execute(async (trx) => {
      let due = trx
        .selectFrom('ticket_writes')
        .select('id')
        .where('state', 'in', ['waiting', 'reverse_waiting'])
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(this.batch)
      // SQLite's write transaction (begin immediate) already keeps a second process out.
      if (isPostgres(trx)) due = due.forUpdate().skipLocked()
      const ids = (await due.execute()).map((row) => row.id)
      if (ids.length === 0) return []
      await trx
        .updateTable('ticket_writes')
        .set((eb) => ({ lease_owner: this.owner, lease_until: now + this.leaseMs, attempts: eb('attempts', '+', 1), updated_at: now }))
        .where('id', 'in', ids)
        .execute()
      return trx.selectFrom('ticket_writes').selectAll().where('id', 'in', ids).orderBy('next_attempt_at').orderBy('id').execute()
    })
  }

  private mine(job: WriteRow) {
    return this.options.db.updateTable('ticket_writes').where('id', '=', job.id).where('lease_owner', '=', this.owner)
  }

  private async work(job: WriteRow): Promise<void> {
    const calls = Math.max(1, Math.floor(this.leaseMs / 2))
    try {
      const system = await this.options.db.selectFrom('ticket_systems').selectAll().where('id', '=', job.system_id).executeTakeFirst()
      if (!system) throw new TicketSystemError('not_configured', 'the ticket system was removed')
      if (system.active !== 1 && job.state === 'waiting') throw new TicketSystemError('not_configured', `${system.name} is switched off`)
      let credentials: ConnectorSystem
      try {
        credentials = connectorSystemOf(system, this.options.secrets)
      } catch (error) {
        throw new TicketSystemError('not_configured', (error as Error).message)
      }
      const connector = this.options.connectors(credentials)
      const ticketId = job.ticket_id ?? connector.ticketIdFromUrl(job.ticket_url)
      if (ticketId === null) throw new TicketSystemError('refused', `${job.ticket_url} is not a ticket page of ${system.name}`)
      if (job.ticket_id === null) await this.mine(job).set({ ticket_id: ticketId }).execute()
      if (job.state === 'waiting') await this.write(job, system, connector, ticketId, calls)
      else await this.reverse(job, system, connector, ticketId, calls)
    } catch (error) {
      await this.failed(job, error)
    }
  }

  private async write(job: WriteRow, system: SystemRow, connector: TicketConnector, ticketId: string, ms: number): Promise<void> {
    const written = await performWrite({
      connector,
      writeKey: job.write_key,
      ticketId,
      takenBefore: job.attempts > 1,
      ms,
      timeWrite: () => this.timeWrite(job, system, connector, ticketId, ms),
      // Recorded before the request goes out, so a reversal knows what may have landed.
      recordSent: async (time) => {
        await this.mine(job).set({ ticket_id: ticketId, sent: JSON.stringify(time) }).execute()
      },
    })
    const now = this.options.clock()
    const done = { external_id: written.externalId, url: written.url, ticket_id: ticketId, last_error: null, lease_owner: null, lease_until: null, updated_at: now }
    const result = await this.mine(job).set({ ...done, state: 'written' }).where('state', '=', 'waiting').executeTakeFirst()
    // Voided or changed while it was being written: keep what landed, so the reversal takes it back.
    if (Number(result.numUpdatedRows) === 0) await this.mine(job).set({ ...done, next_attempt_at: now }).execute()
    this.options.logger?.info('ticket write-back: written', { write: job.id, system: system.name, ticket: ticketId })
  }

  private async reverse(job: WriteRow, system: SystemRow, connector: TicketConnector, ticketId: string, ms: number): Promise<void> {
    const finish = (state: 'reversed' | 'cancelled') =>
      this.mine(job).set({ state, last_error: null, lease_owner: null, lease_until: null, updated_at: this.options.clock() }).execute()
    const sent = { writeKey: job.write_key, sent: job.sent, externalId: job.external_id, url: job.url }
    await finish(await performReverse({ connector, job: sent, ticketId, takenBefore: job.attempts > 1, ms, timeWrite: () => this.timeWrite(job, system, connector, ticketId, ms) }))
    this.options.logger?.info('ticket write-back: reversed', { write: job.id, system: system.name, ticket: ticketId })
  }

  /** The write as the system wants it: activity and user mapped, or `not_configured` before anything is sent. */
  private async timeWrite(job: WriteRow, system: SystemRow, connector: TicketConnector, ticketId: string, ms: number): Promise<TimeWrite> {
    const db = this.options.db
    const activityId = await mappedActivity({
      activityTypeId: job.activity_type_id,
      map: jsonMap(system.activity_map),
      typeName: async () => (await db.selectFrom('activity_types').select('name').where('id', '=', job.activity_type_id ?? '').executeTakeFirst())?.name,
      connector,
      systemName: system.name,
      ms,
      howToMap: 'map it (ticket-system map-activity) or name one the same',
    })
    let userId = jsonMap(system.user_map)[job.user_id] ?? null
    if (userId === null) {
      const person = await db.selectFrom('users').select('email').where('id', '=', job.user_id).executeTakeFirstOrThrow()
      userId = (await timed(connector.userByEmail(person.email), ms))?.id ?? null
      if (userId === null) throw new TicketSystemError('not_configured', `${person.email} has no user in ${system.name}: map one (ticket-system map-user)`)
    }
    return { writeKey: job.write_key, ticketId, day: job.day, seconds: job.seconds, activityId, userId, comment: job.comment, startedAt: null }
  }

  private async failed(job: WriteRow, error: unknown): Promise<void> {
    const now = this.options.clock()
    const { kind, reason, retryAt } = failureOf(error, job.attempts, now, this.backoffMs, this.maxBackoffMs)
    const release = { last_error: reason, lease_owner: null, lease_until: null, updated_at: now }
    if (kind === 'unavailable' && retryAt !== null) {
      await this.mine(job).set({ ...release, next_attempt_at: retryAt }).execute()
      this.options.logger?.warn('ticket write-back: the system is unavailable, trying again later', { write: job.id, reason, waitMs: retryAt - now })
      return
    }
    // A refusal waits for an admin's retry; a write voided meanwhile stays a reversal.
    const asWrite = await this.mine(job).set({ ...release, state: 'failed' }).where('state', '=', 'waiting').executeTakeFirst()
    if (Number(asWrite.numUpdatedRows) === 0) await this.mine(job).set({ ...release, state: 'reverse_failed' }).execute()
    this.options.logger?.warn('ticket write-back: refused', { write: job.id, reason })
  }
}
