// GET /v1/me: who the token speaks for, their teams and what they approve, and the
// organisation's period rule, which is everything a desktop needs to set itself up.
import type { FastifyInstance } from 'fastify'
import { MeResponseSchema } from '@shared/sync'
import type { OrgService } from '../../org/org-service'
import { apiDoc } from '../api-doc'
import { principalOf } from '../auth'

const me = apiDoc({ summary: 'Who this token speaks for, their teams, what they approve and the period rule', auth: 'token', response: MeResponseSchema })

export function meRoutes(app: FastifyInstance, { org }: { org: OrgService }): void {
  app.get('/v1/me', { config: { api: me } }, async (request) => org.profile(principalOf(request).userId))
}
