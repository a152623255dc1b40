// Rows of a synced table and their wire form, for both databases: the desktop's SQLite
// and the team server's share these columns (snake_case, flags 0/1), and each side adds
// its own (the desktop's server_version, the server's version and seq). One mapping,
// so the two sides can never disagree about a field.
import type { EntrySource, EntryStatus } from './entries'
import type { ActivityTypeWire, ContractWire, CustomerWire, EntryWire, WorkItemWire } from './sync'
import type { WorkItemKind } from './work'

type Flag = 0 | 1
const flag = (value: boolean): Flag => (value ? 1 : 0)

interface Stamped {
  id: string
  updated_at: number
  deleted_at: number | null
}

export interface EntryRowFields extends Stamped {
  day: string
  work_item_id: string | null
  activity_type_id: string | null
  billable: Flag
  description: string
  source: EntrySource
  raw_seconds: number
  rounded_seconds: number
}

export interface WorkItemRowFields extends Stamped {
  kind: WorkItemKind
  reference: string | null
  title: string
  customer_id: string | null
  contract_id: string | null
  billable: Flag
  active: Flag
  /** Absent when the wire left it out (an older sender): the stored value is then kept. */
  ticket_url?: string | null
}

export interface ActivityTypeRowFields extends Stamped {
  name: string
  active: Flag
  is_default: Flag
}

export interface CustomerRowFields extends Stamped {
  name: string
  /** Absent when the wire left it out (an older sender): the stored value is then kept. */
  organisation?: string | null
}

export interface ContractRowFields extends Stamped {
  customer_id: string
  name: string
  included_minutes: number | null
}

export type EntryFields = Omit<EntryWire, 'version' | 'status'>

export function entryFields(row: EntryRowFields): EntryFields {
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

export function entryRow(wire: EntryFields): EntryRowFields {
  return {
    id: wire.id,
    day: wire.day,
    work_item_id: wire.workItemId,
    activity_type_id: wire.activityTypeId,
    billable: flag(wire.billable),
    description: wire.description,
    source: wire.source,
    raw_seconds: wire.rawSeconds,
    rounded_seconds: wire.roundedSeconds,
    updated_at: wire.updatedAt,
    deleted_at: wire.deletedAt,
  }
}

export function entryWireOf(row: EntryRowFields & { status: EntryStatus; version: number }): EntryWire {
  return { ...entryFields(row), status: row.status, version: row.version }
}

export function workItemFields(row: WorkItemRowFields): Omit<WorkItemWire, 'version'> {
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    title: row.title,
    customerId: row.customer_id,
    contractId: row.contract_id,
    billable: row.billable === 1,
    active: row.active === 1,
    ticketUrl: row.ticket_url ?? null,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }
}

export function workItemRow(wire: Omit<WorkItemWire, 'version'>): WorkItemRowFields {
  return {
    id: wire.id,
    kind: wire.kind,
    reference: wire.reference,
    title: wire.title,
    customer_id: wire.customerId,
    contract_id: wire.contractId,
    billable: flag(wire.billable),
    active: flag(wire.active),
    // A sender that knows no ticket pages says nothing about them: leave the column alone.
    ...(wire.ticketUrl !== undefined ? { ticket_url: wire.ticketUrl } : {}),
    updated_at: wire.updatedAt,
    deleted_at: wire.deletedAt,
  }
}

export function activityTypeFields(row: ActivityTypeRowFields): Omit<ActivityTypeWire, 'version'> {
  return { id: row.id, name: row.name, active: row.active === 1, isDefault: row.is_default === 1, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

export function activityTypeRow(wire: Omit<ActivityTypeWire, 'version'>): ActivityTypeRowFields {
  return { id: wire.id, name: wire.name, active: flag(wire.active), is_default: flag(wire.isDefault), updated_at: wire.updatedAt, deleted_at: wire.deletedAt }
}

export function customerFields(row: CustomerRowFields): Omit<CustomerWire, 'version'> {
  return { id: row.id, name: row.name, organisation: row.organisation ?? null, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

export function customerRow(wire: Omit<CustomerWire, 'version'>): CustomerRowFields {
  return {
    id: wire.id,
    name: wire.name,
    // A sender that knows no organisations says nothing about them: leave the column alone.
    ...(wire.organisation !== undefined ? { organisation: wire.organisation } : {}),
    updated_at: wire.updatedAt,
    deleted_at: wire.deletedAt,
  }
}

export function contractFields(row: ContractRowFields): Omit<ContractWire, 'version'> {
  return { id: row.id, customerId: row.customer_id, name: row.name, includedMinutes: row.included_minutes, updatedAt: row.updated_at, deletedAt: row.deleted_at }
}

export function contractRow(wire: Omit<ContractWire, 'version'>): ContractRowFields {
  return { id: wire.id, customer_id: wire.customerId, name: wire.name, included_minutes: wire.includedMinutes, updated_at: wire.updatedAt, deleted_at: wire.deletedAt }
}
