// The billing run on the team server: the organisation's entries of a closed range, read
// with their work item's customer and contract and the timer runs they came from, put
// through the shared arithmetic (src/shared/billing/billing-run.ts), and saved with what it
// included. Approved is the final approval (the entry's status 'approved', set when the
// period passed every level); voided entries are left out as 'voided'; everything else not
// approved as 'notApproved'. The overlap rule runs per person over the runs the server
// holds; an entry without runs is time typed as a duration (normal class, no overlap).
// Included hours are the desktop's too (included-hours.ts): a month's for a whole month, a
// share by days for a part of one. Running the same range again answers the
// difference against the last run saved for it.
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { refuse } from '@shared/errors'
import { newId } from '@shared/ids'
import { runBilling, type BillingRunResult, type CustomerBill, type LeftOut, type RunContract, type RunEntry, type RunSettings } from '@shared/billing/billing-run'
import { includedSecondsFor } from '@shared/billing/included-hours'
import { diffRuns, snapshotOf, type RunDiff, type RunSnapshot } from '@shared/billing/run-diff'
import { DaySchema } from '@shared/entries'
import { addDays } from '@shared/periods'
import type { ServerDatabase } from '../db/schema'
import { calendarOf, rateCardOf, readBillingSettings, readContractBilling, readHolidays, readRates, type BillingSettings } from './billing-settings'

const CHUNK = 500
export const MAX_RUN_DAYS = 366
export const GROUP_BYS = ['contract', 'workItem', 'activityType'] as const

export const RunInput = z
  .strictObject({ from: DaySchema, to: DaySchema, groupBy: z.enum(GROUP_BYS, `group by ${GROUP_BYS.join(', ')}`).default('contract') })
  .refine((r) => r.from <= r.to, { message: 'to must not be before from', path: ['to'] })
  .refine((r) => daysBetween(r.from, r.to) < MAX_RUN_DAYS, { message: `a run covers at most ${MAX_RUN_DAYS} days`, path: ['to'] })
export type RunRequest = z.output<typeof RunInput>

export interface SavedRun {
  id: string
  from: string
  to: string
  groupBy: RunRequest['groupBy']
  createdAt: number
  createdBy: string | null
  currency: string
  totalMinor: number
  bills: CustomerBill[]
  leftOut: LeftOut[]
  /** The run saved before this one for the same range, and what changed since it; null for the first. */
  previousRunId: string | null
  diff: RunDiff | null
}

export type RunSummary = Omit<SavedRun, 'bills' | 'leftOut' | 'diff' | 'previousRunId'>

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
}


/** Every entry of the range as the arithmetic reads it, with its runs. */
export async function readRunEntries(db: Kysely<ServerDatabase>, from: string, to: string): Promise<RunEntry[]> {
  const rows = await db
    .selectFrom('time_entries as e')
    .leftJoin('work_items as w', 'w.id', 'e.work_item_id')
    .select(['e.id', 'e.user_id', 'e.day', 'e.work_item_id', 'e.activity_type_id', 'e.billable', 'e.status', 'e.raw_seconds', 'w.customer_id', 'w.contract_id'])
    .where('e.day', '>=', from)
    .where('e.day', '<=', to)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.day')
    .orderBy('e.id')
    .execute()
  const runs = new Map<string, { startedAt: number; endedAt: number; zone: string; primary: boolean }[]>()
  for (let start = 0; start < rows.length; start += CHUNK) {
    const ids = rows.slice(start, start + CHUNK).map((r) => r.id)
    const found = await db.selectFrom('entry_runs').selectAll().where('entry_id', 'in', ids).orderBy('started_at').execute()
    for (const r of found) runs.set(r.entry_id, [...(runs.get(r.entry_id) ?? []), { startedAt: r.started_at, endedAt: r.ended_at, zone: r.zone, primary: r.is_primary === 1 }])
  }
  return rows.map((row) => {
    const own = runs.get(row.id) ?? []
    return {
      id: row.id,
      personId: row.user_id,
      day: row.day,
      zone: own[0]?.zone ?? 'UTC',
      workItemId: row.work_item_id,
      customerId: row.customer_id ?? null,
      contractId: row.contract_id ?? null,
      activityTypeId: row.activity_type_id,
      billable: row.billable === 1,
      approved: row.status === 'approved',
      voided: row.status === 'voided',
      seconds: row.raw_seconds,
      // Each run's primary mark as the device sent it (is_primary), for the overlap rule `primary`.
      runs: own.map(({ startedAt, endedAt, primary }) => ({ startedAt, endedAt, marked: primary })),
      primary: own.some((r) => r.primary),
    }
  })
}

