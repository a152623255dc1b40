// What a billing run reads from this device's database: the person's entries of the
// range with their runs, each entry's customer and contract (through its work item), the
// contracts' included hours for the range, and names to show. What counts as approved:
// an entry with status 'approved'. A standalone technician approves by submitting (the
// pattern "none": submitting locks the period as approved at once, its entries become
// 'approved'); with a team server, only what the server approved. Submitted time still
// waiting for an approver, drafts and rejected time are "not approved"; voided time is left out as voided.
// Billable: the entry's flag, unless its work item has since been made non-billable.
import type { RunContract, RunEntry } from '@shared/billing/billing-run'
import { includedSecondsFor } from '@shared/billing/included-hours'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

const CHUNK = 500

export interface BillingInput {
  entries: RunEntry[]
  contracts: RunContract[]
  names: {
    customers: Map<string, string>
    contracts: Map<string, string>
    workItems: Map<string, string>
    activityTypes: Map<string, string>
  }
}


export async function readBillingInput(db: Kysely<Database>, userId: string, from: string, to: string, fallbackZone: string): Promise<BillingInput> {
  const rows = await db
    .selectFrom('time_entries as e')
    .leftJoin('work_items as w', 'w.id', 'e.work_item_id')
    .select(['e.id', 'e.day', 'e.time_zone', 'e.work_item_id', 'e.activity_type_id', 'e.billable', 'e.status', 'e.raw_seconds', 'w.customer_id', 'w.contract_id', 'w.billable as item_billable'])
    .where('e.user_id', '=', userId)
    .where('e.deleted_at', 'is', null)
    .where('e.day', '>=', from)
    .where('e.day', '<=', to)
    .orderBy('e.day')
    .orderBy('e.id')
    .execute()
  const runs = new Map<string, { startedAt: number; endedAt: number; marked: boolean }[]>()
  const marked = new Set<string>()
  const ids = rows.map((r) => r.id)
  for (let start = 0; start < ids.length; start += CHUNK) {
    const found = await db.selectFrom('time_entry_ranges').select(['entry_id', 'started_at', 'ended_at', 'is_primary']).where('entry_id', 'in', ids.slice(start, start + CHUNK)).orderBy('started_at').execute()
    // Each run carries its own mark, so a mark taken off halfway bills each part as it ran;
    // the entry is primary when a run of it was (as the team server reads entry_runs).
    for (const r of found) runs.set(r.entry_id, [...(runs.get(r.entry_id) ?? []), { startedAt: r.started_at, endedAt: r.ended_at, marked: r.is_primary === 1 }])
    for (const r of found) if (r.is_primary === 1) marked.add(r.entry_id)
  }
  const entries = rows.map(
    (r): RunEntry => ({
      id: r.id,
      personId: userId,
      day: r.day,
      zone: r.time_zone ?? fallbackZone,
      workItemId: r.work_item_id,
      customerId: r.customer_id ?? null,
      contractId: r.contract_id ?? null,
      activityTypeId: r.activity_type_id,
      billable: r.billable === 1 && r.item_billable !== 0,
      approved: r.status === 'approved',
      voided: r.status === 'voided',
      seconds: r.raw_seconds,
      runs: runs.get(r.id) ?? [],
      primary: marked.has(r.id),
    }),
  )

  const contractRows = await db.selectFrom('contracts').select(['id', 'name', 'included_minutes']).execute()
  const contracts = contractRows.map((c): RunContract & { name: string } => ({ id: c.id, name: c.name, includedSeconds: includedSecondsFor(c.included_minutes, from, to) }))
  const customers = await db.selectFrom('customers').select(['id', 'name']).execute()
  const workItems = await db.selectFrom('work_items').select(['id', 'reference', 'title']).execute()
  const activityTypes = await db.selectFrom('activity_types').select(['id', 'name']).execute()
  return {
    entries,
    contracts,
    names: {
      customers: new Map(customers.map((c) => [c.id, c.name])),
      contracts: new Map(contractRows.map((c) => [c.id, c.name])),
      workItems: new Map(workItems.map((w) => [w.id, w.reference ? `${w.reference} ${w.title}` : w.title])),
      activityTypes: new Map(activityTypes.map((a) => [a.id, a.name])),
    },
  }
}
