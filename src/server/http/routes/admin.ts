// /v1/admin/*: the organisation as the admin sees it. The whole scope is admin-only;
// the same changes are also available from the server's command line.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parseInput } from '../../errors'
import { EmailSchema, NameSchema, RoleSchema } from '../../org/inputs'
import type { OrgService } from '../../org/org-service'
import { requireRole } from '../auth'

const NewUserBody = z.strictObject({ name: NameSchema, email: EmailSchema, role: RoleSchema })

export function adminRoutes(app: FastifyInstance, { org }: { org: OrgService }): void {
  app.addHook('preHandler', requireRole('admin'))

  app.get('/v1/admin/users', async () => ({ users: await org.listUsers() }))

  app.post('/v1/admin/users', async (request, reply) => {
    const body = parseInput(NewUserBody, request.body ?? {}, 'Adding the user')
    const user = await org.addUser(body)
    return reply.code(201).send({ user })
  })

  app.get('/v1/admin/teams', async () => ({ teams: await org.listTeams() }))
}
