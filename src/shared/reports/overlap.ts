// Overlapped time, the report measure, for the app and the team server alike: how much of
// each billable entry's runs another billable entry of the SAME person also ran
// (../billing/entry-overlap.ts), summed into a report's rows and totals. A second pass over
// the runs of the entries of the range (the engine's SQL sums entries; overlap needs their
// runs side by side, and SQL only picks the runs that can overlap), not a stored column:
// nothing to keep up to date on every write of a run. The store says where the runs are
// (the app's time_entry_ranges, the team server's entry_runs, filled by sync); everything
// else is the same on both.
import { sql, type Kysely } from 'kysely'
import { overlappedMsByEntry, type EntryRun } from '../billing/entry-overlap'
import { addDays, periodContaining } from '../periods'
import type { ReportDimension, ReportQuery } from '../reports'
import { BILLABLE_ID } from './labels'
import type { ReportRunTables, ReportStore, ReportTables } from './tables'

/** Ids per query: far below both databases' parameter limits. */
const CHUNK = 500

/** A billable live entry with what a report groups and filters it by. */
export interface OverlapEntry {
  id: string
  user_id: string
  day: string
  work_item_id: string | null
  activity_type_id: string | null
  status: string
  customer_id: string | null
  contract_id: string | null
  organisation: string | null
}

/** An entry with overlapped time, and how many seconds. */
export interface OverlappedEntry {
  entry: OverlapEntry
  seconds: number
}

/**
 * The billable live entries of `people` (undefined: everyone) on the days `from`–`to` that
 * another billable entry of the same person ran beside, with their overlapped seconds.
 * Entries a day either side are read too: a run just before midnight overlaps one just
 * after it. Voided entries take no part (they bill nothing).
 *
 * The database hands over only the candidates, with what their entries are grouped by:
 * the runs that overlap another run of the same person (each person's runs in time order,
 * a run is kept when the latest end before it is later than its start or the next start is
 * earlier than its end, ties in any order). A run that overlaps nothing adds nothing to
 * anyone's overlap, so leaving it out changes no answer; the rule still decides how much
 * overlapped. A year of a 50-person team has 175k runs and 17k candidates: reading every
 * run into JS took longer than the report's SQL (see the commit for the figures).
 */
export async function overlappedEntries(store: ReportStore, people: readonly string[] | undefined, from: string, to: string): Promise<OverlappedEntry[]> {
  if (people !== undefined && people.length === 0) return []
  const tables: Kysely<ReportTables> = store.db
  const db = tables.$extendTables<ReportRunTables>()
  const ordered = sql`PARTITION BY e.user_id ORDER BY r.started_at`
  const runs = db
    .selectFrom(`${store.runsTable} as r`)
    .innerJoin('time_entries as e', 'e.id', 'r.entry_id')
    .select([
      'r.started_at',
      'r.ended_at',
      'e.id',
      'e.user_id',
      'e.day',
      'e.work_item_id',
      'e.activity_type_id',
      'e.status',
      sql<number | null>`max(r.ended_at) OVER (${ordered} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`.as('ended_before'),
      sql<number | null>`lead(r.started_at) OVER (${ordered})`.as('next_start'),
    ])
    .where('e.deleted_at', 'is', null)
    .where('e.day', '>=', addDays(from, -1))
    .where('e.day', '<=', addDays(to, 1))
    .where('e.billable', '=', 1)
    .where('e.status', '!=', 'voided')
    .$if(people !== undefined, (q) => q.where('e.user_id', 'in', [...(people ?? [])]))
  const candidates = await db
    .selectFrom(runs.as('c'))
    .leftJoin('work_items as w', 'w.id', 'c.work_item_id')
    .leftJoin('customers as cu', 'cu.id', 'w.customer_id')
    .select(['c.started_at', 'c.ended_at', 'c.id', 'c.user_id', 'c.day', 'c.work_item_id', 'c.activity_type_id', 'c.status', 'w.customer_id', 'w.contract_id', 'cu.organisation'])
    .where((eb) => eb.or([eb('c.ended_before', '>', eb.ref('c.started_at')), eb('c.next_start', '<', eb.ref('c.ended_at'))]))
    .execute()
  // Overlap is between one person's own entries: each person's runs go through the rule alone.
  const runsOf = new Map<string, EntryRun[]>()
  const entries = new Map<string, OverlapEntry>()
  for (const { started_at, ended_at, ...entry } of candidates) {
    const list = runsOf.get(entry.user_id) ?? []
    if (list.length === 0) runsOf.set(entry.user_id, list)
    list.push({ entryId: entry.id, startedAt: started_at, endedAt: ended_at, billable: true })
    entries.set(entry.id, entry)
  }
  const found: OverlappedEntry[] = []
  for (const list of runsOf.values()) {
    for (const [id, ms] of overlappedMsByEntry(list)) {
      const entry = entries.get(id)
      // Whole seconds of the entry's overlapped ms (as overlappedSecondsByEntry makes them).
      if (entry !== undefined && entry.day >= from && entry.day <= to && ms >= 1000) found.push({ entry, seconds: Math.floor(ms / 1000) })
    }
  }
  return found
}

