// Billing from the command line: run a closed range and print the bills per customer (and
// what changed since the last run of it), list the runs, set a rate, add a holiday, and
// show or change the settings, and write a saved run's file (XLSX, PDF, InvoiceNinja CSV).
// The same service as the billing API; amounts are typed and printed in the currency's
// own digits (12.50), stored as minor units.
import { rename, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { BillingRunFileSchema } from '@shared/billing-api'
import { refuse } from '@shared/errors'
import { LANGUAGES } from '@shared/i18n/languages'
import { formatMoney, parseMoney } from '@shared/billing/money'
import { ALL_ACTIVITIES } from '@shared/billing/rates'
import { orgNameKey } from '@shared/org-data'
import { InputError, parseInput } from '../errors'
import type { ServerDatabase } from '../db/schema'
import { billingRunExport } from '../billing/billing-run-files'
import { listRuns, RunInput, runAndSave, type SavedRun } from '../billing/billing-service'
import { addHoliday, BillingSettingsSchema, HolidaysInput, putRates, RateInput, readBillingSettings, writeBillingSettings } from '../billing/billing-settings'
import { json, text, UsageError, when, type CliIo, type CommandSpec, type Values } from './spec'

function parsed<S extends z.ZodType>(schema: S, input: unknown, action: string): z.output<S> {
  try {
    return parseInput(schema, input, action)
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message)
    throw error
  }
}

type Named = 'customers' | 'activity_types' | 'contracts'
const KIND: Record<Named, 'customer' | 'activity' | 'contract'> = { customers: 'customer', activity_types: 'activity', contracts: 'contract' }

/** A customer, activity type or contract by id or by name (as look-alikes compare names). */
async function idOf(db: Kysely<ServerDatabase>, table: Named, ref: string): Promise<string> {
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where((eb) => eb.or([eb('id', '=', ref), eb('name_key', '=', orgNameKey(ref))]))
    .where('deleted_at', 'is', null)
    .execute()
  const [row] = rows
  if (!row || rows.length > 1) throw refuse('not_found', 'refusal.billing.rateTargetMissing', { scope: KIND[table], id: ref })
  return row.id
}

