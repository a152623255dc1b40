// The two writes of every push, set-wise: the entries of a run in one upsert, and the
// answers to record in one insert (both in one statement when the entries are the push's
// last step). On PostgreSQL each is one statement with the rows as one JSON parameter
// (`INSERT … SELECT FROM json_to_recordset(…)`): a few parameters instead of sixteen per
// row, which was most of a push's CPU in the driver and the query builder.
// SQLite, in-process, keeps the multi-row form. The timer runs of the entries applied
// (when their changes carried runs, or were tombstones) replace what the server had, in
// the same statement as the entries on PostgreSQL; a push without runs writes none.
import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { MutationResult } from '@shared/sync'
import type { EntryRunWire } from '@shared/sync-runs'
import type { UserSeq } from '../db/change-streams'
import { isPostgres } from '../db/dialect'
import type { EntryStatus, ServerDatabase } from '../db/schema'

type Trx = Transaction<ServerDatabase>

export interface EntryWrite {
  id: string
  day: string
  work_item_id: string | null
  activity_type_id: string | null
  billable: 0 | 1
  description: string
  source: 'timer' | 'grid' | 'manual'
  raw_seconds: number
  rounded_seconds: number
  status: EntryStatus
  version: number
  seq: UserSeq
  created_at: number
  deleted_at: number | null
}

/** The runs an applied entry has now: they replace all it had (none: it has no runs now). */
export interface RunsWrite {
  entryId: string
  runs: readonly EntryRunWire[]
}

/** The rows of `entry_runs` for `writes`, with the columns' own names. */
function runRows(writes: readonly RunsWrite[]) {
  return writes.flatMap((w) => w.runs.map((r) => ({ entry_id: w.entryId, started_at: r.startedAt, ended_at: r.endedAt, zone: r.zone, is_primary: r.primary ? (1 as const) : (0 as const) })))
}

/**
 * The PostgreSQL replacement of the entries' runs, as three parts of a WITH (a data-modifying
 * WITH must be at the top level, so the caller puts them beside its own): the new runs from
 * one JSON parameter, the old runs not among them deleted, the new ones inserted or updated.
 * The delete and the insert touch different rows, so their order within the statement does not matter.
 */
function replaceRunsCtes(writes: readonly RunsWrite[]): RawBuilder<unknown> {
  return sql`
    runs_new AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(runRows(writes))}::json) AS r(entry_id text, started_at bigint, ended_at bigint, zone text, is_primary int)),
    runs_gone AS (
      DELETE FROM entry_runs o WHERE o.entry_id IN (SELECT value FROM json_array_elements_text(${JSON.stringify(writes.map((w) => w.entryId))}::json))
        AND NOT EXISTS (SELECT 1 FROM runs_new n WHERE n.entry_id = o.entry_id AND n.started_at = o.started_at)),
    runs_put AS (
      INSERT INTO entry_runs (entry_id, started_at, ended_at, zone, is_primary) SELECT entry_id, started_at, ended_at, zone, is_primary FROM runs_new
      ON CONFLICT (entry_id, started_at) DO UPDATE SET ended_at = excluded.ended_at, zone = excluded.zone, is_primary = excluded.is_primary)`
}

/** SQLite: each entry's runs deleted and the new ones inserted. */
async function replaceRunsSqlite(trx: Trx, writes: readonly RunsWrite[]): Promise<void> {
  const ids = writes.map((w) => w.entryId)
  for (let i = 0; i < ids.length; i += 500) await trx.deleteFrom('entry_runs').where('entry_id', 'in', ids.slice(i, i + 500)).execute()
  const rows = runRows(writes)
  for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('entry_runs').values(rows.slice(i, i + 1000)).execute()
}

/**
 * The PostgreSQL upsert of `rows`, sent as ONE JSON parameter read by json_to_recordset:
 * the driver's escaping of fourteen array parameters element by element cost more CPU
 * than the native JSON.stringify and PostgreSQL's JSON reader together. The record's
 * fields are the columns' own names (EntryWrite), so a row is sent as it is.
 */
