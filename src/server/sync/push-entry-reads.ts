// What a run of entry changes needs to know before it is judged (push-entries.ts): the
// rows it touches, the day totals of every day it touches, which of those days lie in a
// submitted or approved period, and which linked work items and activity types exist.
// On PostgreSQL that is ONE statement (a round trip costs the server more CPU than the
// reading: each is a socket write and a wake-up on both sides), and the first run of a
// push shares it with the push's own start (push-start.ts); SQLite, in-process, reads
// them one query at a time. Both answer the same question the same way.
//
// The locks are read for a range of start days that holds the period of every day the
// run names (no period is longer than a month), so the question can be asked before the
// organisation's period rule is known; the rule picks the right one afterwards. A period
// outside the range (an entry moving away from a far day) costs one more query.
import { sql, type Selectable, type Transaction } from 'kysely'
import type { Period, PeriodRule } from '@shared/periods'
import { addDays, periodContaining } from '@shared/periods'
import { isPostgres } from '../db/dialect'
import type { ServerDatabase, TimeEntriesTable } from '../db/schema'
import type { EntryPut } from './push-entries'
import type { Answered } from './push-start'

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

const LOCKING: ('submitted' | 'approved')[] = ['submitted', 'approved']
/** A period starts at most this many days before a day it holds (the longest period is a month). */
const LONGEST_PERIOD_DAYS = 31

const present = (ids: readonly (string | null)[]): string[] => [...new Set(ids.filter((id): id is string => id !== null))]

/** What a run's reads ask for, worked out from its changes alone. */
interface Question {
  entryIds: string[]
  newDays: string[]
  itemIds: string[]
  typeIds: string[]
  /** The start days whose locks are read: every period holding one of newDays starts in [from, to]. */
  lockFrom: string
  lockTo: string
}

function questionOf(run: readonly EntryPut[]): Question {
  const newDays = [...new Set(run.map((m) => m.entry.day))].sort()
  return {
    entryIds: [...new Set(run.map((m) => m.entry.id))],
    newDays,
    itemIds: present(run.map((m) => m.entry.workItemId)),
    typeIds: present(run.map((m) => m.entry.activityTypeId)),
    lockFrom: newDays.length === 0 ? '9999-12-31' : addDays(newDays[0] as string, -LONGEST_PERIOD_DAYS),
    lockTo: newDays.at(-1) ?? '0000-01-01',
  }
}

interface Read {
  existing: EntryRow[]
  locked: Lock[]
  totals: { day: string; total: number | string }[]
  workItems: string[]
  activityTypes: string[]
}

export async function readEntryRun(trx: Trx, userId: string, run: readonly EntryPut[], rule: PeriodRule): Promise<EntryRunContext> {
  const question = questionOf(run)
  const read = isPostgres(trx) ? await readOnPostgres(trx, userId, question, null) : await readOnSqlite(trx, userId, question)
  return contextOf(trx, userId, question, read, rule)
}

/**
 * PostgreSQL only: the start of a push (the answers already given to `changeIds`, the
 * period rule) and the reads of `run`, its first step, in one statement. Run after the
 * person's stream is taken, like every read a push's checks rest on.
 */
export async function readStartWithRun(trx: Trx, userId: string, changeIds: readonly string[], run: readonly EntryPut[]): Promise<{ rule: string | null; seen: Answered[]; run: (rule: PeriodRule) => Promise<EntryRunContext> }> {
  const question = questionOf(run)
  const read = await readOnPostgres(trx, userId, question, [...changeIds])
  return { rule: read.rule, seen: read.seen, run: (rule) => contextOf(trx, userId, question, read, rule) }
}

async function contextOf(trx: Trx, userId: string, question: Question, read: Read, rule: PeriodRule): Promise<EntryRunContext> {
  const existing = new Map(read.existing.map((r) => [r.id, r]))
  const locked = new Map(read.locked.map((p) => [p.start_day, p]))
  const periods = new Map<string, Period>()
  const outside = new Set<string>()
  for (const day of [...question.newDays, ...[...existing.values()].map((r) => r.day)]) {
    if (periods.has(day)) continue
    const period = periodContaining(day, rule)
    periods.set(day, period)
    if (period.start < question.lockFrom || period.start > question.lockTo) outside.add(period.start)
  }
  // An entry moving away from a day whose period the range does not hold: that period's lock too (rare; one more query).
  if (outside.size > 0) for (const p of await lockedPeriods(trx, userId, [...outside])) locked.set(p.start_day, p)
  return { existing, periods, locked, totals: new Map(read.totals.map((t) => [t.day, Number(t.total)])), workItems: new Set(read.workItems), activityTypes: new Set(read.activityTypes) }
}

