// The organisation's billing settings on the team server: currency, overlap rule, billing
// rounding (rule, scope, minimum charge per entry), the rate calendar (working days and
// hours), the rate classes, the holidays the admin keeps, hourly rates per activity type,
// customer and contract, and each contract's own overlap rule and rounding. One service
// for the admin API and the command line; inputs are zod schemas, so both refuse the same
// things the same way. Money is integer minor units throughout.
import type { Kysely, Transaction } from 'kysely'
import { z } from 'zod'
import { refuse } from '@shared/errors'
import { ROUNDING_SCOPES } from '@shared/billing/billing-rounding'
import { isCurrency } from '@shared/billing/money'
import { OVERLAP_RULES, type OverlapRule } from '@shared/billing/overlap-rule'
import type { RateCalendar } from '@shared/billing/rate-classes'
import { ALL_ACTIVITIES, type RateCard } from '@shared/billing/rates'
import { DaySchema } from '@shared/entries'
import type { Weekday } from '@shared/periods'
import { RoundingRuleSchema } from '@shared/rounding'
import type { RateScope, ServerDatabase } from '../db/schema'
import { NameSchema } from '../org/inputs'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

const MAX_MINOR = 1_000_000_000_00
const Minor = z.number({ error: 'an amount is a whole number of minor units (cents)' }).int('an amount is a whole number of minor units (cents)').min(0, 'an amount cannot be negative').max(MAX_MINOR, 'the amount is too large')
const Minute = z.number().int('a time of day is whole minutes after midnight').min(0, 'a time of day lies within the day').max(24 * 60, 'a time of day lies within the day')
const ClassRateSchema = z.union([
  z.strictObject({ multiplierBp: z.number().int().min(0).max(100_000, 'a multiplier is at most ×10 (100000 basis points)') }),
  z.strictObject({ hourlyMinor: Minor }),
])
export const OverlapRuleSchema = z.enum(OVERLAP_RULES, `the overlap rule must be one of ${OVERLAP_RULES.join(', ')}`)
export const BillingRoundingSchema = z.strictObject({ rule: RoundingRuleSchema, scope: z.enum(ROUNDING_SCOPES, `the rounding scope must be one of ${ROUNDING_SCOPES.join(', ')}`) })

export const BillingSettingsSchema = z.strictObject({
  currency: z.string().refine((code) => isCurrency(code), 'the currency must be an ISO 4217 code such as EUR'),
  overlapRule: OverlapRuleSchema,
  rounding: BillingRoundingSchema,
  calendar: z
    .strictObject({
      workdays: z.array(z.number().int().min(0).max(6)).max(7).refine((days) => new Set(days).size === days.length, 'a working day is named once'),
      workStartMinute: Minute,
      workEndMinute: Minute,
    })
    .refine((c) => c.workStartMinute <= c.workEndMinute, { message: 'working hours start before they end', path: ['workEndMinute'] }),
  classes: z.strictObject({ afterHours: ClassRateSchema.optional(), weekend: ClassRateSchema.optional(), holiday: ClassRateSchema.optional() }),
})
export type BillingSettings = z.infer<typeof BillingSettingsSchema>

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  currency: 'EUR',
  overlapRule: 'full',
  rounding: { rule: { mode: 'none', minutes: 1 }, scope: 'entry' },
  calendar: { workdays: [1, 2, 3, 4, 5], workStartMinute: 8 * 60, workEndMinute: 18 * 60 },
  classes: {},
}

export const HolidaysInput = z.strictObject({ holidays: z.array(z.strictObject({ day: DaySchema, name: NameSchema })).max(1000, 'at most 1000 holidays') })
export type Holiday = z.infer<typeof HolidaysInput>['holidays'][number]

const IdSchema = z.string().min(1, 'an id is needed').max(64)
export const RateInput = z.strictObject({
  scope: z.enum(['activity', 'customer', 'contract'], 'the scope must be activity, customer or contract'),
  /** The customer's or contract's id; not given for an activity type's own rate. */
  targetId: IdSchema.optional(),
  /** An activity type id, or '*' (customers and contracts only) for all of them. */
  activityTypeId: IdSchema,
  /** Null removes the rate. */
  hourlyMinor: Minor.nullable(),
})
export const RatesInput = z.strictObject({ rates: z.array(RateInput).min(1, 'name at least one rate').max(1000, 'at most 1000 rates at a time') })
export type RateChange = z.infer<typeof RateInput>

export const ContractBillingInput = z.strictObject({ contractId: IdSchema, overlapRule: OverlapRuleSchema.nullable(), rounding: BillingRoundingSchema.nullable() })
export type ContractBilling = z.infer<typeof ContractBillingInput>

export interface RateRow {
  scope: RateScope
  targetId: string | null
  activityTypeId: string
  hourlyMinor: number
}

export async function readBillingSettings(db: Db): Promise<BillingSettings> {
  const row = await db.selectFrom('billing_settings').selectAll().where('id', '=', 1).executeTakeFirst()
  if (!row) return DEFAULT_BILLING_SETTINGS
  return BillingSettingsSchema.parse({ currency: row.currency, overlapRule: row.overlap_rule, rounding: JSON.parse(row.rounding) as unknown, calendar: JSON.parse(row.calendar) as unknown, classes: JSON.parse(row.classes) as unknown })
}

