// Per-person change streams: each person's time entries and periods are numbered from a
// counter of their own (src/server/db/change-streams.ts), so pushes of different people
// do not queue on one row. Every existing person's stream starts at the organisation's
// counter: their rows already carry numbers at or below it and a device's old cursor N
// (below it too) still means "everything of mine above N". Periods get the (user, seq)
// index time entries already have, so a pull reads only its own person's rows.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_streams')
    .addColumn('user_id', 'text', (col) => col.primaryKey().references('users.id'))
    .addColumn('change_seq', 'bigint', (col) => col.notNull().check(sql`change_seq >= 0`))
    .execute()
  await sql`INSERT INTO change_streams (user_id, change_seq) SELECT users.id, org.change_seq FROM users CROSS JOIN org`.execute(db)
  await db.schema.createIndex('periods_by_user_seq').on('periods').columns(['user_id', 'seq']).execute()
}
