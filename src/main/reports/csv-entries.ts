// The raw time entries of one person and a range of days as CSV rows, with the names
// of what each entry was booked against. Read in pages by keyset (day, id): between
// pages the one database connection is free for the timers and the grid, and an
// export of a million rows holds one page at a time.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import { decimalHours, isoDay, isoInstant, wholeMinutes, yesNo, type CsvNumber } from '@shared/csv-cells'
import type { EntryStatus } from '@shared/entries'
import { csvField, CsvRecords } from '@shared/csv-writer'
import type { EntryCsvRow } from '@shared/export-columns'
import type { Database } from '../db/schema'

export { ENTRY_CSV_COLUMNS, type EntryCsvKey, type EntryCsvRow } from '@shared/export-columns'

/**
 * Rows read per query. Pages of 5,000 rows measured no faster than 2,000 but lifted the
 * process's peak memory by about 70 MB in the million-row benchmark: rows held across
 * a garbage collection are copied and promoted, and V8 grows its young space for them.
 */
export const ENTRIES_PAGE_SIZE = 2_000

export interface EntriesCsvOptions {
  /** Rows read per query. */
  readonly pageSize?: number
  /** Voided entries no longer count as time; they are left out unless asked for (here or by the status filter). */
  readonly includeVoided?: boolean
  /** The report filters that apply to one person's entries; left out, every entry counts. */
  readonly filters?: EntryFilters
}

/** A list of ids to keep; null keeps the entries that have none (no work item, no customer...). */
type IdFilter = readonly (string | null)[] | undefined

/** The report filters an entries export applies: ids of what the time was booked against, statuses, billable or not. */
export interface EntryFilters {
  readonly customerIds?: IdFilter
  /** Organisation names, as customers carry them; null keeps time of customers in none and time without a customer. */
  readonly organisations?: IdFilter
  readonly contractIds?: IdFilter
  readonly workItemIds?: IdFilter
  readonly activityTypeIds?: IdFilter
  /** Statuses to keep; left out, every status but voided (unless includeVoided). */
  readonly statuses?: readonly EntryStatus[] | undefined
  readonly billable?: boolean | undefined
}

interface WorkItemNames {
  reference: string | null
  title: string
  customer: string | null
  contract: string | null
}

/**
 * Names of the work items and activity types an export meets, read once each. Joining
 * them in the page query cost four index lookups per row, a third of the query's time;
 * an export meets a few hundred work items, not a million.
 */
class NameCache {
  private readonly workItems = new Map<string, WorkItemNames>()
  private activityTypes: Map<string, string> | undefined

  constructor(private readonly db: Kysely<Database>) {}

  async prepare(page: readonly { work_item_id: string | null; activity_type_id: string | null }[]): Promise<void> {
    const missing = new Set<string>()
    let typesNeeded = false
    for (const row of page) {
      if (row.work_item_id !== null && !this.workItems.has(row.work_item_id)) missing.add(row.work_item_id)
      if (row.activity_type_id !== null) typesNeeded = true
    }
    if (typesNeeded && this.activityTypes === undefined) {
      // A handful of rows, deleted ones included: their names still label the time booked on them.
      const types = await this.db.selectFrom('activity_types').select(['id', 'name']).execute()
      this.activityTypes = new Map(types.map((t) => [t.id, t.name]))
    }
    if (missing.size === 0) return
    // One SQL text for any number of ids (json_each), so the statement cache keeps one plan.
    const items = await this.db
      .selectFrom('work_items as w')
      .leftJoin('customers as c', 'c.id', 'w.customer_id')
      .leftJoin('contracts as k', 'k.id', 'w.contract_id')
      .select(['w.id', 'w.reference', 'w.title', 'c.name as customer', 'k.name as contract'])
      .where('w.id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify([...missing])}))`)
      .execute()
    for (const { id, ...names } of items) this.workItems.set(id, names)
  }

  workItem(id: string | null): WorkItemNames | undefined {
    return id === null ? undefined : this.workItems.get(id)
  }

  activityType(id: string | null): string | null {
    return id === null ? null : (this.activityTypes?.get(id) ?? null)
  }
}

/** The key of a grid cell: an entry's day and row. */
function cellKey(row: { day: string; work_item_id: string | null; activity_type_id: string | null; billable: number }): string {
  return `${row.day}|${row.work_item_id ?? ''}|${row.activity_type_id ?? ''}|${row.billable}`
}

/**
 * The notes of the cells a page's entries are in, read once per page over its days (a
 * page is in day order, so one range query): a cell's note goes on each of its entries.
 */
class CellNotes {
  private notes = new Map<string, string>()
  constructor(
    private readonly db: Kysely<Database>,
    private readonly userId: string,
  ) {}

