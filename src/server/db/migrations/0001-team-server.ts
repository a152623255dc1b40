// The team server's first schema: the organisation and its change counter, people,
// teams and approvers, device tokens, the synced reference data, time entries, periods
// with their audit trail, and the answers to pushes already applied. One schema for
// SQLite and PostgreSQL, so only the schema builder and SQL both understand.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely'

const WEEKLY_FROM_MONDAY = '{"kind":"weekly","weekStartsOn":1}'

const flag = (column: string) => sql`${sql.ref(column)} IN (0, 1)`
const lengthBetween = (column: string, min: number, max: number) => sql`length(${sql.ref(column)}) BETWEEN ${sql.lit(min)} AND ${sql.lit(max)}`
// GLOB and regular expressions differ between the two; length and substr do not.
const dayShaped = (column: string) =>
  sql`length(${sql.ref(column)}) = 10 AND substr(${sql.ref(column)}, 5, 1) = '-' AND substr(${sql.ref(column)}, 8, 1) = '-'`

/** Columns every synced row carries (DESIGN.md's data rules) plus the change stamp `seq`. */
function synced<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn('deleted_at', 'bigint')
    .addColumn('seq', 'bigint', (col) => col.notNull())
}

/** Reference data also records who made it: a user, or null for an admin import. */
function syncedReference<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return synced(table).addColumn('created_by', 'text', (col) => col.references('users.id'))
}

