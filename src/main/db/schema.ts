// Row types of the local SQLite database, one interface per table. Kysely converts
// nothing: SQLite has no booleans or dates, so instants are integer ms and flags 0/1.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { TicketSystemKind } from '@shared/ticket-systems/connector'

/** Columns every synced row carries (see DESIGN.md, data rules). */
interface Synced {
  created_at: number
  updated_at: number
  version: Generated<number>
  deleted_at: number | null
}

export type Flag = 0 | 1

export interface TimersTable extends Synced {
  id: string
  slot: number
  label: string
  color: string
  state: 'idle' | 'running' | 'paused'
  work_item_id: string | null
  activity_type_id: string | null
  billable: Generated<Flag>
  note: Generated<string>
  /** Marked as the primary timer (migration 0016): bills shared time under the `primary` overlap rule. */
  is_primary: Generated<Flag>
}

export interface TimerSegmentsTable {
  id: string
  timer_id: string
  started_at: number
  ended_at: number | null
  /** IANA zone the segment ran in: days are split in it later, whatever zone the machine is in then. */
  time_zone: string
  created_at: number
  updated_at: number
  booked_at: number | null
  discarded_at: number | null
  /** The run was marked primary (migration 0016). */
  is_primary: Generated<Flag>
}

export interface CustomersTable extends Synced {
  server_version: Generated<number | null>
  id: string
  name: string
  /** The group the customer belongs to ("Acme Group"); null for none. */
  organisation: Generated<string | null>
}

export interface ContractsTable extends Synced {
  server_version: Generated<number | null>
  id: string
  customer_id: string
  name: string
  included_minutes: number | null
}

export type WorkItemKind = 'ticket' | 'work_order' | 'task' | 'general'

export interface WorkItemsTable extends Synced {
  server_version: Generated<number | null>
  id: string
  kind: WorkItemKind
  reference: string | null
  title: string
  customer_id: string | null
  contract_id: string | null
  /** The ticket's page in its ticket system (src/shared/ticket-url.ts), null for none. */
  ticket_url: Generated<string | null>
  billable: Flag
  active: Flag
  favourite: Generated<Flag>
}

export interface ActivityTypesTable extends Synced {
  server_version: Generated<number | null>
  id: string
  name: string
  active: Flag
  is_default: Flag
}

export type EntrySource = 'timer' | 'grid' | 'manual'
export type EntryStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'voided'

export interface TimeEntriesTable extends Synced {
  /** The server's version of this row as last seen; null until the server has it. */
  server_version: Generated<number | null>
  id: string
  /** Whose time this is (app_state 'user_id' on this device). */
  user_id: string
  day: string
  work_item_id: string | null
  activity_type_id: string | null
  billable: Flag
  description: string
  source: EntrySource
  raw_seconds: number
  rounded_seconds: number
  status: EntryStatus
  timer_id: string | null
  time_zone: string | null
}

export interface TimeEntryRangesTable {
  id: string
  entry_id: string
  started_at: number
  ended_at: number
  /** The run was marked primary (migration 0016). */
  is_primary: Generated<Flag>
}

export interface TimerPromptsTable {
  id: string
  kind: 'crash-gap' | 'idle'
  timer_id: string
  from_at: number
  to_at: number
  created_at: number
  resolved_at: number | null
  resolution: string | null
}

/** Timer time that fell into a locked period, waiting for the user's answer (see migration 0010). */
export interface HeldTimeTable {
  id: string
  user_id: string
  timer_id: string | null
  /** The timer's label when the time was held. */
  label: string
  work_item_id: string | null
  activity_type_id: string | null
  billable: Flag
  description: Generated<string>
  /** asking: a question waits; aside: kept until its period is reopened; booked, discarded: answered. */
  state: 'asking' | 'aside' | 'booked' | 'discarded'
  created_at: number
  updated_at: number
  resolution: string | null
}

export interface HeldTimeRangesTable {
  id: string
  held_id: string
  day: string
  started_at: number
  ended_at: number
  time_zone: string
  /** The run was marked primary (migration 0016). */
  is_primary: Generated<Flag>
}

export type PeriodStatus = 'open' | 'submitted' | 'approved' | 'rejected'

export interface PeriodsTable extends Synced {
  /** The approval level a submitted period waits for. */
  level: Generated<1 | 2 | null>
  server_version: Generated<number | null>
  id: string
  user_id: string
  start_day: string
  end_day: string
  status: Generated<PeriodStatus>
  reason: string | null
}

export interface PeriodEventsTable {
  id: string
  period_id: string
  from_status: string
  to_status: string
  reason: string | null
  actor: string
  at: number
}

export interface TimesheetRowsTable extends Synced {
  id: string
  user_id: string
  period_start: string
  work_item_id: string | null
  activity_type_id: string | null
  billable: Flag
}

export interface CellNotesTable extends Synced {
  id: string
  user_id: string
  day: string
  work_item_id: string | null
  activity_type_id: string | null
  billable: Flag
  note: string
}

export type OutboxEntity = 'entry' | 'workItem' | 'activityType' | 'customer' | 'contract' | 'period.submit' | 'period.withdraw'

export interface SyncOutboxTable {
  seq: Generated<number>
  entity: OutboxEntity
  entity_id: string
  /** Given when the change is first put in a batch, and kept across retries. */
  mutation_id: string | null
  /** The mutation as sent (JSON), fixed once batched. */
  payload: string | null
  batch_id: string | null
  created_at: number
}

export interface SyncIssuesTable {
  id: string
  kind: 'conflict' | 'refused'
  entity: string
  entity_id: string
  mutation: string
  server_copy: string | null
  reason: string
  /** The reason's refusal id, when the server sent one (0011); null for older issues. */
  message_id: string | null
  /** Its values as a JSON object, or null. */
  message_values: string | null
  created_at: number
  resolved_at: number | null
  resolution: string | null
}