  async prepare(page: readonly { day: string }[]): Promise<void> {
    const first = page[0]?.day
    const last = page.at(-1)?.day
    this.notes = new Map()
    if (first === undefined || last === undefined) return
    const rows = await this.db
      .selectFrom('cell_notes')
      .select(['day', 'work_item_id', 'activity_type_id', 'billable', 'note'])
      .where('user_id', '=', this.userId)
      .where('deleted_at', 'is', null)
      .where('day', '>=', first)
      .where('day', '<=', last)
      .execute()
    for (const row of rows) this.notes.set(cellKey(row), row.note)
  }

  of(row: { day: string; work_item_id: string | null; activity_type_id: string | null; billable: number }): string {
    return this.notes.get(cellKey(row)) ?? ''
  }
}

/** Where the last page ended: the keyset the next one starts after. */
export interface EntryKey {
  readonly day: string
  readonly id: string
}

/** One page of the entries, after `after` (or from `from`), in (day, id) order. */
export function entriesPageQuery(
  db: Kysely<Database>,
  {
    userId,
    from,
    to,
    after,
    includeVoided,
    pageSize,
    filters = {},
  }: { userId: string; from: string; to: string; after: EntryKey | undefined; includeVoided: boolean; pageSize: number; filters?: EntryFilters },
) {
  const { customerIds, organisations, contractIds, workItemIds, activityTypeIds, statuses, billable } = filters
  let query = db
    .selectFrom('time_entries as e')
    .select(['e.id', 'e.day', 'e.work_item_id', 'e.activity_type_id', 'e.billable', 'e.description', 'e.source', 'e.status', 'e.rounded_seconds', 'e.raw_seconds', 'e.created_at'])
    .where('e.user_id', '=', userId)
    .where('e.deleted_at', 'is', null)
    .where('e.day', '<=', to)
  if (statuses !== undefined) query = query.where('e.status', 'in', includeVoided && !statuses.includes('voided') ? [...statuses, 'voided'] : [...statuses])
  else if (!includeVoided) query = query.where('e.status', '!=', 'voided')
  if (billable !== undefined) query = query.where('e.billable', '=', billable ? 1 : 0)
  if (workItemIds !== undefined) query = query.where((eb) => idCondition(eb, 'e.work_item_id', workItemIds))
  if (activityTypeIds !== undefined) query = query.where((eb) => idCondition(eb, 'e.activity_type_id', activityTypeIds))
  // A subquery rather than a join: the page stays one row per entry and the (user_id, day) index still leads.
  if (customerIds !== undefined) query = query.where((eb) => ownerCondition(eb, 'customer_id', customerIds))
  if (contractIds !== undefined) query = query.where((eb) => ownerCondition(eb, 'contract_id', contractIds))
  if (organisations !== undefined) query = query.where((eb) => organisationCondition(eb, organisations))
  if (after === undefined) {
    query = query.where('e.day', '>=', from)
  } else {
    // Spelled out rather than (day, id) > (?, ?) so that SQLite seeks the (user_id, day) index.
    const { day, id } = after
    query = query.where('e.day', '>=', day).where((eb) => eb.or([eb('e.day', '>', day), eb('e.id', '>', id)]))
  }
  return query.orderBy('e.day').orderBy('e.id').limit(pageSize)
}

type EntryBuilder = ExpressionBuilder<Database & { e: Database['time_entries'] }, 'e'>

/** `column IN (ids)`, or `column IS NULL` too when the filter keeps entries without one. */
function idCondition(eb: EntryBuilder, column: 'e.work_item_id' | 'e.activity_type_id', ids: readonly (string | null)[]) {
  const values = ids.filter((id): id is string => id !== null)
  const parts = []
  if (values.length > 0) parts.push(eb(column, 'in', values))
  if (ids.includes(null)) parts.push(eb(column, 'is', null))
  return eb.or(parts)
}

/**
 * The entry's work item belongs to one of the customers (contracts) named; null keeps
 * time whose work item has none, and time on no work item at all, as the report's
 * "(none)" row counts it.
 */
function ownerCondition(eb: EntryBuilder, column: 'customer_id' | 'contract_id', ids: readonly (string | null)[]) {
  const values = ids.filter((id): id is string => id !== null)
  const parts = []
  if (values.length > 0) parts.push(eb('e.work_item_id', 'in', eb.selectFrom('work_items as fw').select('fw.id').where(`fw.${column}`, 'in', values)))
  if (ids.includes(null)) {
    // As the report's left join sees it: no work item, a work item without one, or a work item this device does not have.
    parts.push(eb('e.work_item_id', 'is', null))
    parts.push(eb('e.work_item_id', 'not in', eb.selectFrom('work_items as nw').select('nw.id').where(`nw.${column}`, 'is not', null)))
  }
  return eb.or(parts)
}

/** The entry's work item belongs to a customer of one of the organisations named; null as ownerCondition has it. */
function organisationCondition(eb: EntryBuilder, names: readonly (string | null)[]) {
  const values = names.filter((name): name is string => name !== null)
  const inOrganisation = () => eb.selectFrom('work_items as ow').innerJoin('customers as oc', 'oc.id', 'ow.customer_id').select('ow.id')
  const parts = []
  if (values.length > 0) parts.push(eb('e.work_item_id', 'in', inOrganisation().where('oc.organisation', 'in', values)))
  if (names.includes(null)) {
    parts.push(eb('e.work_item_id', 'is', null))
    parts.push(eb('e.work_item_id', 'not in', inOrganisation().where('oc.organisation', 'is not', null)))
  }
  return eb.or(parts)
}

/**
 * Duration cells by their seconds. Booked durations repeat (rounded to 6 or 15 minutes,
 * mostly), so a million rows need a few hundred distinct cells, not three million.
 */
class DurationCells {
  private readonly hours = new Map<number, CsvNumber>()
  private readonly minutes = new Map<number, CsvNumber>()

