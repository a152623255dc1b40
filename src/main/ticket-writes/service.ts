// A standalone technician's ticket systems and writes, as the app's calls see them: add,
// change and remove systems (credentials go to the secret store, checked against the kind's
// connector first, never answered), test a connection, list writes, retry failed ones.
import type { Kysely, Selectable } from 'kysely'
import type { z } from 'zod'
import { refuse } from '@shared/errors'
import { newId } from '@shared/ids'
import type { TicketSystemKind } from '@shared/ticket-systems/connector'
import { FreshdeskConfigSchema, GlpiConfigSchema, JiraConfigSchema, RedmineConfigSchema, RequestTrackerConfigSchema, ZammadConfigSchema } from '@shared/ticket-systems/connectors'
import type { AddLocalTicketSystemSchema, LocalTicketSystem, LocalTicketWrite, UpdateLocalTicketSystemSchema } from '@shared/ticket-systems/local-systems'
import { jsonMap, timed } from '@shared/ticket-systems/write-protocol'
import type { TicketWriteStatus } from '@shared/ticket-systems/write-status'
import type { Database, TicketSystemsTable } from '../db/schema'
import type { TicketSecrets } from './secrets'
import type { DesktopConnectorFactory } from './worker'

type SystemRow = Selectable<TicketSystemsTable>

export interface LocalTicketSystemsDeps {
  db: Kysely<Database>
  clock: () => number
  secrets: TicketSecrets
  connectors: DesktopConnectorFactory
  mode: () => 'standalone' | 'server'
  userId: () => string
  /** Told when a retry made writes due (the worker starts on them). */
  onDue?: () => void
}

const CONFIG_SCHEMAS = { redmine: RedmineConfigSchema, rt: RequestTrackerConfigSchema, zammad: ZammadConfigSchema, jira: JiraConfigSchema, glpi: GlpiConfigSchema, freshdesk: FreshdeskConfigSchema } as const

