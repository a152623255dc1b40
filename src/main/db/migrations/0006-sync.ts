// Sync with a team server. Triggers record every local change of a synced row in an
// outbox (so no write path can forget to), unless the change is the server's own copy
// being applied (app_state 'sync_applying' is set for exactly that transaction).
// server_version is the server's version of a row as last seen; sync_issues keeps what
// the server refused or found in conflict until the user settles it.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

const TRACKED = [
  ['time_entries', 'entry'],
  ['work_items', 'workItem'],
  ['activity_types', 'activityType'],
  ['customers', 'customer'],
  ['contracts', 'contract'],
] as const

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sync_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      entity TEXT NOT NULL CHECK (entity IN ('entry', 'workItem', 'activityType', 'customer', 'contract', 'period.submit', 'period.withdraw')),
      entity_id TEXT NOT NULL,
      mutation_id TEXT UNIQUE,
      payload TEXT,
      batch_id TEXT,
      created_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  await sql`CREATE INDEX sync_outbox_by_batch ON sync_outbox (batch_id, seq)`.execute(db)
  await sql`CREATE INDEX sync_outbox_by_entity ON sync_outbox (entity, entity_id)`.execute(db)

  for (const [table, entity] of TRACKED) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN server_version INTEGER`.execute(db)
    for (const event of ['INSERT', 'UPDATE'] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_to_outbox_${event.toLowerCase()} AFTER ${event} ON ${table}
           WHEN NOT EXISTS (SELECT 1 FROM app_state WHERE key = 'sync_applying')
           BEGIN
             INSERT INTO sync_outbox (entity, entity_id, created_at) VALUES ('${entity}', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
           END`,
        )
        .execute(db)
    }
  }

  await sql`
    CREATE TABLE sync_issues (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('conflict', 'refused')),
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      mutation TEXT NOT NULL,
      server_copy TEXT,
      reason TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      resolved_at INTEGER,
      resolution TEXT
    ) STRICT`.execute(db)
  await sql`CREATE INDEX sync_issues_open ON sync_issues (created_at) WHERE resolved_at IS NULL`.execute(db)

  // What the server decided for a period (level awaited), and a period's audit trail as pulled.
  await sql`ALTER TABLE periods ADD COLUMN level INTEGER CHECK (level IS NULL OR level IN (1, 2))`.execute(db)
  await sql`ALTER TABLE periods ADD COLUMN server_version INTEGER`.execute(db)
}
