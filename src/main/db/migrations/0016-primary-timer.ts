// The primary timer (issue 18 §1): under the `primary` overlap rule, the timer the
// technician marks bills the wall-clock time it shares with other billable timers. The
// mark lives on the timer (at most one at a time, kept by the timer engine); each run
// records whether it ran marked, and carries that into the booked ranges (and into held
// time's ranges, booked later), so a run billed next month is billed as it ran.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

const TABLES = ['timers', 'timer_segments', 'time_entry_ranges', 'held_time_ranges'] as const

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))`.execute(db)
  }
}
