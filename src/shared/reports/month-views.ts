// Month views over either database: every entry of a month (ordered by day, then when it
// was made), and the month's time per ticket (with the ticket's lifetime), per customer
// and per organisation. The database filters and sums (the report engine's one
// aggregate statement); this module names, orders and cuts the rows. monthViewPages
// reads every row in pages for a CSV export, entries by keyset so no page grows with
// the month.
import type { Kysely } from 'kysely'
import { refuse } from '../errors'
import type { EntryStatus } from '../entries'
import {
  MAX_MONTH_VIEW_ROWS,
  MonthViewQuerySchema,
  type MonthCustomerRow,
  type MonthEntryRow,
  type MonthOrganisationRow,
  type MonthTicketRow,
  type MonthViewKind,
  type MonthViewQuery,
  type MonthViewResult,
} from '../month-views'
import { periodContaining } from '../periods'
import { NO_CUSTOMER_LABEL, NO_ORGANISATION_LABEL, UNKNOWN_LABEL, type ReportSums } from '../reports'
import { SELF_ACTOR } from '../timesheet'
import { aggregateEntries, type AggregatePlan } from './aggregate'
import { teamTables } from './engine'
import type { ReportScope, ReportStore, TeamReportTables } from './tables'

/** Ids per lookup: far below both databases' parameter limits. */
const CHUNK = 500
/** Entries per page of monthViewPages. */
const DEFAULT_PAGE_SIZE = 1000
/** Every day a ticket can have time on: its lifetime. */
const FIRST_DAY = '0001-01-01'
const LAST_DAY = '9999-12-31'
/** Who booked an entry, where the device knows no name for its own user (shown in the reader's language). */
export const YOU = SELF_ACTOR

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** The row type of each view. */
export interface MonthViewRowOf {
  entries: MonthEntryRow
  tickets: MonthTicketRow
  customers: MonthCustomerRow
  organisations: MonthOrganisationRow
}
export type MonthViewRow = MonthViewRowOf[MonthViewKind]

export interface MonthViewOptions {
  /** Rows returned at most (rowCount still counts them all). */
  readonly limit?: number
  /** The person's name on a device ('local' store); "You" without one. The server uses its users' names. */
  readonly userName?: string | null
}

export interface MonthViewPagesOptions {
  readonly userName?: string | null
  /** Rows per page (tests make it small). */
  readonly pageSize?: number
}

/** A month view request checked against the schema; anything wrong is one invalid_request naming every problem. */
export function parseMonthViewQuery(input: unknown): MonthViewQuery {
  const parsed = MonthViewQuerySchema.safeParse(input)
  if (parsed.success) return parsed.data
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw refuse('invalid_request', 'refusal.monthView.notAnObject', { example: '{ "month": "2026-11", "view": "tickets" }' })
  }
  const problems = [
    ...new Set(
      parsed.error.issues.map((issue) => {
        if (issue.code === 'unrecognized_keys') return `${issue.keys.map((key) => `"${key}"`).join(', ')} ${issue.keys.length === 1 ? 'is' : 'are'} not part of a month view request.`
        if (issue.path[0] === 'view' && issue.code === 'invalid_value' && !('view' in input)) return 'Say which month view: entries, tickets, customers or organisations.'
        return issue.message
      }),
    ),
  ]
  throw refuse('invalid_request', 'refusal.monthView.notMade', { summary: problems.join(' ') })
}

interface Month {
  query: MonthViewQuery
  from: string
  to: string
  /** Whose entries count; undefined for everyone. */
  userIds: readonly string[] | undefined
  nobody: boolean
}

function monthOf(scope: ReportScope, input: unknown): Month {
  const query = parseMonthViewQuery(input)
  const { start: from, end: to } = periodContaining(`${query.month}-01`, { kind: 'monthly' })
  return { query, from, to, userIds: scope.userIds, nobody: scope.userIds !== undefined && scope.userIds.length === 0 }
}

function planOf(month: Month, columns: AggregatePlan['columns']): AggregatePlan {
  return { from: month.from, to: month.to, columns, statuses: month.query.statuses, userIds: month.userIds }
}

function sums(total: number, billable: number, count: number): ReportSums {
  return { totalSeconds: total, billableSeconds: billable, nonBillableSeconds: total - billable, entryCount: count }
}