export async function writeBillingSettings(db: Db, settings: BillingSettings, now: number): Promise<void> {
  const values = { currency: settings.currency, overlap_rule: settings.overlapRule, rounding: JSON.stringify(settings.rounding), calendar: JSON.stringify(settings.calendar), classes: JSON.stringify(settings.classes), updated_at: now }
  await db
    .insertInto('billing_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute()
}

export async function readHolidays(db: Db): Promise<Holiday[]> {
  return db.selectFrom('billing_holidays').select(['day', 'name']).orderBy('day').execute()
}

/** The whole list, as the admin keeps it. */
export async function replaceHolidays(db: Kysely<ServerDatabase>, holidays: readonly Holiday[]): Promise<void> {
  const days = holidays.map((h) => h.day)
  if (new Set(days).size !== days.length) throw refuse('invalid_request', 'refusal.billing.holidayTwice', { day: days.find((d, i) => days.indexOf(d) !== i) ?? '' })
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('billing_holidays').execute()
    if (holidays.length > 0) await trx.insertInto('billing_holidays').values(holidays.map((h) => ({ day: h.day, name: h.name }))).execute()
  })
}

export async function addHoliday(db: Db, holiday: Holiday): Promise<void> {
  await db
    .insertInto('billing_holidays')
    .values(holiday)
    .onConflict((oc) => oc.column('day').doUpdateSet({ name: holiday.name }))
    .execute()
}

async function targetExists(db: Db, change: RateChange): Promise<boolean> {
  const activity = async (id: string) => (await db.selectFrom('activity_types').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  if (change.activityTypeId !== ALL_ACTIVITIES && !(await activity(change.activityTypeId))) return false
  if (change.scope === 'customer') return (await db.selectFrom('customers').select('id').where('id', '=', change.targetId ?? '').executeTakeFirst()) !== undefined
  if (change.scope === 'contract') return (await db.selectFrom('contracts').select('id').where('id', '=', change.targetId ?? '').executeTakeFirst()) !== undefined
  return true
}

/** Sets (or with null removes) each rate; all or nothing. */
export async function putRates(db: Kysely<ServerDatabase>, changes: readonly RateChange[]): Promise<void> {
  for (const change of changes) {
    if (change.scope === 'activity' ? change.targetId !== undefined || change.activityTypeId === ALL_ACTIVITIES : change.targetId === undefined) {
      throw refuse('invalid_request', 'refusal.billing.rateShape', { scope: change.scope })
    }
    if (!(await targetExists(db, change))) throw refuse('not_found', 'refusal.billing.rateTargetMissing', { scope: change.scope, id: change.targetId ?? change.activityTypeId })
  }
  await db.transaction().execute(async (trx) => {
    for (const change of changes) {
      const key = { scope: change.scope, target_id: change.targetId ?? '', activity_type_id: change.activityTypeId }
      if (change.hourlyMinor === null) {
        await trx.deleteFrom('billing_rates').where('scope', '=', key.scope).where('target_id', '=', key.target_id).where('activity_type_id', '=', key.activity_type_id).execute()
      } else {
        const hourly = change.hourlyMinor
        await trx
          .insertInto('billing_rates')
          .values({ ...key, hourly_minor: hourly })
          .onConflict((oc) => oc.columns(['scope', 'target_id', 'activity_type_id']).doUpdateSet({ hourly_minor: hourly }))
          .execute()
      }
    }
  })
}

export async function readRates(db: Db): Promise<RateRow[]> {
  const rows = await db.selectFrom('billing_rates').selectAll().orderBy('scope').orderBy('target_id').orderBy('activity_type_id').execute()
  return rows.map((r) => ({ scope: r.scope, targetId: r.scope === 'activity' ? null : r.target_id, activityTypeId: r.activity_type_id, hourlyMinor: r.hourly_minor }))
}

export async function putContractBilling(db: Db, change: ContractBilling): Promise<void> {
  if (!(await db.selectFrom('contracts').select('id').where('id', '=', change.contractId).executeTakeFirst())) {
    throw refuse('not_found', 'refusal.billing.rateTargetMissing', { scope: 'contract', id: change.contractId })
  }
  const values = { overlap_rule: change.overlapRule, rounding: change.rounding === null ? null : JSON.stringify(change.rounding) }
  await db
    .insertInto('contract_billing')
    .values({ contract_id: change.contractId, ...values })
    .onConflict((oc) => oc.column('contract_id').doUpdateSet(values))
    .execute()
}

export async function readContractBilling(db: Db): Promise<ContractBilling[]> {
  const rows = await db.selectFrom('contract_billing').selectAll().orderBy('contract_id').execute()
  return rows.map((r) => ({ contractId: r.contract_id, overlapRule: r.overlap_rule, rounding: r.rounding === null ? null : BillingRoundingSchema.parse(JSON.parse(r.rounding)) }))
}

export function rateCardOf(settings: BillingSettings, rates: readonly RateRow[]): RateCard {
  const activity: Record<string, number> = {}
  const customer: Record<string, Record<string, number>> = {}
  const contract: Record<string, Record<string, number>> = {}
  for (const rate of rates) {
    if (rate.scope === 'activity') activity[rate.activityTypeId] = rate.hourlyMinor
    else ((rate.scope === 'customer' ? customer : contract)[rate.targetId ?? ''] ??= {})[rate.activityTypeId] = rate.hourlyMinor
  }
  const classes: RateCard['classes'] = Object.fromEntries(
    Object.entries(settings.classes).flatMap(([name, c]) => (c === undefined ? [] : [[name, 'multiplierBp' in c ? { kind: 'multiplier', bp: c.multiplierBp } : { kind: 'rate', hourlyMinor: c.hourlyMinor }]])),
  )
  return { currency: settings.currency, activity, customer, contract, classes }
}

export function calendarOf(settings: BillingSettings, holidays: readonly Holiday[]): RateCalendar {
  return { workdays: settings.calendar.workdays as Weekday[], workStartMinute: settings.calendar.workStartMinute, workEndMinute: settings.calendar.workEndMinute, holidays: new Set(holidays.map((h) => h.day)) }
}

export type { OverlapRule }