/** A contract usage level already announced for a month (see reports/usage-alerts.ts). */
export interface UsageAlertsTable {
  month: string
  contract_id: string
  level: 'warning' | 'over'
  announced_at: number
}

export interface AppStateTable {
  key: string
  value: string
}

/** A ticket system a standalone technician writes their approved time to; its credentials are in the secret store, never here. */
export interface TicketSystemsTable {
  id: string
  kind: TicketSystemKind
  name: string
  base_url: string
  /** JSON: Stint activity type id → the system's activity id. */
  activity_map: Generated<string>
  active: Generated<Flag>
  created_at: number
  updated_at: number
}

export type TicketWriteState = 'waiting' | 'written' | 'failed' | 'reverse_waiting' | 'reverse_failed' | 'reversed' | 'cancelled'

/** One version of one entry written (or to be written) to a ticket, and taken back when it changed after a reopen (migration 0013). */
export interface TicketWritesTable {
  id: string
  entry_id: string
  entry_version: number
  user_id: string
  day: string
  system_id: string
  ticket_url: string
  ticket_id: string | null
  write_key: string
  fingerprint: string
  seconds: number
  activity_type_id: string | null
  comment: Generated<string>
  /** JSON of the TimeWrite sent, so a reversal takes back exactly that. */
  sent: string | null
  state: TicketWriteState
  external_id: string | null
  url: string | null
  last_error: string | null
  attempts: Generated<number>
  next_attempt_at: number
  lease_owner: string | null
  lease_until: number | null
  created_at: number
  updated_at: number
}

/** The device's billing settings: one row, id 1 (migration 0014). */
export interface BillingSettingsTable {
  id: 1
  currency: string
  overlap_rule: 'full' | 'split' | 'primary'
  rounding_mode: 'none' | 'up' | 'down' | 'nearest'
  rounding_minutes: number
  rounding_minimum_minutes: number
  rounding_scope: 'entry' | 'dayWorkItem'
  /** Working days as '1,2,3,4,5' (0 = Sunday). */
  workdays: string
  work_start_minute: number
  work_end_minute: number
  updated_at: number
}

/** An hourly rate in minor units: of an activity type, or a customer's or contract's for one activity type or all ('*'). */
export interface BillingRatesTable {
  scope: 'activity' | 'customer' | 'contract'
  scope_id: string
  activity_type_id: string
  hourly_minor: number
}

export interface BillingClassRatesTable {
  rate_class: 'afterHours' | 'weekend' | 'holiday'
  /** multiplier: value in basis points of the rate; rate: value is an hourly rate of its own. */
  kind: 'multiplier' | 'rate'
  value: number
}

export interface BillingHolidaysTable {
  day: string
  name: string
}

/** A contract's own billing rules; null columns follow the device's settings. */
export interface ContractBillingTable {
  contract_id: string
  overlap_rule: 'full' | 'split' | 'primary' | null
  rounding_mode: 'none' | 'up' | 'down' | 'nearest' | null
  rounding_minutes: number | null
  rounding_minimum_minutes: number | null
  rounding_scope: 'entry' | 'dayWorkItem' | null
}

/** A saved billing run: the settings it used, its snapshot (run-diff.ts) and its bills, as JSON. */
export interface BillingRunsTable {
  id: string
  from_day: string
  to_day: string
  group_by: 'contract' | 'workItem' | 'activityType'
  currency: string
  created_at: number
  settings: string
  snapshot: string
  bills: string
  total_minor: number
  billed_seconds: number
  left_out_count: number
}

/** A row booked from another tracker's CSV export: importing the same file again books nothing new. */
export interface ImportedRowsTable {
  user_id: string
  source: 'toggl' | 'clockify' | 'harvest' | 'kimai'
  row_key: string
  entry_id: string
  file_name: string
  imported_at: number
}

export interface Database {
  timers: TimersTable
  timer_segments: TimerSegmentsTable
  customers: CustomersTable
  contracts: ContractsTable
  work_items: WorkItemsTable
  activity_types: ActivityTypesTable
  time_entries: TimeEntriesTable
  time_entry_ranges: TimeEntryRangesTable
  timer_prompts: TimerPromptsTable
  held_time: HeldTimeTable
  held_time_ranges: HeldTimeRangesTable
  app_state: AppStateTable
  periods: PeriodsTable
  period_events: PeriodEventsTable
  sync_outbox: SyncOutboxTable
  sync_issues: SyncIssuesTable
  timesheet_rows: TimesheetRowsTable
  cell_notes: CellNotesTable
  usage_alerts: UsageAlertsTable
  ticket_systems: TicketSystemsTable
  ticket_writes: TicketWritesTable
  billing_settings: BillingSettingsTable
  billing_rates: BillingRatesTable
  billing_class_rates: BillingClassRatesTable
  billing_holidays: BillingHolidaysTable
  contract_billing: ContractBillingTable
  billing_runs: BillingRunsTable
  imported_rows: ImportedRowsTable
}

export type TimerRow = Selectable<TimersTable>
export type TimerSegmentRow = Selectable<TimerSegmentsTable>
export type WorkItemRow = Selectable<WorkItemsTable>
export type NewWorkItemRow = Insertable<WorkItemsTable>
export type WorkItemUpdate = Updateable<WorkItemsTable>
export type ActivityTypeRow = Selectable<ActivityTypesTable>
export type TimeEntryRow = Selectable<TimeEntriesTable>
export type TimerPromptRow = Selectable<TimerPromptsTable>
