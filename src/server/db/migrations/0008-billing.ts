// Billing on the team server (issue 18): the organisation's billing settings (one row:
// currency, overlap rule, billing rounding, rate calendar, rate classes), the holidays the
// admin keeps, hourly rates per activity type, customer and contract, each contract's own
// overlap rule and rounding, the timer runs an entry's time came from (for the overlap
// rule and rate classes), and every billing run saved with its snapshot. Money is BIGINT
// minor units (parsed to safe numbers on PostgreSQL, postgres-types.ts).
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('billing_settings')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('currency', 'text', (col) => col.notNull().check(sql`length(currency) = 3`))
    .addColumn('overlap_rule', 'text', (col) => col.notNull().check(sql`overlap_rule IN ('full', 'split', 'primary')`))
    .addColumn('rounding', 'text', (col) => col.notNull())
    .addColumn('calendar', 'text', (col) => col.notNull())
    .addColumn('classes', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('billing_holidays')
    .addColumn('day', 'text', (col) => col.primaryKey().check(sql`length(day) = 10`))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`length(name) BETWEEN 1 AND 120`))
    .execute()

  await db.schema
    .createTable('billing_rates')
    .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope IN ('activity', 'customer', 'contract')`))
    .addColumn('target_id', 'text', (col) => col.notNull())
    .addColumn('activity_type_id', 'text', (col) => col.notNull())
    .addColumn('hourly_minor', 'bigint', (col) => col.notNull().check(sql`hourly_minor >= 0`))
    .addPrimaryKeyConstraint('billing_rates_pk', ['scope', 'target_id', 'activity_type_id'])
    .execute()

  await db.schema
    .createTable('contract_billing')
    .addColumn('contract_id', 'text', (col) => col.primaryKey().references('contracts.id'))
    .addColumn('overlap_rule', 'text', (col) => col.check(sql`overlap_rule IS NULL OR overlap_rule IN ('full', 'split', 'primary')`))
    .addColumn('rounding', 'text')
    .execute()

  await db.schema
    .createTable('entry_runs')
    .addColumn('entry_id', 'text', (col) => col.notNull())
    .addColumn('started_at', 'bigint', (col) => col.notNull())
    .addColumn('ended_at', 'bigint', (col) => col.notNull())
    .addColumn('zone', 'text', (col) => col.notNull())
    .addColumn('is_primary', 'integer', (col) => col.notNull().defaultTo(0).check(sql`is_primary IN (0, 1)`))
    .addPrimaryKeyConstraint('entry_runs_pk', ['entry_id', 'started_at'])
    .addCheckConstraint('entry_runs_order', sql`ended_at >= started_at`)
    .execute()

  await db.schema
    .createTable('billing_runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('from_day', 'text', (col) => col.notNull())
    .addColumn('to_day', 'text', (col) => col.notNull())
    .addColumn('group_by', 'text', (col) => col.notNull().check(sql`group_by IN ('contract', 'workItem', 'activityType')`))
    .addColumn('created_by', 'text', (col) => col.references('users.id'))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('total_minor', 'bigint', (col) => col.notNull())
    .addColumn('settings', 'text', (col) => col.notNull())
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('billing_runs_by_range').on('billing_runs').columns(['from_day', 'to_day', 'created_at']).execute()
}
