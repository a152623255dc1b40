// At most one primary timer, held by the database as well as by the timer engine
// (setPrimary clears the other mark before it sets one): a unique index over the marked
// timers only. Should a file ever hold two marks (written by hand, or by a bug since
// fixed), the timer in the lowest slot keeps its mark; the runs keep theirs as they ran.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE timers SET is_primary = 0 WHERE is_primary = 1 AND slot <> (SELECT MIN(slot) FROM timers WHERE is_primary = 1)`.execute(db)
  await sql`CREATE UNIQUE INDEX timers_one_primary ON timers (is_primary) WHERE is_primary = 1`.execute(db)
}