async function readContracts(db: Kysely<ServerDatabase>, ids: readonly string[], from: string, to: string): Promise<RunContract[]> {
  const own = new Map((await readContractBilling(db)).map((c) => [c.contractId, c]))
  const contracts: RunContract[] = []
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db.selectFrom('contracts').select(['id', 'included_minutes']).where('id', 'in', ids.slice(start, start + CHUNK)).execute()
    for (const row of rows) {
      const settings = own.get(row.id)
      contracts.push({ id: row.id, includedSeconds: includedSecondsFor(row.included_minutes, from, to), overlapRule: settings?.overlapRule ?? undefined, rounding: settings?.rounding ?? undefined })
    }
  }
  return contracts
}

/** Works out a range's bills now; nothing saved. Also what the tests compare. */
export async function computeRun(db: Kysely<ServerDatabase>, request: RunRequest): Promise<{ result: BillingRunResult; settings: BillingSettings; runSettings: RunSettings }> {
  const settings = await readBillingSettings(db)
  const runSettings: RunSettings = {
    overlapRule: settings.overlapRule,
    rounding: settings.rounding,
    calendar: calendarOf(settings, await readHolidays(db)),
    card: rateCardOf(settings, await readRates(db)),
    groupBy: request.groupBy,
  }
  const entries = await readRunEntries(db, request.from, request.to)
  const contractIds = [...new Set(entries.flatMap((e) => (e.contractId === null ? [] : [e.contractId])))]
  const contracts = await readContracts(db, contractIds, request.from, request.to)
  return { result: runBilling(entries, contracts, runSettings), settings, runSettings }
}

/** Runs billing for a closed range (it ended before today, by the server's clock), saves it, and says what changed since the last run of the range. */
export async function runAndSave(db: Kysely<ServerDatabase>, request: RunRequest, createdBy: string | null, now: number): Promise<SavedRun> {
  const today = new Date(now).toISOString().slice(0, 10)
  if (request.to >= today) throw refuse('invalid_request', 'refusal.billing.rangeNotClosed', { toDay: request.to, lastClosedDay: addDays(today, -1) })
  const { result, settings, runSettings } = await computeRun(db, request)
  const snapshot = snapshotOf(result)
  const previous = await db.selectFrom('billing_runs').select(['id', 'snapshot']).where('from_day', '=', request.from).where('to_day', '=', request.to).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  const id = newId()
  const totalMinor = result.bills.reduce((sum, b) => sum + b.totalMinor, 0)
  const stored = { bills: result.bills, leftOut: result.leftOut }
  await db
    .insertInto('billing_runs')
    .values({
      id,
      from_day: request.from,
      to_day: request.to,
      group_by: request.groupBy,
      created_by: createdBy,
      created_at: now,
      currency: result.currency,
      total_minor: totalMinor,
      settings: JSON.stringify({ ...settings, holidays: [...runSettings.calendar.holidays].sort(), card: runSettings.card }),
      result: JSON.stringify(stored),
      snapshot: JSON.stringify(snapshot),
    })
    .execute()
  const diff = previous ? diffRuns(JSON.parse(previous.snapshot) as RunSnapshot, snapshot) : null
  return { id, from: request.from, to: request.to, groupBy: request.groupBy, createdAt: now, createdBy, currency: result.currency, totalMinor, ...stored, previousRunId: previous?.id ?? null, diff }
}

export async function listRuns(db: Kysely<ServerDatabase>): Promise<RunSummary[]> {
  const rows = await db.selectFrom('billing_runs').select(['id', 'from_day', 'to_day', 'group_by', 'created_at', 'created_by', 'currency', 'total_minor']).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map((r) => ({ id: r.id, from: r.from_day, to: r.to_day, groupBy: r.group_by, createdAt: r.created_at, createdBy: r.created_by, currency: r.currency, totalMinor: r.total_minor }))
}

/** A saved run with its bills, what it left out, and the difference from the run of the same range saved before it. */
export async function readRun(db: Kysely<ServerDatabase>, id: string): Promise<SavedRun> {
  const row = await db.selectFrom('billing_runs').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw refuse('not_found', 'refusal.billing.runMissing', { id })
  const createdAt = row.created_at
  const previous = await db
    .selectFrom('billing_runs')
    .select(['id', 'snapshot'])
    .where('from_day', '=', row.from_day)
    .where('to_day', '=', row.to_day)
    .where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', row.id)])]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const stored = JSON.parse(row.result) as { bills: CustomerBill[]; leftOut: LeftOut[] }
  const diff = previous ? diffRuns(JSON.parse(previous.snapshot) as RunSnapshot, JSON.parse(row.snapshot) as RunSnapshot) : null
  return { id: row.id, from: row.from_day, to: row.to_day, groupBy: row.group_by, createdAt, createdBy: row.created_by, currency: row.currency, totalMinor: row.total_minor, ...stored, previousRunId: previous?.id ?? null, diff }
}
