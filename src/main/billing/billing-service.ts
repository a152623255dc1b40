// Billing on the desktop: runs the pure billing core (src/shared/billing) over a closed
// range of this device's time, saves each run with the settings it used and its snapshot,
// and answers a run of a range billed before with what changed since the last run of it.
// Only days that are over are billed: today may still get time.
import type { BillingRunSummary, BillingRunView, BillingSettings, BillingSettingsPatch, GroupBy, Holiday, RunChanges } from '@shared/billing-api'
import { BillingRunSchema } from '@shared/billing-api'
import { runBilling, type BillingRunResult, type RunSettings } from '@shared/billing/billing-run'
import { billViews } from '@shared/billing/bill-views'
import { diffRuns, snapshotOf, type RunSnapshot } from '@shared/billing/run-diff'
import { localDay } from '@shared/days'
import { refuse } from '@shared/errors'
import { newId } from '@shared/ids'
import { addDays, isValidDay, type Weekday } from '@shared/periods'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import { readBillingInput, type BillingInput } from './billing-input'
import { readBillingSettings, setHolidays, updateBillingSettings } from './billing-settings'

const MAX_RANGE_DAYS = 366

export interface BillingServiceOptions {
  db: Kysely<Database>
  clock: Clock
  userId: () => string
}

export function runSettingsOf(settings: BillingSettings, groupBy: GroupBy): RunSettings {
  return {
    overlapRule: settings.overlapRule,
    rounding: settings.rounding,
    calendar: { ...settings.calendar, workdays: settings.calendar.workdays as Weekday[], holidays: new Set(settings.holidays.map((h) => h.day)) },
    card: { currency: settings.currency, activity: settings.activityRates, customer: settings.customerRates, contract: settings.contractRates, classes: settings.classes },
    groupBy,
  }
}

export class BillingService {
  constructor(private readonly options: BillingServiceOptions) {}

  settings(): Promise<BillingSettings> {
    return readBillingSettings(this.options.db)
  }

  updateSettings(patch: BillingSettingsPatch): Promise<BillingSettings> {
    return updateBillingSettings(this.options.db, patch, this.options.clock.now())
  }

  setHolidays(holidays: readonly Holiday[]): Promise<BillingSettings> {
    return setHolidays(this.options.db, holidays)
  }

  /** The last day a run may cover: yesterday, in the zone the machine is in. */
  lastClosedDay(): string {
    return addDays(localDay(this.options.clock.now(), this.options.clock.timeZone()), -1)
  }

  private checkRange(from: string, to: string): void {
    if (!isValidDay(from) || !isValidDay(to)) throw refuse('invalid_request', 'refusal.range.notDates')
    if (to < from) throw refuse('invalid_request', 'refusal.range.backwards', { isoToDay: to, isoFromDay: from })
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1
    if (days > MAX_RANGE_DAYS) throw refuse('invalid_request', 'refusal.range.tooLong', { max: MAX_RANGE_DAYS })
    const last = this.lastClosedDay()
    if (to > last) throw refuse('invalid_request', 'refusal.billing.rangeNotClosed', { toDay: to, lastClosedDay: last })
  }

