// What each CSV export looks like: its columns, how one result row becomes one CSV row,
// and the file name offered for it. The app (to a file or a download) and the team
// server (to an HTTP response) both use this module, so the same export has the same
// header and the same cells wherever it is made. Every duration is written twice
// (decimal hours and whole minutes), days ISO, instants ISO in UTC; text goes through
// the formula guard when the writer turns it into a cell (csv-cells).
import { csvNumber, decimalHours, isoDay, isoInstant, wholeMinutes, yesNo, type CsvNumber, type CsvValue } from './csv-cells'
import type { CsvColumn, CsvRow } from './csv-writer'
import type { ExportFile, ExportScope, ExportWhat } from './exports'
import type { MonthCustomerRow, MonthEntryRow, MonthOrganisationRow, MonthTicketRow, MonthViewKind } from './month-views'
import { TEAM_DIMENSIONS, TIME_DIMENSIONS, type ContractUsage, type ContractUsageRow, type ReportDimension, type ReportQuery, type ReportResult, type ReportRow } from './reports'

type Cells = Record<string, CsvValue>

/** The columns that hold a stored day ('YYYY-MM-DD'), which a locale's dialect writes as its dates. */
const DAY_COLUMNS: ReadonlySet<string> = new Set(['date', 'day', 'week_starting'])

/** Columns from their keys: the header is the key, stable for scripts that read the file. */
function columnsOf<K extends string>(keys: readonly K[]): CsvColumn<K>[] {
  return keys.map((key) => (DAY_COLUMNS.has(key) ? { key, header: key, kind: 'day' } : { key, header: key }))
}

/** `<name>_hours` and `<name>_minutes` (or `hours`, `minutes` for the empty name) of a duration; both empty when there is none. */
function durationKeys(name: string): [string, string] {
  return name === '' ? ['hours', 'minutes'] : [`${name}_hours`, `${name}_minutes`]
}

function putDuration(cells: Cells, name: string, seconds: number | null): void {
  const [hours, minutes] = durationKeys(name)
  cells[hours] = seconds === null ? null : decimalHours(seconds)
  cells[minutes] = seconds === null ? null : wholeMinutes(seconds)
}

/** A ratio as a percentage with one decimal ('62.5'); empty when there is none. */
export function percentCell(ratio: number | null): CsvNumber | null {
  return ratio === null || !Number.isFinite(ratio) ? null : csvNumber((ratio * 100).toFixed(1))
}

// Reports

/** The header of a dimension's value column; entity dimensions also get `<name>_id`. */
const DIMENSION_COLUMNS: Readonly<Record<ReportDimension, { name: string; withId: boolean }>> = {
  day: { name: 'day', withId: false },
  week: { name: 'week_starting', withId: false },
  month: { name: 'month', withId: false },
  customer: { name: 'customer', withId: true },
  organisation: { name: 'organisation', withId: false },
  contract: { name: 'contract', withId: true },
  workItem: { name: 'work_item', withId: true },
  activityType: { name: 'activity_type', withId: true },
  user: { name: 'person', withId: true },
  team: { name: 'team', withId: true },
  status: { name: 'status', withId: false },
  billable: { name: 'billable', withId: false },
}

/** Whether the rows of `query` carry expected hours: only a grouping by time, person and team with expectations given (as the engine decides). */
export function reportHasExpectations(query: Pick<ReportQuery, 'groupBy' | 'expectedSeconds'>): boolean {
  return query.expectedSeconds !== undefined && query.groupBy.every((dimension) => TIME_DIMENSIONS.includes(dimension) || TEAM_DIMENSIONS.includes(dimension))
}

/**
 * The columns of a report export: per groupBy dimension its value (an ISO day for day
 * and week, YYYY-MM for a month, the name for a customer... with its id beside it),
 * then total, billable and non-billable time, the entry count and the billable share;
 * expected time and the share of it when the report has expected hours; last, overlapped
 * time when the report measures it (the desktop's and the team server's reports do).
 */
