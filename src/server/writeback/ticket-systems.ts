// The ticket systems an admin sets up for write-back: kind, address, credentials (stored
// encrypted, never answered, never logged) and the mappings of Stint's activity types and
// people to the system's activities and users. The same service serves the admin API and
// the command line; inputs are zod schemas, so both refuse the same things the same way.
import type { Kysely, Selectable } from 'kysely'
import { z } from 'zod'
import { refuse } from '@shared/errors'
import { newId } from '@shared/ids'
import { TICKET_SYSTEM_KINDS, type TicketSystemKind } from '@shared/ticket-systems/connector'
import { FreshdeskConfigSchema, GlpiConfigSchema, JiraConfigSchema, RedmineConfigSchema, RequestTrackerConfigSchema, ZammadConfigSchema } from '@shared/ticket-systems/connectors'
import { fieldIssues, InputError } from '../errors'
import type { ServerDatabase, TicketSystemsTable } from '../db/schema'
import { NameSchema, UserRefSchema } from '../org/inputs'
import { resolveUser } from '../org/lookup'
import type { SecretBox } from './secrets'

type SystemRow = Selectable<TicketSystemsTable>

export const TicketSystemKindSchema = z.enum(TICKET_SYSTEM_KINDS, `the kind must be one of ${TICKET_SYSTEM_KINDS.join(', ')}`)
export const BaseUrlSchema = z
  .string()
  .trim()
  .max(500, 'an address has at most 500 characters')
  .refine((text) => {
    try {
      const url = new URL(text)
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.search === '' && url.hash === ''
    } catch {
      return false
    }
  }, 'the address must be an http(s) URL such as https://redmine.example.com, without credentials, query or fragment')
  .transform((text) => text.replace(/\/+$/, ''))
