// The database's epoch: a random id that devices compare on every pull. A restored backup
// gets a new one (the backup command writes it into the copy; `mark-restored` sets it after
// a pg_restore), so a device whose cursor and copies belong to the lost future notices,
// pulls everything again and sends back what the restored database no longer has.
// Frozen: never edit a shipped migration, add a new one.
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('database_epoch')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('epoch', 'text', (col) => col.notNull())
    .execute()
  await db.insertInto('database_epoch').values({ id: 1, epoch: randomUUID() }).execute()
}
