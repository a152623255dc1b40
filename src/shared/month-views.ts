// Month views of accounted time, as helpdesks know them: every entry of a month, and the
// month's time per ticket (with the time over the ticket's whole life), per customer and
// per organisation. The shapes the app and the team server share; the engine that fills
// them on either database is in ./reports/month-views.ts.
import { z } from 'zod'
import { EntryStatusSchema } from './entries'
import { DEFAULT_REPORT_STATUSES, ReportMonthSchema, ReportSumsSchema } from './reports'

export const MONTH_VIEWS = ['entries', 'tickets', 'customers', 'organisations'] as const
export type MonthViewKind = (typeof MONTH_VIEWS)[number]

/** What each view is called on its tab. */
export const MONTH_VIEW_NAMES: Readonly<Record<MonthViewKind, string>> = {
  entries: 'Entries',
  tickets: 'Per ticket',
  customers: 'Per customer',
  organisations: 'Per organisation',
}

/** Rows one month view returns at most; the CSV export of the same view has no limit. */
export const MAX_MONTH_VIEW_ROWS = 5_000

const STATUSES_LISTED = EntryStatusSchema.options.join(', ')

export const MonthViewQuerySchema = z
  .object({
    month: ReportMonthSchema,
    view: z.enum(MONTH_VIEWS, {
      error: (issue) =>
        typeof issue.input === 'string'
          ? `"${issue.input}" is not a month view: choose from ${MONTH_VIEWS.join(', ')}.`
          : `Say which month view (view): one of ${MONTH_VIEWS.join(', ')}.`,
    }),
    statuses: z
      .array(z.enum(EntryStatusSchema.options, { error: (issue) => `"${String(issue.input)}" is not a status: choose from ${STATUSES_LISTED}.` }), {
        error: `The status filter is a list of statuses: ${STATUSES_LISTED}.`,
      })
      .min(1, 'Choose at least one status, or leave the status filter out to include every status but voided.')
      .default([...DEFAULT_REPORT_STATUSES]),
  })
  .strict()
export type MonthViewQueryInput = z.input<typeof MonthViewQuerySchema>
export type MonthViewQuery = z.output<typeof MonthViewQuerySchema>

/** One entry of the month, with the names of what it was booked against. */
export const MonthEntryRowSchema = z.object({
  entryId: z.string(),
  day: z.string(),
  /** Ticket number (the work item's reference), null when it has none. */
  reference: z.string().nullable(),
  /** The work item's title; null for time not booked on a work item. */
  title: z.string().nullable(),
  workItemId: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  /** The customer's organisation, null when it belongs to none. */
  organisation: z.string().nullable(),
  userId: z.string(),
  /** The person who booked it ("You" where the device does not know the name). */
  userName: z.string(),
  activityTypeName: z.string().nullable(),
  billable: z.boolean(),
  /** Booked (rounded) seconds. */
  seconds: z.number().int().nonnegative(),
  description: z.string(),
  status: EntryStatusSchema,
  /** When the entry was created, ms since the epoch. */
  createdAt: z.number().int(),
})
export type MonthEntryRow = z.infer<typeof MonthEntryRowSchema>

/** A ticket (work item) with time in the month. */
export const MonthTicketRowSchema = z.object({
  workItemId: z.string(),
  reference: z.string().nullable(),
  title: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  organisation: z.string().nullable(),
  /** Time booked in the month. */
  monthSeconds: z.number().int().nonnegative(),
  billableSeconds: z.number().int().nonnegative(),
  entryCount: z.number().int().nonnegative(),
  /** Time booked on the ticket over its whole life (every day, same statuses and people). */
  lifetimeSeconds: z.number().int().nonnegative(),
  /** When the work item was created, ms since the epoch. */
  createdAt: z.number().int().nullable(),
})
export type MonthTicketRow = z.infer<typeof MonthTicketRowSchema>

/** A customer with time in the month (time on work items without a customer is one "(none)" row, customerId null). */
export const MonthCustomerRowSchema = z.object({
  customerId: z.string().nullable(),
  customerName: z.string(),
  organisation: z.string().nullable(),
  monthSeconds: z.number().int().nonnegative(),
  billableSeconds: z.number().int().nonnegative(),
  entryCount: z.number().int().nonnegative(),
  /** Distinct tickets the time went to. */
  ticketCount: z.number().int().nonnegative(),
})
export type MonthCustomerRow = z.infer<typeof MonthCustomerRowSchema>

/** An organisation whose customers have time in the month (organisation null: customers in none, and time without a customer). */
export const MonthOrganisationRowSchema = z.object({
  organisation: z.string().nullable(),
  /** What a person reads: the organisation, or "(no organisation)". */
  label: z.string(),
  customerCount: z.number().int().nonnegative(),
  monthSeconds: z.number().int().nonnegative(),
  billableSeconds: z.number().int().nonnegative(),
  entryCount: z.number().int().nonnegative(),
})
export type MonthOrganisationRow = z.infer<typeof MonthOrganisationRowSchema>

const monthResultBase = {
  month: z.string(),
  /** The month's first and last day. */
  from: z.string(),
  to: z.string(),
  statuses: z.array(EntryStatusSchema),
  /** Every matching entry of the month once. */
  totals: ReportSumsSchema,
  /** Rows there are in all; more than rows.length when the view was cut at MAX_MONTH_VIEW_ROWS. */
  rowCount: z.number().int().nonnegative(),
}

export const MonthViewResultSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('entries'), ...monthResultBase, rows: z.array(MonthEntryRowSchema) }),
  z.object({ view: z.literal('tickets'), ...monthResultBase, rows: z.array(MonthTicketRowSchema) }),
  z.object({ view: z.literal('customers'), ...monthResultBase, rows: z.array(MonthCustomerRowSchema) }),
  z.object({ view: z.literal('organisations'), ...monthResultBase, rows: z.array(MonthOrganisationRowSchema) }),
])
export type MonthViewResult = z.infer<typeof MonthViewResultSchema>
