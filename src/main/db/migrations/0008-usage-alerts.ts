// Contract usage alerts already announced: one row per month, contract and level, so a
// restart does not announce them again. A level that drops (time moved away) loses its
// row, so reaching it again announces it again.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE usage_alerts (
      month TEXT NOT NULL CHECK (length(month) = 7),
      contract_id TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('warning', 'over')),
      announced_at INTEGER NOT NULL,
      PRIMARY KEY (month, contract_id, level)
    ) STRICT, WITHOUT ROWID`.execute(db)
}
