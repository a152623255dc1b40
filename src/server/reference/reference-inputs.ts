// What the admin's reference-data commands accept, and how they find a customer or a work
// item the way an admin names it: by id, or by name (a work item also by its reference),
// compared by the look-alike key, so "acme" finds "Acme" and a name stored with an
// invisible character is still found by its visible spelling.
import type { Kysely, Transaction } from 'kysely'
import { z } from 'zod'
import { StintError } from '@shared/errors'
import { orgNameKey, workItemKey } from '@shared/org-data'
import { nameKey, nameSchema } from '@shared/text'
import type { ServerDatabase } from '../db/schema'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

const KEPT = 'Nothing was changed.'

/** The same name rules as a device's (src/shared/text.ts), with the server's column limits. */
export const NameInputs = {
  customer: nameSchema('A customer name', { max: 120 }),
  organisation: nameSchema('An organisation', { max: 120, required: false }),
  contract: nameSchema('A contract name', { max: 120 }),
  activityType: nameSchema('An activity type name', { max: 80 }),
  title: nameSchema('A work item title', { max: 200 }),
  reference: nameSchema('A ticket reference', { max: 64, required: false }),
}

/** An optional text: left out, null or blank all mean none. */
export function orNone<S extends z.ZodType<string>>(schema: S) {
  return schema
    .nullable()
    .default(null)
    .transform((text) => (text === null || text === '' ? null : text))
}

export const CustomerRefSchema = z.string().trim().min(1, 'say which customer, by name')
export const WorkItemRefSchema = z.string().trim().min(1, 'say which work item, by its reference or title')

/** A live customer by id, or by its name in any case or spacing. */
export async function customerNamed(db: Db, ref: string): Promise<{ id: string; name: string }> {
  const found =
    (await db.selectFrom('customers').select(['id', 'name']).where('id', '=', ref).where('deleted_at', 'is', null).executeTakeFirst()) ??
    (await db.selectFrom('customers').select(['id', 'name']).where('name_key', '=', orgNameKey(ref)).where('deleted_at', 'is', null).orderBy('created_at').executeTakeFirst())
  if (!found) throw new StintError('not_found', `There is no customer called "${ref}" (\`customer list\` shows them). ${KEPT}`)
  return found
}

export interface NamedWorkItem {
  id: string
  reference: string | null
  title: string
  active: 0 | 1
}

/** "T-7 "Printer offline"" or ""Admin"": how a work item is named in answers. */
export const workItemLabel = (item: { reference: string | null; title: string }): string => (item.reference ? `${item.reference} "${item.title}"` : `"${item.title}"`)

/** A live work item by id, by its reference, or by its title; a title two items share is refused as ambiguous. */
export async function workItemNamed(db: Db, ref: string): Promise<NamedWorkItem> {
  const columns = ['id', 'reference', 'title', 'active'] as const
  const live = db.selectFrom('work_items').select(columns).where('deleted_at', 'is', null)
  const byId = await live.where('id', '=', ref).executeTakeFirst()
  if (byId) return byId
  const byKey =
    (await live.where('name_key', '=', workItemKey({ reference: ref, title: ref })).executeTakeFirst()) ?? (await live.where('name_key', '=', workItemKey({ reference: null, title: ref })).executeTakeFirst())
  if (byKey) return byKey
  // A ticket's title: keys hold references for tickets, so compare titles here (an admin's command, not a hot path).
  const wanted = nameKey(ref)
  const titled = (await live.where('reference', 'is not', null).execute()).filter((item) => nameKey(item.title) === wanted)
  if (titled.length === 1 && titled[0]) return titled[0]
  if (titled.length > 1) throw new StintError('conflict', `${titled.length} work items are called "${ref}": ${titled.map(workItemLabel).join(', ')}. Name one by its reference. ${KEPT}`)
  throw new StintError('not_found', `There is no work item "${ref}" (\`work-item list\` shows them). ${KEPT}`)
}
