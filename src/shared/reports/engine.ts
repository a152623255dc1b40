// The report engine: one implementation for the app's own SQLite (one person's time,
// offline) and the team server's SQLite or PostgreSQL (everyone the caller may see).
// The database filters, groups and sums; this module folds days into weeks, names the
// groups, orders the rows and works out expected hours and utilisation.
import type { Kysely } from 'kysely'
import { refuse } from '../errors'
import { expectedSecondsOn } from '../expected-hours'
import { addDays, periodContaining, weekdayOf } from '../periods'
import {
  MAX_REPORT_ROWS,
  ReportQuerySchema,
  TEAM_DIMENSIONS,
  TIME_DIMENSIONS,
  reportRangeDays,
  utilisationOf,
  type ReportDimension,
  type ReportKey,
  type ReportQuery,
  type ReportResult,
  type ReportRow,
  type ReportSums,
} from '../reports'
import { aggregateEntries, type AggregatePlan, type AggregateRow, type SqlColumn } from './aggregate'
import { BILLABLE_ID, NON_BILLABLE_ID, entityLabels, labelOf } from './labels'
import { reportOverlap } from './overlap'
import type { ReportScope, ReportStore, TeamReportTables } from './tables'

export type { ReportScope, ReportStore, ReportTables, TeamReportTables } from './tables'

/** A report request checked against the schema; anything wrong is one invalid_request naming every problem. */
export function parseReportQuery(input: unknown): ReportQuery {
  const parsed = ReportQuerySchema.safeParse(input)
  if (parsed.success) return parsed.data
  const problems = [
    ...new Set(
      parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys' ? `${issue.keys.map((key) => `"${key}"`).join(', ')} ${issue.keys.length === 1 ? 'is' : 'are'} not ${issue.path.length > 0 ? 'a report filter' : 'part of a report request'}.` : issue.message,
      ),
    ),
  ]
  throw refuse('invalid_request', 'refusal.report.notRun', { summary: problems.join(' ') })
}

/**
 * The store's tables as the engine queries them. The app's database has no people or
 * teams; nothing reads those tables for a 'local' store (requireCapabilities refuses
 * first), so one builder type serves both. (Kysely's types accept the wider one as is.)
 */
export function teamTables(store: ReportStore): Kysely<TeamReportTables> {
  return store.db
}

function requireCapabilities(store: ReportStore, query: ReportQuery): void {
  if (store.kind === 'team') return
  const teamGrouping = query.groupBy.find((dimension) => TEAM_DIMENSIONS.includes(dimension))
  if (teamGrouping !== undefined) throw refuse('invalid_request', 'refusal.report.localGrouping', { by: teamGrouping })
  if (query.filters.userIds !== undefined || query.filters.teamIds !== undefined) {
    throw refuse('invalid_request', 'refusal.report.localFilter', { by: query.filters.userIds !== undefined ? 'user' : 'team' })
  }
}

/**
 * The people whose entries count: the scope, narrowed by the person filter. Someone
 * outside the scope is refused, not quietly left out; `what` ends the refusal
 * ("nothing was reported", "nothing was exported").
 */
export function visibleUsers(scope: ReportScope, chosen: readonly string[] | undefined, what: 'reported' | 'exported' = 'reported'): readonly string[] | undefined {
  if (scope.userIds === undefined) return chosen
  if (chosen === undefined) return scope.userIds
  const allowed = new Set(scope.userIds)
  const outside = chosen.filter((id) => !allowed.has(id)).length
  if (outside > 0) {
    throw refuse('forbidden', 'refusal.report.peopleOutside', { count: outside, what })
  }
  return chosen
}

interface People {
  count: number
  /** People per team (null: in no team), counting only the teams the team filter keeps. */
  byTeam: Map<string | null, number>
}

/** Who the report's expected hours are for: one person on a device; on the server, the people it covers who were not gone before it starts. */
async function peopleCovered(store: ReportStore, query: ReportQuery, userIds: readonly string[] | undefined): Promise<People> {
  if (store.kind === 'local') return { count: 1, byTeam: new Map() }
  if (userIds !== undefined && userIds.length === 0) return { count: 0, byTeam: new Map() }
  const rows = await store.db
    .selectFrom('users as u')
    .leftJoin('team_members as tm', 'tm.user_id', 'u.id')
    .select(['u.id', 'tm.team_id'])
    .where((eb) => eb.or([eb('u.deactivated_at', 'is', null), eb('u.deactivated_at', '>=', Date.parse(`${query.from}T00:00:00Z`))]))
    .$if(userIds !== undefined, (q) => q.where('u.id', 'in', [...(userIds ?? [])]))
    .execute()
  const teamsOf = new Map<string, string[]>()
  for (const row of rows) {
    const teams = teamsOf.get(row.id) ?? []
    if (row.team_id !== null) teams.push(row.team_id)
    teamsOf.set(row.id, teams)
  }
  const filter = query.filters.teamIds
  const byTeam = new Map<string | null, number>()
  let count = 0
  for (const teams of teamsOf.values()) {
    const kept = filter === undefined ? teams : teams.filter((team) => filter.includes(team))
    const covered = filter === undefined || kept.length > 0 || (teams.length === 0 && filter.includes(null))
    if (!covered) continue
    count++
    for (const team of kept.length > 0 ? kept : [null]) byTeam.set(team, (byTeam.get(team) ?? 0) + 1)
  }
  return { count, byTeam }
}