async function customerNames(db: Kysely<ServerDatabase>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  return new Map((await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', ids).execute()).map((c) => [c.id, c.name]))
}

async function printRun(db: Kysely<ServerDatabase>, io: CliIo, run: SavedRun): Promise<void> {
  const money = (minor: number) => formatMoney(minor, run.currency)
  const names = await customerNames(db, [...new Set([...run.bills.map((b) => b.customerId), ...(run.diff?.customers ?? []).map((c) => c.customerId)])])
  const hours = (seconds: number) => (seconds / 3600).toFixed(2)
  io.out(`Billing run ${run.id}: ${run.from} – ${run.to}, by ${run.groupBy}, total ${money(run.totalMinor)}`)
  for (const bill of run.bills) {
    io.out(`${names.get(bill.customerId) ?? bill.customerId}\t${money(bill.totalMinor)}\tincluded ${hours(bill.includedSeconds)} h`)
    for (const line of bill.lines) {
      const rate = line.multiplierBp === 10_000 ? money(line.hourlyMinor) : `${money(line.hourlyMinor)} ×${line.multiplierBp / 10_000}`
      io.out(`  ${line.group ?? '-'}\t${line.rateClass}\t${hours(line.seconds)} h\t${rate}/h (${line.source})\t${money(line.amountMinor)}`)
    }
  }
  const reasons = new Map<string, number>()
  for (const left of run.leftOut) reasons.set(left.reason, (reasons.get(left.reason) ?? 0) + 1)
  if (reasons.size > 0) io.out(`Left out: ${[...reasons].map(([reason, count]) => `${count} ${reason}`).join(', ')}`)
  if (run.diff) {
    const d = run.diff
    io.out(`Since run ${run.previousRunId ?? '-'}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`)
    for (const c of d.customers) io.out(`  ${names.get(c.customerId) ?? c.customerId}\t${money(c.beforeMinor)} → ${money(c.afterMinor)}`)
  }
}

const asJson = (values: Values) => values['json'] === true

/** The whole file or none: written beside its place and renamed over it, so a file already there is replaced only by a complete one. */
async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const part = `${path}.${process.pid}.part`
  try {
    await writeFile(part, bytes, { flag: 'wx', mode: 0o600, flush: true })
    await rename(part, path)
  } catch (error) {
    await rm(part, { force: true })
    throw new UsageError(`Could not write ${path}: ${(error as Error).message}. Nothing was written.`)
  }
}

export const BILLING_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['billing', 'run'],
    summary: 'run billing for a closed range, save it and print the bills per customer (and what changed since the last run of it)',
    options: { from: { type: 'string', hint: 'YYYY-MM-DD', required: true }, to: { type: 'string', hint: 'YYYY-MM-DD', required: true }, 'group-by': { type: 'string', hint: 'contract|workItem|activityType' }, json },
    run: async ({ db, io, clock }, values) => {
      const input = parsed(RunInput, { from: text(values, 'from'), to: text(values, 'to'), ...(text(values, 'group-by') ? { groupBy: text(values, 'group-by') } : {}) }, 'Running billing')
      const run = await runAndSave(db, input, null, clock())
      if (asJson(values)) io.out(JSON.stringify(run, null, 2))
      else await printRun(db, io, run)
    },
  },
  {
    words: ['billing', 'runs'],
    summary: 'list the billing runs saved, newest first',
    options: { json },
    run: async ({ db, io }, values) => {
      const runs = await listRuns(db)
      if (asJson(values)) io.out(JSON.stringify(runs, null, 2))
      else for (const r of runs) io.out(`${r.id}\t${r.from} – ${r.to}\t${r.groupBy}\t${formatMoney(r.totalMinor, r.currency)}\t${when(r.createdAt)}`)
    },
  },
  {
    words: ['billing', 'export'],
    summary: 'write a saved billing run as a file: an XLSX workbook, a PDF summary, or the bill lines as CSV for InvoiceNinja’s import (names as they are now)',
    options: {
      run: { type: 'string', hint: 'RUN-ID', required: true },
      file: { type: 'string', hint: 'xlsx|pdf|invoiceNinja', required: true },
      out: { type: 'string', hint: 'PATH', required: true },
      language: { type: 'string', hint: LANGUAGES.join('|') },
    },
    run: async ({ db, io, clock }, values) => {
      const file = parsed(BillingRunFileSchema, text(values, 'file'), 'Exporting the billing run')
      const language = text(values, 'language') || 'en'
      if (!(LANGUAGES as readonly string[]).includes(language)) throw new UsageError(`--language is one of ${LANGUAGES.join(', ')}, not "${language}".`)
      const made = await billingRunExport(db, text(values, 'run'), file, language as (typeof LANGUAGES)[number], clock())
      const path = resolve(text(values, 'out'))
      await writeWhole(path, made.bytes)
      io.err(`Wrote ${path} (${made.bytes.length} bytes; the run's own name for it: ${made.fileName}).`)
    },
  },
  {
    words: ['billing', 'rate', 'set'],
    summary: 'set an hourly rate (--rate 95.00, or - to remove it) for an activity type, or a customer’s or contract’s for one activity type or all',
    options: { rate: { type: 'string', hint: 'AMOUNT|-', required: true }, 'activity-type': { type: 'string', hint: 'NAME (all, if a customer or contract is named)' }, customer: { type: 'string', hint: 'NAME' }, contract: { type: 'string', hint: 'NAME' } },
    run: async ({ db, io }, values) => {
      const [customer, contract, activity] = [text(values, 'customer'), text(values, 'contract'), text(values, 'activity-type')]
      if (customer && contract) throw new UsageError('Name a customer or a contract, not both.')
      if (!customer && !contract && !activity) throw new UsageError('billing rate set needs --activity-type, --customer or --contract.')
      const { currency } = await readBillingSettings(db)
      const given = text(values, 'rate')
      let hourlyMinor: number | null = null
      if (given !== '-') {
        try {
          hourlyMinor = parseMoney(given, currency)
        } catch (error) {
          throw new UsageError(`--rate: ${(error as Error).message}.`)
        }
      }
      const scope = contract ? 'contract' : customer ? 'customer' : 'activity'
      const targetId = contract ? await idOf(db, 'contracts', contract) : customer ? await idOf(db, 'customers', customer) : undefined
      const activityTypeId = activity ? await idOf(db, 'activity_types', activity) : ALL_ACTIVITIES
      await putRates(db, [parsed(RateInput, { scope, ...(targetId ? { targetId } : {}), activityTypeId, hourlyMinor }, 'Setting the rate')])
      const what = scope === 'activity' ? activity : `${contract || customer}, ${activity || 'all activity types'}`
      io.err(hourlyMinor === null ? `Removed the rate of ${what}.` : `The rate of ${what} is ${formatMoney(hourlyMinor, currency)} an hour.`)
    },
  },
  {
    words: ['billing', 'holiday', 'add'],
    summary: 'add a public holiday (its time bills at the holiday class)',
    options: { day: { type: 'string', hint: 'YYYY-MM-DD', required: true }, name: { type: 'string', hint: 'NAME', required: true } },
    run: async ({ db, io }, values) => {
      const [holiday] = parsed(HolidaysInput, { holidays: [{ day: text(values, 'day'), name: text(values, 'name') }] }, 'Adding the holiday').holidays
      if (!holiday) return
      await addHoliday(db, holiday)
      io.err(`${holiday.day} (${holiday.name}) is a holiday for billing.`)
    },
  },
  {
    words: ['billing', 'settings'],
    summary: 'show the billing settings, or change them with a JSON file of the fields to change (as PUT /v1/billing/settings takes them)',
    options: { set: { type: 'string', hint: 'JSON' } },
    run: async ({ db, io, clock }, values) => {
      const change = text(values, 'set')
      if (change) {
        let fields: unknown
        try {
          fields = JSON.parse(change) as unknown
        } catch {
          throw new UsageError('--set must be a JSON object such as {"currency": "EUR", "overlapRule": "split"}.')
        }
        if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new UsageError('--set must be a JSON object such as {"currency": "EUR", "overlapRule": "split"}.')
        const current = await readBillingSettings(db)
        await writeBillingSettings(db, parsed(BillingSettingsSchema, { ...current, ...fields }, 'Setting the billing settings'), clock())
      }
      io.out(JSON.stringify(await readBillingSettings(db), null, 2))
    },
  },
]
