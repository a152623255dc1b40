// Billing on the desktop for a standalone technician (issue 18): the device's billing
// settings (one row), its rate card (rates per activity type, customer or contract; class
// rates), the public holidays the person keeps, each contract's own billing rules and the
// saved runs. Contract rules live in their own table, not as columns of `contracts`: a
// contract row is synced, and its triggers would push a local billing choice to the team
// server as a change of the organisation's contract. Money is integer minor units.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

const ROUNDING_MODE = "IN ('none', 'up', 'down', 'nearest')"
const ROUNDING_STEP = 'IN (1, 5, 6, 10, 15, 30)'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE billing_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
      overlap_rule TEXT NOT NULL CHECK (overlap_rule IN ('full', 'split', 'primary')),
      rounding_mode TEXT NOT NULL CHECK (rounding_mode ${sql.raw(ROUNDING_MODE)}),
      rounding_minutes INTEGER NOT NULL CHECK (rounding_minutes ${sql.raw(ROUNDING_STEP)}),
      rounding_minimum_minutes INTEGER NOT NULL CHECK (rounding_minimum_minutes BETWEEN 0 AND 480),
      rounding_scope TEXT NOT NULL CHECK (rounding_scope IN ('entry', 'dayWorkItem')),
      workdays TEXT NOT NULL,
      work_start_minute INTEGER NOT NULL CHECK (work_start_minute BETWEEN 0 AND 1440),
      work_end_minute INTEGER NOT NULL CHECK (work_end_minute BETWEEN work_start_minute AND 1440),
      updated_at INTEGER NOT NULL
    ) STRICT`.execute(db)
  // Full, up to nothing, office hours Monday to Friday 08:00–18:00: what Stint did before billing had rules.
  await sql`
    INSERT INTO billing_settings VALUES (1, 'EUR', 'full', 'none', 1, 0, 'entry', '1,2,3,4,5', 480, 1080, 0)`.execute(db)

  await sql`
    CREATE TABLE billing_rates (
      scope TEXT NOT NULL CHECK (scope IN ('activity', 'customer', 'contract')),
      scope_id TEXT NOT NULL CHECK (length(scope_id) BETWEEN 1 AND 64),
      activity_type_id TEXT NOT NULL CHECK (length(activity_type_id) BETWEEN 1 AND 64),
      hourly_minor INTEGER NOT NULL CHECK (hourly_minor >= 0),
      PRIMARY KEY (scope, scope_id, activity_type_id),
      CHECK (scope <> 'activity' OR (scope_id = activity_type_id AND activity_type_id <> '*'))
    ) STRICT, WITHOUT ROWID`.execute(db)

  await sql`
    CREATE TABLE billing_class_rates (
      rate_class TEXT PRIMARY KEY CHECK (rate_class IN ('afterHours', 'weekend', 'holiday')),
      kind TEXT NOT NULL CHECK (kind IN ('multiplier', 'rate')),
      value INTEGER NOT NULL CHECK (value >= 0)
    ) STRICT, WITHOUT ROWID`.execute(db)

  await sql`
    CREATE TABLE billing_holidays (
      day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120)
    ) STRICT, WITHOUT ROWID`.execute(db)

  await sql`
    CREATE TABLE contract_billing (
      contract_id TEXT PRIMARY KEY REFERENCES contracts (id),
      overlap_rule TEXT CHECK (overlap_rule IS NULL OR overlap_rule IN ('full', 'split', 'primary')),
      rounding_mode TEXT CHECK (rounding_mode IS NULL OR rounding_mode ${sql.raw(ROUNDING_MODE)}),
      rounding_minutes INTEGER CHECK (rounding_minutes IS NULL OR rounding_minutes ${sql.raw(ROUNDING_STEP)}),
      rounding_minimum_minutes INTEGER CHECK (rounding_minimum_minutes IS NULL OR rounding_minimum_minutes BETWEEN 0 AND 480),
      rounding_scope TEXT CHECK (rounding_scope IS NULL OR rounding_scope IN ('entry', 'dayWorkItem')),
      CHECK ((rounding_mode IS NULL) = (rounding_minutes IS NULL) AND (rounding_mode IS NULL) = (rounding_scope IS NULL))
    ) STRICT, WITHOUT ROWID`.execute(db)

  await sql`
    CREATE TABLE billing_runs (
      id TEXT PRIMARY KEY,
      from_day TEXT NOT NULL CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      to_day TEXT NOT NULL CHECK (to_day >= from_day),
      group_by TEXT NOT NULL CHECK (group_by IN ('contract', 'workItem', 'activityType')),
      currency TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      settings TEXT NOT NULL,
      snapshot TEXT NOT NULL,
      bills TEXT NOT NULL,
      total_minor INTEGER NOT NULL,
      billed_seconds INTEGER NOT NULL,
      left_out_count INTEGER NOT NULL
    ) STRICT`.execute(db)
  // "The last run of this range" is the hot query of a re-run.
  await sql`CREATE INDEX billing_runs_by_range ON billing_runs (from_day, to_day, created_at)`.execute(db)
}