export function reportCsvColumns(query: Pick<ReportQuery, 'groupBy' | 'expectedSeconds'>, options: { overlapped?: boolean } = {}): CsvColumn[] {
  const keys: string[] = []
  for (const dimension of query.groupBy) {
    const { name, withId } = DIMENSION_COLUMNS[dimension]
    keys.push(name)
    if (withId) keys.push(`${name}_id`)
  }
  keys.push(...durationKeys(''), ...durationKeys('billable'), ...durationKeys('non_billable'), 'entries', 'billable_share_percent')
  if (reportHasExpectations(query)) keys.push(...durationKeys('expected'), 'percent_of_expected', 'billable_percent_of_expected')
  if (options.overlapped === true) keys.push(...durationKeys('overlapped'))
  return columnsOf(keys)
}

/** One report row as a CSV row for reportCsvColumns. */
export function reportCsvRow(query: Pick<ReportQuery, 'groupBy' | 'expectedSeconds'>, row: ReportRow): CsvRow {
  const cells: Cells = {}
  for (const key of row.keys) {
    const { name, withId } = DIMENSION_COLUMNS[key.dimension]
    switch (key.dimension) {
      case 'day':
      case 'week':
        cells[name] = key.id === null ? null : isoDay(key.id)
        break
      case 'month':
      case 'status':
        cells[name] = key.id
        break
      case 'billable':
        cells[name] = key.id === null ? null : yesNo(key.id === 'billable')
        break
      default:
        cells[name] = key.label
    }
    if (withId) cells[`${name}_id`] = key.id
  }
  putDuration(cells, '', row.totalSeconds)
  putDuration(cells, 'billable', row.billableSeconds)
  putDuration(cells, 'non_billable', row.nonBillableSeconds)
  cells['entries'] = row.entryCount
  cells['billable_share_percent'] = percentCell(row.totalSeconds > 0 ? row.billableSeconds / row.totalSeconds : null)
  if (reportHasExpectations(query)) {
    const expected = row.expectedSeconds
    putDuration(cells, 'expected', expected)
    cells['percent_of_expected'] = percentCell(expected !== null && expected > 0 ? row.totalSeconds / expected : null)
    cells['billable_percent_of_expected'] = percentCell(expected !== null && expected > 0 ? row.billableSeconds / expected : null)
  }
  if (row.overlappedSeconds !== undefined) putDuration(cells, 'overlapped', row.overlappedSeconds)
  return cells
}

/** A whole report as columns and rows, ready for the writer. */
export function reportCsv(result: Pick<ReportResult, 'query' | 'rows'>): { columns: CsvColumn[]; rows: CsvRow[] } {
  return { columns: reportCsvColumns(result.query, { overlapped: result.rows.some((row) => row.overlappedSeconds !== undefined) }), rows: result.rows.map((row) => reportCsvRow(result.query, row)) }
}

// Contract usage

export const CONTRACT_USAGE_CSV_COLUMNS: readonly CsvColumn[] = columnsOf([
  'month',
  'customer',
  'contract',
  ...durationKeys('included'),
  ...durationKeys('booked'),
  ...durationKeys('billable'),
  ...durationKeys('non_billable'),
  ...durationKeys('beyond_included'),
  'entries',
  'share_of_included_percent',
  'level',
  'customer_id',
  'contract_id',
])

/** One contract's usage as a CSV row: included hours empty for a contract that includes none (time and material). */
export function contractUsageCsvRow(month: string, row: ContractUsageRow): CsvRow {
  const cells: Cells = { month, customer: row.customerName, contract: row.contractName }
  putDuration(cells, 'included', row.includedSeconds)
  putDuration(cells, 'booked', row.usedSeconds)
  putDuration(cells, 'billable', row.billableSeconds)
  putDuration(cells, 'non_billable', row.nonBillableSeconds)
  putDuration(cells, 'beyond_included', row.beyondIncludedSeconds)
  cells['entries'] = row.entryCount
  cells['share_of_included_percent'] = percentCell(row.share)
  cells['level'] = row.level
  cells['customer_id'] = row.customerId
  cells['contract_id'] = row.contractId
  return cells
}

export function contractUsageCsv(usage: Pick<ContractUsage, 'month' | 'contracts'>): { columns: readonly CsvColumn[]; rows: CsvRow[] } {
  return { columns: CONTRACT_USAGE_CSV_COLUMNS, rows: usage.contracts.map((row) => contractUsageCsvRow(usage.month, row)) }
}

