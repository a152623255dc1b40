// The device's billing settings (migration 0014): read as one object, changed part by
// part. Every value is checked before anything is written, and a change is written in
// one transaction, so a refused change leaves every setting exactly as it was.
import { type BillingSettings, type BillingSettingsPatch, type Holiday } from '@shared/billing-api'
import { currencyDigits, isCurrency, relabelledMinor, SAME_RATE_BP } from '@shared/billing/money'
import { ALL_ACTIVITIES, type ClassRate } from '@shared/billing/rates'
import { refuse } from '@shared/errors'
import type { Kysely, Transaction } from 'kysely'
import type { BillingClassRatesTable, Database } from '../db/schema'

type Db = Kysely<Database>

/** The largest hourly rate or own class rate, in minor units: a billion cents is ten million euros an hour. */
export const MAX_RATE_MINOR = 1_000_000_000
/** A class multiplier is more than ×0 and at most ×10. */
export const MAX_MULTIPLIER_BP = 10 * SAME_RATE_BP

const CLASSES = ['afterHours', 'weekend', 'holiday'] as const

function checkRate(minor: number): void {
  if (minor < 0) throw refuse('invalid_request', 'refusal.billing.negativeRate')
  if (minor > MAX_RATE_MINOR) throw refuse('invalid_request', 'refusal.billing.rateTooLarge')
}

/** Why the patch cannot be stored, as a refusal thrown; nothing is written before this passes. */
export function checkBillingPatch(patch: BillingSettingsPatch): void {
  if (patch.currency !== undefined && !isCurrency(patch.currency)) throw refuse('invalid_request', 'refusal.billing.unknownCurrency', { currency: patch.currency })
  for (const minor of Object.values(patch.activityRates ?? {})) checkRate(minor)
  for (const table of [...Object.values(patch.customerRates ?? {}), ...Object.values(patch.contractRates ?? {})]) for (const minor of Object.values(table)) checkRate(minor)
  for (const rate of Object.values(patch.classes ?? {})) {
    if (rate.kind === 'rate') checkRate(rate.hourlyMinor)
    else if (rate.bp <= 0 || rate.bp > MAX_MULTIPLIER_BP) throw refuse('invalid_request', 'refusal.billing.badMultiplier')
  }
  const calendar = patch.calendar
  if (calendar && calendar.workStartMinute >= calendar.workEndMinute) throw refuse('invalid_request', 'refusal.billing.badHours')
}

