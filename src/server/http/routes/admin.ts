// /v1/admin/*: the organisation as the admin sees it. The whole scope is admin-only;
// the same changes are also available from the server's command line. Reference data
// tidying (rename, deactivate, merge) answers with what was done, as the CLI says it.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parseInput } from '../../errors'
import { EmailSchema, NameSchema, RoleSchema } from '../../org/inputs'
import type { OrgService } from '../../org/org-service'
import { CustomerOnlyInput, MergeInput, RenameCustomerInput, RenameWorkItemInput, WorkItemOnlyInput, type ReferenceAdmin } from '../../reference/reference-admin'
import { apiDoc } from '../api-doc'
import { requireRole } from '../auth'
import { CustomerListingSchema, DeactivateCustomerResultSchema, DeactivateWorkItemResultSchema, MergeResultSchema, RenameResultSchema, TeamSchema, UserSchema, WorkItemListingSchema } from '../schemas'

const NewUserBody = z.strictObject({ name: NameSchema, email: EmailSchema, role: RoleSchema })

const doc = {
  users: apiDoc({ summary: 'Everyone in the organisation', auth: 'admin', response: z.object({ users: z.array(UserSchema) }) }),
  addUser: apiDoc({ summary: 'Add a person (no token yet: issue one on the command line)', auth: 'admin', body: NewUserBody, response: z.object({ user: UserSchema }), status: 201, errors: [409] }),
  teams: apiDoc({ summary: 'The teams, their members and approvers', auth: 'admin', response: z.object({ teams: z.array(TeamSchema) }) }),
  customers: apiDoc({ summary: 'Every customer, with who made it', auth: 'admin', response: z.object({ customers: z.array(CustomerListingSchema) }) }),
  renameCustomer: apiDoc({ summary: 'Rename a customer', auth: 'admin', body: RenameCustomerInput, response: RenameResultSchema, errors: [404, 409] }),
  deactivateCustomer: apiDoc({ summary: 'Deactivate a customer and its work items', auth: 'admin', body: CustomerOnlyInput, response: DeactivateCustomerResultSchema, errors: [404] }),
  workItems: apiDoc({ summary: 'Every work item, with who made it', auth: 'admin', response: z.object({ workItems: z.array(WorkItemListingSchema) }) }),
  renameWorkItem: apiDoc({ summary: 'Retitle a work item or change its reference', auth: 'admin', body: RenameWorkItemInput, response: RenameResultSchema, errors: [404, 409] }),
  deactivateWorkItem: apiDoc({ summary: 'Deactivate a work item', auth: 'admin', body: WorkItemOnlyInput, response: DeactivateWorkItemResultSchema, errors: [404] }),
  mergeWorkItems: apiDoc({ summary: 'Move one work item’s open entries onto another', description: 'Entries in submitted or approved periods stay where they are; the answer counts them.', auth: 'admin', body: MergeInput, response: MergeResultSchema, errors: [404, 409] }),
}

export function adminRoutes(app: FastifyInstance, { org, referenceAdmin }: { org: OrgService; referenceAdmin: ReferenceAdmin }): void {
  app.addHook('preHandler', requireRole('admin'))

  app.get('/v1/admin/users', { config: { api: doc.users } }, async () => ({ users: await org.listUsers() }))

  app.post('/v1/admin/users', { config: { api: doc.addUser } }, async (request, reply) => {
    const body = parseInput(doc.addUser.body, request.body ?? {}, 'Adding the user')
    const user = await org.addUser(body)
    return reply.code(201).send({ user })
  })

  app.get('/v1/admin/teams', { config: { api: doc.teams } }, async () => ({ teams: await org.listTeams() }))

  app.get('/v1/admin/customers', { config: { api: doc.customers } }, async () => ({ customers: await referenceAdmin.listCustomers() }))
  app.post('/v1/admin/customers/rename', { config: { api: doc.renameCustomer } }, async (request) => referenceAdmin.renameCustomer(parseInput(doc.renameCustomer.body, request.body, 'Renaming the customer')))
  app.post('/v1/admin/customers/deactivate', { config: { api: doc.deactivateCustomer } }, async (request) =>
    referenceAdmin.deactivateCustomer(parseInput(doc.deactivateCustomer.body, request.body, 'Deactivating the customer')),
  )
  app.get('/v1/admin/work-items', { config: { api: doc.workItems } }, async () => ({ workItems: await referenceAdmin.listWorkItems() }))
  app.post('/v1/admin/work-items/rename', { config: { api: doc.renameWorkItem } }, async (request) => referenceAdmin.renameWorkItem(parseInput(doc.renameWorkItem.body, request.body, 'Renaming the work item')))
  app.post('/v1/admin/work-items/deactivate', { config: { api: doc.deactivateWorkItem } }, async (request) =>
    referenceAdmin.deactivateWorkItem(parseInput(doc.deactivateWorkItem.body, request.body, 'Deactivating the work item')),
  )
  app.post('/v1/admin/work-items/merge', { config: { api: doc.mergeWorkItems } }, async (request) => referenceAdmin.mergeWorkItems(parseInput(doc.mergeWorkItems.body, request.body, 'Merging the work items')))
}
