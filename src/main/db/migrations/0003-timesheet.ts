// The timesheet: a period's status with its audit trail (the approval workflow fills
// these in later; the grid already locks on them), rows a user added by hand before
// any time is in them, and notes on cells. Frozen: never edit a shipped migration.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE periods (
      id TEXT PRIMARY KEY,
      start_day TEXT NOT NULL,
      end_day TEXT NOT NULL CHECK (end_day >= start_day),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted', 'approved', 'rejected')),
      reason TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      deleted_at INTEGER
    ) STRICT`.execute(db)
  await sql`CREATE UNIQUE INDEX periods_by_start ON periods (start_day) WHERE deleted_at IS NULL`.execute(db)
  await sql`
    CREATE TABLE period_events (
      id TEXT PRIMARY KEY,
      period_id TEXT NOT NULL REFERENCES periods (id),
      from_status TEXT NOT NULL,
      to_status TEXT NOT NULL,
      reason TEXT,
      actor TEXT NOT NULL,
      at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX period_events_by_period ON period_events (period_id, at)`.execute(db)

  await sql`
    CREATE TABLE timesheet_rows (
      id TEXT PRIMARY KEY,
      period_start TEXT NOT NULL,
      work_item_id TEXT REFERENCES work_items (id),
      activity_type_id TEXT REFERENCES activity_types (id),
      billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      deleted_at INTEGER
    ) STRICT`.execute(db)
  await sql`CREATE INDEX timesheet_rows_by_period ON timesheet_rows (period_start) WHERE deleted_at IS NULL`.execute(db)

  await sql`
    CREATE TABLE cell_notes (
      id TEXT PRIMARY KEY,
      day TEXT NOT NULL,
      work_item_id TEXT REFERENCES work_items (id),
      activity_type_id TEXT REFERENCES activity_types (id),
      billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
      note TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      deleted_at INTEGER
    ) STRICT`.execute(db)
  await sql`CREATE INDEX cell_notes_by_day ON cell_notes (day) WHERE deleted_at IS NULL`.execute(db)

  // The grid loads one period of entries: day range first, then the row's fields.
  await sql`CREATE INDEX time_entries_by_day_row ON time_entries (day, work_item_id, activity_type_id, billable) WHERE deleted_at IS NULL`.execute(db)
}
