// What time is booked against (customers, contracts, work items, activity types),
// the draft time entries that stopped timers produce, the prompts that wait for the
// user (crash gaps, idle time) and a small key/value table for the heartbeat.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

const synced = sql.raw(`
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      deleted_at INTEGER`)

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE customers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      ${synced}
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE contracts (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers (id),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      included_minutes INTEGER CHECK (included_minutes IS NULL OR included_minutes >= 0),
      ${synced}
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE work_items (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('ticket', 'work_order', 'task', 'general')),
      reference TEXT CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 64),
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      customer_id TEXT REFERENCES customers (id),
      contract_id TEXT REFERENCES contracts (id),
      billable INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      ${synced}
    ) STRICT`.execute(db)
  // A ticket reference names one live work item, whatever its letter case.
  await sql`CREATE UNIQUE INDEX work_items_reference ON work_items (reference COLLATE NOCASE) WHERE reference IS NOT NULL AND deleted_at IS NULL`.execute(db)
  await sql`
    CREATE TABLE activity_types (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      ${synced}
    ) STRICT`.execute(db)
  await sql`CREATE UNIQUE INDEX activity_types_one_default ON activity_types (is_default) WHERE is_default = 1 AND deleted_at IS NULL`.execute(db)

  await sql`ALTER TABLE timers ADD COLUMN work_item_id TEXT REFERENCES work_items (id)`.execute(db)
  await sql`ALTER TABLE timers ADD COLUMN activity_type_id TEXT REFERENCES activity_types (id)`.execute(db)
  await sql`ALTER TABLE timers ADD COLUMN billable INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1))`.execute(db)
  await sql`ALTER TABLE timers ADD COLUMN note TEXT NOT NULL DEFAULT ''`.execute(db)
  // Segments are never deleted: booking or discarding a run marks its segments.
  await sql`ALTER TABLE timer_segments ADD COLUMN booked_at INTEGER`.execute(db)
  await sql`ALTER TABLE timer_segments ADD COLUMN discarded_at INTEGER`.execute(db)

  await sql`
    CREATE TABLE time_entries (
      id TEXT PRIMARY KEY,
      day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      work_item_id TEXT REFERENCES work_items (id),
      activity_type_id TEXT REFERENCES activity_types (id),
      billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
      description TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL CHECK (source IN ('timer', 'grid', 'manual')),
      raw_seconds INTEGER NOT NULL CHECK (raw_seconds >= 0),
      rounded_seconds INTEGER NOT NULL CHECK (rounded_seconds >= 0),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'voided')),
      timer_id TEXT REFERENCES timers (id),
      time_zone TEXT,
      ${synced}
    ) STRICT`.execute(db)
  await sql`CREATE INDEX time_entries_by_day ON time_entries (day) WHERE deleted_at IS NULL`.execute(db)
  // The exact instants behind a timer entry, for the timesheet's details panel.
  await sql`
    CREATE TABLE time_entry_ranges (
      id TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL REFERENCES time_entries (id),
      started_at INTEGER NOT NULL,
      ended_at INTEGER NOT NULL CHECK (ended_at >= started_at)
    ) STRICT`.execute(db)
  await sql`CREATE INDEX time_entry_ranges_by_entry ON time_entry_ranges (entry_id)`.execute(db)

  await sql`
    CREATE TABLE timer_prompts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('crash-gap', 'idle')),
      timer_id TEXT NOT NULL REFERENCES timers (id),
      from_at INTEGER NOT NULL,
      to_at INTEGER NOT NULL CHECK (to_at >= from_at),
      created_at INTEGER NOT NULL,
      resolved_at INTEGER,
      resolution TEXT
    ) STRICT`.execute(db)
  await sql`CREATE INDEX timer_prompts_open ON timer_prompts (timer_id) WHERE resolved_at IS NULL`.execute(db)

  await sql`CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`.execute(db)
}
