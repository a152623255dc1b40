// Reference data on the device: customers, contracts, work items (tickets, work
// orders, tasks, general activities) and activity types. Rows are never deleted:
// an item no longer used is made inactive, so entries that name it stay readable.
// Connected to a team server as someone who is not its admin, the device refuses at once
// what the server would refuse (src/shared/org-data.ts): contracts, activity types, the
// default, a customer's organisation. Look-alike names are refused everywhere.
import { sql, type Kysely } from 'kysely'
import { newId } from '@shared/ids'
import { refuse, StintError } from '@shared/errors'
import { adminOnlyRefusal, lookAlikeRefusal, notKept, ORGANISATION_ADMIN_ONLY_REFUSAL, type OrgDataKind, type OrgRole } from '@shared/org-data'
import { DEFAULT_ACTIVITY_TYPES, type ActivityType, type Contract, type Customer, type WorkItem, type WorkItemInput } from '@shared/work'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { EventHub } from '../events'
import { asServerCopy } from '../sync/outbox'
import { activityTypeLike, contractLike, customerLike, workItemLike } from './look-alikes'

/** The stored columns of a work item as the user described it; billable and active default to on. */
function workItemColumns(input: WorkItemInput) {
  return {
    kind: input.kind,
    reference: input.reference ?? null,
    title: input.title,
    customer_id: input.customerId ?? null,
    contract_id: input.contractId ?? null,
    billable: input.billable === false ? (0 as const) : (1 as const),
    active: input.active === false ? (0 as const) : (1 as const),
    // Left out, the page stays as it was (an edit that does not show it keeps it).
    ...(input.ticketUrl !== undefined ? { ticket_url: input.ticketUrl } : {}),
  }
}


export interface WorkServiceDeps {
  db: Kysely<Database>
  clock: Clock
  events: EventHub
  /** The role on the connected team server; null in standalone mode, where this device decides everything. */
  role?: () => OrgRole | null
}

export class WorkService {
  constructor(private readonly deps: WorkServiceDeps) {}

  /** Refuses, before anything is written, what the team server would refuse from this user. */
  private requireMay(kind: OrgDataKind): void {
    const role = this.deps.role?.() ?? null
    const reason = role === null ? null : adminOnlyRefusal(role, kind)
    if (reason) throw new StintError('forbidden', notKept(reason))
  }

  /** Gives a new database a useful set of activity types, once. */
  async seedDefaults(): Promise<void> {
    const { db, clock } = this.deps
    await db.transaction().execute(async (trx) => {
      const seeded = await trx.selectFrom('app_state').select('value').where('key', '=', 'seeded_activity_types').executeTakeFirst()
      if (seeded) return
      const now = clock.now()
      const existing = await trx.selectFrom('activity_types').select('id').executeTakeFirst()
      if (!existing) {
        // The same rows the team server starts with: not changes of this device, so not sent.
        await asServerCopy(trx, async () => {
          await trx
            .insertInto('activity_types')
            .values(DEFAULT_ACTIVITY_TYPES.map((t) => ({ id: t.id, name: t.name, active: 1 as const, is_default: t.isDefault ? (1 as const) : (0 as const), created_at: now, updated_at: now, deleted_at: null })))
            .execute()
        })
      }
      await trx.insertInto('app_state').values({ key: 'seeded_activity_types', value: '1' }).execute()
    })
  }

