// Names for the groups of a report: one query per named dimension for just the ids the
// report found (deleted customers and work items keep their names: their time still
// counts), and fixed words for days, weeks, months, organisations, statuses and billable.
import type { Kysely } from 'kysely'
import type { EntryStatus } from '../entries'
import { periodLabel, type Weekday } from '../periods'
import { NONE_LABEL, NO_CUSTOMER_LABEL, NO_ORGANISATION_LABEL, UNKNOWN_LABEL, type ReportDimension } from '../reports'
import type { TeamReportTables } from './tables'

/** Ids per query: far below both databases' parameter limits. */
const CHUNK = 500

const STATUS_LABELS: Readonly<Record<EntryStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  voided: 'Voided',
}

export const BILLABLE_ID = 'billable'
export const NON_BILLABLE_ID = 'non-billable'

/** "T-1042 · Printer offline", or the title alone for a work item without a reference. */
export function workItemLabel(reference: string | null, title: string): string {
  return reference === null || reference === '' ? title : `${reference} · ${title}`
}

/** The label of a group that needs no lookup: time spans, statuses, billable. */
export function fixedLabel(dimension: ReportDimension, id: string, weekStartsOn: Weekday): string | undefined {
  switch (dimension) {
    // An organisation is its own name: there is no row to look up.
    case 'day':
    case 'month':
    case 'organisation':
      return id
    case 'week':
      return periodLabel({ start: id, end: id }, { kind: 'weekly', weekStartsOn })
    case 'status':
      return STATUS_LABELS[id as EntryStatus] ?? id
    case 'billable':
      return id === BILLABLE_ID ? 'Billable' : 'Non-billable'
    default:
      return undefined
  }
}

async function lookUp(ids: readonly string[], read: (chunk: string[]) => Promise<{ id: string; label: string }[]>): Promise<Map<string, string>> {
  const labels = new Map<string, string>()
  for (let start = 0; start < ids.length; start += CHUNK) {
    for (const row of await read(ids.slice(start, start + CHUNK))) labels.set(row.id, row.label)
  }
  return labels
}

/** Names of the given ids of a named dimension (customer, contract, work item, activity type, person, team). */
export async function entityLabels(db: Kysely<TeamReportTables>, dimension: ReportDimension, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  switch (dimension) {
    case 'customer':
      return lookUp(ids, (chunk) => db.selectFrom('customers').select(['id', 'name as label']).where('id', 'in', chunk).execute())
    case 'contract':
      return lookUp(ids, (chunk) => db.selectFrom('contracts').select(['id', 'name as label']).where('id', 'in', chunk).execute())
    case 'activityType':
      return lookUp(ids, (chunk) => db.selectFrom('activity_types').select(['id', 'name as label']).where('id', 'in', chunk).execute())
    case 'user':
      return lookUp(ids, (chunk) => db.selectFrom('users').select(['id', 'name as label']).where('id', 'in', chunk).execute())
    case 'team':
      return lookUp(ids, (chunk) => db.selectFrom('teams').select(['id', 'name as label']).where('id', 'in', chunk).execute())
    case 'workItem':
      return lookUp(ids, async (chunk) =>
        (await db.selectFrom('work_items').select(['id', 'reference', 'title']).where('id', 'in', chunk).execute()).map((row) => ({
          id: row.id,
          label: workItemLabel(row.reference, row.title),
        })),
      )
    default:
      return new Map()
  }
}

/** The label of a group for null: "No customer", "(no organisation)", else "(none)". */
export function noneLabelOf(dimension: ReportDimension): string {
  return dimension === 'customer' ? NO_CUSTOMER_LABEL : dimension === 'organisation' ? NO_ORGANISATION_LABEL : NONE_LABEL
}

/** The label of a group: its none label for null, the fixed or looked-up name, "(unknown)" for an id with no row. */
export function labelOf(dimension: ReportDimension, id: string | null, weekStartsOn: Weekday, looked: ReadonlyMap<string, string> | undefined): string {
  if (id === null) return noneLabelOf(dimension)
  return fixedLabel(dimension, id, weekStartsOn) ?? looked?.get(id) ?? UNKNOWN_LABEL
}
