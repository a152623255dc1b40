// Links between synced rows, checked when a change is applied rather than at commit: an
// entry's work item and activity type, a work item's customer and contract, a contract's
// customer. The database checks them too (at commit, as a push may list rows in any
// order), but a refusal there could only fail the whole push; checked here, the one
// change that names something the server does not have is refused, with what is missing.
import type { Transaction } from 'kysely'
import type { Mutation } from '@shared/sync'
import type { ServerDatabase } from '../db/schema'

type Trx = Transaction<ServerDatabase>
type Linked = 'work_items' | 'activity_types' | 'customers' | 'contracts'
type EntryPut = Extract<Mutation, { type: 'entry.put' }>
type Reference = Extract<Mutation, { type: 'workItem.put' | 'activityType.put' | 'customer.put' | 'contract.put' }>

const LATER = 'Sync again; if it stays, link it to another one. This change was not applied.'

/** Which of `ids` exist in `table` (tombstoned rows too: a link to a deleted row is still a link). */
async function existing(trx: Trx, table: Linked, ids: readonly (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Set()
  return new Set((await trx.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id))
}

/** Entry changes whose work item or activity type is not among those the server has (read with the run: push-entry-reads.ts), by change id, with the reason. */
export function entryLinkProblems(run: readonly EntryPut[], items: ReadonlySet<string>, types: ReadonlySet<string>): Map<string, string> {
  const problems = new Map<string, string>()
  for (const { id, entry } of run) {
    if (entry.workItemId !== null && !items.has(entry.workItemId)) problems.set(id, `This entry is booked on a work item the server does not have (yet). Sync again; if it stays, book the time on another item. This change was not applied.`)
    else if (entry.activityTypeId !== null && !types.has(entry.activityTypeId)) problems.set(id, `This entry's activity type is one the server does not have (yet). ${LATER}`)
  }
  return problems
}

/** Why a reference change names a customer or contract the server does not have, or null. */
export async function referenceLinkProblem(trx: Trx, mutation: Reference): Promise<string | null> {
  if (mutation.type === 'contract.put') {
    const customers = await existing(trx, 'customers', [mutation.contract.customerId])
    return customers.has(mutation.contract.customerId) ? null : `This contract belongs to a customer the server does not have (yet). ${LATER}`
  }
  if (mutation.type === 'workItem.put') {
    const { customerId, contractId } = mutation.item
    if (customerId !== null && !(await existing(trx, 'customers', [customerId])).has(customerId)) return `This work item's customer is one the server does not have (yet). ${LATER}`
    if (contractId !== null && !(await existing(trx, 'contracts', [contractId])).has(contractId)) return `This work item's contract is one the server does not have (yet). ${LATER}`
  }
  return null
}
