// Local rows to and from their wire form (src/shared/sync.ts). Flags are 0/1 here and
// booleans on the wire; nothing else changes shape.
import type { Selectable } from 'kysely'
import type { ActivityTypeWire, ContractWire, CustomerWire, EntryWire, WorkItemWire } from '@shared/sync'
import type { ActivityTypesTable, ContractsTable, CustomersTable, TimeEntriesTable, WorkItemsTable } from '../db/schema'

export function entryToWire(row: Selectable<TimeEntriesTable>): Omit<EntryWire, 'version' | 'status'> {
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
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }
}

export function entryFromWire(wire: EntryWire, userId: string) {
  return {
    id: wire.id,
    user_id: userId,
    day: wire.day,
    work_item_id: wire.workItemId,
    activity_type_id: wire.activityTypeId,
    billable: wire.billable ? (1 as const) : (0 as const),
    description: wire.description,
    source: wire.source,
    raw_seconds: wire.rawSeconds,
    rounded_seconds: wire.roundedSeconds,
    status: wire.status,
    updated_at: wire.updatedAt,
    deleted_at: wire.deletedAt,
    server_version: wire.version,
  }
}

export function workItemToWire(row: Selectable<WorkItemsTable>): Omit<WorkItemWire, 'version'> {
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    title: row.title,
    customerId: row.customer_id,
    contractId: row.contract_id,
    billable: row.billable === 1,
    active: row.active === 1,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }
}

export function workItemFromWire(wire: WorkItemWire) {
  return {
    id: wire.id,
    kind: wire.kind,
    reference: wire.reference,
    title: wire.title,
    customer_id: wire.customerId,
    contract_id: wire.contractId,
    billable: wire.billable ? (1 as const) : (0 as const),
    active: wire.active ? (1 as const) : (0 as const),
    updated_at: wire.updatedAt,
    deleted_at: wire.deletedAt,
    server_version: wire.version,
  }
}

export function activityTypeToWire(row: Selectable<ActivityTypesTable>): Omit<ActivityTypeWire, 'version'> {
  return { id: row.id, name: row.name, active: row.active === 1, isDefault: row.is_default === 1, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

export function activityTypeFromWire(wire: ActivityTypeWire) {
  return {
    id: wire.id,
    name: wire.name,
    active: wire.active ? (1 as const) : (0 as const),
    is_default: wire.isDefault ? (1 as const) : (0 as const),
    updated_at: wire.updatedAt,
    deleted_at: wire.deletedAt,
    server_version: wire.version,
  }
}

export function customerToWire(row: Selectable<CustomersTable>): Omit<CustomerWire, 'version'> {
  return { id: row.id, name: row.name, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

export function customerFromWire(wire: CustomerWire) {
  return { id: wire.id, name: wire.name, updated_at: wire.updatedAt, deleted_at: wire.deletedAt, server_version: wire.version }
}

export function contractToWire(row: Selectable<ContractsTable>): Omit<ContractWire, 'version'> {
  return { id: row.id, customerId: row.customer_id, name: row.name, includedMinutes: row.included_minutes, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

export function contractFromWire(wire: ContractWire) {
  return {
    id: wire.id,
    customer_id: wire.customerId,
    name: wire.name,
    included_minutes: wire.includedMinutes,
    updated_at: wire.updatedAt,
    deleted_at: wire.deletedAt,
    server_version: wire.version,
  }
}
