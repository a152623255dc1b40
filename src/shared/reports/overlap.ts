// Overlapped time, the report measure, for the app and the team server alike: how much of
// each billable entry's runs another billable entry of the SAME person also ran
// (../billing/entry-overlap.ts), summed into a report's rows and totals. A second pass over
// the runs of the entries of the range (the engine's SQL sums entries; overlap needs their
// runs side by side), not a stored column: nothing to keep up to date on every write of a
// run. The store says where the runs are (the app's time_entry_ranges, the team server's
// entry_runs, filled by sync); everything else is the same on both.
import type { Kysely } from 'kysely'
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
 */
export async function overlappedEntries(store: ReportStore, people: readonly string[] | undefined, from: string, to: string): Promise<OverlappedEntry[]> {
  if (people !== undefined && people.length === 0) return []
  const tables: Kysely<ReportTables> = store.db
  const db = tables.$extendTables<ReportRunTables>()
  // One statement for the runs and whose they are: chunks of entry ids cost a year of a
  // team 45 round trips to PostgreSQL, four times this.
  const runs = await db
    .selectFrom(`${store.runsTable} as r`)
    .innerJoin('time_entries as e', 'e.id', 'r.entry_id')
    .select(['r.entry_id', 'r.started_at', 'r.ended_at', 'e.user_id', 'e.day'])
    .where('e.deleted_at', 'is', null)
    .where('e.day', '>=', addDays(from, -1))
    .where('e.day', '<=', addDays(to, 1))
    .where('e.billable', '=', 1)
    .where('e.status', '!=', 'voided')
    .$if(people !== undefined, (q) => q.where('e.user_id', 'in', [...(people ?? [])]))
    .execute()
  // Overlap is between one person's own entries: each person's runs go through the rule alone.
  const runsOf = new Map<string, EntryRun[]>()
  const dayOf = new Map<string, string>()
  for (const run of runs) {
    const list = runsOf.get(run.user_id) ?? []
    list.push({ entryId: run.entry_id, startedAt: run.started_at, endedAt: run.ended_at, billable: true })
    runsOf.set(run.user_id, list)
    dayOf.set(run.entry_id, run.day)
  }
  // An entry's runs may fall in several groups: its milliseconds are summed, then made whole seconds (as overlappedSecondsByEntry does).
  const ms = new Map<string, number>()
  for (const list of runsOf.values()) {
    for (const cluster of clustersOf(list)) {
      for (const [id, overlapped] of overlappedMsByEntry(cluster)) {
        const day = dayOf.get(id) ?? ''
        if (day >= from && day <= to) ms.set(id, (ms.get(id) ?? 0) + overlapped)
      }
    }
  }
  const seconds = new Map<string, number>()
  for (const [id, overlapped] of ms) if (overlapped >= 1000) seconds.set(id, Math.floor(overlapped / 1000))
  // What the report groups and filters them by, for the few entries with overlap.
  const ids = [...seconds.keys()]
  const found: OverlappedEntry[] = []
  for (let start = 0; start < ids.length; start += CHUNK) {
    const entries = await db
      .selectFrom('time_entries as e')
      .leftJoin('work_items as w', 'w.id', 'e.work_item_id')
      .leftJoin('customers as cu', 'cu.id', 'w.customer_id')
      .select(['e.id', 'e.user_id', 'e.day', 'e.work_item_id', 'e.activity_type_id', 'e.status', 'w.customer_id', 'w.contract_id', 'cu.organisation'])
      .where('e.id', 'in', ids.slice(start, start + CHUNK))
      .execute()
    for (const entry of entries) found.push({ entry, seconds: seconds.get(entry.id) ?? 0 })
  }
  return found
}

/**
 * One person's runs in groups that overlap nothing outside them (sorted by start, a run
 * joins the group while it starts before the group's last end), leaving out the groups of
 * one entry alone: most people never run two billable timers at once, and the overlap rule
 * then looks at nothing.
 */
function clustersOf(runs: EntryRun[]): EntryRun[][] {
  const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt)
  const clusters: EntryRun[][] = []
  let current: EntryRun[] = []
  let end = -Infinity
  const close = () => {
    if (new Set(current.map((run) => run.entryId)).size > 1) clusters.push(current)
  }
  for (const run of sorted) {
    if (run.startedAt >= end) {
      close()
      current = []
    }
    current.push(run)
    end = Math.max(end, run.endedAt)
  }
  close()
  return clusters
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
