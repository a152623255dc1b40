// Overlapped time on this device: how much of each entry's runs another billable entry of
// the person also ran (src/shared/billing/entry-overlap.ts), read in a second pass over
// the ranges of the entries in a span (the report engine's SQL sums entries; overlap needs
// their runs side by side). Then summed into a report's rows and totals as the
// "Overlapped" measure. A second pass, not a stored column: nothing to keep up to date on
// every write of a range, and a year of one person's entries reads in well under a second.
import type { Kysely } from 'kysely'
import { overlappedSecondsByEntry } from '@shared/billing/entry-overlap'
import { addDays, periodContaining } from '@shared/periods'
import type { ReportDimension, ReportQuery, ReportResult } from '@shared/reports'
import { BILLABLE_ID, NON_BILLABLE_ID } from '@shared/reports/labels'
import type { Database } from '../db/schema'
import { liveEntries } from '../entries/entry-reads'

const CHUNK = 500

/**
 * Overlapped seconds of the person's live entries on the days `from`–`to`, by entry id
 * (entries without any are left out). Entries a day either side are read too: a run just
 * before midnight overlaps one just after it.
 */
export async function overlappedSecondsOf(db: Kysely<Database>, userId: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await liveEntries(db, userId, addDays(from, -1), addDays(to, 1)).execute()
  const billable = rows.filter((row) => row.billable === 1).map((row) => row.id)
  const runs: { entryId: string; startedAt: number; endedAt: number; billable: boolean }[] = []
  for (let start = 0; start < billable.length; start += CHUNK) {
    const found = await db.selectFrom('time_entry_ranges').select(['entry_id', 'started_at', 'ended_at']).where('entry_id', 'in', billable.slice(start, start + CHUNK)).execute()
    for (const r of found) runs.push({ entryId: r.entry_id, startedAt: r.started_at, endedAt: r.ended_at, billable: true })
  }
  const overlapped = overlappedSecondsByEntry(runs)
  const inSpan = new Set(rows.filter((row) => row.day >= from && row.day <= to).map((row) => row.id))
  for (const id of overlapped.keys()) if (!inSpan.has(id)) overlapped.delete(id)
  return overlapped
}

interface OverlappedEntry {
  id: string
  day: string
  work_item_id: string | null
  activity_type_id: string | null
  status: string
  billable: number
  customer_id: string | null
  contract_id: string | null
  organisation: string | null
}

/** `ids` keeps `id` (a list; null in it keeps "none"); no list keeps everything. */
const kept = (ids: readonly (string | null)[] | undefined, id: string | null) => ids === undefined || ids.includes(id)

/** Whether an entry passes the report's filters, as the engine's SQL applies them. */
function passes(entry: OverlappedEntry, filters: ReportQuery['filters']): boolean {
  return (
    (filters.statuses as readonly string[]).includes(entry.status) &&
    kept(filters.customerIds, entry.customer_id) &&
    kept(filters.organisations, entry.organisation) &&
    kept(filters.contractIds, entry.contract_id) &&
    kept(filters.workItemIds, entry.work_item_id) &&
    kept(filters.activityTypeIds, entry.activity_type_id) &&
    (filters.billable === undefined || filters.billable === (entry.billable === 1))
  )
}

/** The entry's key id for one grouping, as the engine names its rows. */
function keyOf(entry: OverlappedEntry, dimension: ReportDimension, weekStartsOn: ReportQuery['weekStartsOn']): string | null {
  switch (dimension) {
    case 'day':
      return entry.day
    case 'week':
      return periodContaining(entry.day, { kind: 'weekly', weekStartsOn }).start
    case 'month':
      return entry.day.slice(0, 7)
    case 'customer':
      return entry.customer_id
    case 'organisation':
      return entry.organisation
    case 'contract':
      return entry.contract_id
    case 'workItem':
      return entry.work_item_id
    case 'activityType':
      return entry.activity_type_id
    case 'status':
      return entry.status
    case 'billable':
      return entry.billable === 1 ? BILLABLE_ID : NON_BILLABLE_ID
    default:
      // Person and team: a device reports one person's time and refuses those groupings first.
      return null
  }
}

/** The report with its "Overlapped" measure: each row's and the totals' overlapped seconds of the entries they count. */
export async function withOverlap(db: Kysely<Database>, userId: string, result: ReportResult): Promise<ReportResult> {
  const { query } = result
  const overlapped = await overlappedSecondsOf(db, userId, query.from, query.to)
  const ids = [...overlapped.keys()]
  const entries: OverlappedEntry[] = []
  for (let start = 0; start < ids.length; start += CHUNK) {
    entries.push(
      ...(await db
        .selectFrom('time_entries as e')
        .leftJoin('work_items as w', 'w.id', 'e.work_item_id')
        .leftJoin('customers as cu', 'cu.id', 'w.customer_id')
        .select(['e.id', 'e.day', 'e.work_item_id', 'e.activity_type_id', 'e.status', 'e.billable', 'w.customer_id', 'w.contract_id', 'cu.organisation'])
        .where('e.id', 'in', ids.slice(start, start + CHUNK))
        .execute()),
    )
  }
  const byRow = new Map<string, number>()
  let total = 0
  for (const entry of entries) {
    if (!passes(entry, query.filters)) continue
    const seconds = overlapped.get(entry.id) ?? 0
    total += seconds
    const key = JSON.stringify(query.groupBy.map((dimension) => keyOf(entry, dimension, query.weekStartsOn)))
    byRow.set(key, (byRow.get(key) ?? 0) + seconds)
  }
  return {
    ...result,
    rows: result.rows.map((row) => ({ ...row, overlappedSeconds: byRow.get(JSON.stringify(row.keys.map((key) => key.id))) ?? 0 })),
    totals: { ...result.totals, overlappedSeconds: total },
  }
}
