// GET /v1/me: who the token speaks for, their teams and what they approve, and the
// organisation's period rule, which is everything a desktop needs to set itself up.
import type { FastifyInstance } from 'fastify'
import type { OrgService } from '../../org/org-service'
import { principalOf } from '../auth'

export function meRoutes(app: FastifyInstance, { org }: { org: OrgService }): void {
  app.get('/v1/me', async (request) => org.profile(principalOf(request).userId))
}
