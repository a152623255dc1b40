// Nine timer slots and their segments. Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE timers (
      id TEXT PRIMARY KEY,
      slot INTEGER NOT NULL UNIQUE CHECK (slot BETWEEN 1 AND 9),
      label TEXT NOT NULL,
      color TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('idle', 'running', 'paused')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      deleted_at INTEGER
    ) STRICT`.execute(db)
  await sql`
    CREATE TABLE timer_segments (
      id TEXT PRIMARY KEY,
      timer_id TEXT NOT NULL REFERENCES timers (id),
      started_at INTEGER NOT NULL,
      ended_at INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
      time_zone TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX timer_segments_by_timer ON timer_segments (timer_id, started_at)`.execute(db)
  // A timer has at most one open segment: a second start cannot slip in, even from a bug.
  await sql`CREATE UNIQUE INDEX timer_segments_one_open ON timer_segments (timer_id) WHERE ended_at IS NULL`.execute(db)
}
