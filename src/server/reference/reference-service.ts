// Reference data managed on the server by an administrator: customers, contracts with
// their included hours, work items and activity types. Rows made here carry no creator
// (created_by null) and are admin-managed, so devices may book on them but not change
// them; names follow the shared text rules and look-alikes are refused; every write takes
// a change number, so the apps pull it like any other change.
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { StintError } from '@shared/errors'
import { newId } from '@shared/ids'
import { orgNameKey, workItemKey } from '@shared/org-data'
import { ticketUrlSchema } from '@shared/ticket-url'
import { nextReferenceSeq } from '../db/change-streams'
import type { ServerDatabase } from '../db/schema'
import { parseInput } from '../errors'
import type { Clock } from '../clock'
import { lookAlikeRefusal } from '../org/authority'
import { clearOtherDefaults } from './activity-default'
import { CustomerRefSchema, customerNamed, NameInputs, orNone } from './reference-inputs'

const CustomerInput = z.object({ name: NameInputs.customer, organisation: orNone(NameInputs.organisation) })
const ContractInput = z.object({
  customer: CustomerRefSchema,
  name: NameInputs.contract,
  includedHours: z.number().nonnegative('included hours cannot be negative').max(100_000).nullable().default(null),
})
const WorkItemInput = z.object({
  kind: z.enum(['ticket', 'work_order', 'task', 'general'], 'the kind must be ticket, work_order, task or general'),
  title: NameInputs.title,
  reference: orNone(NameInputs.reference),
  customer: orNone(CustomerRefSchema),
  contract: orNone(z.string().trim().min(1)),
  billable: z.boolean().default(true),
  ticketUrl: ticketUrlSchema.nullable().default(null),
})
const ActivityTypeInput = z.object({ name: NameInputs.activityType, isDefault: z.boolean().default(false) })

const KEPT = 'Nothing was changed.'
/** Made by an admin: only admins change it. */
const ADMIN_MADE = { created_by: null, admin_managed: 1 } as const

export class ReferenceService {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly clock: Clock,
  ) {}

  async addCustomer(input: z.input<typeof CustomerInput>): Promise<{ id: string; name: string; organisation: string | null }> {
    const { name, organisation } = parseInput(CustomerInput, input, 'Adding a customer')
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextReferenceSeq(trx)
      const nameKey = orgNameKey(name)
      const twin = await lookAlikeRefusal(trx, 'customer', nameKey, { id: null })
      if (twin) throw new StintError('conflict', `${twin}. ${KEPT}`)
      const id = newId()
      const now = this.clock()
      await trx.insertInto('customers').values({ id, name, name_key: nameKey, organisation, created_at: now, updated_at: now, deleted_at: null, seq, ...ADMIN_MADE }).execute()
      return { id, name, organisation }
    })
  }

  async addContract(input: z.input<typeof ContractInput>): Promise<{ id: string; name: string; customer: string }> {
    const { customer, name, includedHours } = parseInput(ContractInput, input, 'Adding a contract')
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextReferenceSeq(trx)
      const owner = await customerNamed(trx, customer)
      const nameKey = orgNameKey(name)
      const twin = await lookAlikeRefusal(trx, 'contract', nameKey, { id: null, customerId: owner.id })
      if (twin) throw new StintError('conflict', `${twin}. ${KEPT}`)
      const id = newId()
      const now = this.clock()
      await trx
        .insertInto('contracts')
        .values({ id, customer_id: owner.id, name, name_key: nameKey, included_minutes: includedHours === null ? null : Math.round(includedHours * 60), created_at: now, updated_at: now, deleted_at: null, seq, ...ADMIN_MADE })
        .execute()
      return { id, name, customer: owner.name }
    })
  }

  async addWorkItem(input: z.input<typeof WorkItemInput>): Promise<{ id: string; title: string; reference: string | null }> {
    const item = parseInput(WorkItemInput, input, 'Adding a work item')
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextReferenceSeq(trx)
      const nameKey = workItemKey(item)
      const twin = await lookAlikeRefusal(trx, 'workItem', nameKey, { id: null })
      if (twin) throw new StintError('conflict', `${twin}. ${KEPT}`)
      const customer = item.customer === null ? null : await customerNamed(trx, item.customer)
      let contractId: string | null = null
      if (item.contract !== null) {
        if (!customer) throw new StintError('invalid_request', `A contract belongs to a customer: give --customer too. ${KEPT}`)
        const contract = await trx.selectFrom('contracts').select('id').where('customer_id', '=', customer.id).where('name_key', '=', orgNameKey(item.contract)).where('deleted_at', 'is', null).executeTakeFirst()
        if (!contract) throw new StintError('not_found', `${customer.name} has no contract called "${item.contract}". ${KEPT}`)
        contractId = contract.id
      }
      const id = newId()
      const now = this.clock()
      await trx
        .insertInto('work_items')
        .values({ id, kind: item.kind, reference: item.reference, title: item.title, name_key: nameKey, customer_id: customer?.id ?? null, contract_id: contractId, billable: item.billable ? 1 : 0, active: 1, ticket_url: item.ticketUrl, created_at: now, updated_at: now, deleted_at: null, seq, ...ADMIN_MADE })
        .execute()
      return { id, title: item.title, reference: item.reference }
    })
  }

  async addActivityType(input: z.input<typeof ActivityTypeInput>): Promise<{ id: string; name: string; isDefault: boolean }> {
    const { name, isDefault } = parseInput(ActivityTypeInput, input, 'Adding an activity type')
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextReferenceSeq(trx)
      const now = this.clock()
      const nameKey = orgNameKey(name)
      const twin = await lookAlikeRefusal(trx, 'activityType', nameKey, { id: null })
      if (twin) throw new StintError('conflict', `${twin}. ${KEPT}`)
      const id = newId()
      await trx.insertInto('activity_types').values({ id, name, name_key: nameKey, active: 1, is_default: isDefault ? 1 : 0, created_at: now, updated_at: now, deleted_at: null, seq, ...ADMIN_MADE }).execute()
      // One default at a time: the previous one stops being it, as a change devices pull.
      if (isDefault) await clearOtherDefaults(trx, id, now, () => nextReferenceSeq(trx))
      return { id, name, isDefault }
    })
  }
}
