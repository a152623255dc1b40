// Write-back over HTTP. Admins: the ticket systems (credentials write-only: an answer names
// them, never shows them), their activity and user mappings, and the outbox of writes with
// a retry. Everyone: their own entries' write-back states for a span of days, for their
// devices ("written" with a link, "waiting", "failed" with the system's reason).
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { TicketWriteStatusAnswerSchema, TicketWriteStatusQuerySchema } from '@shared/ticket-systems/write-status'
import type { Clock } from '../../clock'
import type { ServerDatabase } from '../../db/schema'
import { InputError, parseInput } from '../../errors'
import { listWrites, ownWriteStatus, retryWrites, TicketWriteStateSchema, WriteFilterSchema } from '../../writeback/ticket-writes'
import { AddSystemInput, MapActivityInput, MapUserInput, SystemOnlyInput, TicketSystemKindSchema, UpdateSystemInput, type TicketSystems } from '../../writeback/ticket-systems'
import { apiDoc } from '../api-doc'
import { principalOf, requireRole } from '../auth'

const MAX_STATUS_DAYS = 400

const SystemListingSchema = z.object({
  id: z.string(),
  kind: TicketSystemKindSchema,
  name: z.string(),
  baseUrl: z.string(),
  active: z.boolean(),
  credentialNames: z.array(z.string()).describe('Which credentials are stored; their values are never answered.'),
  activityMap: z.array(z.object({ activityTypeId: z.string(), activityType: z.string(), activity: z.string() })),
  userMap: z.array(z.object({ userId: z.string(), email: z.string(), user: z.string() })),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
const WriteListingSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  entryVersion: z.number().int(),
  email: z.string(),
  day: z.string(),
  system: z.string(),
  ticketUrl: z.string(),
  ticketId: z.string().nullable(),
  seconds: z.number().int(),
  state: TicketWriteStateSchema,
  url: z.string().nullable(),
  lastError: z.string().nullable().describe('The ticket system’s reason for the last failure, or what mapping is missing.'),
  attempts: z.number().int(),
  nextAttemptAt: z.number().int(),
  updatedAt: z.number().int(),
})
const doc = {
  systems: apiDoc({ summary: 'The ticket systems approved time is written back to', auth: 'admin', response: z.object({ systems: z.array(SystemListingSchema) }) }),
  addSystem: apiDoc({
    summary: 'Add a ticket system',
    description: 'The credentials (for example `apiKey`) are stored encrypted with the server’s key and never answered.',
    auth: 'admin',
    body: AddSystemInput,
    response: z.object({ system: SystemListingSchema }),
    status: 201,
    errors: [409],
  }),
  updateSystem: apiDoc({ summary: 'Change a ticket system: name, address, credentials, on or off', auth: 'admin', body: UpdateSystemInput, response: z.object({ system: SystemListingSchema }), errors: [404, 409] }),
  removeSystem: apiDoc({ summary: 'Remove a ticket system nothing was written to', auth: 'admin', body: SystemOnlyInput, response: z.object({ name: z.string() }), errors: [404, 409] }),
  mapActivity: apiDoc({ summary: 'Map a Stint activity type to the system’s activity (null: by equal name)', auth: 'admin', body: MapActivityInput, response: z.object({ system: SystemListingSchema }), errors: [404] }),
  mapUser: apiDoc({ summary: 'Map a person to the system’s user (null: by email)', auth: 'admin', body: MapUserInput, response: z.object({ system: SystemListingSchema }), errors: [404] }),
  writes: apiDoc({ summary: 'The write-back outbox: each entry version written, waiting, failed or taken back', auth: 'admin', query: WriteFilterSchema, response: z.object({ writes: z.array(WriteListingSchema) }) }),
  retry: apiDoc({ summary: 'Send failed or waiting writes again now (filtered like the list)', auth: 'admin', body: WriteFilterSchema, response: z.object({ retried: z.number().int() }) }),
  own: apiDoc({ summary: 'Where the caller’s entries stand on their tickets, for a span of days', auth: 'token', query: TicketWriteStatusQuerySchema, response: TicketWriteStatusAnswerSchema }),
}

/** The member's own states: any signed-in caller. */
export function ticketWriteStatusRoutes(app: FastifyInstance, { db }: { db: Kysely<ServerDatabase> }): void {
  app.get('/v1/ticket-writes', { config: { api: doc.own } }, async (request) => {
    const { from, to } = parseInput(doc.own.query, request.query ?? {}, 'Reading the write-back states')
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
    if (days < 0 || days > MAX_STATUS_DAYS) {
      const message = days < 0 ? 'to must not be before from' : `at most ${MAX_STATUS_DAYS} days at a time`
      throw new InputError(`Reading the write-back states was refused, nothing was changed: to: ${message}.`, [{ path: 'to', message }])
    }
    return { entries: await ownWriteStatus(db, principalOf(request).userId, from, to) }
  })
}

/** Registered inside the admin scope (its role check covers them). */
export function ticketSystemAdminRoutes(app: FastifyInstance, { db, clock, systems }: { db: Kysely<ServerDatabase>; clock: Clock; systems: TicketSystems }): void {
  app.addHook('preHandler', requireRole('admin'))
  app.get('/v1/admin/ticket-systems', { config: { api: doc.systems } }, async () => ({ systems: await systems.list() }))
  app.post('/v1/admin/ticket-systems', { config: { api: doc.addSystem } }, async (request, reply) => {
    const system = await systems.add(parseInput(doc.addSystem.body, request.body ?? {}, 'Adding the ticket system'))
    return reply.code(201).send({ system })
  })
  app.post('/v1/admin/ticket-systems/update', { config: { api: doc.updateSystem } }, async (request) => ({
    system: await systems.update(parseInput(doc.updateSystem.body, request.body ?? {}, 'Changing the ticket system')),
  }))
  app.post('/v1/admin/ticket-systems/remove', { config: { api: doc.removeSystem } }, async (request) => systems.remove(parseInput(doc.removeSystem.body, request.body ?? {}, 'Removing the ticket system')))
  app.post('/v1/admin/ticket-systems/map-activity', { config: { api: doc.mapActivity } }, async (request) => ({
    system: await systems.mapActivity(parseInput(doc.mapActivity.body, request.body ?? {}, 'Mapping the activity type')),
  }))
  app.post('/v1/admin/ticket-systems/map-user', { config: { api: doc.mapUser } }, async (request) => ({
    system: await systems.mapUser(parseInput(doc.mapUser.body, request.body ?? {}, 'Mapping the user')),
  }))
  app.get('/v1/admin/ticket-writes', { config: { api: doc.writes } }, async (request) => ({
    writes: await listWrites(db, parseInput(doc.writes.query, request.query ?? {}, 'Listing the ticket writes')),
  }))
  app.post('/v1/admin/ticket-writes/retry', { config: { api: doc.retry } }, async (request) => retryWrites(db, parseInput(doc.retry.body, request.body ?? {}, 'Retrying the ticket writes'), clock))
}