/** The SQL columns for a grouping: weeks are grouped by day and folded afterwards. */
function sqlColumnOf(dimension: ReportDimension): SqlColumn {
  return dimension === 'week' ? 'day' : dimension
}

/** Expected seconds of one person per day of the range, summed from the start: any span's expectation in O(1). */
function expectationsOf(query: ReportQuery, today: string | undefined): ((start: string, end: string) => number) | null {
  const perWeekday = query.expectedSeconds
  if (perWeekday === undefined) return null
  const length = reportRangeDays(query.from, query.to)
  const first = weekdayOf(query.from)
  const running = [0]
  for (let offset = 0; offset < length; offset++) {
    const day = addDays(query.from, offset)
    running.push((running[offset] ?? 0) + expectedSecondsOn(day, perWeekday[(first + offset) % 7] ?? 0, today))
  }
  return (start, end) => {
    const from = Math.max(0, reportRangeDays(query.from, start) - 1)
    const to = Math.min(length - 1, reportRangeDays(query.from, end) - 1)
    return to < from ? 0 : (running[to + 1] ?? 0) - (running[from] ?? 0)
  }
}

/** The days a time key covers. */
function spanOf(dimension: ReportDimension, id: string): { start: string; end: string } {
  if (dimension === 'day') return { start: id, end: id }
  if (dimension === 'week') return { start: id, end: addDays(id, 6) }
  return periodContaining(`${id}-01`, { kind: 'monthly' })
}

const STATUS_ORDER = ['draft', 'submitted', 'approved', 'rejected', 'voided']
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

function compareKeys(a: ReportKey, b: ReportKey): number {
  if (a.id === b.id) return 0
  if (a.id === null) return 1
  if (b.id === null) return -1
  const byId = a.id < b.id ? -1 : 1
  switch (a.dimension) {
    case 'day':
    case 'week':
    case 'month':
      return byId
    case 'status':
      return STATUS_ORDER.indexOf(a.id) - STATUS_ORDER.indexOf(b.id) || byId
    case 'billable':
      return a.id === BILLABLE_ID ? -1 : 1
    default:
      return collator.compare(a.label, b.label) || byId
  }
}

function compareRows(a: ReportRow, b: ReportRow): number {
  for (let index = 0; index < a.keys.length; index++) {
    const order = compareKeys(a.keys[index] as ReportKey, b.keys[index] as ReportKey)
    if (order !== 0) return order
  }
  return 0
}

function sumsOf(total: number, billable: number, count: number): ReportSums {
  return { totalSeconds: total, billableSeconds: billable, nonBillableSeconds: total - billable, entryCount: count }
}

interface Group {
  ids: (string | null)[]
  total: number
  billable: number
  count: number
}

/** SQL's groups turned into the report's: billable as words, days folded into weeks (several days, one group). */
function foldGroups(query: ReportQuery, groups: readonly AggregateRow[], columns: readonly SqlColumn[]): Group[] {
  const weekOf = new Map<string, string>()
  const week = (day: string) => {
    let start = weekOf.get(day)
    if (start === undefined) {
      start = periodContaining(day, { kind: 'weekly', weekStartsOn: query.weekStartsOn }).start
      weekOf.set(day, start)
    }
    return start
  }
  const folded = new Map<string, Group>()
  for (const group of groups) {
    const ids = query.groupBy.map((dimension): string | null => {
      const value = group.values[columns.indexOf(sqlColumnOf(dimension))] ?? null
      if (value === null) return null
      if (dimension === 'billable') return value === 1 ? BILLABLE_ID : NON_BILLABLE_ID
      if (dimension === 'week') return week(String(value))
      return String(value)
    })
    const key = JSON.stringify(ids)
    const existing = folded.get(key)
    if (existing) {
      existing.total += group.total
      existing.billable += group.billable
      existing.count += group.count
    } else {
      folded.set(key, { ids, total: group.total, billable: group.billable, count: group.count })
    }
  }
  return [...folded.values()]
}

