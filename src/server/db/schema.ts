// Row types of the team server's database, one interface per table, the same for SQLite
// and PostgreSQL. Kysely converts nothing, so the types say what both return: flags are
// 0/1, instants BIGINT milliseconds (parsed to numbers on PostgreSQL), days 'YYYY-MM-DD'.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { TicketSystemKind } from '@shared/ticket-systems/connector'
import type { ReferenceSeq, UserSeq } from './change-streams'

export type Flag = 0 | 1

/** Columns every synced row carries: DESIGN.md's data rules plus the change stamp, a number of stream S. */
interface Synced<S extends number> {
  created_at: number
  updated_at: number
  version: Generated<number>
  deleted_at: number | null
  /**
   * The change number of this row's last change, from its stream (change-streams.ts):
   * written only as that stream's number, read as a plain number.
   */
  seq: ColumnType<number, S, S>
}

/** Reference data may be made by a device (its user) or by an admin (null). */
interface SyncedReference extends Synced<ReferenceSeq> {
  created_by: string | null
  /** 1 once an admin made or changed the row: from then on only admins change it (src/server/org/authority.ts). */
  admin_managed: Flag
  /**
   * The key look-alikes share (src/shared/org-data.ts); read as possibly null (rows of an
   * older server), but every write must give it, so no path can leave it out.
   */
  name_key: ColumnType<string | null, string, string>
}

export interface OrgTable {
  id: string
  name: string
  /** JSON of the shared PeriodRule. */
  period_rule: Generated<string>
  /** The reference stream's counter: customers, contracts, activity types, work items (change-streams.ts). */
  change_seq: Generated<number>
  created_at: number
  updated_at: number
}

export type Role = 'member' | 'approver' | 'admin'

export interface UsersTable {
  id: string
  name: string
  /** Always lower case. */
  email: string
  role: Role
  created_at: number
  updated_at: number
  deactivated_at: number | null
}

export type ApprovalPattern = 'none' | 'one' | 'two'

export interface TeamsTable {
  id: string
  name: string
  approval_pattern: Generated<ApprovalPattern>
  created_at: number
  updated_at: number
}

export interface TeamMembersTable {
  team_id: string
  user_id: string
}

export type ApprovalLevel = 1 | 2

export interface TeamApproversTable {
  team_id: string
  level: ApprovalLevel
  user_id: string
}

export interface DeviceTokensTable {
  id: string
  user_id: string
  label: string
  /** Hex SHA-256 of the token; the token itself is never stored. */
  token_hash: string
  created_at: number
  last_used_at: number | null
  revoked_at: number | null
}

export interface CustomersTable extends SyncedReference {
  id: string
  name: string
  /** The group the customer belongs to ("Acme Group"); null for none. */
  organisation: Generated<string | null>
}

export interface ContractsTable extends SyncedReference {
  id: string
  customer_id: string
  name: string
  included_minutes: number | null
}

export interface ActivityTypesTable extends SyncedReference {
  id: string
  name: string
  active: Generated<Flag>
  is_default: Generated<Flag>
}

export type WorkItemKind = 'ticket' | 'work_order' | 'task' | 'general'

export interface WorkItemsTable extends SyncedReference {
  id: string
  kind: WorkItemKind
  reference: string | null
  title: string
  customer_id: string | null
  contract_id: string | null
  /** The ticket's page in its ticket system (src/shared/ticket-url.ts), null for none. */
  ticket_url: Generated<string | null>
  billable: Generated<Flag>
  active: Generated<Flag>
}

export type EntrySource = 'timer' | 'grid' | 'manual'
export type EntryStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'voided'

export interface TimeEntriesTable extends Synced<UserSeq> {
  id: string
  user_id: string
  day: string
  work_item_id: string | null
  activity_type_id: string | null
  billable: Flag
  description: Generated<string>
  source: EntrySource
  raw_seconds: number
  rounded_seconds: number
  status: Generated<EntryStatus>
}

export type PeriodStatus = 'open' | 'submitted' | 'approved' | 'rejected'

export interface PeriodsTable extends Synced<UserSeq> {
  id: string
  user_id: string
  start_day: string
  end_day: string
  status: Generated<PeriodStatus>
  /** The approval level the period waits for while submitted. */
  level: ApprovalLevel | null
  reason: string | null
  submitted_at: number | null
}

export interface PeriodEventsTable {
  id: string
  period_id: string
  actor_id: string
  at: number
  from_status: string
  to_status: string
  level: ApprovalLevel | null
  reason: string | null
}

export interface AppliedMutationsTable {
  /** The client's mutation id: a retried push finds its first answer here. */
  id: string
  user_id: string
  /** JSON of the answer given the first time. */
  result: string
  at: number
}

/** One row: the database's epoch, new after every restore (see db/epoch.ts). */
export interface DatabaseEpochTable {
  id: number
  epoch: string
}

