// The billing calls' shapes (issue 18 on the desktop): the device's billing settings,
// a run of a closed range with its bills, what it left out and why, and what changed
// since the last run of the same range. Money is integer minor units of `currency`;
// durations are seconds. The schemas take any integers: what is wrong with a value
// (a negative rate, a multiplier of nothing) is the service's refusal, with its id.
import { z } from 'zod'
import { DaySchema } from './entries'
import { ExportResultSchema } from './exports'
import { LANGUAGES } from './i18n/languages'
import { RoundingRuleSchema } from './rounding'

const int = z.number().int()
const idSchema = z.string().min(1).max(64)

export const OverlapRuleSchema = z.enum(['full', 'split', 'primary'])
export const RoundingScopeSchema = z.enum(['entry', 'dayWorkItem'])
export const BillingRoundingSchema = z.object({ rule: RoundingRuleSchema, scope: RoundingScopeSchema }).strict()
export const GroupBySchema = z.enum(['contract', 'workItem', 'activityType'])
export type GroupBy = z.infer<typeof GroupBySchema>
export const RateClassSchema = z.enum(['normal', 'afterHours', 'weekend', 'holiday'])
export const LeftOutReasonSchema = z.enum(['notApproved', 'voided', 'notBillable', 'noCustomer', 'noRate'])
export type LeftOutReason = z.infer<typeof LeftOutReasonSchema>

export const ClassRateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('multiplier'), bp: int }).strict(),
  z.object({ kind: z.literal('rate'), hourlyMinor: int }).strict(),
])
/** Per activity type id (or '*' for all) an hourly rate in minor units. */
const RateTableSchema = z.record(z.string().min(1).max(64), int)

export const CalendarSchema = z
  .object({ workdays: z.array(z.number().int().min(0).max(6)).max(7), workStartMinute: int.min(0).max(1440), workEndMinute: int.min(0).max(1440) })
  .strict()

export const ContractBillingSchema = z.object({ overlapRule: OverlapRuleSchema.nullable(), rounding: BillingRoundingSchema.nullable() }).strict()

export const HolidaySchema = z.object({ day: DaySchema, name: z.string().trim().min(1, 'a holiday needs a name').max(120) }).strict()
export type Holiday = z.infer<typeof HolidaySchema>

export const BillingSettingsSchema = z.object({
  currency: z.string(),
  overlapRule: OverlapRuleSchema,
  rounding: BillingRoundingSchema,
  calendar: CalendarSchema,
  /** Rates per activity type id. */
  activityRates: z.record(z.string().min(1).max(64), int),
  /** Per customer id, per activity type id or '*'. */
  customerRates: z.record(z.string().min(1).max(64), RateTableSchema),
  contractRates: z.record(z.string().min(1).max(64), RateTableSchema),
  classes: z.object({ afterHours: ClassRateSchema.optional(), weekend: ClassRateSchema.optional(), holiday: ClassRateSchema.optional() }).strict(),
  /** A contract's own overlap rule and rounding (null: the device's). */
  contracts: z.record(z.string().min(1).max(64), ContractBillingSchema),
  holidays: z.array(HolidaySchema),
})
export type BillingSettings = z.infer<typeof BillingSettingsSchema>

/** What an update changes: each part given replaces that part whole. */
export const BillingSettingsPatchSchema = BillingSettingsSchema.omit({ holidays: true })
  .partial()
  .extend({
    /**
     * A new currency while rates are stored is refused unless this says the person agreed
     * to keep each rate's number (95.00 EUR becomes 95.00 CHF, 95 JPY): nothing is converted,
     * the minor units follow the new currency's digits.
     */
    keepRateNumbers: z.literal(true).optional(),
  })
  .strict()
export type BillingSettingsPatch = z.infer<typeof BillingSettingsPatchSchema>

export const BillingRunRequestSchema = z.object({ from: DaySchema, to: DaySchema, groupBy: GroupBySchema.default('contract') }).strict()

export const BillLineSchema = z.object({
  group: z.string().nullable(),
  /** The contract's, work item's or activity type's name; null when the entries have none. */
  groupName: z.string().nullable(),
  rateClass: RateClassSchema,
  seconds: int,
  hourlyMinor: int,
  multiplierBp: int,
  source: z.enum(['contract', 'customer', 'activity']),
  amountMinor: int,
  entryCount: int,
})
export type BillLineView = z.infer<typeof BillLineSchema>