async function totalsOf(db: Kysely<TeamReportTables>, month: Month): Promise<ReportSums> {
  if (month.nobody) return sums(0, 0, 0)
  const [all] = await aggregateEntries(db, planOf(month, []))
  return sums(all?.total ?? 0, all?.billable ?? 0, all?.count ?? 0)
}

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = []
  for (let start = 0; start < ids.length; start += CHUNK) rows.push(...(await read(ids.slice(start, start + CHUNK))))
  return rows
}

/** A text column as read; anything else (a driver's surprise) as null. */
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

// Entries

interface EntryCursor {
  day: string
  createdAt: number
  id: string
}

/** One page of the month's entries after `after`, in order: day, created_at, id. */
async function entryPage(store: ReportStore, month: Month, userName: string, after: EntryCursor | null, size: number): Promise<MonthEntryRow[]> {
  if (month.nobody || size <= 0) return []
  const db = teamTables(store)
  const onServer = store.kind === 'team'
  const rows = await db
    .selectFrom('time_entries as e')
    .leftJoin('work_items as w', 'w.id', 'e.work_item_id')
    .leftJoin('customers as cu', 'cu.id', 'w.customer_id')
    .leftJoin('activity_types as a', 'a.id', 'e.activity_type_id')
    // The device has no users table: only the server names people.
    .$if(onServer, (q) => q.leftJoin('users as u', 'u.id', 'e.user_id').select('u.name as user_name'))
    .select([
      'e.id',
      'e.day',
      'e.user_id',
      'e.billable',
      'e.rounded_seconds',
      'e.description',
      'e.status',
      'e.created_at',
      'e.work_item_id',
      'e.activity_type_id',
      'w.reference',
      'w.title',
      'w.customer_id',
      'cu.name as customer_name',
      'cu.organisation',
      'a.name as activity_type_name',
    ])
    .where('e.deleted_at', 'is', null)
    .where('e.day', '>=', month.from)
    .where('e.day', '<=', month.to)
    .where('e.status', 'in', [...month.query.statuses])
    .$if(month.userIds !== undefined, (q) => q.where('e.user_id', 'in', [...(month.userIds ?? [])]))
    .$if(after !== null, (q) =>
      q.where((eb) => {
        const { day, createdAt, id } = after as EntryCursor
        return eb.or([
          eb('e.day', '>', day),
          eb.and([eb('e.day', '=', day), eb('e.created_at', '>', createdAt)]),
          eb.and([eb('e.day', '=', day), eb('e.created_at', '=', createdAt), eb('e.id', '>', id)]),
        ])
      }),
    )
    .orderBy('e.day')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(size)
    .execute()
  return rows.map((row): MonthEntryRow => {
    const named = (row as { user_name?: unknown }).user_name
    return {
      entryId: row.id,
      day: row.day,
      reference: text(row.reference),
      // An entry on a work item this database has no row for still shows, as "(unknown)".
      title: row.work_item_id === null ? null : (text(row.title) ?? UNKNOWN_LABEL),
      workItemId: row.work_item_id,
      customerId: text(row.customer_id),
      customerName: row.customer_id === null ? null : (text(row.customer_name) ?? UNKNOWN_LABEL),
      organisation: text(row.organisation),
      userId: row.user_id,
      userName: onServer ? (text(named) ?? UNKNOWN_LABEL) : userName,
      activityTypeName: row.activity_type_id === null ? null : (text(row.activity_type_name) ?? UNKNOWN_LABEL),
      billable: row.billable === 1,
      seconds: row.rounded_seconds,
      description: row.description,
      status: row.status as EntryStatus,
      createdAt: row.created_at,
    }
  })
}

// Tickets

