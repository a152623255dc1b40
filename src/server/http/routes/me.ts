// GET /v1/me: who the token speaks for, their teams and what they approve, and the
// organisation's period rule, which is everything a desktop needs to set itself up;
// with the database's epoch (and, for the cursor a device sends, whether the database is
// behind it), so a device notices a restore before it pushes.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { MeQuerySchema, MeResponseSchema } from '@shared/sync'
import { databaseBehind, databaseEpoch, logBehind } from '../../db/epoch'
import type { ServerDatabase } from '../../db/schema'
import type { Logger } from '../../logger'
import type { OrgService } from '../../org/org-service'
import { apiDoc } from '../api-doc'
import { principalOf } from '../auth'
import { parseInput } from '../../errors'

const me = apiDoc({ summary: 'Who this token speaks for, their teams, what they approve and the period rule', auth: 'token', query: MeQuerySchema, response: MeResponseSchema })

export function meRoutes(app: FastifyInstance, { org, db, logger }: { org: OrgService; db: Kysely<ServerDatabase>; logger: Logger }): void {
  app.get('/v1/me', { config: { api: me } }, async (request) => {
    const { after } = parseInput(me.query, request.query, 'The question')
    const { userId } = principalOf(request)
    const [profile, epoch, behind] = await Promise.all([org.profile(userId), databaseEpoch(db), databaseBehind(db, userId, after)])
    if (behind) logBehind(logger, profile.user.email)
    return { ...profile, epoch, ...(behind ? { behind } : {}) }
  })
}