// Month views

const MONTH_VIEW_KEYS: Readonly<Record<MonthViewKind, readonly string[]>> = {
  entries: [
    'date',
    'ticket',
    'title',
    'customer',
    'organisation',
    'person',
    'activity_type',
    'billable',
    ...durationKeys(''),
    'description',
    'status',
    'created_at',
    'entry_id',
    'work_item_id',
    'customer_id',
    'person_id',
  ],
  tickets: ['month', 'ticket', 'title', 'customer', 'organisation', ...durationKeys(''), ...durationKeys('billable'), 'entries', ...durationKeys('lifetime'), 'created_at', 'work_item_id', 'customer_id'],
  customers: ['month', 'customer', 'organisation', ...durationKeys(''), ...durationKeys('billable'), 'entries', 'tickets', 'customer_id'],
  organisations: ['month', 'organisation', 'customers', ...durationKeys(''), ...durationKeys('billable'), 'entries'],
}

/** The columns of a month view's export; `hours`/`minutes` are the month's booked time. */
export function monthViewCsvColumns(view: MonthViewKind): CsvColumn[] {
  return columnsOf(MONTH_VIEW_KEYS[view])
}

/** The row shape each month view yields. */
export interface MonthViewRows {
  entries: MonthEntryRow
  tickets: MonthTicketRow
  customers: MonthCustomerRow
  organisations: MonthOrganisationRow
}

export function monthEntryCsvRow(row: MonthEntryRow): CsvRow {
  const cells: Cells = {
    date: isoDay(row.day),
    ticket: row.reference,
    title: row.title,
    customer: row.customerName,
    organisation: row.organisation,
    person: row.userName,
    activity_type: row.activityTypeName,
    billable: yesNo(row.billable),
  }
  putDuration(cells, '', row.seconds)
  cells['description'] = row.description
  cells['status'] = row.status
  cells['created_at'] = isoInstant(row.createdAt)
  cells['entry_id'] = row.entryId
  cells['work_item_id'] = row.workItemId
  cells['customer_id'] = row.customerId
  cells['person_id'] = row.userId
  return cells
}

export function monthTicketCsvRow(month: string, row: MonthTicketRow): CsvRow {
  const cells: Cells = { month, ticket: row.reference, title: row.title, customer: row.customerName, organisation: row.organisation }
  putDuration(cells, '', row.monthSeconds)
  putDuration(cells, 'billable', row.billableSeconds)
  cells['entries'] = row.entryCount
  putDuration(cells, 'lifetime', row.lifetimeSeconds)
  cells['created_at'] = row.createdAt === null ? null : isoInstant(row.createdAt)
  cells['work_item_id'] = row.workItemId
  cells['customer_id'] = row.customerId
  return cells
}

export function monthCustomerCsvRow(month: string, row: MonthCustomerRow): CsvRow {
  const cells: Cells = { month, customer: row.customerName, organisation: row.organisation }
  putDuration(cells, '', row.monthSeconds)
  putDuration(cells, 'billable', row.billableSeconds)
  cells['entries'] = row.entryCount
  cells['tickets'] = row.ticketCount
  cells['customer_id'] = row.customerId
  return cells
}

export function monthOrganisationCsvRow(month: string, row: MonthOrganisationRow): CsvRow {
  const cells: Cells = { month, organisation: row.label, customers: row.customerCount }
  putDuration(cells, '', row.monthSeconds)
  putDuration(cells, 'billable', row.billableSeconds)
  cells['entries'] = row.entryCount
  return cells
}

/** A month view's row of any kind as a CSV row; the view says which shape it is. */
export function monthViewCsvRow<V extends MonthViewKind>(view: V, month: string, row: MonthViewRows[V]): CsvRow {
  switch (view) {
    case 'entries':
      return monthEntryCsvRow(row as MonthEntryRow)
    case 'tickets':
      return monthTicketCsvRow(month, row as MonthTicketRow)
    case 'customers':
      return monthCustomerCsvRow(month, row as MonthCustomerRow)
    default:
      return monthOrganisationCsvRow(month, row as MonthOrganisationRow)
  }
}

