// An admin tidying what devices made: listing customers and work items with who made them,
// renaming, deactivating, and merging a work item into another (its entries move over).
// Every change here takes the row over for admins (admin_managed), is stamped with a
// change number so devices pull it, and refuses look-alike names like every other path.
// A merge never changes approved or submitted time: those entries stay on the old item,
// which is deactivated, not deleted, so they stay readable; the answer says where they are.
import type { Kysely, Transaction } from 'kysely'
import { z } from 'zod'
import { StintError } from '@shared/errors'
import { orgNameKey, workItemKey } from '@shared/org-data'
import type { Clock } from '../clock'
import { nextReferenceSeq, takeUserSeqs, takeUsersSeqs, type ReferenceSeq } from '../db/change-streams'
import type { ServerDatabase } from '../db/schema'
import { parseInput } from '../errors'
import { lookAlikeRefusal } from '../org/authority'
import { CustomerRefSchema, customerNamed, NameInputs, WorkItemRefSchema, workItemLabel, workItemNamed } from './reference-inputs'

type Trx = Transaction<ServerDatabase>

const KEPT = 'Nothing was changed.'

export const RenameCustomerInput = z.object({ customer: CustomerRefSchema, name: NameInputs.customer })
export const CustomerOnlyInput = z.object({ customer: CustomerRefSchema })
export const RenameWorkItemInput = z
  .object({ workItem: WorkItemRefSchema, title: NameInputs.title.optional(), reference: NameInputs.reference.optional() })
  .refine((input) => input.title !== undefined || (input.reference !== undefined && input.reference !== ''), { message: 'give a new title, a new reference, or both', path: ['title'] })
export const WorkItemOnlyInput = z.object({ workItem: WorkItemRefSchema })
export const MergeInput = z.object({ from: WorkItemRefSchema, into: WorkItemRefSchema })

export interface CustomerListing {
  id: string
  name: string
  organisation: string | null
  /** Email of the person whose device made it; null for one made on the command line. */
  madeBy: string | null
  adminManaged: boolean
}

export interface WorkItemListing {
  id: string
  kind: string
  reference: string | null
  title: string
  customer: string | null
  ticketUrl: string | null
  active: boolean
  madeBy: string | null
  adminManaged: boolean
}

export interface MergeResult {
  from: string
  into: string
  moved: number
  /** Entries left on the old item because their period is submitted or approved (or they were voided). */
  kept: number
  /** "bo@example.com 2026-11-16 – 2026-11-22" for each period holding kept entries. */
  keptIn: string[]
}