  async run(from: string, to: string, groupBy: GroupBy): Promise<BillingRunView> {
    this.checkRange(from, to)
    const { db, clock } = this.options
    const settings = await readBillingSettings(db)
    const input = await readBillingInput(db, this.options.userId(), from, to, clock.timeZone())
    const contracts = input.contracts.map((c) => ({ ...c, overlapRule: settings.contracts[c.id]?.overlapRule ?? undefined, rounding: settings.contracts[c.id]?.rounding ?? undefined }))
    const result = runBilling(input.entries, contracts, runSettingsOf(settings, groupBy))
    const snapshot = snapshotOf(result)
    const previous = await db
      .selectFrom('billing_runs')
      .select(['id', 'created_at', 'snapshot'])
      .where('from_day', '=', from)
      .where('to_day', '=', to)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst()
    const view: BillingRunView = {
      id: newId(),
      from,
      to,
      groupBy,
      createdAt: clock.now(),
      ...viewOf(result, input, groupBy),
      changes: previous ? changesOf(previous.id, previous.created_at, JSON.parse(previous.snapshot) as RunSnapshot, snapshot, input) : null,
    }
    const billedSeconds = [...result.entries.values()].reduce((sum, e) => sum + e.billedSeconds, 0)
    await db
      .insertInto('billing_runs')
      .values({
        id: view.id,
        from_day: from,
        to_day: to,
        group_by: groupBy,
        currency: view.currency,
        created_at: view.createdAt,
        settings: JSON.stringify(settings),
        snapshot: JSON.stringify(snapshot),
        bills: JSON.stringify(view),
        total_minor: view.totalMinor,
        billed_seconds: billedSeconds,
        left_out_count: view.leftOut.length,
      })
      .execute()
    return view
  }

  async runs(): Promise<BillingRunSummary[]> {
    const rows = await this.options.db.selectFrom('billing_runs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute()
    return rows.map((r) => ({ id: r.id, from: r.from_day, to: r.to_day, groupBy: r.group_by, createdAt: r.created_at, currency: r.currency, totalMinor: r.total_minor, billedSeconds: r.billed_seconds, leftOutCount: r.left_out_count }))
  }

  /** A saved run as it was answered (names as they were then). */
  async runDetail(id: string): Promise<BillingRunView> {
    const row = await this.options.db.selectFrom('billing_runs').select('bills').where('id', '=', id).executeTakeFirst()
    if (!row) throw refuse('not_found', 'refusal.billing.runMissing', { id })
    return BillingRunSchema.parse(JSON.parse(row.bills))
  }
}

function factsOf(entryId: string, input: BillingInput) {
  const entry = input.entries.find((e) => e.id === entryId)
  return {
    entryId,
    day: entry?.day ?? '',
    workItem: entry?.workItemId ? (input.names.workItems.get(entry.workItemId) ?? null) : null,
    activityType: entry?.activityTypeId ? (input.names.activityTypes.get(entry.activityTypeId) ?? null) : null,
  }
}

function viewOf(result: BillingRunResult, input: BillingInput, groupBy: GroupBy): Pick<BillingRunView, 'currency' | 'bills' | 'leftOut' | 'totalMinor'> {
  const names = groupBy === 'contract' ? input.names.contracts : groupBy === 'workItem' ? input.names.workItems : input.names.activityTypes
  const customerName = (id: string) => input.names.customers.get(id) ?? id
  const bills = billViews(result.bills, { customer: customerName, group: (id) => names.get(id) ?? null })
  const leftOut = result.leftOut.map((l) => ({ ...factsOf(l.entryId, input), reason: l.reason, seconds: l.seconds })).sort((a, b) => a.day.localeCompare(b.day) || a.entryId.localeCompare(b.entryId))
  return { currency: result.currency, bills, leftOut, totalMinor: bills.reduce((sum, b) => sum + b.totalMinor, 0) }
}

function changesOf(sinceRunId: string, since: number, before: RunSnapshot, after: RunSnapshot, input: BillingInput): RunChanges {
  const diff = diffRuns(before, after)
  const customerName = (id: string) => input.names.customers.get(id) ?? id
  return {
    sinceRunId,
    since,
    added: diff.added.map((e) => ({ ...factsOf(e.entryId, input), customerName: customerName(e.customerId), billedSeconds: e.billedSeconds })),
    removed: diff.removed.map((e) => ({ ...factsOf(e.entryId, input), customerName: customerName(e.customerId), billedSeconds: e.billedSeconds, reason: e.reason })),
    changed: diff.changed.map((c) => ({ ...factsOf(c.entryId, input), customerName: customerName(c.customerId), beforeSeconds: c.before.billedSeconds, afterSeconds: c.after.billedSeconds })),
    customers: diff.customers.map((c) => ({ ...c, customerName: customerName(c.customerId) })),
  }
}
