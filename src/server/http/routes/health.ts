// GET /v1/health and /v1/ready: open to anyone, for load balancers and monitors.
// Health: the process answers and its database answers (restart it when this fails).
// Ready: it should get traffic now: the database answers, holds every migration this
// version knows, and no shutdown has begun (take it out of rotation when this fails).
// Neither says more than that: no version, no counts, no configuration.
import type { FastifyInstance } from 'fastify'
import { sql, type Kysely } from 'kysely'
import { serverMigrations } from '../../db/migrations'
import type { ServerDatabase } from '../../db/schema'
import type { Logger } from '../../logger'
import { apiDoc } from '../api-doc'
import { sendError } from '../errors'
import type { ServerLifecycle } from '../lifecycle'
import { HealthResponseSchema, ReadyResponseSchema } from '../schemas'

const MIGRATION_TABLE = 'kysely_migration'

/** Migrations this version knows that the database has not run; throws when the database does not answer. */
async function missingMigrations(db: Kysely<ServerDatabase>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)}`.execute(db)
  const done = new Set(rows.map((row) => row.name))
  return Object.keys(serverMigrations).filter((name) => !done.has(name))
}

export function healthRoutes(app: FastifyInstance, { db, logger, lifecycle }: { db: Kysely<ServerDatabase>; logger: Logger; lifecycle: ServerLifecycle }): void {
  const health = apiDoc({ summary: 'Is the server alive and its database answering?', auth: 'none', response: HealthResponseSchema, errors: [503] })
  app.get('/v1/health', { config: { api: health } }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(db)
    } catch (error) {
      logger.error('health check: the database did not answer', error)
      return sendError(reply, 503, 'unavailable', 'The server cannot reach its database right now.')
    }
    return { ok: true }
  })

  const ready = apiDoc({ summary: 'Should this server process get traffic now?', auth: 'none', response: ReadyResponseSchema, errors: [503] })
  app.get('/v1/ready', { config: { api: ready } }, async (_request, reply) => {
    if (lifecycle.stopping) return sendError(reply, 503, 'unavailable', 'This server process is shutting down.')
    let missing: string[]
    try {
      missing = await missingMigrations(db)
    } catch (error) {
      logger.error('readiness check: the database did not answer', error)
      return sendError(reply, 503, 'unavailable', 'The server cannot reach its database right now.')
    }
    if (missing.length > 0) return sendError(reply, 503, 'unavailable', 'The database is not yet migrated to this server version.')
    return { ready: true }
  })
}
