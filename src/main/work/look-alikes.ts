// Finding a live row whose name looks like a given one on this device, by the same keys the
// team server uses (src/shared/org-data.ts): letter case, spacing, accent composition and
// invisible characters do not make a second customer, work item, contract or activity
// type. Every local create and rename asks here, as does a ticket link finding its item.
// The device's tables are small, so names are compared here rather than by an index.
import type { Kysely, Transaction } from 'kysely'
import { orgNameKey, workItemKey } from '@shared/org-data'
import type { Database } from '../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export async function customerLike(db: Db, name: string, exceptId: string | null = null): Promise<{ id: string; name: string } | undefined> {
  const key = orgNameKey(name)
  const rows = await db.selectFrom('customers').select(['id', 'name']).where('deleted_at', 'is', null).where('id', '!=', exceptId ?? '').orderBy('created_at').execute()
  return rows.find((row) => orgNameKey(row.name) === key)
}

export async function activityTypeLike(db: Db, name: string, exceptId: string | null): Promise<{ id: string; name: string } | undefined> {
  const key = orgNameKey(name)
  const rows = await db.selectFrom('activity_types').select(['id', 'name']).where('deleted_at', 'is', null).where('id', '!=', exceptId ?? '').execute()
  return rows.find((row) => orgNameKey(row.name) === key)
}

export async function contractLike(db: Db, customerId: string, name: string): Promise<{ id: string; name: string } | undefined> {
  const key = orgNameKey(name)
  const rows = await db.selectFrom('contracts').select(['id', 'name']).where('customer_id', '=', customerId).where('deleted_at', 'is', null).execute()
  return rows.find((row) => orgNameKey(row.name) === key)
}

/** A work item with the same reference, or (for one without a reference) the same title. */
export async function workItemLike(db: Db, item: { reference: string | null; title: string }, exceptId: string | null = null): Promise<{ id: string; reference: string | null; title: string; billable: 0 | 1; ticket_url: string | null } | undefined> {
  const key = workItemKey(item)
  let query = db.selectFrom('work_items').select(['id', 'reference', 'title', 'billable', 'ticket_url']).where('deleted_at', 'is', null).where('id', '!=', exceptId ?? '')
  query = item.reference === null ? query.where('reference', 'is', null) : query.where('reference', 'is not', null)
  return (await query.orderBy('created_at').execute()).find((row) => workItemKey(row) === key)
}
