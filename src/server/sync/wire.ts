// Server rows in their wire form: the shared mapping (src/shared/sync-rows.ts) plus the
// server's own version of each row.
import type { Selectable } from 'kysely'
import type { ActivityTypeWire, ContractWire, CustomerWire, EntryWire, WorkItemWire } from '@shared/sync'
import { activityTypeFields, contractFields, customerFields, entryWireOf, workItemFields } from '@shared/sync-rows'
import type { ServerDatabase } from '../db/schema'

type Row<T extends keyof ServerDatabase> = Selectable<ServerDatabase[T]>

export const entryWire = (row: Row<'time_entries'>): EntryWire => entryWireOf(row)
export const workItemWire = (row: Row<'work_items'>): WorkItemWire => ({ ...workItemFields(row), version: row.version })
export const activityTypeWire = (row: Row<'activity_types'>): ActivityTypeWire => ({ ...activityTypeFields(row), version: row.version })
export const customerWire = (row: Row<'customers'>): CustomerWire => ({ ...customerFields(row), version: row.version })
export const contractWire = (row: Row<'contracts'>): ContractWire => ({ ...contractFields(row), version: row.version })
