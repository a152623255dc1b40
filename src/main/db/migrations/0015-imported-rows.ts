// Rows imported from another tracker's CSV export (issue 18 §4): each booked row's source
// and key (a hash of its cells, see src/shared/import/import-parse.ts) with the entry it
// became, so importing the same file again books nothing new. This device's own record,
// never synced.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imported_rows')
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source IN ('toggl', 'clockify', 'harvest', 'kimai')`))
    .addColumn('row_key', 'text', (col) => col.notNull())
    .addColumn('entry_id', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('imported_rows_pk', ['user_id', 'source', 'row_key'])
    .execute()
}
