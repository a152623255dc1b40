// Links between synced rows, checked when a change is applied rather than at commit: an
// entry's work item and activity type, a work item's customer and contract, a contract's
// customer. The database checks them too (at commit, as a push may list rows in any
// order), but a refusal there could only fail the whole push; checked here, the one
// change that names something the server does not have is refused, with what is missing.
import type { Transaction } from 'kysely'
import type { Refusal } from '@shared/i18n/refusal-text'
import type { Mutation } from '@shared/sync'
import type { ServerDatabase } from '../db/schema'
import { refusal } from './answers'

type Trx = Transaction<ServerDatabase>
type Linked = 'work_items' | 'activity_types' | 'customers' | 'contracts'
type EntryPut = Extract<Mutation, { type: 'entry.put' }>
type Reference = Extract<Mutation, { type: 'workItem.put' | 'activityType.put' | 'customer.put' | 'contract.put' }>

/** Which of `ids` exist in `table` (tombstoned rows too: a link to a deleted row is still a link). */
async function existing(trx: Trx, table: Linked, ids: readonly (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Set()
  return new Set((await trx.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id))
}

/** Entry changes whose work item or activity type is not among those the server has (read with the run: push-entry-reads.ts), by change id, with the reason. */
export function entryLinkProblems(run: readonly EntryPut[], items: ReadonlySet<string>, types: ReadonlySet<string>): Map<string, Refusal> {
  const problems = new Map<string, Refusal>()
  for (const { id, entry } of run) {
    if (entry.workItemId !== null && !items.has(entry.workItemId)) problems.set(id, refusal('refusal.sync.entryWorkItemMissing'))
    else if (entry.activityTypeId !== null && !types.has(entry.activityTypeId)) problems.set(id, refusal('refusal.sync.entryActivityTypeMissing'))
  }
  return problems
}

/** Why a reference change names a customer or contract the server does not have, or null. */
export async function referenceLinkProblem(trx: Trx, mutation: Reference): Promise<Refusal | null> {
  if (mutation.type === 'contract.put') {
    const customers = await existing(trx, 'customers', [mutation.contract.customerId])
    return customers.has(mutation.contract.customerId) ? null : refusal('refusal.sync.contractCustomerMissing')
  }
  if (mutation.type === 'workItem.put') {
    const { customerId, contractId } = mutation.item
    if (customerId !== null && !(await existing(trx, 'customers', [customerId])).has(customerId)) return refusal('refusal.sync.workItemCustomerMissing')
    if (contractId !== null && !(await existing(trx, 'contracts', [contractId])).has(contractId)) return refusal('refusal.sync.workItemContractMissing')
  }
  return null
}
