// A work item may name its ticket's page (https://redmine.example.com/issues/42): the
// write-back finds the ticket by it. Devices sync it like the title. Only the schema
// builder, so SQLite and PostgreSQL both take it.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('work_items')
    .addColumn('ticket_url', 'text', (col) => col.check(sql`ticket_url IS NULL OR length(ticket_url) BETWEEN 1 AND 2048`))
    .execute()
}
