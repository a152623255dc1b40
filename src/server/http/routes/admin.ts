// /v1/admin/*: the organisation as the admin sees it. The whole scope is admin-only;
// the same changes are also available from the server's command line. Reference data
// tidying (rename, deactivate, merge) answers with what was done, as the CLI says it.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parseInput } from '../../errors'
import { EmailSchema, NameSchema, RoleSchema } from '../../org/inputs'
import type { OrgService } from '../../org/org-service'
import { CustomerOnlyInput, MergeInput, RenameCustomerInput, RenameWorkItemInput, WorkItemOnlyInput, type ReferenceAdmin } from '../../reference/reference-admin'
import { requireRole } from '../auth'

const NewUserBody = z.strictObject({ name: NameSchema, email: EmailSchema, role: RoleSchema })

export function adminRoutes(app: FastifyInstance, { org, referenceAdmin }: { org: OrgService; referenceAdmin: ReferenceAdmin }): void {
  app.addHook('preHandler', requireRole('admin'))

  app.get('/v1/admin/users', async () => ({ users: await org.listUsers() }))

  app.post('/v1/admin/users', async (request, reply) => {
    const body = parseInput(NewUserBody, request.body ?? {}, 'Adding the user')
    const user = await org.addUser(body)
    return reply.code(201).send({ user })
  })

  app.get('/v1/admin/teams', async () => ({ teams: await org.listTeams() }))

  app.get('/v1/admin/customers', async () => ({ customers: await referenceAdmin.listCustomers() }))
  app.post('/v1/admin/customers/rename', async (request) => referenceAdmin.renameCustomer(parseInput(RenameCustomerInput, request.body, 'Renaming the customer')))
  app.post('/v1/admin/customers/deactivate', async (request) => referenceAdmin.deactivateCustomer(parseInput(CustomerOnlyInput, request.body, 'Deactivating the customer')))
  app.get('/v1/admin/work-items', async () => ({ workItems: await referenceAdmin.listWorkItems() }))
  app.post('/v1/admin/work-items/rename', async (request) => referenceAdmin.renameWorkItem(parseInput(RenameWorkItemInput, request.body, 'Renaming the work item')))
  app.post('/v1/admin/work-items/deactivate', async (request) => referenceAdmin.deactivateWorkItem(parseInput(WorkItemOnlyInput, request.body, 'Deactivating the work item')))
  app.post('/v1/admin/work-items/merge', async (request) => referenceAdmin.mergeWorkItems(parseInput(MergeInput, request.body, 'Merging the work items')))
}
