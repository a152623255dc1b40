// Billing over HTTP (issue 18): the organisation's billing settings, holidays and rates,
// and billing runs: run a closed range (saved, with the difference from the last run of
// the same range), list the runs, open one with its bills, lines, what it left out and
// why, and the difference; and a saved run as a file (the workbook, the PDF summary, the
// InvoiceNinja CSV: the files the app makes of its own runs, src/documents). Only the
// roles authority.ts names may call these (admins).
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { BillingRunFileSchema } from '@shared/billing-api'
import { contentDisposition } from '@shared/export-columns'
import { LANGUAGES } from '@shared/i18n/languages'
import { BILLING_FILE_MEDIA } from '../../../documents/billing-run-file'
import type { Clock } from '../../clock'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import { BILLING_ROLES } from '../../org/authority'
import { billingRunExport } from '../../billing/billing-run-files'
import { listRuns, readRun, RunInput, runAndSave } from '../../billing/billing-service'
import {
  BillingSettingsSchema,
  ContractBillingInput,
  HolidaysInput,
  putContractBilling,
  putRates,
  RatesInput,
  readBillingSettings,
  readContractBilling,
  readHolidays,
  readRates,
  replaceHolidays,
  writeBillingSettings,
} from '../../billing/billing-settings'
import { apiDoc } from '../api-doc'
import { principalOf, requireRole } from '../auth'

const RateSchema = z.object({ scope: z.enum(['activity', 'customer', 'contract']), targetId: z.string().nullable(), activityTypeId: z.string(), hourlyMinor: z.number().int() })
const SettingsAnswer = z.object({
  settings: BillingSettingsSchema,
  holidays: HolidaysInput.shape.holidays,
  rates: z.array(RateSchema),
  contracts: z.array(ContractBillingInput),
})
const SettingsBody = BillingSettingsSchema.extend({ contracts: z.array(ContractBillingInput).max(1000).optional() })
const RunId = z.strictObject({ runId: z.string().min(1).max(64) })
const FileQuery = z.strictObject({
  file: BillingRunFileSchema.describe('xlsx: a workbook (bills with a total per customer, and what was left out and why); pdf: a printed summary per customer; invoiceNinja: the bill lines as CSV for InvoiceNinja’s invoice import.'),
  language: z.enum(LANGUAGES, `language is one of ${LANGUAGES.join(', ')}`).default('en').describe('The language of headers, rate classes, reasons and the PDF’s words and money.'),
})
const LineSchema = z.object({
  customerId: z.string(),
  group: z.string().nullable(),
  rateClass: z.enum(['normal', 'afterHours', 'weekend', 'holiday']),
  seconds: z.number().int(),
  hourlyMinor: z.number().int(),
  multiplierBp: z.number().int(),
  source: z.enum(['contract', 'customer', 'activity']),
  amountMinor: z.number().int(),
  entryIds: z.array(z.string()),
})
const SummarySchema = z.object({ id: z.string(), from: z.string(), to: z.string(), groupBy: z.string(), createdAt: z.number().int(), createdBy: z.string().nullable(), currency: z.string(), totalMinor: z.number().int() })
const SnapshotEntry = z.object({ entryId: z.string(), customerId: z.string(), billedSeconds: z.number().int(), includedSeconds: z.number().int() })
const RunSchema = SummarySchema.extend({
  bills: z.array(z.object({ customerId: z.string(), lines: z.array(LineSchema), includedSeconds: z.number().int(), totalMinor: z.number().int() })),
  leftOut: z.array(z.object({ entryId: z.string(), reason: z.enum(['notApproved', 'voided', 'notBillable', 'noCustomer', 'noRate']), seconds: z.number().int() })),
  previousRunId: z.string().nullable(),
  diff: z
    .object({
      added: z.array(SnapshotEntry),
      removed: z.array(SnapshotEntry.extend({ reason: z.string().nullable() })),
      changed: z.array(z.object({ entryId: z.string(), customerId: z.string(), before: SnapshotEntry, after: SnapshotEntry })),
      customers: z.array(z.object({ customerId: z.string(), beforeMinor: z.number().int(), afterMinor: z.number().int() })),
    })
    .nullable()
    .describe('What changed since the run of the same range saved before this one; null for the first.'),
})

