// GET /v1/health: open to anyone, for load balancers and monitors. It says whether the
// database answers and nothing else: no version, no counts, no configuration.
import type { FastifyInstance } from 'fastify'
import { sql, type Kysely } from 'kysely'
import type { ServerDatabase } from '../../db/schema'
import type { Logger } from '../../logger'
import { sendError } from '../errors'

export function healthRoutes(app: FastifyInstance, { db, logger }: { db: Kysely<ServerDatabase>; logger: Logger }): void {
  app.get('/v1/health', async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(db)
    } catch (error) {
      logger.error('health check: the database did not answer', error)
      return sendError(reply, 503, 'unavailable', 'The server cannot reach its database right now.')
    }
    return { ok: true }
  })
}