async function readOnPostgres(trx: Trx, userId: string, q: Question, startIds: string[] | null): Promise<Read & { rule: string | null; seen: Answered[] }> {
  // The days entries move from are found in the same statement (the rows' own days).
  // Written so the plan cannot depend on the table's statistics: each named row is one
  // primary-key probe, and each day's total one probe of (user_id, day). With stale
  // statistics (a table that grew since the last ANALYZE, as a busy server's does between
  // autovacuum runs) the set-wise form was planned as a scan of the table and of all the
  // person's rows: 38 ms for a 100-entry push over 13,000 rows, growing with the history.
  // OFFSET 0 keeps each lookup a subquery of its own (not flattened into a hash join).
  const start =
    startIds === null
      ? sql`NULL::text AS rule, '[]'::json AS seen`
      : sql`(SELECT period_rule FROM org) AS rule,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'user_id', user_id, 'result', result)), '[]') FROM applied_mutations WHERE id = ANY(${startIds}::text[])) AS seen`
  const result = await sql<Read & { rule: string | null; seen: Answered[] }>`
    WITH existing AS (SELECT t.* FROM unnest(${q.entryIds}::text[]) AS wanted(id) CROSS JOIN LATERAL (SELECT * FROM time_entries WHERE time_entries.id = wanted.id OFFSET 0) AS t),
         days AS (SELECT unnest(${q.newDays}::text[]) AS day UNION SELECT day FROM existing)
    SELECT ${start},
      (SELECT coalesce(json_agg(existing), '[]') FROM existing) AS existing,
      (SELECT coalesce(json_agg(json_build_object('start_day', start_day, 'end_day', end_day, 'status', status)), '[]') FROM periods
        WHERE user_id = ${userId} AND start_day BETWEEN ${q.lockFrom} AND ${q.lockTo} AND status = ANY(${LOCKING}::text[])) AS locked,
      (SELECT coalesce(json_agg(json_build_object('day', days.day, 'total', t.total)), '[]') FROM days CROSS JOIN LATERAL (
        SELECT sum(rounded_seconds) AS total FROM time_entries
        WHERE user_id = ${userId} AND time_entries.day = days.day AND deleted_at IS NULL AND status <> 'voided') AS t WHERE t.total IS NOT NULL) AS totals,
      (SELECT coalesce(json_agg(id), '[]') FROM work_items WHERE id = ANY(${q.itemIds}::text[])) AS "workItems",
      (SELECT coalesce(json_agg(id), '[]') FROM activity_types WHERE id = ANY(${q.typeIds}::text[])) AS "activityTypes"`.execute(trx)
  const row = result.rows[0]
  if (!row) throw new Error('the reads of a push run answered no row')
  return row
}

async function readOnSqlite(trx: Trx, userId: string, q: Question): Promise<Read> {
  const existing = q.entryIds.length === 0 ? [] : await trx.selectFrom('time_entries').selectAll().where('id', 'in', q.entryIds).execute()
  const days = [...new Set([...q.newDays, ...existing.map((r) => r.day)])]
  const totals =
    days.length === 0
      ? []
      : await trx
          .selectFrom('time_entries')
          .select(['day', sql<number | string>`sum(rounded_seconds)`.as('total')])
          .where('user_id', '=', userId)
          .where('day', 'in', days)
          .where('deleted_at', 'is', null)
          .where('status', '!=', 'voided')
          .groupBy('day')
          .execute()
  const locked = await trx.selectFrom('periods').select(['start_day', 'end_day', 'status']).where('user_id', '=', userId).where('start_day', '>=', q.lockFrom).where('start_day', '<=', q.lockTo).where('status', 'in', LOCKING).execute()
  const ids = async (table: 'work_items' | 'activity_types', wanted: string[]) => (wanted.length === 0 ? [] : (await trx.selectFrom(table).select('id').where('id', 'in', wanted).execute()).map((r) => r.id))
  return { existing, locked, totals, workItems: await ids('work_items', q.itemIds), activityTypes: await ids('activity_types', q.typeIds) }
}

async function lockedPeriods(trx: Trx, userId: string, starts: string[]): Promise<Lock[]> {
  if (starts.length === 0) return []
  return trx.selectFrom('periods').select(['start_day', 'end_day', 'status']).where('user_id', '=', userId).where('start_day', 'in', starts).where('status', 'in', LOCKING).execute()
}