export async function readBillingSettings(db: Db | Transaction<Database>): Promise<BillingSettings> {
  const row = await db.selectFrom('billing_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  const rates = await db.selectFrom('billing_rates').selectAll().orderBy('scope').orderBy('scope_id').orderBy('activity_type_id').execute()
  const classRows = await db.selectFrom('billing_class_rates').selectAll().execute()
  const contractRows = await db.selectFrom('contract_billing').selectAll().orderBy('contract_id').execute()
  const holidays = await db.selectFrom('billing_holidays').selectAll().orderBy('day').execute()
  const activityRates: Record<string, number> = {}
  const customerRates: Record<string, Record<string, number>> = {}
  const contractRates: Record<string, Record<string, number>> = {}
  for (const rate of rates) {
    if (rate.scope === 'activity') activityRates[rate.activity_type_id] = rate.hourly_minor
    else {
      const table = rate.scope === 'customer' ? customerRates : contractRates
      table[rate.scope_id] = { ...table[rate.scope_id], [rate.activity_type_id]: rate.hourly_minor }
    }
  }
  const classes: BillingSettings['classes'] = {}
  for (const c of classRows) classes[c.rate_class] = c.kind === 'rate' ? { kind: 'rate', hourlyMinor: c.value } : { kind: 'multiplier', bp: c.value }
  const contracts: BillingSettings['contracts'] = {}
  for (const c of contractRows) {
    const rounding =
      c.rounding_mode !== null && c.rounding_scope !== null && c.rounding_minutes !== null
        ? { rule: { mode: c.rounding_mode, minutes: c.rounding_minutes as 1, minimumMinutes: c.rounding_minimum_minutes ?? 0 }, scope: c.rounding_scope }
        : null
    contracts[c.contract_id] = { overlapRule: c.overlap_rule, rounding }
  }
  return {
    currency: row.currency,
    overlapRule: row.overlap_rule,
    rounding: { rule: { mode: row.rounding_mode, minutes: row.rounding_minutes as 1, minimumMinutes: row.rounding_minimum_minutes }, scope: row.rounding_scope },
    calendar: { workdays: row.workdays === '' ? [] : (row.workdays.split(',').map(Number)), workStartMinute: row.work_start_minute, workEndMinute: row.work_end_minute },
    activityRates,
    customerRates,
    contractRates,
    classes,
    contracts,
    holidays: holidays.map((h) => ({ day: h.day, name: h.name })),
  }
}

async function replaceRates(trx: Transaction<Database>, scope: 'customer' | 'contract', tables: Record<string, Record<string, number>>): Promise<void> {
  await trx.deleteFrom('billing_rates').where('scope', '=', scope).execute()
  for (const [scopeId, table] of Object.entries(tables)) {
    for (const [activity, minor] of Object.entries(table)) await trx.insertInto('billing_rates').values({ scope, scope_id: scopeId, activity_type_id: activity, hourly_minor: minor }).execute()
  }
}

/** Every customer, contract and activity type a rate names exists: a rate for nothing would never bill, and would hide a typo. */
async function checkRateTargets(trx: Transaction<Database>, patch: BillingSettingsPatch): Promise<void> {
  const missing = async (table: 'customers' | 'contracts' | 'activity_types', ids: readonly string[]): Promise<string | undefined> => {
    if (ids.length === 0) return undefined
    const found = new Set((await trx.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id))
    return ids.find((id) => !found.has(id))
  }
  const tables = [...Object.values(patch.customerRates ?? {}), ...Object.values(patch.contractRates ?? {})]
  const activities = [...Object.keys(patch.activityRates ?? {}), ...tables.flatMap((table) => Object.keys(table)).filter((id) => id !== ALL_ACTIVITIES)]
  const activity = await missing('activity_types', [...new Set(activities)])
  if (activity !== undefined) throw refuse('not_found', 'refusal.billing.rateTargetMissing', { scope: 'activity', id: activity })
  const customer = await missing('customers', Object.keys(patch.customerRates ?? {}))
  if (customer !== undefined) throw refuse('not_found', 'refusal.billing.rateTargetMissing', { scope: 'customer', id: customer })
  const contract = await missing('contracts', Object.keys(patch.contractRates ?? {}))
  if (contract !== undefined) throw refuse('not_found', 'refusal.billing.rateTargetMissing', { scope: 'contract', id: contract })
}

/** 9550 EUR as '95.50': a rate as data in a refusal, the way files write amounts. */
function decimalOf(minor: number, currency: string): string {
  const digits = currencyDigits(currency)
  const text = String(minor).padStart(digits + 1, '0')
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`
}

/**
 * A new currency re-labels the stored rates the patch does not replace: refused while any is
 * stored unless the person agreed to keep each rate's number; then the minor units follow
 * the new currency's digits (95.00 EUR = 9500 becomes 95 JPY = 95), and a rate whose
 * number the new currency cannot write (95.50 EUR in JPY) refuses the change. Nothing is
 * converted at an exchange rate: Stint has none, and a silent guess would be worse.
 */
async function relabelRates(trx: Transaction<Database>, patch: BillingSettingsPatch, from: string): Promise<void> {
  const to = patch.currency
  if (to === undefined || to === from) return
  const kept = (['activity', 'customer', 'contract'] as const).filter((scope) => patch[`${scope}Rates`] === undefined)
  const rates = kept.length === 0 ? [] : await trx.selectFrom('billing_rates').selectAll().where('scope', 'in', kept).execute()
  const classRates = patch.classes === undefined ? await trx.selectFrom('billing_class_rates').selectAll().where('kind', '=', 'rate').execute() : []
  const count = rates.length + classRates.length
  if (count === 0) return
  if (patch.keepRateNumbers !== true) throw refuse('conflict', 'refusal.billing.currencyWithRates', { count, oldCurrency: from, currency: to })
  const relabel = (minor: number): number => {
    const value = relabelledMinor(minor, from, to)
    if (value === null) throw refuse('conflict', 'refusal.billing.currencyLosesDigits', { amount: decimalOf(minor, from), oldCurrency: from, currency: to })
    if (value > MAX_RATE_MINOR) throw refuse('invalid_request', 'refusal.billing.rateTooLarge')
    return value
  }
  for (const r of rates) {
    await trx.updateTable('billing_rates').set({ hourly_minor: relabel(r.hourly_minor) }).where('scope', '=', r.scope).where('scope_id', '=', r.scope_id).where('activity_type_id', '=', r.activity_type_id).execute()
  }
  for (const c of classRates) await trx.updateTable('billing_class_rates').set({ value: relabel(c.value) }).where('rate_class', '=', c.rate_class).execute()
}

export async function updateBillingSettings(db: Db, patch: BillingSettingsPatch, now: number): Promise<BillingSettings> {
  checkBillingPatch(patch)
  await db.transaction().execute(async (trx) => {
    await checkRateTargets(trx, patch)
    const stored = await trx.selectFrom('billing_settings').select('currency').where('id', '=', 1).executeTakeFirstOrThrow()
    await relabelRates(trx, patch, stored.currency)
    const { currency, overlapRule, rounding, calendar } = patch
    await trx
      .updateTable('billing_settings')
      .set({
        updated_at: now,
        ...(currency !== undefined ? { currency } : {}),
        ...(overlapRule !== undefined ? { overlap_rule: overlapRule } : {}),
        ...(rounding !== undefined
          ? { rounding_mode: rounding.rule.mode, rounding_minutes: rounding.rule.minutes, rounding_minimum_minutes: rounding.rule.minimumMinutes ?? 0, rounding_scope: rounding.scope }
          : {}),
        ...(calendar !== undefined
          ? { workdays: [...new Set(calendar.workdays)].sort().join(','), work_start_minute: calendar.workStartMinute, work_end_minute: calendar.workEndMinute }
          : {}),
      })
      .where('id', '=', 1)
      .execute()
    if (patch.activityRates !== undefined) {
      await trx.deleteFrom('billing_rates').where('scope', '=', 'activity').execute()
      for (const [activity, minor] of Object.entries(patch.activityRates)) {
        await trx.insertInto('billing_rates').values({ scope: 'activity', scope_id: activity, activity_type_id: activity, hourly_minor: minor }).execute()
      }
    }
    if (patch.customerRates !== undefined) await replaceRates(trx, 'customer', patch.customerRates)
    if (patch.contractRates !== undefined) await replaceRates(trx, 'contract', patch.contractRates)
    if (patch.classes !== undefined) {
      await trx.deleteFrom('billing_class_rates').execute()
      for (const rateClass of CLASSES) {
        const rate: ClassRate | undefined = patch.classes[rateClass]
        if (!rate) continue
        const row: BillingClassRatesTable = rate.kind === 'rate' ? { rate_class: rateClass, kind: 'rate', value: rate.hourlyMinor } : { rate_class: rateClass, kind: 'multiplier', value: rate.bp }
        await trx.insertInto('billing_class_rates').values(row).execute()
      }
    }
    if (patch.contracts !== undefined) {
      await trx.deleteFrom('contract_billing').execute()
      for (const [contractId, c] of Object.entries(patch.contracts)) {
        if (c.overlapRule === null && c.rounding === null) continue
        const exists = await trx.selectFrom('contracts').select('id').where('id', '=', contractId).executeTakeFirst()
        if (!exists) throw refuse('not_found', 'refusal.billing.unknownContract')
        await trx
          .insertInto('contract_billing')
          .values({
            contract_id: contractId,
            overlap_rule: c.overlapRule,
            rounding_mode: c.rounding?.rule.mode ?? null,
            rounding_minutes: c.rounding?.rule.minutes ?? null,
            rounding_minimum_minutes: c.rounding ? (c.rounding.rule.minimumMinutes ?? 0) : null,
            rounding_scope: c.rounding?.scope ?? null,
          })
          .execute()
      }
    }
  })
  return readBillingSettings(db)
}

export async function setHolidays(db: Db, holidays: readonly Holiday[]): Promise<BillingSettings> {
  const seen = new Set<string>()
  for (const h of holidays) {
    if (seen.has(h.day)) throw refuse('invalid_request', 'refusal.billing.holidayTwice', { day: h.day })
    seen.add(h.day)
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('billing_holidays').execute()
    for (const h of holidays) await trx.insertInto('billing_holidays').values({ day: h.day, name: h.name.trim() }).execute()
  })
  return readBillingSettings(db)
}