export const CustomerBillSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  lines: z.array(BillLineSchema),
  includedSeconds: int,
  totalMinor: int,
  /** The customer's entries, each once (an entry may run into two lines: after hours from 18:00); absent in a run saved before it was counted. */
  entryCount: int.optional(),
})
export type CustomerBillView = z.infer<typeof CustomerBillSchema>

/** An entry named for a person: its day, work item and activity type. */
const EntryFactsSchema = z.object({ entryId: z.string(), day: z.string(), workItem: z.string().nullable(), activityType: z.string().nullable() })

export const LeftOutSchema = EntryFactsSchema.extend({
  reason: LeftOutReasonSchema,
  seconds: int,
  /** Whose entry: on the team server, which bills many people; absent on the device (its runs are its person's). */
  person: z.string().optional(),
})
export type LeftOutView = z.infer<typeof LeftOutSchema>

export const RunChangesSchema = z.object({
  /** The run compared with: the last one saved for the same range. */
  sinceRunId: z.string(),
  since: int,
  added: z.array(EntryFactsSchema.extend({ customerName: z.string(), billedSeconds: int })),
  removed: z.array(EntryFactsSchema.extend({ customerName: z.string(), billedSeconds: int, reason: LeftOutReasonSchema.nullable() })),
  changed: z.array(EntryFactsSchema.extend({ customerName: z.string(), beforeSeconds: int, afterSeconds: int })),
  customers: z.array(z.object({ customerId: z.string(), customerName: z.string(), beforeMinor: int, afterMinor: int })),
})
export type RunChanges = z.infer<typeof RunChangesSchema>

export const BillingRunSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: GroupBySchema,
  createdAt: int,
  currency: z.string(),
  bills: z.array(CustomerBillSchema),
  leftOut: z.array(LeftOutSchema),
  totalMinor: int,
  /** null for the first run of the range. */
  changes: RunChangesSchema.nullable(),
})
export type BillingRunView = z.infer<typeof BillingRunSchema>
/** What a run's files show: the run without what changed since the one before (the app and the team server make the same files from it). */
export type BillingRunForFiles = Omit<BillingRunView, 'changes'>

export const BillingRunSummarySchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: GroupBySchema,
  createdAt: int,
  currency: z.string(),
  totalMinor: int,
  billedSeconds: int,
  leftOutCount: int,
})
export type BillingRunSummary = z.infer<typeof BillingRunSummarySchema>

/** The files of a saved run: a workbook (bills and what was left out), a printed summary, or its bill lines for InvoiceNinja's import (docs/billing-invoiceninja.md). */
export const BillingRunFileSchema = z.enum(['xlsx', 'pdf', 'invoiceNinja'], { error: 'A billing run is exported as "xlsx", "pdf" or "invoiceNinja" (CSV).' })
export type BillingRunFile = z.infer<typeof BillingRunFileSchema>

/** A saved run as a file, in the reader's language (headers, reasons, the PDF's words and money). */
export const BillingExportRequestSchema = z.object({ id: idSchema, file: BillingRunFileSchema, language: z.enum(LANGUAGES).default('en') }).strict()
export type BillingExportRequest = z.output<typeof BillingExportRequestSchema>

export const billingCalls = {
  'billing.settings': { request: z.object({}).strict(), response: BillingSettingsSchema },
  /** Refused whole, with what was wrong, when a value is not one (unknown currency, negative rate, bad multiplier). */
  'billing.updateSettings': { request: BillingSettingsPatchSchema, response: BillingSettingsSchema },
  /** The public holidays, replaced whole. */
  'billing.setHolidays': { request: z.object({ holidays: z.array(HolidaySchema).max(400) }).strict(), response: BillingSettingsSchema },
  /** Bills a closed range of past days (a month, or any from..to), saves the run and says what changed since the last run of that range. */
  'billing.run': { request: BillingRunRequestSchema, response: BillingRunSchema },
  'billing.runs': { request: z.object({}).strict(), response: z.array(BillingRunSummarySchema) },
  'billing.runDetail': { request: z.object({ id: idSchema }).strict(), response: BillingRunSchema },
  /** A saved run's file, answered as export.csv is: a save dialog in the app, a one-time download in the browser host. */
  'billing.exportRun': { request: BillingExportRequestSchema, response: ExportResultSchema },
} as const
