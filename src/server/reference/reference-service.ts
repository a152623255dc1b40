// Reference data managed on the server by an administrator: customers, contracts with
// their included hours, work items and activity types. Rows made here carry no creator
// (created_by null), so devices may book on them but not change them; every write takes
// a change number, so the apps pull it like any other change.
import { sql, type Kysely } from 'kysely'
import { z } from 'zod'
import { StintError } from '@shared/errors'
import { newId } from '@shared/ids'
import { nextChangeSeq } from '../db/change-seq'
import type { ServerDatabase } from '../db/schema'
import { parseInput } from '../errors'
import type { Clock } from '../clock'

const Name = z.string().trim().min(1, 'a name is needed').max(120, 'a name has at most 120 characters')

const CustomerInput = z.object({
  name: Name,
  /** Blank or left out: the customer belongs to no organisation. */
  organisation: z
    .string()
    .trim()
    .max(120, 'an organisation has at most 120 characters')
    .nullable()
    .default(null)
    .transform((text) => (text === null || text === '' ? null : text)),
})
const ContractInput = z.object({
  customer: z.string().trim().min(1, 'say which customer, by name'),
  name: Name,
  includedHours: z.number().nonnegative('included hours cannot be negative').max(100_000).nullable().default(null),
})
const WorkItemInput = z.object({
  kind: z.enum(['ticket', 'work_order', 'task', 'general'], 'the kind must be ticket, work_order, task or general'),
  title: z.string().trim().min(1, 'a title is needed').max(200, 'a title has at most 200 characters'),
  reference: z.string().trim().min(1).max(64, 'a reference has at most 64 characters').nullable().default(null),
  customer: z.string().trim().min(1).nullable().default(null),
  contract: z.string().trim().min(1).nullable().default(null),
  billable: z.boolean().default(true),
})
const ActivityTypeInput = z.object({ name: z.string().trim().min(1, 'a name is needed').max(80, 'a name has at most 80 characters'), isDefault: z.boolean().default(false) })

const KEPT = 'Nothing was changed.'

export class ReferenceService {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly clock: Clock,
  ) {}

  async addCustomer(input: z.input<typeof CustomerInput>): Promise<{ id: string; name: string; organisation: string | null }> {
    const { name, organisation } = parseInput(CustomerInput, input, 'Adding a customer')
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextChangeSeq(trx)
      if (await trx.selectFrom('customers').select('id').where('name', '=', name).where('deleted_at', 'is', null).executeTakeFirst()) {
        throw new StintError('conflict', `A customer called "${name}" already exists. ${KEPT}`)
      }
      const id = newId()
      const now = this.clock()
      await trx.insertInto('customers').values({ id, name, organisation, created_at: now, updated_at: now, deleted_at: null, seq, created_by: null }).execute()
      return { id, name, organisation }
    })
  }

  async addContract(input: z.input<typeof ContractInput>): Promise<{ id: string; name: string; customer: string }> {
    const { customer, name, includedHours } = parseInput(ContractInput, input, 'Adding a contract')
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextChangeSeq(trx)
      const owner = await this.customerNamed(trx, customer)
      const id = newId()
      const now = this.clock()
      await trx
        .insertInto('contracts')
        .values({ id, customer_id: owner.id, name, included_minutes: includedHours === null ? null : Math.round(includedHours * 60), created_at: now, updated_at: now, deleted_at: null, seq, created_by: null })
        .execute()
      return { id, name, customer: owner.name }
    })
  }

  async addWorkItem(input: z.input<typeof WorkItemInput>): Promise<{ id: string; title: string; reference: string | null }> {
    const item = parseInput(WorkItemInput, input, 'Adding a work item')
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextChangeSeq(trx)
      if (item.reference !== null) {
        const taken = await trx
          .selectFrom('work_items')
          .select('title')
          .where(sql<string>`lower(reference)`, '=', item.reference.toLowerCase())
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
        if (taken) throw new StintError('conflict', `${item.reference} already exists ("${taken.title}"). ${KEPT}`)
      }
      const customer = item.customer === null ? null : await this.customerNamed(trx, item.customer)
      let contractId: string | null = null
      if (item.contract !== null) {
        if (!customer) throw new StintError('invalid_request', `A contract belongs to a customer: give --customer too. ${KEPT}`)
        const contract = await trx.selectFrom('contracts').select('id').where('customer_id', '=', customer.id).where('name', '=', item.contract).where('deleted_at', 'is', null).executeTakeFirst()
        if (!contract) throw new StintError('not_found', `${customer.name} has no contract called "${item.contract}". ${KEPT}`)
        contractId = contract.id
      }
      const id = newId()
      const now = this.clock()
      await trx
        .insertInto('work_items')
        .values({ id, kind: item.kind, reference: item.reference, title: item.title, customer_id: customer?.id ?? null, contract_id: contractId, billable: item.billable ? 1 : 0, active: 1, created_at: now, updated_at: now, deleted_at: null, seq, created_by: null })
        .execute()
      return { id, title: item.title, reference: item.reference }
    })
  }

  async addActivityType(input: z.input<typeof ActivityTypeInput>): Promise<{ id: string; name: string; isDefault: boolean }> {
    const { name, isDefault } = parseInput(ActivityTypeInput, input, 'Adding an activity type')
    return this.db.transaction().execute(async (trx) => {
      const seq = await nextChangeSeq(trx)
      const now = this.clock()
      if (isDefault) {
        // One default at a time: the previous one stops being it, as a change devices pull.
        for (const previous of await trx.selectFrom('activity_types').select('id').where('is_default', '=', 1).where('deleted_at', 'is', null).execute()) {
          const next = await nextChangeSeq(trx)
          await trx.updateTable('activity_types').set((eb) => ({ is_default: 0, seq: next, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', previous.id).execute()
        }
      }
      const id = newId()
      await trx.insertInto('activity_types').values({ id, name, active: 1, is_default: isDefault ? 1 : 0, created_at: now, updated_at: now, deleted_at: null, seq, created_by: null }).execute()
      return { id, name, isDefault }
    })
  }

  private async customerNamed(db: Kysely<ServerDatabase>, name: string): Promise<{ id: string; name: string }> {
    const found = await db.selectFrom('customers').select(['id', 'name']).where('name', '=', name).where('deleted_at', 'is', null).executeTakeFirst()
    if (!found) throw new StintError('not_found', `There is no customer called "${name}". ${KEPT}`)
    return found
  }
}
