// Write-back from the desktop for a standalone technician (issue 17 §2): the ticket systems
// they set up (NO credentials here: each system's are one secret in the secret store,
// safeStorage in the app) and one row per entry version to write or to take back, made in
// the transaction that submits (= approves) a standalone period. The same columns as the
// team server's ticket_writes, so both engines share one protocol.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ticket_systems')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind IN ('redmine', 'rt', 'zammad', 'jira', 'glpi', 'freshdesk')`))
    .addColumn('name', 'text', (col) => col.notNull().unique().check(sql`length(name) BETWEEN 1 AND 120`))
    .addColumn('base_url', 'text', (col) => col.notNull().check(sql`length(base_url) BETWEEN 1 AND 2048`))
    .addColumn('activity_map', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1).check(sql`active IN (0, 1)`))
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'integer', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('ticket_writes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entry_id', 'text', (col) => col.notNull())
    .addColumn('entry_version', 'integer', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('system_id', 'text', (col) => col.notNull().references('ticket_systems.id'))
    .addColumn('ticket_url', 'text', (col) => col.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('write_key', 'text', (col) => col.notNull().unique())
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('seconds', 'integer', (col) => col.notNull().check(sql`seconds > 0`))
    .addColumn('activity_type_id', 'text')
    .addColumn('comment', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('sent', 'text')
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state IN ('waiting', 'written', 'failed', 'reverse_waiting', 'reverse_failed', 'reversed', 'cancelled')`),
    )
    .addColumn('external_id', 'text')
    .addColumn('url', 'text')
    .addColumn('last_error', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('next_attempt_at', 'integer', (col) => col.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'integer')
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'integer', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('ticket_writes_due').on('ticket_writes').columns(['state', 'next_attempt_at']).execute()
  await db.schema.createIndex('ticket_writes_by_user_day').on('ticket_writes').columns(['user_id', 'day']).execute()
  await db.schema.createIndex('ticket_writes_by_entry').on('ticket_writes').columns(['entry_id']).execute()
}
