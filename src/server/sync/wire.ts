// Server rows in their wire form (src/shared/sync.ts): 0/1 flags become booleans.
import type { Selectable } from 'kysely'
import type { ActivityTypeWire, ContractWire, CustomerWire, EntryWire, WorkItemWire } from '@shared/sync'
import type { ServerDatabase } from '../db/schema'

type Row<T extends keyof ServerDatabase> = Selectable<ServerDatabase[T]>

export function entryWire(row: Row<'time_entries'>): EntryWire {
  return {
    id: row.id,
    day: row.day,
    workItemId: row.work_item_id,
    activityTypeId: row.activity_type_id,
    billable: row.billable === 1,
    description: row.description,
    source: row.source,
    rawSeconds: row.raw_seconds,
    roundedSeconds: row.rounded_seconds,
    status: row.status,
    version: row.version,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }
}

export function workItemWire(row: Row<'work_items'>): WorkItemWire {
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    title: row.title,
    customerId: row.customer_id,
    contractId: row.contract_id,
    billable: row.billable === 1,
    active: row.active === 1,
    version: row.version,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }
}

export function activityTypeWire(row: Row<'activity_types'>): ActivityTypeWire {
  return { id: row.id, name: row.name, active: row.active === 1, isDefault: row.is_default === 1, version: row.version, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

export function customerWire(row: Row<'customers'>): CustomerWire {
  return { id: row.id, name: row.name, version: row.version, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

export function contractWire(row: Row<'contracts'>): ContractWire {
  return { id: row.id, customerId: row.customer_id, name: row.name, includedMinutes: row.included_minutes, version: row.version, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}
