// The sync endpoints. A push is read (its envelope strictly, then each change on its
// own) and applied in one transaction that answers every change. A rule the database
// checks only at commit (links between rows) cannot be pinned on one change by then; if
// the commit is refused, the batch is applied again one change at a time, so only the
// change that breaks it is refused. No change a device sends can make the push a 500.
// A pull reads only the caller's own time and the shared reference data.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { PullQuerySchema, type MutationResult } from '@shared/sync'
import type { Clock } from '../../clock'
import { databaseEpoch } from '../../db/epoch'
import { isContentError } from '../../db/errors'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import type { Logger } from '../../logger'
import { applyPush } from '../../sync/push'
import { readPush } from '../../sync/push-request'
import { pullChanges } from '../../sync/pull'
import { principalOf } from '../auth'

const REFUSED_AT_COMMIT =
  'The team server could not store this change: it breaks a rule its database checks when the push is saved (most likely a link to a row the server does not have). This change was not applied; the rest of the push was.'

export function syncRoutes(app: FastifyInstance, { db, clock, logger }: { db: Kysely<ServerDatabase>; clock: Clock; logger: Logger }): void {
  app.post('/v1/sync/push', async (request) => {
    const principal = principalOf(request)
    const push = readPush(request.body)
    try {
      return { results: push.answer(await db.transaction().execute((trx) => applyPush(trx, principal, push.changes, clock(), logger))) }
    } catch (error) {
      if (!isContentError(error)) throw error
      logger.error(`push of ${principal.email}: refused at commit; applying its changes one by one`, error)
    }
    const results: MutationResult[] = []
    for (const change of push.changes) {
      try {
        results.push(...(await db.transaction().execute((trx) => applyPush(trx, principal, [change], clock(), logger))))
      } catch (error) {
        if (!isContentError(error)) throw error
        results.push({ id: change.id, status: 'refused', reason: REFUSED_AT_COMMIT })
      }
    }
    return { results: push.answer(results) }
  })

  app.get('/v1/sync/pull', async (request) => {
    const { after, limit } = parseInput(PullQuerySchema, request.query, 'The pull')
    return { ...(await pullChanges(db, principalOf(request).userId, after, limit)), epoch: await databaseEpoch(db) }
  })
}
