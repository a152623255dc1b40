// The sync endpoints. A push is applied in one transaction; if a row in it refers to a
// work item or activity type the server does not have (links are checked at commit),
// the batch is applied again one change at a time so only that change is refused.
// A pull reads only the caller's own time and the shared reference data.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { PullQuerySchema, PushRequestSchema, type MutationResult } from '@shared/sync'
import type { Clock } from '../../clock'
import { isForeignKeyViolation } from '../../db/errors'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import { applyPush } from '../../sync/push'
import { pullChanges } from '../../sync/pull'
import { principalOf } from '../auth'

export function syncRoutes(app: FastifyInstance, { db, clock }: { db: Kysely<ServerDatabase>; clock: Clock }): void {
  app.post('/v1/sync/push', async (request) => {
    const principal = principalOf(request)
    const push = parseInput(PushRequestSchema, request.body, 'The push')
    try {
      return { results: await db.transaction().execute((trx) => applyPush(trx, principal, push, clock())) }
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error
    }
    const results: MutationResult[] = []
    for (const mutation of push.mutations) {
      try {
        results.push(...(await db.transaction().execute((trx) => applyPush(trx, principal, { ...push, mutations: [mutation] }, clock()))))
      } catch (error) {
        if (!isForeignKeyViolation(error)) throw error
        results.push({ id: mutation.id, status: 'refused', reason: 'This refers to a work item, activity type, customer or contract the server does not have (yet). Sync again; if it stays, book the time on another item.' })
      }
    }
    return { results }
  })

  app.get('/v1/sync/pull', async (request) => {
    const { after, limit } = parseInput(PullQuerySchema, request.query, 'The pull')
    return pullChanges(db, principalOf(request).userId, after, limit)
  })
}
