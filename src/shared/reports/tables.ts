// What the report engine reads, as the columns the app's SQLite and the team server's
// SQLite or PostgreSQL schemas have in common. Callers hand their own Kysely over
// through a cast (`db as unknown as Kysely<ReportTables>`): their tables have more
// columns, and Kysely's types are invariant in the database shape.
import type { Kysely } from 'kysely'

export interface ReportEntriesTable {
  id: string
  user_id: string
  day: string
  work_item_id: string | null
  activity_type_id: string | null
  billable: number
  rounded_seconds: number
  raw_seconds: number
  status: string
  description: string
  source: string
  created_at: number
  deleted_at: number | null
}

export interface ReportWorkItemsTable {
  id: string
  reference: string | null
  title: string
  customer_id: string | null
  contract_id: string | null
  created_at: number
  deleted_at: number | null
}

export interface ReportCustomersTable {
  id: string
  name: string
  /** Free text ("Acme Group"); null when the customer belongs to none. */
  organisation: string | null
  deleted_at: number | null
}

export interface ReportContractsTable {
  id: string
  customer_id: string
  name: string
  included_minutes: number | null
  deleted_at: number | null
}

export interface ReportActivityTypesTable {
  id: string
  name: string
}

/** The tables both databases have. */
export interface ReportTables {
  time_entries: ReportEntriesTable
  work_items: ReportWorkItemsTable
  customers: ReportCustomersTable
  contracts: ReportContractsTable
  activity_types: ReportActivityTypesTable
}

/** A run of an entry (ms since the epoch): the overlapped measure reads them (overlap.ts). */
export interface ReportRunsTable {
  entry_id: string
  started_at: number
  ended_at: number
}

/** Where each side keeps the runs: the app in time_entry_ranges, the team server (from sync) in entry_runs. */
// A type, not an interface: Kysely's withTables wants an index signature.
export type ReportRunTables = {
  time_entry_ranges: ReportRunsTable
  entry_runs: ReportRunsTable
}

/** People and teams: only the team server has them. */
export interface TeamReportTables extends ReportTables {
  users: { id: string; name: string; deactivated_at: number | null }
  teams: { id: string; name: string }
  team_members: { team_id: string; user_id: string }
}

/**
 * Where a report reads from. 'local' is the app's own database: one person's time, no
 * people or teams, so grouping or filtering by them is refused. 'team' is the team
 * server's, with people and teams. `runsTable` names the table of the entries' runs.
 */
export type ReportStore =
  | { readonly kind: 'local'; readonly db: Kysely<ReportTables>; readonly runsTable: 'time_entry_ranges' }
  | { readonly kind: 'team'; readonly db: Kysely<TeamReportTables>; readonly runsTable: 'entry_runs' }

/** Whose time a report may count, decided by the caller (the app: its own user; the server: who the caller may see). */
export interface ReportScope {
  /** The people whose entries count; undefined for everyone in the database (an administrator). */
  readonly userIds?: readonly string[] | undefined
}
