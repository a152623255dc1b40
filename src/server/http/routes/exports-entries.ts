// The team's raw entries as CSV rows for the export route: everyone the caller may see,
// with the report filters, read in pages by keyset (day, id) so that an export of any
// length holds one page at a time, on SQLite and PostgreSQL alike. The columns are the
// app's entries export with the person added (src/shared/export-columns.ts).
import type { ExpressionBuilder, Kysely } from 'kysely'
import { decimalHours, isoInstant, wholeMinutes, yesNo } from '@shared/csv-cells'
import type { EntryStatus } from '@shared/entries'
import type { TeamEntryCsvRow } from '@shared/export-columns'
import { UNKNOWN_LABEL, type ReportFilters } from '@shared/reports'
import type { ServerDatabase } from '../../db/schema'

export const TEAM_ENTRIES_PAGE_SIZE = 2_000

export interface TeamEntriesQuery {
  readonly from: string
  readonly to: string
  readonly filters: ReportFilters
  readonly includeVoided: boolean
  /** Whose entries: the caller's scope narrowed by the person filter; undefined for everyone (an administrator). */
  readonly userIds: readonly string[] | undefined
}

type Tables = ServerDatabase & {
  e: ServerDatabase['time_entries']
  w: ServerDatabase['work_items']
  c: ServerDatabase['customers']
}
type Builder = ExpressionBuilder<Tables, 'e' | 'w' | 'c'>
type Column = 'e.work_item_id' | 'e.activity_type_id' | 'w.customer_id' | 'w.contract_id' | 'c.organisation'

/** `column IN (ids)`, or `column IS NULL` too when the filter keeps rows without one (as the report's left joins see it). */
function idCondition(eb: Builder, column: Column, ids: readonly (string | null)[]) {
  const values = ids.filter((id): id is string => id !== null)
  const parts = []
  if (values.length > 0) parts.push(eb(column, 'in', values))
  if (ids.includes(null)) parts.push(eb(column, 'is', null))
  return eb.or(parts)
}

function statusesOf(query: TeamEntriesQuery): EntryStatus[] {
  const { statuses } = query.filters
  return query.includeVoided && !statuses.includes('voided') ? [...statuses, 'voided'] : [...statuses]
}

function pageQuery(db: Kysely<ServerDatabase>, query: TeamEntriesQuery, after: { day: string; id: string } | undefined, pageSize: number) {
  const { filters, userIds } = query
  const teamsNamed = (filters.teamIds ?? []).filter((id): id is string => id !== null)
  let select = db
    .selectFrom('time_entries as e')
    .leftJoin('work_items as w', 'w.id', 'e.work_item_id')
    .leftJoin('customers as c', 'c.id', 'w.customer_id')
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
      'c.name as customer',
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
  if (userIds !== undefined) select = select.where('e.user_id', 'in', [...userIds])
  if (filters.billable !== undefined) select = select.where('e.billable', '=', filters.billable ? 1 : 0)
  const { workItemIds, activityTypeIds, customerIds, contractIds, organisations, teamIds } = filters
  if (workItemIds !== undefined) select = select.where((eb) => idCondition(eb, 'e.work_item_id', workItemIds))
  if (activityTypeIds !== undefined) select = select.where((eb) => idCondition(eb, 'e.activity_type_id', activityTypeIds))
  if (customerIds !== undefined) select = select.where((eb) => idCondition(eb, 'w.customer_id', customerIds))
  if (contractIds !== undefined) select = select.where((eb) => idCondition(eb, 'w.contract_id', contractIds))
  if (organisations !== undefined) select = select.where((eb) => idCondition(eb, 'c.organisation', organisations))
  if (teamIds !== undefined) {
    select = select.where((eb) => {
      const parts = []
      if (teamsNamed.length > 0) parts.push(eb('e.user_id', 'in', eb.selectFrom('team_members').select('team_members.user_id').where('team_members.team_id', 'in', teamsNamed)))
      if (teamIds.includes(null)) parts.push(eb.not(eb.exists(eb.selectFrom('team_members as lone').select('lone.user_id').whereRef('lone.user_id', '=', 'e.user_id'))))
      return eb.or(parts)
    })
  }
  if (after === undefined) select = select.where('e.day', '>=', query.from)
  else select = select.where('e.day', '>=', after.day).where((eb) => eb.or([eb('e.day', '>', after.day), eb('e.id', '>', after.id)]))
  return select.orderBy('e.day').orderBy('e.id').limit(pageSize)
}

/** The entries `query` asks for as pages of CSV rows, in day order, then by id, each exactly once. */
export async function* teamEntriesCsvPages(db: Kysely<ServerDatabase>, query: TeamEntriesQuery, pageSize = TEAM_ENTRIES_PAGE_SIZE): AsyncGenerator<TeamEntryCsvRow[], void, undefined> {
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
        billable: yesNo(row.billable),
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