async function ticketRows(store: ReportStore, month: Month): Promise<MonthTicketRow[]> {
  if (month.nobody) return []
  const db = teamTables(store)
  const inMonth = (await aggregateEntries(db, planOf(month, ['workItem']))).filter((group) => typeof group.values[0] === 'string')
  const ids = inMonth.map((group) => String(group.values[0]))
  const lifetime = new Map<string, number>()
  const items = new Map<string, { reference: string | null; title: string; customerId: string | null; customerName: string | null; organisation: string | null; createdAt: number }>()
  await inChunks(ids, async (chunk) => {
    const life = await aggregateEntries(db, { from: FIRST_DAY, to: LAST_DAY, columns: ['workItem'], statuses: month.query.statuses, userIds: month.userIds, workItemIds: chunk })
    for (const group of life) lifetime.set(String(group.values[0]), group.total)
    const rows = await db
      .selectFrom('work_items as w')
      .leftJoin('customers as cu', 'cu.id', 'w.customer_id')
      .select(['w.id', 'w.reference', 'w.title', 'w.customer_id', 'w.created_at', 'cu.name as customer_name', 'cu.organisation'])
      .where('w.id', 'in', chunk)
      .execute()
    for (const row of rows) {
      items.set(row.id, {
        reference: text(row.reference),
        title: row.title,
        customerId: text(row.customer_id),
        customerName: row.customer_id === null ? null : (text(row.customer_name) ?? UNKNOWN_LABEL),
        organisation: text(row.organisation),
        createdAt: row.created_at,
      })
    }
    return []
  })
  const rows = inMonth.map((group): MonthTicketRow => {
    const id = String(group.values[0])
    const item = items.get(id)
    return {
      workItemId: id,
      reference: item?.reference ?? null,
      title: item?.title ?? UNKNOWN_LABEL,
      customerId: item?.customerId ?? null,
      customerName: item?.customerName ?? null,
      organisation: item?.organisation ?? null,
      monthSeconds: group.total,
      billableSeconds: group.billable,
      entryCount: group.count,
      lifetimeSeconds: lifetime.get(id) ?? group.total,
      createdAt: item ? item.createdAt : null,
    }
  })
  // By ticket number as people read them (HD-9 before HD-10), tickets without one after.
  return rows.sort((a, b) => {
    if (a.reference !== b.reference) {
      if (a.reference === null) return 1
      if (b.reference === null) return -1
      const byReference = collator.compare(a.reference, b.reference)
      if (byReference !== 0) return byReference
    }
    return collator.compare(a.title, b.title) || (a.workItemId < b.workItemId ? -1 : a.workItemId > b.workItemId ? 1 : 0)
  })
}

// Customers

async function customerNames(db: Kysely<TeamReportTables>, ids: readonly string[]): Promise<Map<string, { name: string; organisation: string | null }>> {
  const rows = await inChunks(ids, (chunk) => db.selectFrom('customers').select(['id', 'name', 'organisation']).where('id', 'in', chunk).execute())
  return new Map(rows.map((row) => [row.id, { name: row.name, organisation: text(row.organisation) }]))
}

async function customerRows(store: ReportStore, month: Month): Promise<MonthCustomerRow[]> {
  if (month.nobody) return []
  const db = teamTables(store)
  const groups = await aggregateEntries(db, planOf(month, ['customer', 'workItem']))
  const byCustomer = new Map<string | null, { total: number; billable: number; count: number; tickets: number }>()
  for (const group of groups) {
    const id = text(group.values[0])
    const sum = byCustomer.get(id) ?? { total: 0, billable: 0, count: 0, tickets: 0 }
    sum.total += group.total
    sum.billable += group.billable
    sum.count += group.count
    // Each (customer, work item) group is one ticket; time on no work item is none.
    if (group.values[1] !== null) sum.tickets += 1
    byCustomer.set(id, sum)
  }
  const names = await customerNames(db, [...byCustomer.keys()].filter((id): id is string => id !== null))
  const rows = [...byCustomer.entries()].map(([id, sum]): MonthCustomerRow => {
    const customer = id === null ? undefined : names.get(id)
    return {
      customerId: id,
      customerName: id === null ? NO_CUSTOMER_LABEL : (customer?.name ?? UNKNOWN_LABEL),
      organisation: customer?.organisation ?? null,
      monthSeconds: sum.total,
      billableSeconds: sum.billable,
      entryCount: sum.count,
      ticketCount: sum.tickets,
    }
  })
  return rows.sort((a, b) => {
    if (a.customerId === null || b.customerId === null) return a.customerId === b.customerId ? 0 : a.customerId === null ? 1 : -1
    return collator.compare(a.customerName, b.customerName) || (a.customerId < b.customerId ? -1 : 1)
  })
}