const doc = {
  settings: apiDoc({ summary: 'The organisation’s billing settings, holidays, rates and contract rules', auth: 'admin', response: SettingsAnswer }),
  putSettings: apiDoc({
    summary: 'Set the billing settings (currency, overlap rule, rounding, rate calendar, rate classes) and, optionally, contracts’ own overlap rule and rounding',
    description: 'Money is in integer minor units (cents); a class multiplier is in basis points (15000 is ×1.5).',
    auth: 'admin',
    body: SettingsBody,
    response: SettingsAnswer,
    errors: [404],
  }),
  putHolidays: apiDoc({ summary: 'Replace the list of public holidays (billed at the holiday class)', auth: 'admin', body: HolidaysInput, response: SettingsAnswer }),
  putRates: apiDoc({ summary: 'Set hourly rates per activity type, customer or contract (null removes one)', auth: 'admin', body: RatesInput, response: SettingsAnswer, errors: [404] }),
  run: apiDoc({
    summary: 'Run billing for a closed range and save it',
    description: 'Only approved (finally), billable time with a customer is billed; the rest is listed with its reason. Running the same range again answers what changed since the last run of it.',
    auth: 'admin',
    body: RunInput,
    response: z.object({ run: RunSchema }),
    status: 201,
  }),
  runs: apiDoc({ summary: 'The billing runs saved, newest first', auth: 'admin', response: z.object({ runs: z.array(SummarySchema) }) }),
  runDetail: apiDoc({ summary: 'A billing run: bills, lines, what was left out and why, and the difference from the run before', auth: 'admin', params: RunId, response: z.object({ run: RunSchema }), errors: [404] }),
  runFile: apiDoc({
    summary: 'A billing run as a file: an XLSX workbook, a PDF summary, or the bill lines as InvoiceNinja CSV',
    description: 'Names are today’s (the run keeps ids), deleted customers and items included. A customer’s invoice number is ST-, the last 8 characters of the run’s id, and the customer’s place in name order (docs/billing-invoiceninja.md).',
    auth: 'admin',
    params: RunId,
    query: FileQuery,
    produces: Object.values(BILLING_FILE_MEDIA),
    errors: [404],
  }),
}

export function billingRoutes(app: FastifyInstance, { db, clock }: { db: Kysely<ServerDatabase>; clock: Clock }): void {
  app.addHook('preHandler', requireRole(...BILLING_ROLES))
  const answer = async () => ({ settings: await readBillingSettings(db), holidays: await readHolidays(db), rates: await readRates(db), contracts: await readContractBilling(db) })

  app.get('/v1/billing/settings', { config: { api: doc.settings } }, answer)
  app.put('/v1/billing/settings', { config: { api: doc.putSettings } }, async (request) => {
    const { contracts, ...settings } = parseInput(doc.putSettings.body, request.body ?? {}, 'Setting the billing settings')
    await db.transaction().execute(async (trx) => {
      await writeBillingSettings(trx, settings, clock())
      for (const contract of contracts ?? []) await putContractBilling(trx, contract)
    })
    return answer()
  })
  app.put('/v1/billing/holidays', { config: { api: doc.putHolidays } }, async (request) => {
    await replaceHolidays(db, parseInput(doc.putHolidays.body, request.body ?? {}, 'Setting the holidays').holidays)
    return answer()
  })
  app.put('/v1/billing/rates', { config: { api: doc.putRates } }, async (request) => {
    await putRates(db, parseInput(doc.putRates.body, request.body ?? {}, 'Setting the rates').rates)
    return answer()
  })
  app.post('/v1/billing/runs', { config: { api: doc.run } }, async (request, reply) => {
    const input = parseInput(doc.run.body, request.body ?? {}, 'Running billing')
    return reply.code(201).send({ run: await runAndSave(db, input, principalOf(request).userId, clock()) })
  })
  app.get('/v1/billing/runs', { config: { api: doc.runs } }, async () => ({ runs: await listRuns(db) }))
  app.get('/v1/billing/runs/:runId', { config: { api: doc.runDetail } }, async (request) => ({
    run: await readRun(db, parseInput(doc.runDetail.params, request.params, 'Opening the billing run').runId),
  }))
  app.get('/v1/billing/runs/:runId/export', { config: { api: doc.runFile } }, async (request, reply) => {
    const { runId } = parseInput(doc.runFile.params, request.params, 'Exporting the billing run')
    const { file, language } = parseInput(doc.runFile.query, request.query, 'Exporting the billing run')
    const made = await billingRunExport(db, runId, file, language, clock())
    return reply.header('Content-Type', BILLING_FILE_MEDIA[file]).header('Content-Disposition', contentDisposition(made.fileName)).send(Buffer.from(made.bytes))
  })
}