  decimalHours(seconds: number): CsvNumber {
    return DurationCells.cached(this.hours, seconds, decimalHours)
  }

  wholeMinutes(seconds: number): CsvNumber {
    return DurationCells.cached(this.minutes, seconds, wholeMinutes)
  }

  private static cached(cache: Map<number, CsvNumber>, seconds: number, make: (seconds: number) => CsvNumber): CsvNumber {
    let cell = cache.get(seconds)
    if (cell === undefined) {
      if (cache.size >= DURATION_CACHE_SIZE) cache.clear() // raw seconds can be all different; stay small
      cell = make(seconds)
      cache.set(seconds, cell)
    }
    return cell
  }
}

const DURATION_CACHE_SIZE = 10_000

type EntryPageRow = Awaited<ReturnType<ReturnType<typeof entriesPageQuery>['execute']>>[number]

/** The pages of entries after one another by keyset, each with its names ready. */
async function* entryPages(db: Kysely<Database>, userId: string, from: string, to: string, { pageSize = ENTRIES_PAGE_SIZE, includeVoided = false, filters = {} }: EntriesCsvOptions, names: NameCache, notes: CellNotes): AsyncGenerator<EntryPageRow[], void, undefined> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`the page size must be a whole number of rows, at least 1; got ${String(pageSize)}`)
  isoDay(from)
  isoDay(to)
  let after: EntryKey | undefined
  for (;;) {
    const page = await entriesPageQuery(db, { userId, from, to, after, includeVoided, pageSize, filters }).execute()
    if (page.length === 0) return
    await names.prepare(page)
    await notes.prepare(page)
    yield page
    const last = page.at(-1)
    if (last === undefined || page.length < pageSize) return
    after = { day: last.day, id: last.id }
  }
}

/**
 * The live (not deleted) entries of `userId` from `from` to `to` (days, both included)
 * as pages of CSV rows, in day order, then by id (UUIDv7, so in order of creation),
 * each exactly once even when entries are added or edited between pages. For a caller
 * that wants the rows; a file or a download takes entriesCsvRecords, the same bytes
 * made faster.
 */