export const CredentialsSchema = z.record(z.string().min(1).max(60).regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a credential name is letters, digits and _'), z.string().min(1).max(4000)).refine((c) => Object.keys(c).length <= 10, 'at most 10 credentials')
/** A ticket system by name or id. */
export const SystemRefSchema = NameSchema
const ExternalIdSchema = z.string().trim().min(1, 'the system’s id is needed').max(200)

export const AddSystemInput = z.strictObject({ kind: TicketSystemKindSchema, name: NameSchema, baseUrl: BaseUrlSchema, credentials: CredentialsSchema })
export const UpdateSystemInput = z.strictObject({
  system: SystemRefSchema,
  name: NameSchema.optional(),
  baseUrl: BaseUrlSchema.optional(),
  credentials: CredentialsSchema.optional(),
  active: z.boolean().optional(),
})
export const SystemOnlyInput = z.strictObject({ system: SystemRefSchema })
/** `activity: null` removes the mapping (the system's activity of the same name is used again). */
export const MapActivityInput = z.strictObject({ system: SystemRefSchema, activityType: NameSchema, activity: ExternalIdSchema.nullable() })
/** `user: null` removes the mapping (the system's user with the person's email is used again). */
export const MapUserInput = z.strictObject({ system: SystemRefSchema, email: UserRefSchema, user: ExternalIdSchema.nullable() })

/** A ticket system as the admin sees it: everything but the credentials, of which only the names show. */
export interface TicketSystemListing {
  id: string
  kind: (typeof TICKET_SYSTEM_KINDS)[number]
  name: string
  baseUrl: string
  active: boolean
  credentialNames: string[]
  activityMap: { activityTypeId: string; activityType: string; activity: string }[]
  userMap: { userId: string; email: string; user: string }[]
  createdAt: number
  updatedAt: number
}

function mapOf(text: string): Record<string, string> {
  try {
    return JSON.parse(text) as Record<string, string>
  } catch {
    return {}
  }
}

/** The map with `key` set to `value`, or without it for null. */
function withEntry(map: Record<string, string>, key: string, value: string | null): Record<string, string> {
  const rest = Object.fromEntries(Object.entries(map).filter(([k]) => k !== key))
  return value === null ? rest : { ...rest, [key]: value }
}

/** The kind's connector takes these settings (apiKey for Redmine, token or user and password for RT…), or an InputError names what is missing. */
const CONFIG_SCHEMAS = { redmine: RedmineConfigSchema, rt: RequestTrackerConfigSchema, zammad: ZammadConfigSchema, jira: JiraConfigSchema, glpi: GlpiConfigSchema, freshdesk: FreshdeskConfigSchema } as const

function connectorAccepts(kind: TicketSystemKind, baseUrl: string, credentials: Readonly<Record<string, string>>, action: string): void {
  const checked = CONFIG_SCHEMAS[kind].safeParse({ ...credentials, kind, baseUrl })
  if (checked.success) return
  const issues = fieldIssues(checked.error).map((issue) => ({ ...issue, path: issue.path === 'baseUrl' || issue.path === 'kind' ? issue.path : `credentials.${issue.path}` }))
  throw new InputError(`${action} was refused, nothing was changed: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`, issues)
}

export class TicketSystems {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly clock: () => number,
    /** Without a key the credentials cannot be stored: adding or changing them is refused. */
    private readonly secrets: SecretBox | null,
  ) {}

  private box(): SecretBox {
    if (!this.secrets) throw refuse('unavailable', 'refusal.ticket.noSecretKey')
    return this.secrets
  }

  async find(ref: string): Promise<SystemRow> {
    const row = await this.db.selectFrom('ticket_systems').selectAll().where((eb) => eb.or([eb('name', '=', ref), eb('id', '=', ref)])).executeTakeFirst()
    if (!row) throw refuse('not_found', 'refusal.ticket.systemMissing', { name: ref })
    return row
  }

  private async listing(row: SystemRow): Promise<TicketSystemListing> {
    const activities = mapOf(row.activity_map)
    const users = mapOf(row.user_map)
    const typeNames = new Map(
      Object.keys(activities).length === 0 ? [] : (await this.db.selectFrom('activity_types').select(['id', 'name']).where('id', 'in', Object.keys(activities)).execute()).map((t) => [t.id, t.name]),
    )
    const emails = new Map(Object.keys(users).length === 0 ? [] : (await this.db.selectFrom('users').select(['id', 'email']).where('id', 'in', Object.keys(users)).execute()).map((u) => [u.id, u.email]))
    // Names only: the stored credentials are decrypted nowhere but in the worker.
    let credentialNames: string[]
    try {
      credentialNames = this.secrets ? Object.keys(this.secrets.decrypt(row.credentials, row.id)).sort() : []
    } catch {
      credentialNames = []
    }
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      baseUrl: row.base_url,
      active: row.active === 1,
      credentialNames,
      activityMap: Object.entries(activities).map(([id, activity]) => ({ activityTypeId: id, activityType: typeNames.get(id) ?? id, activity })),
      userMap: Object.entries(users).map(([id, user]) => ({ userId: id, email: emails.get(id) ?? id, user })),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }

  async list(): Promise<TicketSystemListing[]> {
    const rows = await this.db.selectFrom('ticket_systems').selectAll().orderBy('name').execute()
    return Promise.all(rows.map((row) => this.listing(row)))
  }

  private async nameFree(name: string, except: string | null): Promise<void> {
    const taken = await this.db.selectFrom('ticket_systems').select('id').where('name', '=', name).executeTakeFirst()
    if (taken && taken.id !== except) throw refuse('conflict', 'refusal.ticket.nameTaken', { name })
  }

  async add(input: z.output<typeof AddSystemInput>): Promise<TicketSystemListing> {
    const box = this.box()
    connectorAccepts(input.kind, input.baseUrl, input.credentials, 'Adding the ticket system')
    await this.nameFree(input.name, null)
    const id = newId()
    const now = this.clock()
    await this.db
      .insertInto('ticket_systems')
      .values({ id, kind: input.kind, name: input.name, base_url: input.baseUrl, credentials: box.encrypt(input.credentials, id), created_at: now, updated_at: now })
      .execute()
    return this.listing(await this.find(id))
  }

  async update(input: z.output<typeof UpdateSystemInput>): Promise<TicketSystemListing> {
    const row = await this.find(input.system)
    if (input.name !== undefined) await this.nameFree(input.name, row.id)
    if (input.credentials !== undefined) connectorAccepts(row.kind, input.baseUrl ?? row.base_url, input.credentials, 'Changing the ticket system')
    await this.db
      .updateTable('ticket_systems')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.baseUrl !== undefined ? { base_url: input.baseUrl } : {}),
        ...(input.credentials !== undefined ? { credentials: this.box().encrypt(input.credentials, row.id) } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: this.clock(),
      })
      .where('id', '=', row.id)
      .execute()
    return this.listing(await this.find(row.id))
  }

  /** Removes a system nothing was ever written to; one with writes can only be switched off (their record stays). */
  async remove(input: z.output<typeof SystemOnlyInput>): Promise<{ name: string }> {
    const row = await this.find(input.system)
    const used = await this.db.selectFrom('ticket_writes').select('id').where('system_id', '=', row.id).limit(1).executeTakeFirst()
    if (used) throw refuse('conflict', 'refusal.ticket.systemInUse', { name: row.name })
    await this.db.deleteFrom('ticket_systems').where('id', '=', row.id).execute()
    return { name: row.name }
  }

  async mapActivity(input: z.output<typeof MapActivityInput>): Promise<TicketSystemListing> {
    const row = await this.find(input.system)
    const type = await this.db.selectFrom('activity_types').select('id').where((eb) => eb.or([eb('id', '=', input.activityType), eb('name', '=', input.activityType)])).where('deleted_at', 'is', null).executeTakeFirst()
    if (!type) throw refuse('not_found', 'refusal.ticket.activityTypeMissing', { name: input.activityType })
    const map = withEntry(mapOf(row.activity_map), type.id, input.activity)
    await this.db.updateTable('ticket_systems').set({ activity_map: JSON.stringify(map), updated_at: this.clock() }).where('id', '=', row.id).execute()
    return this.listing(await this.find(row.id))
  }

  async mapUser(input: z.output<typeof MapUserInput>): Promise<TicketSystemListing> {
    const row = await this.find(input.system)
    const user = await resolveUser(this.db, input.email)
    const map = withEntry(mapOf(row.user_map), user.id, input.user)
    await this.db.updateTable('ticket_systems').set({ user_map: JSON.stringify(map), updated_at: this.clock() }).where('id', '=', row.id).execute()
    return this.listing(await this.find(row.id))
  }
}