/** Overlapped seconds of the person's entries on the days `from`–`to`, by entry id (entries without any left out). */
export async function overlappedSecondsOf(store: ReportStore, userId: string, from: string, to: string): Promise<Map<string, number>> {
  return new Map((await overlappedEntries(store, [userId], from, to)).map(({ entry, seconds }) => [entry.id, seconds]))
}

/** `ids` keeps `id` (a list; null in it keeps "none"); no list keeps everything. */
const kept = (ids: readonly (string | null)[] | undefined, id: string | null) => ids === undefined || ids.includes(id)

/** Whether an entry passes the report's filters, as the engine's SQL applies them (people and teams aside). */
function passes(entry: OverlapEntry, filters: ReportQuery['filters']): boolean {
  return (
    (filters.statuses as readonly string[]).includes(entry.status) &&
    kept(filters.customerIds, entry.customer_id) &&
    kept(filters.organisations, entry.organisation) &&
    kept(filters.contractIds, entry.contract_id) &&
    kept(filters.workItemIds, entry.work_item_id) &&
    kept(filters.activityTypeIds, entry.activity_type_id) &&
    filters.billable !== false
  )
}

/**
 * The teams a person's time is shown in under the report's team filter (their teams the
 * filter keeps; none kept: the "no team" group), or null when the filter leaves the person out.
 */
function teamsShown(teams: readonly string[], filter: readonly (string | null)[] | undefined): readonly (string | null)[] | null {
  const shown = filter === undefined ? teams : teams.filter((team) => filter.includes(team))
  if (shown.length > 0) return shown
  return filter === undefined || (teams.length === 0 && filter.includes(null)) ? [null] : null
}

/** The entry's key ids for one grouping, as the engine names its rows: a person in two teams is in both. */
function keysOf(entry: OverlapEntry, dimension: ReportDimension, query: ReportQuery, teams: readonly (string | null)[]): readonly (string | null)[] {
  switch (dimension) {
    case 'day':
      return [entry.day]
    case 'week':
      return [periodContaining(entry.day, { kind: 'weekly', weekStartsOn: query.weekStartsOn }).start]
    case 'month':
      return [entry.day.slice(0, 7)]
    case 'customer':
      return [entry.customer_id]
    case 'organisation':
      return [entry.organisation]
    case 'contract':
      return [entry.contract_id]
    case 'workItem':
      return [entry.work_item_id]
    case 'activityType':
      return [entry.activity_type_id]
    case 'status':
      return [entry.status]
    case 'billable':
      // Only billable entries overlap.
      return [BILLABLE_ID]
    case 'user':
      return [entry.user_id]
    case 'team':
      return teams
  }
}

/** Every combination of one id per dimension: the JSON of each row key the entry counts in. */
function rowKeysOf(choices: readonly (readonly (string | null)[])[]): string[] {
  let keys: (string | null)[][] = [[]]
  for (const ids of choices) keys = keys.flatMap((key) => ids.map((id) => [...key, id]))
  return keys.map((key) => JSON.stringify(key))
}

/** A report's overlapped seconds: per row (by the JSON of its key ids) and in total (each entry once). */
export interface ReportOverlap {
  byRow: Map<string, number>
  total: number
}

/** Overlapped seconds of the report's rows and totals, over the entries of `people` (the scope, narrowed by the person filter; undefined: everyone). */
export async function reportOverlap(store: ReportStore, query: ReportQuery, people: readonly string[] | undefined): Promise<ReportOverlap> {
  const byRow = new Map<string, number>()
  let total = 0
  const { filters } = query
  if (filters.billable === false) return { byRow, total }
  const found = (await overlappedEntries(store, people, query.from, query.to)).filter(({ entry }) => passes(entry, filters))
  const teamsOf = await teamsOfPeople(store, query, [...new Set(found.map(({ entry }) => entry.user_id))])
  for (const { entry, seconds } of found) {
    const teams = teamsOf === null ? [null] : teamsShown(teamsOf.get(entry.user_id) ?? [], filters.teamIds)
    if (teams === null) continue
    total += seconds
    for (const key of rowKeysOf(query.groupBy.map((dimension) => keysOf(entry, dimension, query, teams)))) byRow.set(key, (byRow.get(key) ?? 0) + seconds)
  }
  return { byRow, total }
}

/** The teams of each of `people`, when the report groups or filters by team (only the team server has teams); null when it does neither. */
async function teamsOfPeople(store: ReportStore, query: ReportQuery, people: readonly string[]): Promise<Map<string, string[]> | null> {
  if (store.kind !== 'team' || (!query.groupBy.includes('team') && query.filters.teamIds === undefined)) return null
  const teams = new Map<string, string[]>()
  for (let start = 0; start < people.length; start += CHUNK) {
    const rows = await store.db
      .selectFrom('team_members')
      .select(['user_id', 'team_id'])
      .where('user_id', 'in', people.slice(start, start + CHUNK))
      .execute()
    for (const row of rows) teams.set(row.user_id, [...(teams.get(row.user_id) ?? []), row.team_id])
  }
  return teams
}
