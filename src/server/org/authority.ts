// Who may change organisation data on the team server, in one place: a device's push,
// the admin commands and the console all ask here before they write, and get the sentence
// to answer with when the answer is no. Admins may change anything. Everyone else may make
// the work items and customers their tickets need, and change what they made until an
// admin has taken it over; never contracts, activity types, the default, or which
// organisation a customer belongs to (src/shared/org-data.ts). Look-alike names are refused
// for everyone, naming the one that exists.
import type { Kysely, Transaction } from 'kysely'
import { englishRefusal, type Refusal } from '@shared/i18n/refusal-text'
import { adminOnlyRefusal, lookAlikeRefusal as lookAlikeOf, MAX_INCLUDED_MINUTES, ORGANISATION_ADMIN_ONLY_REFUSAL, orgNameKey, workItemKey, type OrgDataKind } from '@shared/org-data'
import type { Mutation } from '@shared/sync'
import type { Flag, Role, ServerDatabase } from '../db/schema'
import { notApplied, refusal } from '../sync/answers'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

/** Who is writing: a signed-in user, or an admin on the server's command line (no user id). */
export interface WriterRole {
  userId: string | null
  role: Role
}

/**
 * Who may read and change the billing settings and rates and run billing: admins only.
 * The organisation's roles are member, approver and admin; none of the first two fits
 * money, and there is no billing role, so members and approvers are refused (403).
 */
export const BILLING_ROLES: readonly Role[] = ['admin']

/** What the rules need to know of a row already stored. */
export interface StoredReference {
  created_by: string | null
  admin_managed: Flag
  organisation?: string | null
}

export type ReferenceMutation = Extract<Mutation, { type: 'workItem.put' | 'activityType.put' | 'customer.put' | 'contract.put' }>

const KIND_OF: Record<ReferenceMutation['type'], OrgDataKind> = { 'workItem.put': 'workItem', 'activityType.put': 'activityType', 'customer.put': 'customer', 'contract.put': 'contract' }

/**
 * Why `writer` may not make this change of `kind` (a refusal without its end), or null. `stored` is the row as it is
 * (undefined for a new one); `organisation` the customer's organisation the change asks
 * for (undefined: the sender says nothing about it, so it stays).
 */
export function changeRefusal(writer: WriterRole, kind: OrgDataKind, stored: StoredReference | undefined, organisation?: string | null): Refusal | null {
  if (writer.role === 'admin') return null
  const adminOnly = adminOnlyRefusal(writer.role, kind)
  if (adminOnly) return adminOnly
  if (stored) {
    if (stored.created_by === null || stored.created_by !== writer.userId) return refusal('refusal.sync.notTheirs', { kind })
    if (stored.admin_managed === 1) return refusal('refusal.sync.takenOver', { kind })
  }
  if (kind === 'customer' && organisation !== undefined && organisation !== (stored?.organisation ?? null)) return ORGANISATION_ADMIN_ONLY_REFUSAL
  return null
}

/** The look-alike key a change of `kind` is stored with. */
export function keyOf(mutation: ReferenceMutation): string {
  switch (mutation.type) {
    case 'workItem.put':
      return workItemKey(mutation.item)
    case 'activityType.put':
      return orgNameKey(mutation.activityType.name)
    case 'customer.put':
      return orgNameKey(mutation.customer.name)
    case 'contract.put':
      return orgNameKey(mutation.contract.name)
  }
}

/**
 * Another live row of `kind` with the same key, as the sentence that names it; null when
 * there is none. Contracts are compared within their customer.
 */
export async function lookAlikeRefusal(db: Db, kind: OrgDataKind, key: string, self: { id: string | null; customerId?: string }): Promise<string | null> {
  const twin = await lookAlike(db, kind, key, self)
  return twin === null ? null : englishRefusal(twin)
}