  async listWorkItems(): Promise<WorkItem[]> {
    const rows = await this.deps.db
      .selectFrom('work_items')
      .leftJoin('customers', 'customers.id', 'work_items.customer_id')
      .select(['work_items.id', 'kind', 'reference', 'title', 'customer_id', 'customers.name as customer_name', 'contract_id', 'billable', 'active', 'favourite', 'ticket_url'])
      .where('work_items.deleted_at', 'is', null)
      .orderBy('active', 'desc')
      .orderBy(sql`coalesce(reference, title) collate nocase`)
      .execute()
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      reference: r.reference,
      title: r.title,
      customerId: r.customer_id,
      customerName: r.customer_name,
      contractId: r.contract_id,
      billable: r.billable === 1,
      active: r.active === 1,
      favourite: r.favourite === 1,
      ticketUrl: r.ticket_url,
    }))
  }

  /** Marks a work item as a favourite (or not): favourites come first when picking one. */
  async setFavourite(id: string, favourite: boolean): Promise<WorkItem> {
    const { db, clock } = this.deps
    const now = clock.now()
    const result = await db
      .updateTable('work_items')
      .set((eb) => ({ favourite: favourite ? 1 : 0, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) throw refuse('not_found', 'refusal.workItemGone')
    return this.announceWorkItem(id)
  }

  async createWorkItem(input: WorkItemInput): Promise<WorkItem> {
    const { db, clock } = this.deps
    const now = clock.now()
    const id = newId()
    await db.transaction().execute(async (trx) => {
      await this.checkOwners(trx, input.customerId ?? null, input.contractId ?? null)
      await this.checkNoLookAlike(trx, input, null)
      await trx
        .insertInto('work_items')
        .values({ id, ...workItemColumns(input), created_at: now, updated_at: now, deleted_at: null })
        .execute()
    })
    return this.announceWorkItem(id)
  }

  async updateWorkItem(id: string, input: WorkItemInput): Promise<WorkItem> {
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('work_items').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
      if (!current) throw refuse('not_found', 'refusal.workItemGone')
      await this.checkOwners(trx, input.customerId ?? null, input.contractId ?? null)
      await this.checkNoLookAlike(trx, input, id)
      await trx
        .updateTable('work_items')
        .set((eb) => ({ ...workItemColumns(input), updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute()
    })
    return this.announceWorkItem(id)
  }

  /** Work items by when they were last used (an entry, or a timer slot holding it), most recent first. */
  async recentItemIds(limit = 10): Promise<string[]> {
    const { db } = this.deps
    const fromEntries = db
      .selectFrom('time_entries')
      .select(['work_item_id as id', sql<number>`max(updated_at)`.as('last')])
      .where('deleted_at', 'is', null)
      .where('work_item_id', 'is not', null)
      .groupBy('work_item_id')
    const fromTimers = db.selectFrom('timers').select(['work_item_id as id', 'updated_at as last']).where('work_item_id', 'is not', null)
    const rows = await db
      .selectFrom(fromEntries.unionAll(fromTimers).as('used'))
      .innerJoin('work_items', 'work_items.id', 'used.id')
      .select(['used.id', sql<number>`max(used.last)`.as('last')])
      .where('work_items.active', '=', 1)
      .where('work_items.deleted_at', 'is', null)
      .groupBy('used.id')
      .orderBy('last', 'desc')
      .limit(limit)
      .execute()
    return rows.map((r) => r.id ?? '').filter((id) => id !== '')
  }

  async listActivityTypes(): Promise<ActivityType[]> {
    const rows = await this.deps.db.selectFrom('activity_types').selectAll().where('deleted_at', 'is', null).orderBy('active', 'desc').orderBy(sql`name collate nocase`).execute()
    return rows.map((r) => ({ id: r.id, name: r.name, active: r.active === 1, isDefault: r.is_default === 1 }))
  }

  async saveActivityType(id: string | null, input: { name: string; active?: boolean | undefined; isDefault?: boolean | undefined }): Promise<ActivityType> {
    const { db, clock } = this.deps
    const now = clock.now()
    const targetId = id ?? newId()
    if (input.isDefault && input.active === false) throw refuse('invalid_request', 'refusal.inactiveDefault')
    this.requireMay('activityType')
    await db.transaction().execute(async (trx) => {
      const clash = await activityTypeLike(trx, input.name, targetId)
      if (clash) throw new StintError('conflict', notKept(lookAlikeRefusal('activityType', clash)))
      // Only one default: choosing a new one clears the old.
      if (input.isDefault) await trx.updateTable('activity_types').set({ is_default: 0, updated_at: now }).where('is_default', '=', 1).where('id', '!=', targetId).execute()
      const values = { name: input.name, active: input.active === false ? (0 as const) : (1 as const), is_default: input.isDefault ? (1 as const) : (0 as const), updated_at: now }
      if (id === null) {
        await trx.insertInto('activity_types').values({ id: targetId, ...values, created_at: now, deleted_at: null }).execute()
      } else {
        const result = await trx
          .updateTable('activity_types')
          .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
        if (result.numUpdatedRows === 0n) throw refuse('not_found', 'refusal.activityTypeGone')
      }
    })
    this.deps.events.emit('work.changed', {})
    const saved = (await this.listActivityTypes()).find((t) => t.id === targetId)
    if (!saved) throw refuse('not_found', 'refusal.activityTypeReadBack')
    return saved
  }

  async listCustomers(): Promise<Customer[]> {
    return this.deps.db.selectFrom('customers').select(['id', 'name', 'organisation']).where('deleted_at', 'is', null).orderBy(sql`name collate nocase`).execute()
  }

  /** A new customer; `organisation` groups customers in reports (null: none). Both are checked by CustomerInputSchema first. */
  async createCustomer(name: string, organisation: string | null = null): Promise<Customer> {
    const { db, clock } = this.deps
    const role = this.deps.role?.() ?? null
    if (organisation !== null && role !== null && role !== 'admin') throw new StintError('forbidden', notKept(ORGANISATION_ADMIN_ONLY_REFUSAL))
    const clash = await customerLike(db, name)
    if (clash) throw new StintError('conflict', notKept(lookAlikeRefusal('customer', clash)))
    const now = clock.now()
    const id = newId()
    await db.insertInto('customers').values({ id, name, organisation, created_at: now, updated_at: now, deleted_at: null }).execute()
    this.deps.events.emit('work.changed', {})
    return { id, name, organisation }
  }

  async listContracts(): Promise<Contract[]> {
    const rows = await this.deps.db.selectFrom('contracts').selectAll().where('deleted_at', 'is', null).orderBy(sql`name collate nocase`).execute()
    return rows.map((r) => ({ id: r.id, customerId: r.customer_id, name: r.name, includedMinutes: r.included_minutes }))
  }

  async createContract(input: { customerId: string; name: string; includedMinutes?: number | null | undefined }): Promise<Contract> {
    const { db, clock } = this.deps
    this.requireMay('contract')
    const customer = await db.selectFrom('customers').select('id').where('id', '=', input.customerId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!customer) throw refuse('not_found', 'refusal.customerGone')
    const clash = await contractLike(db, input.customerId, input.name)
    if (clash) throw new StintError('conflict', notKept(lookAlikeRefusal('contract', clash)))
    const now = clock.now()
    const contract = { id: newId(), customer_id: input.customerId, name: input.name, included_minutes: input.includedMinutes ?? null }
    await db.insertInto('contracts').values({ ...contract, created_at: now, updated_at: now, deleted_at: null }).execute()
    this.deps.events.emit('work.changed', {})
    return { id: contract.id, customerId: contract.customer_id, name: contract.name, includedMinutes: contract.included_minutes }
  }

  private async announceWorkItem(id: string): Promise<WorkItem> {
    this.deps.events.emit('work.changed', {})
    const item = (await this.listWorkItems()).find((w) => w.id === id)
    if (!item) throw refuse('not_found', 'refusal.workItemReadBack')
    return item
  }

  private async checkOwners(db: Kysely<Database>, customerId: string | null, contractId: string | null): Promise<void> {
    if (customerId !== null) {
      const customer = await db.selectFrom('customers').select('id').where('id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirst()
      if (!customer) throw refuse('not_found', 'refusal.customerGone')
    }
    if (contractId !== null) {
      const contract = await db.selectFrom('contracts').select(['id', 'customer_id']).where('id', '=', contractId).where('deleted_at', 'is', null).executeTakeFirst()
      if (!contract) throw refuse('not_found', 'refusal.contractGone')
      if (customerId !== null && contract.customer_id !== customerId) throw refuse('invalid_request', 'refusal.contractOfOtherCustomer')
    }
  }

  private async checkNoLookAlike(db: Kysely<Database>, input: WorkItemInput, selfId: string | null): Promise<void> {
    const clash = await workItemLike(db, { reference: input.reference ?? null, title: input.title }, selfId)
    if (clash) throw new StintError('conflict', notKept(lookAlikeRefusal('workItem', { name: clash.title, reference: clash.reference })))
  }
}
