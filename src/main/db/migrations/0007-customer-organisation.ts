// Customers may belong to an organisation ("Acme Group"): free text, null for none, so
// month views and reports can sum the time of a group of customers. Synced like the name.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN organisation TEXT CHECK (organisation IS NULL OR length(organisation) BETWEEN 1 AND 120)`.execute(db)
}