/** The same as data. */
async function lookAlike(db: Db, kind: OrgDataKind, key: string, self: { id: string | null; customerId?: string }): Promise<Refusal | null> {
  const notSelf = self.id ?? ''
  switch (kind) {
    case 'customer': {
      const row = await db.selectFrom('customers').select('name').where('name_key', '=', key).where('deleted_at', 'is', null).where('id', '!=', notSelf).executeTakeFirst()
      return row ? lookAlikeOf(kind, { name: row.name }) : null
    }
    case 'activityType': {
      const row = await db.selectFrom('activity_types').select('name').where('name_key', '=', key).where('deleted_at', 'is', null).where('id', '!=', notSelf).executeTakeFirst()
      return row ? lookAlikeOf(kind, { name: row.name }) : null
    }
    case 'contract': {
      const row = await db
        .selectFrom('contracts')
        .select('name')
        .where('customer_id', '=', self.customerId ?? '')
        .where('name_key', '=', key)
        .where('deleted_at', 'is', null)
        .where('id', '!=', notSelf)
        .executeTakeFirst()
      return row ? lookAlikeOf(kind, { name: row.name }) : null
    }
    case 'workItem': {
      const row = await db.selectFrom('work_items').select(['title', 'reference']).where('name_key', '=', key).where('deleted_at', 'is', null).where('id', '!=', notSelf).executeTakeFirst()
      return row ? lookAlikeOf(kind, { name: row.title, reference: row.reference }) : null
    }
  }
}

/** A work item's contract must be one of its customer's. */
async function contractMismatch(db: Db, item: Extract<ReferenceMutation, { type: 'workItem.put' }>['item']): Promise<Refusal | null> {
  if (item.contractId === null) return null
  const contract = await db.selectFrom('contracts').select(['name', 'customer_id']).where('id', '=', item.contractId).executeTakeFirst()
  // A contract the server does not have is refused by the link check at commit, with its own sentence.
  if (!contract || contract.customer_id === item.customerId) return null
  return refusal('refusal.sync.contractOfOtherCustomer', { name: contract.name })
}

/**
 * Everything a pushed change of reference data must pass, with the sentence for its
 * refusal ("…. This change was not applied."), or null when it may be written.
 */
export async function referenceChangeRefusal(trx: Db, writer: WriterRole, mutation: ReferenceMutation, stored: (StoredReference & { name_key: string | null }) | undefined): Promise<Refusal | null> {
  const kind = KIND_OF[mutation.type]
  const organisation = mutation.type === 'customer.put' ? mutation.customer.organisation : undefined
  const problem = changeRefusal(writer, kind, stored, organisation) ?? (await shapeProblem(trx, mutation, stored?.name_key ?? null))
  return problem === null ? null : notApplied(problem)
}

async function shapeProblem(trx: Db, mutation: ReferenceMutation, storedKey: string | null): Promise<Refusal | null> {
  const deleted = (mutation.type === 'workItem.put' ? mutation.item : mutation.type === 'activityType.put' ? mutation.activityType : mutation.type === 'customer.put' ? mutation.customer : mutation.contract).deletedAt !== null
  if (deleted) return null
  if (mutation.type === 'workItem.put') {
    const mismatch = await contractMismatch(trx, mutation.item)
    if (mismatch) return mismatch
  }
  if (mutation.type === 'contract.put' && (mutation.contract.includedMinutes ?? 0) > MAX_INCLUDED_MINUTES) {
    return refusal('refusal.sync.tooManyHours', { max: String(MAX_INCLUDED_MINUTES / 60), asked: String(Math.round((mutation.contract.includedMinutes ?? 0) / 60)) })
  }
  const key = keyOf(mutation)
  // A name kept as it was is not a new look-alike, even if an older twin exists.
  if (key === storedKey) return null
  const id = mutation.type === 'workItem.put' ? mutation.item.id : mutation.type === 'activityType.put' ? mutation.activityType.id : mutation.type === 'customer.put' ? mutation.customer.id : mutation.contract.id
  const customerId = mutation.type === 'contract.put' ? mutation.contract.customerId : undefined
  return lookAlike(trx, KIND_OF[mutation.type], key, { id, ...(customerId === undefined ? {} : { customerId }) })
}

/** The columns a write of reference data records who may change it by, and its look-alike key. */
export function referenceStamp(writer: WriterRole, mutation: ReferenceMutation, stored: StoredReference | undefined): { admin_managed: Flag; name_key: string } {
  return { admin_managed: writer.role === 'admin' || stored?.admin_managed === 1 ? 1 : 0, name_key: keyOf(mutation) }
}
