// Time belongs to a person: entries, period statuses, rows added by hand and cell notes
// carry the id of the user they belong to. A device starts with an id of its own (kept
// in app_state); a team server account later replaces it. The grid's hot query now
// starts from the user. Frozen: never edit a shipped migration, add a new one.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

const OWNED = ['time_entries', 'periods', 'timesheet_rows', 'cell_notes'] as const

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`INSERT OR IGNORE INTO app_state (key, value) VALUES ('user_id', ${randomUUID()})`.execute(db)
  for (const table of OWNED) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN user_id TEXT NOT NULL DEFAULT ''`.execute(db)
    await sql`UPDATE ${sql.table(table)} SET user_id = (SELECT value FROM app_state WHERE key = 'user_id')`.execute(db)
  }
  await sql`DROP INDEX time_entries_by_day_row`.execute(db)
  await sql`DROP INDEX time_entries_by_day`.execute(db)
  await sql`CREATE INDEX time_entries_by_user_day_row ON time_entries (user_id, day, work_item_id, activity_type_id, billable) WHERE deleted_at IS NULL`.execute(db)
  await sql`DROP INDEX periods_by_start`.execute(db)
  await sql`CREATE UNIQUE INDEX periods_by_user_start ON periods (user_id, start_day) WHERE deleted_at IS NULL`.execute(db)
  await sql`DROP INDEX timesheet_rows_by_period`.execute(db)
  await sql`CREATE INDEX timesheet_rows_by_user_period ON timesheet_rows (user_id, period_start) WHERE deleted_at IS NULL`.execute(db)
  await sql`DROP INDEX cell_notes_by_day`.execute(db)
  await sql`CREATE INDEX cell_notes_by_user_day ON cell_notes (user_id, day) WHERE deleted_at IS NULL`.execute(db)
}