/** The kind's connector takes these settings, or the refusal names the fields it does not (never their values). */
function accepted(kind: TicketSystemKind, baseUrl: string, credentials: Readonly<Record<string, string>>): string {
  const checked = CONFIG_SCHEMAS[kind].safeParse({ ...credentials, kind, baseUrl })
  if (checked.success) return checked.data.baseUrl.replace(/\/+$/, '')
  // A field it does not take is named too (strict schemas report them as unrecognized keys).
  const fields = [...new Set(checked.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.') || 'credentials'])))].filter((f) => f !== 'kind')
  throw refuse('invalid_request', 'refusal.ticket.badSettings', { fields: fields.join(', ') || 'credentials' })
}

export class LocalTicketSystems {
  constructor(private readonly deps: LocalTicketSystemsDeps) {}

  private standaloneOnly(): void {
    if (this.deps.mode() !== 'standalone') throw refuse('conflict', 'refusal.ticket.serverWrites')
  }

  private async find(id: string): Promise<SystemRow> {
    const row = await this.deps.db.selectFrom('ticket_systems').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw refuse('not_found', 'refusal.ticket.localSystemMissing')
    return row
  }

  private async shown(row: SystemRow): Promise<LocalTicketSystem> {
    const credentials = await this.deps.secrets.read(row.id)
    return { id: row.id, kind: row.kind, name: row.name, baseUrl: row.base_url, activityMap: jsonMap(row.activity_map), active: row.active === 1, hasCredentials: credentials !== null }
  }

  private async nameFree(name: string, except: string | null): Promise<void> {
    const taken = await this.deps.db.selectFrom('ticket_systems').select('id').where('name', '=', name).executeTakeFirst()
    if (taken && taken.id !== except) throw refuse('conflict', 'refusal.ticket.nameTaken', { name })
  }

  async list(): Promise<{ mode: 'standalone' | 'server'; systems: LocalTicketSystem[] }> {
    const rows = await this.deps.db.selectFrom('ticket_systems').selectAll().orderBy('name').execute()
    return { mode: this.deps.mode(), systems: await Promise.all(rows.map((row) => this.shown(row))) }
  }

  async add(input: z.output<typeof AddLocalTicketSystemSchema>): Promise<LocalTicketSystem> {
    this.standaloneOnly()
    const baseUrl = accepted(input.kind, input.baseUrl, input.credentials)
    await this.nameFree(input.name, null)
    const id = newId()
    const now = this.deps.clock()
    // The secret first: a system without its credentials would only fail.
    await this.deps.secrets.write(id, input.credentials)
    await this.deps.db
      .insertInto('ticket_systems')
      .values({ id, kind: input.kind, name: input.name, base_url: baseUrl, activity_map: JSON.stringify(input.activityMap ?? {}), created_at: now, updated_at: now })
      .execute()
    return this.shown(await this.find(id))
  }

  async update(input: z.output<typeof UpdateLocalTicketSystemSchema>): Promise<LocalTicketSystem> {
    this.standaloneOnly()
    const row = await this.find(input.id)
    if (input.name !== undefined) await this.nameFree(input.name, row.id)
    let baseUrl = row.base_url
    if (input.credentials !== undefined || input.baseUrl !== undefined) {
      const credentials = input.credentials ?? (await this.deps.secrets.read(row.id)) ?? {}
      baseUrl = accepted(row.kind, input.baseUrl ?? row.base_url, credentials)
    }
    if (input.credentials !== undefined) await this.deps.secrets.write(row.id, input.credentials)
    await this.deps.db
      .updateTable('ticket_systems')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        base_url: baseUrl,
        ...(input.activityMap !== undefined ? { activity_map: JSON.stringify(input.activityMap) } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: this.deps.clock(),
      })
      .where('id', '=', row.id)
      .execute()
    return this.shown(await this.find(row.id))
  }

  /** Removes a system nothing was written to, with its credentials; one with writes can only be switched off. */
  async remove(id: string): Promise<{ id: string }> {
    const row = await this.find(id)
    const used = await this.deps.db.selectFrom('ticket_writes').select('id').where('system_id', '=', row.id).limit(1).executeTakeFirst()
    if (used) throw refuse('conflict', 'refusal.ticket.systemInUse', { name: row.name })
    await this.deps.db.deleteFrom('ticket_systems').where('id', '=', row.id).execute()
    await this.deps.secrets.write(row.id, null)
    return { id: row.id }
  }

  /** Asks the system for its activities with the stored credentials: whether they work, and what to map to. */
  async test(id: string): Promise<{ ok: boolean; activities: { id: string; name: string }[]; reason: string | null }> {
    const row = await this.find(id)
    const credentials = await this.deps.secrets.read(row.id)
    if (credentials === null) return { ok: false, activities: [], reason: `${row.name} has no credentials on this device` }
    try {
      const connector = this.deps.connectors({ id: row.id, kind: row.kind, name: row.name, baseUrl: row.base_url, credentials })
      const activities = await timed(connector.activities(), 30_000)
      return { ok: true, activities: activities.map((a) => ({ id: a.id, name: a.name })), reason: null }
    } catch (error) {
      return { ok: false, activities: [], reason: (error instanceof Error ? error.message : String(error)).slice(0, 1000) }
    }
  }

  async writes(): Promise<LocalTicketWrite[]> {
    const rows = await this.deps.db
      .selectFrom('ticket_writes')
      .innerJoin('ticket_systems', 'ticket_systems.id', 'ticket_writes.system_id')
      .select(['ticket_writes.id', 'ticket_writes.entry_id', 'ticket_writes.day', 'ticket_systems.name', 'ticket_writes.ticket_url', 'ticket_writes.seconds', 'ticket_writes.state', 'ticket_writes.url', 'ticket_writes.last_error', 'ticket_writes.attempts'])
      .where('ticket_writes.user_id', '=', this.deps.userId())
      .where('ticket_writes.state', '!=', 'cancelled')
      .orderBy('ticket_writes.day', 'desc')
      .orderBy('ticket_writes.created_at', 'desc')
      .limit(500)
      .execute()
    return rows.map((r) => ({ id: r.id, entryId: r.entry_id, day: r.day, system: r.name, ticketUrl: r.ticket_url, seconds: r.seconds, state: r.state, url: r.url, reason: r.last_error, attempts: r.attempts }))
  }

  /** Sends failed writes (and reversals) again, or one of them; waiting ones become due now. */
  async retry(id: string | undefined): Promise<{ retried: number }> {
    this.standaloneOnly()
    const { db } = this.deps
    const now = this.deps.clock()
    const free = db.selectFrom('ticket_writes').select('id').where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    const scope = id === undefined ? free : free.where('id', '=', id)
    const ids = (await scope.where('state', 'in', ['failed', 'reverse_failed', 'waiting', 'reverse_waiting']).execute()).map((r) => r.id)
    if (ids.length === 0) return { retried: 0 }
    const asWrite = await db.updateTable('ticket_writes').set({ state: 'waiting', next_attempt_at: now, updated_at: now }).where('id', 'in', ids).where('state', 'in', ['failed', 'waiting']).executeTakeFirst()
    const asReverse = await db.updateTable('ticket_writes').set({ state: 'reverse_waiting', next_attempt_at: now, updated_at: now }).where('id', 'in', ids).where('state', 'in', ['reverse_failed', 'reverse_waiting']).executeTakeFirst()
    this.deps.onDue?.()
    return { retried: Number(asWrite.numUpdatedRows) + Number(asReverse.numUpdatedRows) }
  }

  /** The newest write of each entry in the days, as cell details show it (the same shape as the team server's answer). */
  async status(from: string, to: string): Promise<TicketWriteStatus[]> {
    const rows = await this.deps.db
      .selectFrom('ticket_writes')
      .innerJoin('ticket_systems', 'ticket_systems.id', 'ticket_writes.system_id')
      .select(['ticket_writes.entry_id', 'ticket_writes.entry_version', 'ticket_writes.day', 'ticket_systems.name', 'ticket_writes.ticket_url', 'ticket_writes.state', 'ticket_writes.url', 'ticket_writes.last_error'])
      .where('ticket_writes.user_id', '=', this.deps.userId())
      .where('ticket_writes.day', '>=', from)
      .where('ticket_writes.day', '<=', to)
      .where('ticket_writes.state', '!=', 'cancelled')
      .orderBy('ticket_writes.created_at')
      .orderBy('ticket_writes.entry_version')
      .execute()
    const newest = new Map<string, (typeof rows)[number]>()
    for (const row of rows) newest.set(row.entry_id, row)
    return [...newest.values()]
      .map((r) => ({
        entryId: r.entry_id,
        entryVersion: r.entry_version,
        day: r.day,
        system: r.name,
        ticketUrl: r.ticket_url,
        state: r.state === 'reverse_waiting' || r.state === 'reverse_failed' ? ('reversing' as const) : (r.state as 'waiting' | 'written' | 'failed' | 'reversed'),
        url: r.state === 'written' ? r.url : null,
        reason: r.state === 'failed' || r.state === 'reverse_failed' || r.state === 'waiting' ? r.last_error : null,
      }))
      .sort((a, b) => a.day.localeCompare(b.day) || a.entryId.localeCompare(b.entryId))
  }
}
