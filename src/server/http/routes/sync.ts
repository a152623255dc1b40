// The sync endpoints. A push is read (its envelope strictly, then each change on its
// own) and applied in one transaction that answers every change (push.ts: first with its
// steps together, again with each in a savepoint if the database refuses one). A rule the database
// checks only at commit (links between rows) cannot be pinned on one change by then; if
// the commit is refused, the batch is applied again one change at a time, so only the
// change that breaks it is refused. No change a device sends can make the push a 500.
// A pull reads only the caller's own time and the shared reference data.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { MAX_PUSH_MUTATIONS, MutationSchema, PullQuerySchema, PullResponseSchema, PushEnvelopeSchema, PushResponseSchema, type MutationResult } from '@shared/sync'
import type { Clock } from '../../clock'
import { databaseBehind, databaseEpoch, logBehind } from '../../db/epoch'
import { isContentError } from '../../db/errors'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import type { Logger } from '../../logger'
import { applyPush } from '../../sync/push'
import { readPush } from '../../sync/push-request'
import { pullChanges } from '../../sync/pull'
import { apiDoc } from '../api-doc'
import { principalOf } from '../auth'
import type { ServerMetrics } from '../metrics'

const REFUSED_AT_COMMIT =
  'The team server could not store this change: it breaks a rule its database checks when the push is saved (most likely a link to a row the server does not have). This change was not applied; the rest of the push was.'

/** For the document: the envelope readPush checks first, with each change as MutationSchema reads it. */
const PushBodySchema = PushEnvelopeSchema.extend({ mutations: z.array(MutationSchema).min(1).max(MAX_PUSH_MUTATIONS) })

const push = apiDoc({
  summary: 'Send a device’s changes; each gets its own answer',
  description: `Up to ${MAX_PUSH_MUTATIONS} changes, applied in one transaction. Each change is answered applied, conflict (with the server's copy) or refused (with the reason); a refused change never blocks the others. Only an envelope the server cannot read is refused as a whole (400). Sending the same change id again gets the same answer.`,
  auth: 'token',
  body: PushBodySchema,
  response: PushResponseSchema,
})
const pull = apiDoc({
  summary: 'What changed since a cursor: the caller’s own time and the shared reference data',
  description: 'Pull again with `after` set to the answer’s cursor while `more` is true.',
  auth: 'token',
  query: PullQuerySchema,
  response: PullResponseSchema,
})

export function syncRoutes(app: FastifyInstance, { db, clock, logger, metrics }: { db: Kysely<ServerDatabase>; clock: Clock; logger: Logger; metrics: ServerMetrics }): void {
  app.post('/v1/sync/push', { config: { api: push } }, async (request) => {
    const principal = principalOf(request)
    const push = readPush(request.body)
    const answered = (results: readonly MutationResult[]) => {
      const answers = push.answer(results)
      const applied = push.changes.flatMap((change, index) => {
        const result = results[index]
        return 'mutation' in change && result ? [{ mutation: change.mutation, result }] : []
      })
      metrics.recordPush(answers, applied, clock())
      return { results: answers }
    }
    // First with the steps together (no savepoints); a change the database refuses makes
    // it run again with each step in a savepoint, which finds and refuses that change.
    try {
      return answered(await db.transaction().execute((trx) => applyPush(trx, principal, push.changes, clock(), logger, 'together')))
    } catch (error) {
      if (!isContentError(error)) throw error
    }
    try {
      return answered(await db.transaction().execute((trx) => applyPush(trx, principal, push.changes, clock(), logger, 'apart')))
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
    return answered(results)
  })

  app.get('/v1/sync/pull', { config: { api: pull } }, async (request) => {
    const { after, limit } = parseInput(pull.query, request.query, 'The pull')
    const principal = principalOf(request)
    const [page, epoch, behind] = await Promise.all([pullChanges(db, principal.userId, after, limit), databaseEpoch(db), databaseBehind(db, principal.userId, after)])
    if (behind) logBehind(logger, principal.email)
    const answer = { ...page, epoch, ...(behind ? { behind } : {}) }
    metrics.recordPull(answer)
    return answer
  })
}
