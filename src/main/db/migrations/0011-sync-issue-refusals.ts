// A sync issue keeps the team server's refusal as data beside its English reason: the
// catalogue id and its values (JSON), so the window says it in the reader's language.
// Issues stored before have neither and show their reason as it was given.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE sync_issues ADD COLUMN message_id TEXT CHECK (message_id IS NULL OR length(message_id) BETWEEN 1 AND 200)`.execute(db)
  await sql`ALTER TABLE sync_issues ADD COLUMN message_values TEXT CHECK (message_values IS NULL OR (message_id IS NOT NULL AND json_valid(message_values) AND json_type(message_values) = 'object'))`.execute(db)
}