function upsertEntriesSql(userId: string, rows: readonly EntryWrite[], now: number): RawBuilder<unknown> {
  return sql`
    INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, version, seq, created_at, updated_at, deleted_at)
    SELECT t.id, ${userId}, t.day, t.work_item_id, t.activity_type_id, t.billable, t.description, t.source, t.raw_seconds, t.rounded_seconds, t.status, t.version, t.seq, t.created_at, ${now}, t.deleted_at
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS t(id text, day text, work_item_id text, activity_type_id text, billable int, description text, source text, raw_seconds bigint, rounded_seconds bigint, status text,
           version int, seq bigint, created_at bigint, deleted_at bigint)
    ON CONFLICT (id) DO UPDATE SET
      day = excluded.day, work_item_id = excluded.work_item_id, activity_type_id = excluded.activity_type_id, billable = excluded.billable,
      description = excluded.description, source = excluded.source, raw_seconds = excluded.raw_seconds, rounded_seconds = excluded.rounded_seconds,
      version = excluded.version, seq = excluded.seq, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`
}

/** The PostgreSQL insert of the answers given: one JSON array, each answer stored as its own JSON text. */
function recordAnswersSql(userId: string, answers: readonly MutationResult[], now: number): RawBuilder<unknown> {
  return sql`
    INSERT INTO applied_mutations (id, user_id, result, at)
    SELECT a ->> 'id', ${userId}, a::text, ${now} FROM json_array_elements(${JSON.stringify(answers)}::json) AS a`
}

/** Inserts or updates `rows` of `userId`, stamped `now`, and replaces the runs of `runs`. Owner and creation time of an existing row stay. */
export async function upsertEntries(trx: Trx, userId: string, rows: readonly EntryWrite[], now: number, runs: readonly RunsWrite[] = []): Promise<void> {
  if (rows.length === 0) return
  if (isPostgres(trx)) {
    if (runs.length === 0) await upsertEntriesSql(userId, rows, now).execute(trx)
    else await sql`WITH written AS (${upsertEntriesSql(userId, rows, now)}), ${replaceRunsCtes(runs)} SELECT 1`.execute(trx)
    return
  }
  await upsertEntriesSqlite(trx, userId, rows, now)
  if (runs.length > 0) await replaceRunsSqlite(trx, runs)
}

async function upsertEntriesSqlite(trx: Trx, userId: string, rows: readonly EntryWrite[], now: number): Promise<void> {
  const values = rows.map((r) => ({ ...r, user_id: userId, updated_at: now }))
  // SQLite caps the parameters of one statement; 16 columns x 1000 rows stays under it.
  for (let i = 0; i < values.length; i += 1000) {
    await trx
      .insertInto('time_entries')
      .values(values.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          day: eb.ref('excluded.day'),
          work_item_id: eb.ref('excluded.work_item_id'),
          activity_type_id: eb.ref('excluded.activity_type_id'),
          billable: eb.ref('excluded.billable'),
          description: eb.ref('excluded.description'),
          source: eb.ref('excluded.source'),
          raw_seconds: eb.ref('excluded.raw_seconds'),
          rounded_seconds: eb.ref('excluded.rounded_seconds'),
          version: eb.ref('excluded.version'),
          seq: eb.ref('excluded.seq'),
          updated_at: eb.ref('excluded.updated_at'),
          deleted_at: eb.ref('excluded.deleted_at'),
        })),
      )
      .execute()
  }
}

/** Records the answers given, so a replayed change id gets the same answer. */
export async function recordAnswers(trx: Trx, userId: string, answers: readonly MutationResult[], now: number): Promise<void> {
  if (answers.length === 0) return
  if (isPostgres(trx)) {
    await recordAnswersSql(userId, answers, now).execute(trx)
    return
  }
  for (let i = 0; i < answers.length; i += 200) {
    await trx
      .insertInto('applied_mutations')
      .values(answers.slice(i, i + 200).map((a) => ({ id: a.id, user_id: userId, result: JSON.stringify(a), at: now })))
      .execute()
  }
}

/**
 * A push's last step: its entries and every answer of the push. On PostgreSQL one
 * statement (the upsert as a data-modifying WITH), one round trip fewer per push.
 */
export async function writeEntriesAndAnswers(trx: Trx, userId: string, rows: readonly EntryWrite[], answers: readonly MutationResult[], now: number, runs: readonly RunsWrite[] = []): Promise<void> {
  if (isPostgres(trx) && rows.length > 0 && answers.length > 0) {
    const withRuns = runs.length > 0 ? sql`, ${replaceRunsCtes(runs)}` : sql``
    await sql`WITH written AS (${upsertEntriesSql(userId, rows, now)})${withRuns} ${recordAnswersSql(userId, answers, now)}`.execute(trx)
    return
  }
  await upsertEntries(trx, userId, rows, now, runs)
  await recordAnswers(trx, userId, answers, now)
}