// A sync push carries a batch of rows in one transaction, in whatever order the device
// wrote them, so links between synced rows are checked at commit rather than per row.
const atCommit = <B extends { deferrable(): B; initiallyDeferred(): B }>(fk: B) => fk.deferrable().initiallyDeferred()

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().check(lengthBetween('name', 1, 120)))
    .addColumn('period_rule', 'text', (col) => col.notNull().defaultTo(WEEKLY_FROM_MONDAY))
    .addColumn('change_seq', 'bigint', (col) => col.notNull().defaultTo(0).check(sql`change_seq >= 0`))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().check(lengthBetween('name', 1, 120)))
    .addColumn('email', 'text', (col) => col.notNull().unique().check(sql`email = lower(email) AND ${lengthBetween('email', 3, 254)}`))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role IN ('member', 'approver', 'admin')`))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('deactivated_at', 'bigint')
    .execute()

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().unique().check(lengthBetween('name', 1, 120)))
    .addColumn('approval_pattern', 'text', (col) => col.notNull().defaultTo('one').check(sql`approval_pattern IN ('none', 'one', 'two')`))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute()
  // "Which teams am I in?" is asked on every /v1/me; the primary key starts with the team.
  await db.schema.createIndex('team_members_by_user').on('team_members').columns(['user_id']).execute()

  await db.schema
    .createTable('team_approvers')
    .addColumn('team_id', 'text', (col) => col.notNull().references('teams.id'))
    .addColumn('level', 'integer', (col) => col.notNull().check(sql`level IN (1, 2)`))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addPrimaryKeyConstraint('team_approvers_pk', ['team_id', 'level', 'user_id'])
    .execute()
  await db.schema.createIndex('team_approvers_by_user').on('team_approvers').columns(['user_id']).execute()

  await db.schema
    .createTable('device_tokens')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('label', 'text', (col) => col.notNull().check(lengthBetween('label', 1, 120)))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique().check(sql`length(token_hash) = 64`))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute()
  await db.schema.createIndex('device_tokens_by_user').on('device_tokens').columns(['user_id']).execute()

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().check(lengthBetween('name', 1, 120)))
    .$call(syncedReference)
    .execute()

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull().check(lengthBetween('name', 1, 120)))
    .addColumn('included_minutes', 'integer', (col) => col.check(sql`included_minutes IS NULL OR included_minutes >= 0`))
    .$call(syncedReference)
    .addForeignKeyConstraint('contracts_customer_fk', ['customer_id'], 'customers', ['id'], atCommit)
    .execute()

  await db.schema
    .createTable('activity_types')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().check(lengthBetween('name', 1, 80)))
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1).check(flag('active')))
    .addColumn('is_default', 'integer', (col) => col.notNull().defaultTo(0).check(flag('is_default')))
    .$call(syncedReference)
    .execute()

  await db.schema
    .createTable('work_items')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind IN ('ticket', 'work_order', 'task', 'general')`))
    .addColumn('reference', 'text', (col) => col.check(sql`reference IS NULL OR ${lengthBetween('reference', 1, 64)}`))
    .addColumn('title', 'text', (col) => col.notNull().check(lengthBetween('title', 1, 200)))
    .addColumn('customer_id', 'text')
    .addColumn('contract_id', 'text')
    .addColumn('billable', 'integer', (col) => col.notNull().defaultTo(1).check(flag('billable')))
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1).check(flag('active')))
    .$call(syncedReference)
    .addForeignKeyConstraint('work_items_customer_fk', ['customer_id'], 'customers', ['id'], atCommit)
    .addForeignKeyConstraint('work_items_contract_fk', ['contract_id'], 'contracts', ['id'], atCommit)
    .execute()

  for (const table of ['customers', 'contracts', 'activity_types', 'work_items']) {
    await db.schema.createIndex(`${table}_by_seq`).on(table).columns(['seq']).execute()
  }

  await db.schema
    .createTable('time_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('day', 'text', (col) => col.notNull().check(dayShaped('day')))
    .addColumn('work_item_id', 'text')
    .addColumn('activity_type_id', 'text')
    .addColumn('billable', 'integer', (col) => col.notNull().check(flag('billable')))
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source IN ('timer', 'grid', 'manual')`))
    .addColumn('raw_seconds', 'integer', (col) => col.notNull().check(sql`raw_seconds >= 0`))
    .addColumn('rounded_seconds', 'integer', (col) => col.notNull().check(sql`rounded_seconds >= 0`))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('draft').check(sql`status IN ('draft', 'submitted', 'approved', 'rejected', 'voided')`),
    )
    .$call(synced)
    .addForeignKeyConstraint('time_entries_work_item_fk', ['work_item_id'], 'work_items', ['id'], atCommit)
    .addForeignKeyConstraint('time_entries_activity_type_fk', ['activity_type_id'], 'activity_types', ['id'], atCommit)
    .execute()
  await db.schema.createIndex('time_entries_by_user_day').on('time_entries').columns(['user_id', 'day']).execute()
  await db.schema.createIndex('time_entries_by_user_seq').on('time_entries').columns(['user_id', 'seq']).execute()
  await db.schema.createIndex('time_entries_by_seq').on('time_entries').columns(['seq']).execute()

  await db.schema
    .createTable('periods')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('start_day', 'text', (col) => col.notNull().check(dayShaped('start_day')))
    .addColumn('end_day', 'text', (col) => col.notNull().check(sql`${dayShaped('end_day')} AND end_day >= start_day`))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status IN ('open', 'submitted', 'approved', 'rejected')`))
    .addColumn('level', 'integer', (col) => col.check(sql`level IS NULL OR level IN (1, 2)`))
    .addColumn('reason', 'text')
    .addColumn('submitted_at', 'bigint')
    .$call(synced)
    .addUniqueConstraint('periods_user_start', ['user_id', 'start_day'])
    .execute()
  await db.schema.createIndex('periods_by_seq').on('periods').columns(['seq']).execute()

  await db.schema
    .createTable('period_events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('period_id', 'text', (col) => col.notNull().references('periods.id'))
    .addColumn('actor_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('from_status', 'text', (col) => col.notNull())
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('level', 'integer', (col) => col.check(sql`level IS NULL OR level IN (1, 2)`))
    .addColumn('reason', 'text')
    .execute()
  await db.schema.createIndex('period_events_by_period').on('period_events').columns(['period_id', 'at']).execute()

  await db.schema
    .createTable('applied_mutations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('at', 'bigint', (col) => col.notNull())
    .execute()
}