// Organisations

async function organisationRows(store: ReportStore, month: Month): Promise<MonthOrganisationRow[]> {
  if (month.nobody) return []
  const db = teamTables(store)
  const groups = await aggregateEntries(db, planOf(month, ['organisation', 'customer']))
  const byOrganisation = new Map<string | null, { total: number; billable: number; count: number; customers: number }>()
  for (const group of groups) {
    const name = text(group.values[0])
    const sum = byOrganisation.get(name) ?? { total: 0, billable: 0, count: 0, customers: 0 }
    sum.total += group.total
    sum.billable += group.billable
    sum.count += group.count
    if (group.values[1] !== null) sum.customers += 1
    byOrganisation.set(name, sum)
  }
  const rows = [...byOrganisation.entries()].map(
    ([organisation, sum]): MonthOrganisationRow => ({
      organisation,
      label: organisation ?? NO_ORGANISATION_LABEL,
      customerCount: sum.customers,
      monthSeconds: sum.total,
      billableSeconds: sum.billable,
      entryCount: sum.count,
    }),
  )
  return rows.sort((a, b) => {
    if (a.organisation === null || b.organisation === null) return a.organisation === b.organisation ? 0 : a.organisation === null ? 1 : -1
    return collator.compare(a.organisation, b.organisation) || (a.organisation < b.organisation ? -1 : 1)
  })
}

function aggregatedRows(store: ReportStore, month: Month): Promise<MonthTicketRow[] | MonthCustomerRow[] | MonthOrganisationRow[]> {
  switch (month.query.view) {
    case 'tickets':
      return ticketRows(store, month)
    case 'customers':
      return customerRows(store, month)
    default:
      return organisationRows(store, month)
  }
}

/**
 * One month view of the time `scope` may see. `input` is checked first (StintError
 * invalid_request saying what is wrong); every status but voided counts unless the
 * status filter says otherwise. At most `limit` rows come back; rowCount says how many
 * there are in all.
 */
export async function monthView(store: ReportStore, scope: ReportScope, input: unknown, options: MonthViewOptions = {}): Promise<MonthViewResult> {
  const month = monthOf(scope, input)
  const limit = Math.max(0, options.limit ?? MAX_MONTH_VIEW_ROWS)
  const db = teamTables(store)
  const totals = await totalsOf(db, month)
  const base = { month: month.query.month, from: month.from, to: month.to, statuses: month.query.statuses, totals }
  const { view } = month.query
  if (view === 'entries') {
    const rows = await entryPage(store, month, options.userName ?? YOU, null, Math.min(limit, totals.entryCount))
    return { view, ...base, rowCount: totals.entryCount, rows }
  }
  const all = await aggregatedRows(store, month)
  const rowCount = all.length
  switch (view) {
    case 'tickets':
      return { view, ...base, rowCount, rows: (all as MonthTicketRow[]).slice(0, limit) }
    case 'customers':
      return { view, ...base, rowCount, rows: (all as MonthCustomerRow[]).slice(0, limit) }
    case 'organisations':
      return { view, ...base, rowCount, rows: (all as MonthOrganisationRow[]).slice(0, limit) }
  }
}

/**
 * Every row of one month view, in the view's order, a page at a time (for a CSV
 * export: no limit). `input` is checked before the first page (StintError
 * invalid_request). Entries are read by keyset, so memory stays one page whatever the
 * month holds; the other views have a row per ticket, customer or organisation.
 */
export async function* monthViewPages(store: ReportStore, scope: ReportScope, input: unknown, options: MonthViewPagesOptions = {}): AsyncGenerator<MonthViewRow[], void, undefined> {
  const month = monthOf(scope, input)
  const size = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE)
  if (month.query.view === 'entries') {
    let after: EntryCursor | null = null
    for (;;) {
      const page = await entryPage(store, month, options.userName ?? YOU, after, size)
      if (page.length > 0) yield page
      const last = page[page.length - 1]
      if (page.length < size || !last) return
      after = { day: last.day, createdAt: last.createdAt, id: last.entryId }
    }
  }
  const all: MonthViewRow[] = await aggregatedRows(store, month)
  for (let start = 0; start < all.length; start += size) yield all.slice(start, start + size)
}