/** One person's change stream: the counter their entries and periods are numbered from (change-streams.ts). */
export interface ChangeStreamsTable {
  user_id: string
  change_seq: number
}

export interface TicketSystemsTable {
  id: string
  kind: TicketSystemKind
  name: string
  /** The system's address; a work item's ticket_url under it belongs to this system. */
  base_url: string
  /** Encrypted JSON of the connector's credentials (writeback/secrets.ts); never leaves the server. */
  credentials: string
  /** JSON: Stint activity type id → the system's activity id. */
  activity_map: Generated<string>
  /** JSON: Stint user id → the system's user id. */
  user_map: Generated<string>
  active: Generated<Flag>
  created_at: number
  updated_at: number
}

export type TicketWriteState = 'waiting' | 'written' | 'failed' | 'reverse_waiting' | 'reverse_failed' | 'reversed' | 'cancelled'

/** One version of one entry written (or to be written) to a ticket, and taken back when voided or changed. */
export interface TicketWritesTable {
  id: string
  entry_id: string
  /** The entry's version when it was approved: the write key is `<entry_id>/v<entry_version>`. */
  entry_version: number
  user_id: string
  day: string
  system_id: string
  ticket_url: string
  /** The ticket as the system numbers it, from ticket_url; null until a worker first read it. */
  ticket_id: string | null
  write_key: string
  /** What was approved (ticket, day, seconds, activity, comment): an unchanged entry keeps its write when approved again. */
  fingerprint: string
  seconds: number
  activity_type_id: string | null
  comment: Generated<string>
  /** JSON of the TimeWrite sent (mapped activity and user), so a reversal takes back exactly that. */
  sent: string | null
  state: TicketWriteState
  external_id: string | null
  url: string | null
  /** The system's reason for the last failure (or ours, for a missing mapping). */
  last_error: string | null
  attempts: Generated<number>
  next_attempt_at: number
  lease_owner: string | null
  lease_until: number | null
  created_at: number
  updated_at: number
}

/** One row (id 1): the organisation's billing settings; JSON columns are checked by billing/billing-settings.ts. */
export interface BillingSettingsTable {
  id: 1
  currency: string
  overlap_rule: 'full' | 'split' | 'primary'
  /** JSON of the shared BillingRounding. */
  rounding: string
  /** JSON: workdays, workStartMinute, workEndMinute. */
  calendar: string
  /** JSON: the rate classes' multipliers or own rates. */
  classes: string
  updated_at: number
}

export interface BillingHolidaysTable {
  day: string
  name: string
}

export type RateScope = 'activity' | 'customer' | 'contract'

/** An hourly rate in minor units: an activity type's own (scope activity, target_id ''), or a customer's or contract's (target_id) for one activity type or '*'. */
export interface BillingRatesTable {
  scope: RateScope
  target_id: string
  activity_type_id: string
  hourly_minor: number
}

export interface ContractBillingTable {
  contract_id: string
  overlap_rule: 'full' | 'split' | 'primary' | null
  /** JSON of the shared BillingRounding; null: the organisation's. */
  rounding: string | null
}

/** A timer run an entry's time came from, in the zone it was recorded in. */
export interface EntryRunsTable {
  entry_id: string
  started_at: number
  ended_at: number
  zone: string
  is_primary: Generated<Flag>
}

export interface BillingRunsTable {
  id: string
  from_day: string
  to_day: string
  group_by: 'contract' | 'workItem' | 'activityType'
  /** The admin who ran it; null from the server's command line. */
  created_by: string | null
  created_at: number
  currency: string
  total_minor: number
  /** JSON of the settings used. */
  settings: string
  /** JSON of the bills and what was left out. */
  result: string
  /** JSON of run-diff's RunSnapshot. */
  snapshot: string
}

export interface ServerDatabase {
  org: OrgTable
  users: UsersTable
  teams: TeamsTable
  team_members: TeamMembersTable
  team_approvers: TeamApproversTable
  device_tokens: DeviceTokensTable
  customers: CustomersTable
  contracts: ContractsTable
  activity_types: ActivityTypesTable
  work_items: WorkItemsTable
  time_entries: TimeEntriesTable
  periods: PeriodsTable
  period_events: PeriodEventsTable
  applied_mutations: AppliedMutationsTable
  database_epoch: DatabaseEpochTable
  change_streams: ChangeStreamsTable
  ticket_systems: TicketSystemsTable
  ticket_writes: TicketWritesTable
  billing_settings: BillingSettingsTable
  billing_holidays: BillingHolidaysTable
  billing_rates: BillingRatesTable
  contract_billing: ContractBillingTable
  entry_runs: EntryRunsTable
  billing_runs: BillingRunsTable
}

export type OrgRow = Selectable<OrgTable>
export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type TeamRow = Selectable<TeamsTable>
export type DeviceTokenRow = Selectable<DeviceTokensTable>
