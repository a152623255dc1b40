// What a run of entry changes needs to know before it is judged (push-entries.ts): the
// rows it touches, the day totals of every day it touches, which of those days lie in a
// submitted or approved period, and which linked work items and activity types exist.
// On PostgreSQL that is ONE statement (a round trip costs the server more CPU than the
// reading: each is a socket write and a wake-up on both sides); SQLite, in-process, reads
// them one query at a time. Both answer the same question the same way.
import { sql, type Selectable, type Transaction } from 'kysely'
import type { Period, PeriodRule } from '@shared/periods'
import { periodContaining } from '@shared/periods'
import { isPostgres } from '../db/dialect'
import type { ServerDatabase, TimeEntriesTable } from '../db/schema'
import type { EntryPut } from './push-entries'

type Trx = Transaction<ServerDatabase>
type EntryRow = Selectable<TimeEntriesTable>
interface Lock {
  start_day: string
  end_day: string
  status: string
}

export interface EntryRunContext {
  /** The rows the run names, whoever owns them. */
  existing: Map<string, EntryRow>
  /** The period of every day the run touches (new days and the days entries move from). */
  periods: Map<string, Period>
  /** The submitted or approved periods among them, by start day. */
  locked: Map<string, Lock>
  /** The person's hours per day touched (tombstones and voided entries do not count). */
  totals: Map<string, number>
  workItems: Set<string>
  activityTypes: Set<string>
}

const LOCKING = ['submitted', 'approved']

const present = (ids: readonly (string | null)[]): string[] => [...new Set(ids.filter((id): id is string => id !== null))]

export async function readEntryRun(trx: Trx, userId: string, run: readonly EntryPut[], rule: PeriodRule): Promise<EntryRunContext> {
  const entryIds = [...new Set(run.map((m) => m.entry.id))]
  const newDays = [...new Set(run.map((m) => m.entry.day))]
  const itemIds = present(run.map((m) => m.entry.workItemId))
  const typeIds = present(run.map((m) => m.entry.activityTypeId))
  const periods = new Map<string, Period>()
  for (const day of newDays) periods.set(day, periodContaining(day, rule))
  const starts = [...new Set([...periods.values()].map((p) => p.start))]

  const read = isPostgres(trx) ? await readOnPostgres(trx, userId, entryIds, newDays, starts, itemIds, typeIds) : await readOnSqlite(trx, userId, entryIds, newDays, starts, itemIds, typeIds)
  const existing = new Map(read.existing.map((r) => [r.id, r]))
  const locked = new Map(read.locked.map((p) => [p.start_day, p]))
  // An entry moving away from a day in a period none of the new days lies in: that period's lock too (rare; one more query).
  const moreStarts = new Set<string>()
  for (const row of existing.values()) {
    if (periods.has(row.day)) continue
    const period = periodContaining(row.day, rule)
    periods.set(row.day, period)
    if (!starts.includes(period.start)) moreStarts.add(period.start)
  }
  if (moreStarts.size > 0) for (const p of await lockedPeriods(trx, userId, [...moreStarts])) locked.set(p.start_day, p)
  return { existing, periods, locked, totals: new Map(read.totals.map((t) => [t.day, Number(t.total)])), workItems: new Set(read.workItems), activityTypes: new Set(read.activityTypes) }
}

interface Read {
  existing: EntryRow[]
  locked: Lock[]
  totals: { day: string; total: number | string }[]
  workItems: string[]
  activityTypes: string[]
}

async function readOnPostgres(trx: Trx, userId: string, entryIds: string[], newDays: string[], starts: string[], itemIds: string[], typeIds: string[]): Promise<Read> {
  // The days entries move from are found in the same statement (the rows' own days).
  // Written so the plan cannot depend on the table's statistics: each named row is one
  // primary-key probe, and each day's total one probe of (user_id, day). With stale
  // statistics (a table that grew since the last ANALYZE, as a busy server's does between
  // autovacuum runs) the set-wise form was planned as a scan of the table and of all the
  // person's rows: 38 ms for a 100-entry push over 13,000 rows, growing with the history.
  // OFFSET 0 keeps each lookup a subquery of its own (not flattened into a hash join).
  const result = await sql<Read>`
    WITH existing AS (SELECT t.* FROM unnest(${entryIds}::text[]) AS wanted(id) CROSS JOIN LATERAL (SELECT * FROM time_entries WHERE time_entries.id = wanted.id OFFSET 0) AS t),
         days AS (SELECT unnest(${newDays}::text[]) AS day UNION SELECT day FROM existing)
    SELECT
      (SELECT coalesce(json_agg(existing), '[]') FROM existing) AS existing,
      (SELECT coalesce(json_agg(json_build_object('start_day', start_day, 'end_day', end_day, 'status', status)), '[]') FROM periods
        WHERE user_id = ${userId} AND start_day = ANY(${starts}::text[]) AND status = ANY(${LOCKING}::text[])) AS locked,
      (SELECT coalesce(json_agg(json_build_object('day', days.day, 'total', t.total)), '[]') FROM days CROSS JOIN LATERAL (
        SELECT sum(rounded_seconds) AS total FROM time_entries
        WHERE user_id = ${userId} AND time_entries.day = days.day AND deleted_at IS NULL AND status <> 'voided') AS t WHERE t.total IS NOT NULL) AS totals,
      (SELECT coalesce(json_agg(id), '[]') FROM work_items WHERE id = ANY(${itemIds}::text[])) AS "workItems",
      (SELECT coalesce(json_agg(id), '[]') FROM activity_types WHERE id = ANY(${typeIds}::text[])) AS "activityTypes"`.execute(trx)
  const row = result.rows[0]
  if (!row) throw new Error('the reads of a push run answered no row')
  return row
}

async function readOnSqlite(trx: Trx, userId: string, entryIds: string[], newDays: string[], starts: string[], itemIds: string[], typeIds: string[]): Promise<Read> {
  const existing = await trx.selectFrom('time_entries').selectAll().where('id', 'in', entryIds).execute()
  const days = [...new Set([...newDays, ...existing.map((r) => r.day)])]
  const totals = await trx
    .selectFrom('time_entries')
    .select(['day', sql<number | string>`sum(rounded_seconds)`.as('total')])
    .where('user_id', '=', userId)
    .where('day', 'in', days)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'voided')
    .groupBy('day')
    .execute()
  const ids = async (table: 'work_items' | 'activity_types', wanted: string[]) => (wanted.length === 0 ? [] : (await trx.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id))
  return { existing, locked: await lockedPeriods(trx, userId, starts), totals, workItems: await ids('work_items', itemIds), activityTypes: await ids('activity_types', typeIds) }
}

async function lockedPeriods(trx: Trx, userId: string, starts: string[]): Promise<Lock[]> {
  if (starts.length === 0) return []
  return trx.selectFrom('periods').select(['start_day', 'end_day', 'status']).where('user_id', '=', userId).where('start_day', 'in', starts).where('status', 'in', ['submitted', 'approved']).execute()
}