export interface RunReportOptions {
  /** Every row, for a CSV export: the MAX_REPORT_ROWS limit of a table on screen does not apply. */
  readonly uncapped?: boolean
  /** The reader's today (`YYYY-MM-DD`): days after it expect no hours yet. Left out, every day of the range counts. */
  readonly today?: string
}

/**
 * Runs a report: `input` is checked first (StintError invalid_request saying what is
 * wrong), then only live entries of the scope's people in the range count, with every
 * status but voided unless the status filter says otherwise.
 */
export async function runReport(store: ReportStore, scope: ReportScope, input: unknown, options: RunReportOptions = {}): Promise<ReportResult> {
  const query = parseReportQuery(input)
  requireCapabilities(store, query)
  const db = teamTables(store)
  const userIds = visibleUsers(scope, query.filters.userIds)
  const people = await peopleCovered(store, query, userIds)

  const columns = [...new Set(query.groupBy.map(sqlColumnOf))]
  const { filters } = query
  const plan: AggregatePlan = {
    from: query.from,
    to: query.to,
    columns,
    statuses: filters.statuses,
    userIds,
    customerIds: filters.customerIds,
    organisations: filters.organisations,
    contractIds: filters.contractIds,
    workItemIds: filters.workItemIds,
    activityTypeIds: filters.activityTypeIds,
    teamIds: filters.teamIds,
    billable: filters.billable,
    limit: options.uncapped === true ? undefined : MAX_REPORT_ROWS + 1,
  }
  const nobody = userIds !== undefined && userIds.length === 0
  const groups = nobody ? [] : await aggregateEntries(db, plan)
  if (options.uncapped !== true && groups.length > MAX_REPORT_ROWS) {
    throw refuse('invalid_request', 'refusal.report.tooManyRows', { max: MAX_REPORT_ROWS })
  }

  // Grouped by team, a person in two teams is in two rows: the totals need their own sum.
  let totals: ReportSums
  if (query.groupBy.includes('team') && !nobody) {
    const [all] = await aggregateEntries(db, { ...plan, columns: [], limit: undefined })
    totals = sumsOf(all?.total ?? 0, all?.billable ?? 0, all?.count ?? 0)
  } else {
    totals = groups.reduce((sums, group) => sumsOf(sums.totalSeconds + group.total, sums.billableSeconds + group.billable, sums.entryCount + group.count), sumsOf(0, 0, 0))
  }

  const folded = foldGroups(query, groups, columns)
  const labels = new Map<ReportDimension, Map<string, string>>()
  for (const [index, dimension] of query.groupBy.entries()) {
    const ids = new Set<string>()
    for (const group of folded) {
      const id = group.ids[index]
      if (id !== null && id !== undefined) ids.add(id)
    }
    labels.set(dimension, await entityLabels(db, dimension, [...ids]))
  }

  const expected = expectationsOf(query, options.today)
  // A row has expected hours when it is only a span of time, a person or a team.
  const rowsHaveExpectations = expected !== null && query.groupBy.every((dimension) => TIME_DIMENSIONS.includes(dimension) || TEAM_DIMENSIONS.includes(dimension))
  const rowExpectation = (keys: ReportKey[]): number | null => {
    if (!rowsHaveExpectations) return null
    let start = query.from
    let end = query.to
    let persons = people.count
    for (const key of keys) {
      if (key.id === null && key.dimension !== 'team') return null
      if (key.dimension === 'user') persons = 1
      else if (key.dimension === 'team' && !keys.some((other) => other.dimension === 'user')) persons = people.byTeam.get(key.id) ?? 0
      else if (key.id !== null && TIME_DIMENSIONS.includes(key.dimension)) {
        const span = spanOf(key.dimension, key.id)
        if (span.start > start) start = span.start
        if (span.end < end) end = span.end
      }
    }
    return expected(start, end) * persons
  }

  // The "Overlapped" measure: a second pass over the runs of the entries counted (overlap.ts).
  const overlap = nobody ? { byRow: new Map<string, number>(), total: 0 } : await reportOverlap(store, query, userIds)
  totals = { ...totals, overlappedSeconds: overlap.total }
  const rows = folded.map((group): ReportRow => {
    const keys = query.groupBy.map((dimension, index): ReportKey => {
      const id = group.ids[index] ?? null
      return { dimension, id, label: labelOf(dimension, id, query.weekStartsOn, labels.get(dimension)) }
    })
    const overlappedSeconds = overlap.byRow.get(JSON.stringify(group.ids)) ?? 0
    return { keys, ...sumsOf(group.total, group.billable, group.count), overlappedSeconds, expectedSeconds: rowExpectation(keys) }
  })
  rows.sort(compareRows)

  const expectedSeconds = expected === null ? null : expected(query.from, query.to) * people.count
  return { query, rows, totals, people: people.count, expectedSeconds, utilisation: utilisationOf(totals, expectedSeconds) }
}
