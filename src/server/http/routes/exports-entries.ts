// The team's raw entries as CSV rows for the export route: everyone the caller may see,
// with the report filters, read in pages by keyset (day, id) so that an export of any
// length holds one page at a time, on SQLite and PostgreSQL alike. The columns are the
// app's entries export with the person added (src/shared/export-columns.ts).
import type { Kysely } from 'kysely'
import { decimalHours, isoInstant, wholeMinutes, yesNo } from '@shared/csv-cells'
import type { EntryStatus } from '@shared/entries'
import type { TeamEntryCsvRow } from '@shared/export-columns'
import { UNKNOWN_LABEL, type ReportFilters } from '@shared/reports'
import { entryFilterConditions } from '@shared/reports/aggregate'
import type { TeamReportTables } from '@shared/reports/tables'

export const TEAM_ENTRIES_PAGE_SIZE = 2_000

export interface TeamEntriesQuery {
  readonly from: string
  readonly to: string
  readonly filters: ReportFilters
  readonly includeVoided: boolean
  /** Whose entries: the caller's scope narrowed by the person filter; undefined for everyone (an administrator). */
  readonly userIds: readonly string[] | undefined
}

function statusesOf(query: TeamEntriesQuery): EntryStatus[] {
  const { statuses } = query.filters
  return query.includeVoided && !statuses.includes('voided') ? [...statuses, 'voided'] : [...statuses]
}

function pageQuery(db: Kysely<TeamReportTables>, query: TeamEntriesQuery, after: { day: string; id: string } | undefined, pageSize: number) {
  const { userIds } = query
  let select = db
    .selectFrom('time_entries as e')
    // Aliased as the report's statement has them, so the report's filters apply as they are.
    .leftJoin('work_items as w', 'w.id', 'e.work_item_id')
    .leftJoin('customers as cu', 'cu.id', 'w.customer_id')
    .leftJoin('contracts as k', 'k.id', 'w.contract_id')
    .leftJoin('activity_types as a', 'a.id', 'e.activity_type_id')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select([
      'e.id',
      'e.day',
      'e.user_id',
      'u.name as user_name',
      'w.reference',
      'w.title',
      'cu.name as customer',
      'k.name as contract',
      'a.name as activity_type',
      'e.billable',
      'e.description',
      'e.source',
      'e.status',
      'e.rounded_seconds',
      'e.raw_seconds',
      'e.created_at',
    ])
    .where('e.deleted_at', 'is', null)
    .where('e.day', '<=', query.to)
    .where('e.status', 'in', statusesOf(query))
    .where((eb) => eb.and(entryFilterConditions(eb, query.filters)))
  if (userIds !== undefined) select = select.where('e.user_id', 'in', [...userIds])
  if (after === undefined) select = select.where('e.day', '>=', query.from)
  else select = select.where('e.day', '>=', after.day).where((eb) => eb.or([eb('e.day', '>', after.day), eb('e.id', '>', after.id)]))
  return select.orderBy('e.day').orderBy('e.id').limit(pageSize)
}

/** The entries `query` asks for as pages of CSV rows, in day order, then by id, each exactly once. */
export async function* teamEntriesCsvPages(db: Kysely<TeamReportTables>, query: TeamEntriesQuery, pageSize = TEAM_ENTRIES_PAGE_SIZE): AsyncGenerator<TeamEntryCsvRow[], void, undefined> {
  if (query.userIds !== undefined && query.userIds.length === 0) return
  let after: { day: string; id: string } | undefined
  for (;;) {
    const page = await pageQuery(db, query, after, pageSize).execute()
    if (page.length === 0) return
    yield page.map(
      (row): TeamEntryCsvRow => ({
        date: row.day,
        person: row.user_name ?? UNKNOWN_LABEL,
        work_item_reference: row.reference,
        work_item_title: row.title,
        customer: row.customer,
        contract: row.contract,
        activity_type: row.activity_type,
        billable: yesNo(row.billable !== 0),
        description: row.description,
        source: row.source,
        status: row.status,
        hours: decimalHours(row.rounded_seconds),
        minutes: wholeMinutes(row.rounded_seconds),
        raw_minutes: wholeMinutes(row.raw_seconds),
        created_at: isoInstant(row.created_at),
        entry_id: row.id,
        person_id: row.user_id,
      }),
    )
    const last = page.at(-1)
    if (last === undefined || page.length < pageSize) return
    after = { day: last.day, id: last.id }
  }
}
