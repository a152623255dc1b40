// A work item may name its ticket's page (https://redmine.example.com/issues/42): the browser
// extension finds the ticket's timer by it and the write-back finds the ticket. Synced like the
// title; checked in src/shared/ticket-url.ts, the length held here too.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE work_items ADD COLUMN ticket_url TEXT CHECK (ticket_url IS NULL OR length(ticket_url) BETWEEN 1 AND 2048)`.execute(db)
  await sql`CREATE INDEX work_items_ticket_url ON work_items (ticket_url) WHERE ticket_url IS NOT NULL AND deleted_at IS NULL`.execute(db)
}
