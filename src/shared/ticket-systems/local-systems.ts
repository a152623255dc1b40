// The calls a standalone technician's app sets up its own write-back with (Settings →
// Ticket systems): the systems (credentials are write-only: an answer says only whether
// they are stored), a connection test, the writes and their retry.
import { z } from 'zod'
import { TICKET_SYSTEM_KINDS } from './connector'

/** The credential fields each kind's connector takes (connectors.ts), the first set where there are two. */
export const CREDENTIAL_FIELDS = {
  redmine: ['apiKey'],
  rt: ['token'],
  zammad: ['token'],
  jira: ['email', 'apiToken'],
  glpi: ['appToken', 'userToken'],
  freshdesk: ['apiKey'],
} as const satisfies Record<(typeof TICKET_SYSTEM_KINDS)[number], readonly string[]>

const idSchema = z.string().min(1).max(64)
const CredentialsSchema = z.record(z.string().min(1).max(60).regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string().min(1).max(4096)).refine((c) => Object.keys(c).length <= 10, 'at most 10 credentials')
const ActivityMapSchema = z.record(idSchema, z.string().trim().min(1).max(200))

export const LocalTicketSystemSchema = z.object({
  id: z.string(),
  kind: z.enum(TICKET_SYSTEM_KINDS),
  name: z.string(),
  baseUrl: z.string(),
  activityMap: z.record(z.string(), z.string()),
  active: z.boolean(),
  hasCredentials: z.boolean(),
})
export type LocalTicketSystem = z.infer<typeof LocalTicketSystemSchema>

export const LocalTicketSystemsSchema = z.object({
  /** 'server' when a team server is connected: it writes, this device does not. */
  mode: z.enum(['standalone', 'server']),
  systems: z.array(LocalTicketSystemSchema),
})

export const AddLocalTicketSystemSchema = z.strictObject({
  kind: z.enum(TICKET_SYSTEM_KINDS),
  name: z.string().trim().min(1).max(120),
  baseUrl: z.string().trim().min(1).max(2048),
  credentials: CredentialsSchema,
  activityMap: ActivityMapSchema.optional(),
})
export const UpdateLocalTicketSystemSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(120).optional(),
  baseUrl: z.string().trim().min(1).max(2048).optional(),
  /** Replaces the stored credentials; left out, they stay. */
  credentials: CredentialsSchema.optional(),
  activityMap: ActivityMapSchema.optional(),
  active: z.boolean().optional(),
})

export const TicketSystemTestSchema = z.object({
  ok: z.boolean(),
  /** The system's activities, for mapping. */
  activities: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Why not, in the system's words. */
  reason: z.string().nullable(),
})

export const LocalTicketWriteSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  day: z.string(),
  system: z.string(),
  ticketUrl: z.string(),
  seconds: z.number().int(),
  state: z.enum(['waiting', 'written', 'failed', 'reverse_waiting', 'reverse_failed', 'reversed', 'cancelled']),
  url: z.string().nullable(),
  reason: z.string().nullable(),
  attempts: z.number().int(),
})
export type LocalTicketWrite = z.infer<typeof LocalTicketWriteSchema>
