// The two writes of every push, set-wise: the entries of a run in one upsert, and the
// answers to record in one insert (both in one statement when the entries are the push's
// last step). On PostgreSQL each is one statement with the rows as one JSON parameter
// (`INSERT … SELECT FROM json_to_recordset(…)`): a few parameters instead of sixteen per
// row, which was most of a push's CPU in the driver and the query builder.
// SQLite, in-process, keeps the multi-row form.
import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { MutationResult } from '@shared/sync'
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

/** Inserts or updates `rows` of `userId`, stamped `now`. Owner and creation time of an existing row stay. */
export async function upsertEntries(trx: Trx, userId: string, rows: readonly EntryWrite[], now: number): Promise<void> {
  if (rows.length === 0) return
  if (isPostgres(trx)) {
    await upsertEntriesSql(userId, rows, now).execute(trx)
    return
  }
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
export async function writeEntriesAndAnswers(trx: Trx, userId: string, rows: readonly EntryWrite[], answers: readonly MutationResult[], now: number): Promise<void> {
  if (isPostgres(trx) && rows.length > 0 && answers.length > 0) {
    await sql`WITH written AS (${upsertEntriesSql(userId, rows, now)}) ${recordAnswersSql(userId, answers, now)}`.execute(trx)
    return
  }
  await upsertEntries(trx, userId, rows, now)
  await recordAnswers(trx, userId, answers, now)
}