export class ReferenceAdmin {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly clock: Clock,
  ) {}

  async listCustomers(): Promise<CustomerListing[]> {
    const rows = await this.db
      .selectFrom('customers')
      .leftJoin('users', 'users.id', 'customers.created_by')
      .select(['customers.id', 'customers.name', 'customers.organisation', 'customers.admin_managed', 'users.email'])
      .where('customers.deleted_at', 'is', null)
      .execute()
    // In the order a person reads names, whatever the database's collation.
    rows.sort((a, b) => a.name.localeCompare(b.name, 'und', { sensitivity: 'base' }) || a.id.localeCompare(b.id))
    return rows.map((r) => ({ id: r.id, name: r.name, organisation: r.organisation, madeBy: r.email, adminManaged: r.admin_managed === 1 }))
  }

  async listWorkItems(): Promise<WorkItemListing[]> {
    const rows = await this.db
      .selectFrom('work_items')
      .leftJoin('users', 'users.id', 'work_items.created_by')
      .leftJoin('customers', 'customers.id', 'work_items.customer_id')
      .select(['work_items.id', 'work_items.kind', 'work_items.reference', 'work_items.title', 'work_items.active', 'work_items.admin_managed', 'work_items.ticket_url', 'customers.name as customer', 'users.email'])
      .where('work_items.deleted_at', 'is', null)
      .execute()
    const label = (w: { reference: string | null; title: string }) => w.reference ?? w.title
    rows.sort((a, b) => label(a).localeCompare(label(b), 'und', { numeric: true, sensitivity: 'base' }) || a.id.localeCompare(b.id))
    return rows.map((r) => ({ id: r.id, kind: r.kind, reference: r.reference, title: r.title, customer: r.customer, ticketUrl: r.ticket_url, active: r.active === 1, madeBy: r.email, adminManaged: r.admin_managed === 1 }))
  }

  async renameCustomer(input: { customer: string; name: string }): Promise<{ before: string; after: string }> {
    const { customer, name } = parseInput(RenameCustomerInput, input, 'Renaming the customer')
    return this.write(async (trx, seq, now) => {
      const row = await customerNamed(trx, customer)
      const key = orgNameKey(name)
      const twin = await lookAlikeRefusal(trx, 'customer', key, { id: row.id })
      if (twin) throw new StintError('conflict', `${twin}. ${KEPT}`)
      await trx.updateTable('customers').set((eb) => ({ name, name_key: key, admin_managed: 1, seq, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', row.id).execute()
      return { before: row.name, after: name }
    })
  }

  /** Devices stop offering the customer; its work items and their time stay as they are. */
  async deactivateCustomer(input: { customer: string }): Promise<{ name: string; workItems: number }> {
    const { customer } = parseInput(CustomerOnlyInput, input, 'Deactivating the customer')
    return this.write(async (trx, seq, now) => {
      const row = await customerNamed(trx, customer)
      await trx.updateTable('customers').set((eb) => ({ deleted_at: now, admin_managed: 1, seq, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', row.id).execute()
      const items = await trx.selectFrom('work_items').select('id').where('customer_id', '=', row.id).where('deleted_at', 'is', null).execute()
      return { name: row.name, workItems: items.length }
    })
  }

  async renameWorkItem(input: { workItem: string; title?: string | undefined; reference?: string | undefined }): Promise<{ before: string; after: string }> {
    const { workItem, title, reference } = parseInput(RenameWorkItemInput, input, 'Renaming the work item')
    return this.write(async (trx, seq, now) => {
      const item = await workItemNamed(trx, workItem)
      const next = { reference: reference === undefined || reference === '' ? item.reference : reference, title: title ?? item.title }
      const key = workItemKey(next)
      const twin = await lookAlikeRefusal(trx, 'workItem', key, { id: item.id })
      if (twin) throw new StintError('conflict', `${twin}. ${KEPT}`)
      await trx
        .updateTable('work_items')
        .set((eb) => ({ ...next, name_key: key, admin_managed: 1, seq, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', item.id)
        .execute()
      return { before: workItemLabel(item), after: workItemLabel(next) }
    })
  }

  /** Devices stop offering the item for new time; entries booked on it stay. */
  async deactivateWorkItem(input: { workItem: string }): Promise<{ label: string }> {
    const { workItem } = parseInput(WorkItemOnlyInput, input, 'Deactivating the work item')
    return this.write(async (trx, seq, now) => {
      const item = await workItemNamed(trx, workItem)
      if (item.active === 0) throw new StintError('conflict', `${workItemLabel(item)} is already inactive. ${KEPT}`)
      await this.retire(trx, item.id, seq, now)
      return { label: workItemLabel(item) }
    })
  }

  /**
   * Moves the time booked on `from` to `into` and deactivates `from`. Entries of submitted
   * or approved periods (and voided ones) stay where they are: approved time never changes.
   */
  async mergeWorkItems(input: { from: string; into: string }): Promise<MergeResult> {
    const { from, into } = parseInput(MergeInput, input, 'Merging the work items')
    return this.write(async (trx, seq, now) => {
      const source = await workItemNamed(trx, from)
      const target = await workItemNamed(trx, into)
      if (source.id === target.id) throw new StintError('invalid_request', `${workItemLabel(source)} cannot be merged into itself. ${KEPT}`)
      // Each owner's change stream is locked (reference first, then owners in id order:
      // change-streams.ts) before their entries are read, so none of their pushes or
      // decisions slips in between. An entry booked on `from` by someone else while this
      // runs stays where it was booked and is counted as kept.
      const movableOf = (owners: readonly string[] | null) => {
        let query = trx.selectFrom('time_entries').select(['id', 'user_id']).where('work_item_id', '=', source.id).where('deleted_at', 'is', null).where('status', 'in', ['draft', 'rejected'])
        if (owners !== null) query = query.where('user_id', 'in', owners)
        return query.orderBy('id').execute()
      }
      const owners = [...new Set((await movableOf(null)).map((e) => e.user_id))].sort()
      let moved = 0
      if (owners.length > 0) {
        await takeUsersSeqs(trx, new Map(owners.map((owner) => [owner, 0])))
        // Read again under the locks: an owner may have changed their entries meanwhile.
        const movable = await movableOf(owners)
        for (const owner of owners) {
          const theirs = movable.filter((e) => e.user_id === owner)
          const seqs = await takeUserSeqs(trx, owner, theirs.length)
          for (const entry of theirs) {
            // One change number per row, as everywhere: a pull page never ends inside one.
            const entrySeq = seqs.take()
            await trx.updateTable('time_entries').set((eb) => ({ work_item_id: target.id, seq: entrySeq, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', entry.id).execute()
          }
          moved += theirs.length
        }
      }
      const kept = await trx
        .selectFrom('time_entries')
        .innerJoin('users', 'users.id', 'time_entries.user_id')
        .innerJoin('periods', (join) => join.onRef('periods.user_id', '=', 'time_entries.user_id').onRef('periods.start_day', '<=', 'time_entries.day').onRef('periods.end_day', '>=', 'time_entries.day'))
        .select(['time_entries.id', 'users.email', 'periods.start_day', 'periods.end_day'])
        .where('time_entries.work_item_id', '=', source.id)
        .where('time_entries.deleted_at', 'is', null)
        .execute()
      const keptCount = (await trx.selectFrom('time_entries').select('id').where('work_item_id', '=', source.id).where('deleted_at', 'is', null).execute()).length
      await this.retire(trx, source.id, seq, now)
      const keptIn = [...new Set(kept.map((k) => `${k.email} ${k.start_day} – ${k.end_day}`))].sort()
      return { from: workItemLabel(source), into: workItemLabel(target), moved, kept: keptCount, keptIn }
    })
  }

  private async retire(trx: Trx, id: string, seq: ReferenceSeq, now: number): Promise<void> {
    await trx.updateTable('work_items').set((eb) => ({ active: 0, admin_managed: 1, seq, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', id).execute()
  }

  /** One transaction that first takes a number of the reference stream, so other reference changes queue behind it. */
  private async write<T>(work: (trx: Trx, seq: ReferenceSeq, now: number) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => work(trx, await nextReferenceSeq(trx), this.clock()))
  }
}
