// Timer time that fell into a submitted or approved period. It is never booked there and
// never lost: it waits here, with what it would have been booked against, until the user
// decides (book it to today, keep it aside until the period is reopened, or discard it).
// Rows are never deleted: an answer changes the state. Device-local, never synced: once
// booked it becomes ordinary time entries, which are.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE held_time (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      timer_id TEXT REFERENCES timers (id),
      label TEXT NOT NULL,
      work_item_id TEXT REFERENCES work_items (id),
      activity_type_id TEXT REFERENCES activity_types (id),
      billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
      description TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL CHECK (state IN ('asking', 'aside', 'booked', 'discarded')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      resolution TEXT
    ) STRICT`.execute(db)
  await sql`CREATE INDEX held_time_waiting ON held_time (user_id, created_at) WHERE state IN ('asking', 'aside')`.execute(db)
  // The exact pieces, one per local day in the zone the timer ran in, so booking them later
  // lands on the same days however the machine's zone changed meanwhile.
  await sql`
    CREATE TABLE held_time_ranges (
      id TEXT PRIMARY KEY,
      held_id TEXT NOT NULL REFERENCES held_time (id),
      day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      started_at INTEGER NOT NULL,
      ended_at INTEGER NOT NULL CHECK (ended_at > started_at),
      time_zone TEXT NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX held_time_ranges_by_held ON held_time_ranges (held_id, started_at)`.execute(db)
}
