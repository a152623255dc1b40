// GET /v1/me: who the token speaks for, their teams and what they approve, and the
// organisation's period rule, which is everything a desktop needs to set itself up;
// with the database's epoch, so a device notices a restore before it pushes.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { MeResponseSchema } from '@shared/sync'
import { databaseEpoch } from '../../db/epoch'
import type { ServerDatabase } from '../../db/schema'
import type { OrgService } from '../../org/org-service'
import { apiDoc } from '../api-doc'
import { principalOf } from '../auth'

const me = apiDoc({ summary: 'Who this token speaks for, their teams, what they approve and the period rule', auth: 'token', response: MeResponseSchema })

export function meRoutes(app: FastifyInstance, { org, db }: { org: OrgService; db: Kysely<ServerDatabase> }): void {
  app.get('/v1/me', { config: { api: me } }, async (request) => ({ ...(await org.profile(principalOf(request).userId)), epoch: await databaseEpoch(db) }))
}