/** Pages of a month view's rows as pages of CSV rows, one page at a time. */
export async function* monthViewCsvPages(view: MonthViewKind, month: string, pages: AsyncIterable<readonly unknown[]>): AsyncGenerator<CsvRow[], void, undefined> {
  for await (const page of pages) yield page.map((row) => monthViewCsvRow(view, month, row as MonthViewRows[typeof view]))
}

// Raw entries

/** One entry as an export row: names instead of ids, durations as number cells. */
export interface EntryCsvRow {
  readonly date: string
  readonly work_item_reference: string | null
  readonly work_item_title: string | null
  readonly customer: string | null
  readonly contract: string | null
  readonly activity_type: string | null
  readonly billable: 'yes' | 'no'
  readonly description: string
  /** The note on the entry's grid cell (day, work item, activity type, billable), on each entry of that cell; '' for none. */
  readonly cell_note: string
  readonly source: string
  readonly status: string
  readonly hours: CsvNumber
  readonly minutes: CsvNumber
  readonly raw_minutes: CsvNumber
  readonly created_at: string
  readonly entry_id: string
}
export type EntryCsvKey = keyof EntryCsvRow

/** An entry of the team's time: whose it is, too. Cell notes stay on the device (the team server has none), so no cell_note. */
export interface TeamEntryCsvRow extends Omit<EntryCsvRow, 'cell_note'> {
  readonly person: string
  readonly person_id: string
}
export type TeamEntryCsvKey = keyof TeamEntryCsvRow

/** The columns in file order; a Record, so that leaving out a field of EntryCsvRow does not compile. */
const ENTRY_COLUMN_ORDER: Record<EntryCsvKey, null> = {
  date: null,
  work_item_reference: null,
  work_item_title: null,
  customer: null,
  contract: null,
  activity_type: null,
  billable: null,
  description: null,
  cell_note: null,
  source: null,
  status: null,
  hours: null,
  minutes: null,
  raw_minutes: null,
  created_at: null,
  entry_id: null,
}

/**
 * The columns of an entries export; headers are the keys, stable for scripts that read
 * the file. `hours` (two decimals) and `minutes` are the rounded, booked time;
 * `raw_minutes` the time as measured; `created_at` is an ISO instant in UTC.
 */
export const ENTRY_CSV_COLUMNS: readonly CsvColumn<EntryCsvKey>[] = columnsOf(Object.keys(ENTRY_COLUMN_ORDER) as EntryCsvKey[])

/** The team's entries: the person (name and id) right after the date. */
export const TEAM_ENTRY_CSV_COLUMNS: readonly CsvColumn<TeamEntryCsvKey>[] = [
  ...columnsOf<TeamEntryCsvKey>(['date', 'person']),
  ...columnsOf((Object.keys(ENTRY_COLUMN_ORDER) as EntryCsvKey[]).slice(1).filter((key): key is Exclude<EntryCsvKey, 'cell_note'> => key !== 'cell_note')),
  ...columnsOf<TeamEntryCsvKey>(['person_id']),
]

// File names

/**
 * The file name offered for an export, made of ISO days and months only (safe on every
 * file system and in a Content-Disposition header): stint-report-2026-11-01-to-2026-11-30.csv,
 * stint-team-contract-usage-2026-11.csv, stint-month-tickets-2026-11.xlsx.
 */
export function exportFileName(what: ExportWhat, scope: ExportScope = 'mine', file: ExportFile = 'csv'): string {
  const prefix = scope === 'team' ? 'stint-team' : 'stint'
  switch (what.kind) {
    case 'report':
      return `${prefix}-report-${what.query.from}-to-${what.query.to}.${file}`
    case 'entries':
      return `${prefix}-entries-${what.from}-to-${what.to}.${file}`
    case 'contractUsage':
      return `${prefix}-contract-usage-${what.query.month}.${file}`
    case 'month':
      return `${prefix}-month-${what.query.view}-${what.query.month}.${file}`
  }
}

/** RFC 6266: a plain ASCII name for old clients and the exact one, percent-encoded (RFC 8187), for the rest. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\w.-]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