export async function* entriesCsvPages(db: Kysely<Database>, userId: string, from: string, to: string, options: EntriesCsvOptions = {}): AsyncGenerator<EntryCsvRow[], void, undefined> {
  const names = new NameCache(db)
  const notes = new CellNotes(db, userId)
  const durations = new DurationCells()
  for await (const page of entryPages(db, userId, from, to, options, names, notes)) {
    yield page.map((row): EntryCsvRow => {
      const item = names.workItem(row.work_item_id)
      return {
        date: row.day,
        work_item_reference: item?.reference ?? null,
        work_item_title: item?.title ?? null,
        customer: item?.customer ?? null,
        contract: item?.contract ?? null,
        activity_type: names.activityType(row.activity_type_id),
        billable: yesNo(row.billable),
        description: row.description,
        cell_note: notes.of(row),
        source: row.source,
        status: row.status,
        hours: durations.decimalHours(row.rounded_seconds),
        minutes: durations.wholeMinutes(row.rounded_seconds),
        raw_minutes: durations.wholeMinutes(row.raw_seconds),
        created_at: isoInstant(row.created_at),
        entry_id: row.id,
      }
    })
  }
}

/** Cells made once per distinct key: an export meets a few hundred work items and durations, not a million. */
function cachedCells<K>(make: (key: K) => string): (key: K) => string {
  const cells = new Map<K, string>()
  return (key) => {
    let cell = cells.get(key)
    if (cell === undefined) {
      if (cells.size >= DURATION_CACHE_SIZE) cells.clear() // hand-typed durations can all differ; stay small
      cell = make(key)
      cells.set(key, cell)
    }
    return cell
  }
}

/**
 * The same entries as entriesCsvPages, in the columns of ENTRY_CSV_COLUMNS, as finished
 * CSV records a page at a time: each record is one template over the database row,
 * with its text through csvField and its numbers from the cells csv-cells makes, so
 * the bytes are exactly what csvChunks writes for entriesCsvPages (the tests compare
 * them) without a row object and a loop over columns per entry. Neighbouring cells that
 * follow from one value (a work item's four names, a duration's hours and minutes) are
 * made once as one piece: fewer pieces per record is less for the garbage collector.
 */
export async function* entriesCsvRecords(db: Kysely<Database>, userId: string, from: string, to: string, options: EntriesCsvOptions = {}): AsyncGenerator<CsvRecords, void, undefined> {
  const names = new NameCache(db)
  const workItemCells = cachedCells((id: string | null): string => {
    const item = names.workItem(id)
    return item === undefined ? ',,,' : `${csvField(item.reference)},${csvField(item.title)},${csvField(item.customer)},${csvField(item.contract)}`
  })
  const activityCell = cachedCells((id: string | null) => csvField(names.activityType(id)))
  const bookedCells = cachedCells((seconds: number) => `${decimalHours(seconds).text},${wholeMinutes(seconds).text}`)
  const minutesCell = cachedCells((seconds: number) => wholeMinutes(seconds).text)
  const notes = new CellNotes(db, userId)
  for await (const page of entryPages(db, userId, from, to, options, names, notes)) {
    const records: string[] = []
    for (const row of page) {
      records.push(
        `${csvField(row.day)},${workItemCells(row.work_item_id)},${activityCell(row.activity_type_id)},${yesNo(row.billable)},${csvField(row.description)},${csvField(notes.of(row))},${csvField(row.source)},${csvField(row.status)},${bookedCells(row.rounded_seconds)},${minutesCell(row.raw_seconds)},${csvField(isoInstant(row.created_at))},${csvField(row.id)}\r\n`,
      )
    }
    // Joined: one flat string per page, not a tree of pieces for the garbage collector to walk.
    yield new CsvRecords(records.join(''), page.length)
  }
}

/** The same rows as entriesCsvPages, one at a time, for a caller that wants rows. */
export async function* entriesCsvRows(db: Kysely<Database>, userId: string, from: string, to: string, options: EntriesCsvOptions = {}): AsyncGenerator<EntryCsvRow, void, undefined> {
  for await (const page of entriesCsvPages(db, userId, from, to, options)) yield* page
}
