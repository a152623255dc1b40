// Reports: where the time went over a range of days — grouped, filtered, summed, with
// utilisation — and how much of each contract's included hours a month used. The
// shapes the app and the team server share; the engine that answers them on either
// database is in ./reports/engine.ts.
import { z } from 'zod'
import { EntryStatusSchema, type EntryStatus } from './entries'
import { dayProblem } from './periods'
import { MAX_DAY_SECONDS } from './timesheet'

export const REPORT_DIMENSIONS = ['day', 'week', 'month', 'customer', 'organisation', 'contract', 'workItem', 'activityType', 'user', 'team', 'status', 'billable'] as const
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number]

/** Dimensions that cut the range into spans of days. */
export const TIME_DIMENSIONS: readonly ReportDimension[] = ['day', 'week', 'month']
/** Dimensions only the team server knows: a device holds one person's time and no teams. */
export const TEAM_DIMENSIONS: readonly ReportDimension[] = ['user', 'team']

/** What each dimension is called in a sentence ("group by customer"). */
export const DIMENSION_NAMES: Readonly<Record<ReportDimension, string>> = {
  day: 'day',
  week: 'week',
  month: 'month',
  customer: 'customer',
  organisation: 'organisation',
  contract: 'contract',
  workItem: 'work item',
  activityType: 'activity type',
  user: 'person',
  team: 'team',
  status: 'status',
  billable: 'billable or not',
}

/** Three calendar years, a leap year among them: the longest range a report groups. */
export const MAX_REPORT_DAYS = 1096
export const MAX_GROUP_DIMENSIONS = 3
/** A filter names at most this many ids (it travels as one SQL parameter each). */
export const MAX_FILTER_IDS = 1000
/** Rows one report may return; beyond that a table or chart is no use, and a server's memory is at stake. */
export const MAX_REPORT_ROWS = 100_000
/** Voided time was taken back by an admin: it is left out unless asked for. */
export const DEFAULT_REPORT_STATUSES: readonly EntryStatus[] = ['draft', 'submitted', 'approved', 'rejected']
/** The label of a group whose id is null: time with no contract, no work item... (no customer has its own word). */
export const NONE_LABEL = '(none)'
/**
 * Work without a customer, wherever it is shown or exported: Work items, Reports, month
 * views and CSV. "No customer" rather than "Internal": for an MSP a ticket with no
 * customer is as often one not yet assigned (billable time at risk) as in-house work,
 * and the words should state the fact, not guess.
 */
export const NO_CUSTOMER_LABEL = 'No customer'
/** The label of an id the database has no row for (a work item not synced to this device yet). */
export const UNKNOWN_LABEL = '(unknown)'
/** The label of time whose customer belongs to no organisation, or that has no customer. */
export const NO_ORGANISATION_LABEL = '(no organisation)'
/** An organisation is free text on a customer, at most this long. */
export const MAX_ORGANISATION_LENGTH = 120
/** A contract warns when its billable time reaches this percentage of its included hours. */
export const CONTRACT_WARNING_PERCENT = 80

const LISTED = REPORT_DIMENSIONS.join(', ')
const STATUSES_LISTED = EntryStatusSchema.options.join(', ')
const ReportStatusSchema = z.enum(EntryStatusSchema.options, { error: (issue) => `"${String(issue.input)}" is not a status: choose from ${STATUSES_LISTED}.` })

/** The first or last day of a range (`what`: "report", "export"): a real day, with a message that says which. */
export function rangeDaySchema(what: string, field: 'from' | 'to') {
  const which = field === 'from' ? 'first' : 'last'
  const missing = `The ${what} needs its ${which} day (${field}), written YYYY-MM-DD, such as 2026-11-16.`
  return z.string({ error: missing }).superRefine((text, context) => {
    if (text.trim() === '') {
      context.addIssue({ code: 'custom', message: missing })
      return
    }
    const problem = dayProblem(text)
    if (problem !== undefined) context.addIssue({ code: 'custom', message: `The ${which} day of the ${what} (${field}) is wrong: ${problem}.` })
  })
}

/**
 * Why a range of two real days is the wrong way round, or undefined (also when either is
 * not a real day: the day's own message says that, and one problem is said once).
 */
export function rangeOrderProblem(from: string, to: string): string | undefined {
  if (dayProblem(from) !== undefined || dayProblem(to) !== undefined || from <= to) return undefined
  return `The range ends (${to}) before it starts (${from}): the last day must be on or after the first.`
}

/** Whole days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function reportRangeDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

export const ReportDimensionSchema = z.enum(REPORT_DIMENSIONS, {
  error: (issue) => `"${String(issue.input)}" is not something a report can group by: choose from ${LISTED}.`,
})

const GroupBySchema = z
  .array(ReportDimensionSchema, { error: `groupBy is a list of what to group by, such as ["customer", "month"]; choose from ${LISTED}.` })
  .min(1, `Choose at least one thing to group the report by: ${LISTED}.`)
  .max(MAX_GROUP_DIMENSIONS, `A report groups by at most ${MAX_GROUP_DIMENSIONS} things at once; remove one, or filter on it instead.`)
  .superRefine((dimensions, context) => {
    const repeated = dimensions.filter((dimension, index) => dimensions.indexOf(dimension) !== index)
    if (repeated.length > 0) context.addIssue({ code: 'custom', message: `The report is grouped by ${DIMENSION_NAMES[repeated[0] ?? 'day']} twice; name each thing once.` })
  })

/** Ids to keep; null keeps time that has none (no customer, no work item...), as the "(none)" row shows it. */
function idFilter(thing: string, things: string) {
  return z
    .array(z.string().min(1, `A ${thing} id cannot be empty; use null for time without a ${thing}.`).nullable(), {
      error: `The ${thing} filter is a list of ${thing} ids.`,
    })
    .min(1, `Choose at least one ${thing}, or leave the ${thing} filter out to include every ${thing}.`)
    .max(MAX_FILTER_IDS, `A filter can name at most ${MAX_FILTER_IDS} ${things}; leave it out to include every ${thing}.`)
    .optional()
}

export const ReportFiltersSchema = z
  .object({
    customerIds: idFilter('customer', 'customers'),
    /** Organisations by name, as customers carry them; null keeps time of customers in none and time without a customer. */
    organisations: z
      .array(
        z
          .string({ error: 'An organisation in the filter is its name, or null for customers in none.' })
          .min(1, 'An organisation name cannot be empty; use null for customers in no organisation.')
          .max(MAX_ORGANISATION_LENGTH, `An organisation name has at most ${MAX_ORGANISATION_LENGTH} characters.`)
          .nullable(),
        { error: 'The organisation filter is a list of organisation names (null: no organisation).' },
      )
      .min(1, 'Choose at least one organisation, or leave the organisation filter out to include every organisation.')
      .max(MAX_FILTER_IDS, `A filter can name at most ${MAX_FILTER_IDS} organisations; leave it out to include every organisation.`)
      .optional(),
    contractIds: idFilter('contract', 'contracts'),
    workItemIds: idFilter('work item', 'work items'),
    activityTypeIds: idFilter('activity type', 'activity types'),
    /** Every entry has a person, so null makes no sense here. */
    userIds: z
      .array(z.string().min(1, 'A person id cannot be empty.'), { error: 'The person filter is a list of user ids.' })
      .min(1, 'Choose at least one person, or leave the person filter out to include everyone the report may show.')
      .max(MAX_FILTER_IDS, `A filter can name at most ${MAX_FILTER_IDS} people; leave it out, or filter by team.`)
      .optional(),
    /** null keeps the time of people who are in no team. */
    teamIds: idFilter('team', 'teams'),
    statuses: z
      .array(ReportStatusSchema, { error: `The status filter is a list of statuses: ${STATUSES_LISTED}.` })
      .min(1, 'Choose at least one status, or leave the status filter out to include every status but voided.')
      .default([...DEFAULT_REPORT_STATUSES]),
    billable: z.boolean({ error: 'The billable filter is true (billable time only) or false (non-billable only); leave it out for both.' }).optional(),
  }, { error: 'The filters of a report are an object, such as { "customerIds": ["…"] }.' })
  .strict()

const WEEKDAY_MESSAGE = 'weekStartsOn must be a whole number from 0 (Sunday) to 6 (Saturday).'

export const ReportQuerySchema = z
  .object({
    /** First day of the range, included. */
    from: rangeDaySchema('report', 'from'),
    /** Last day of the range, included. */
    to: rangeDaySchema('report', 'to'),
    /** What the rows are grouped by, outermost first. */
    groupBy: GroupBySchema,
    filters: ReportFiltersSchema.prefault({}),
    /** Where a week starts when grouping by week: 0 = Sunday … 6 = Saturday. */
    weekStartsOn: z.literal([0, 1, 2, 3, 4, 5, 6], WEEKDAY_MESSAGE).default(1),
    /** Expected seconds of one person on each weekday, Sunday first; gives expected hours and utilisation. */
    expectedSeconds: z
      .array(z.number().int().min(0).max(MAX_DAY_SECONDS), { error: 'expectedSeconds gives one person’s expected seconds for each weekday, Sunday first.' })
      .length(7, 'expectedSeconds gives one person’s expected seconds for each of the seven weekdays, Sunday first.')
      .optional(),
  }, { error: 'A report request is an object with from, to and groupBy, such as { "from": "2026-11-01", "to": "2026-11-30", "groupBy": ["customer"] }.' })
  .strict()
  .superRefine((query, context) => {
    if (dayProblem(query.from) !== undefined || dayProblem(query.to) !== undefined) return
    const days = reportRangeDays(query.from, query.to)
    const backwards = rangeOrderProblem(query.from, query.to)
    if (backwards !== undefined) {
      context.addIssue({ code: 'custom', path: ['to'], message: backwards })
    } else if (days > MAX_REPORT_DAYS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A report covers at most three years (${MAX_REPORT_DAYS.toLocaleString('en')} days); ${query.from} to ${query.to} is ${days.toLocaleString('en')} days. Choose a shorter range, or report one year at a time.`,
      })
    }
  })

/** A report request as a caller writes it (defaults may be left out). */
export type ReportQueryInput = z.input<typeof ReportQuerySchema>
/** A report request with its defaults filled in: every status but voided, weeks from Monday. */
export type ReportQuery = z.output<typeof ReportQuerySchema>
export type ReportFilters = ReportQuery['filters']

export const ReportKeySchema = z.object({
  dimension: ReportDimensionSchema,
  /**
   * The group's id: an entity id; 'YYYY-MM-DD' for a day and for a week (its first
   * day); 'YYYY-MM' for a month; the organisation's name; the status; 'billable' or
   * 'non-billable'. Null for time with none (no customer, no organisation...).
   */
  id: z.string().nullable(),
  /** What a person reads: the name, "REF · title", "Week of 16 Nov 2026", or "(none)". */
  label: z.string(),
})
export type ReportKey = z.infer<typeof ReportKeySchema>

export const ReportSumsSchema = z.object({
  /** Rounded seconds, the booked time. */
  totalSeconds: z.number().int().nonnegative(),
  billableSeconds: z.number().int().nonnegative(),
  nonBillableSeconds: z.number().int().nonnegative(),
  entryCount: z.number().int().nonnegative(),
  /**
   * Of the billable time, how much ran while another billable entry of the same person
   * also ran (each entry's overlapped seconds, summed; raw time). Reports of the desktop
   * and the team server carry it (src/shared/reports/overlap.ts); optional for older servers.
   */
  overlappedSeconds: z.number().int().nonnegative().optional(),
})
export type ReportSums = z.infer<typeof ReportSumsSchema>

export const ReportRowSchema = ReportSumsSchema.extend({
  /** One key per groupBy dimension, in the same order. */
  keys: z.array(ReportKeySchema),
  /**
   * Expected seconds of this row when the grouping is only by time, person and team
   * and expectations were given (the days of the row's span within the range, times
   * the people it covers); null otherwise (a customer has no expected hours).
   */
  expectedSeconds: z.number().int().nonnegative().nullable(),
})
export type ReportRow = z.infer<typeof ReportRowSchema>

export const UtilisationSchema = z.object({
  /** Billable share of the time booked; null when nothing was booked. */
  billableShare: z.number().nonnegative().nullable(),
  /** Time booked against time expected; null without expectations (or when none was expected). */
  ofExpected: z.number().nonnegative().nullable(),
  /** Billable time against time expected: the utilisation rate of service businesses. */
  billableOfExpected: z.number().nonnegative().nullable(),
})
export type Utilisation = z.infer<typeof UtilisationSchema>

export const ReportResultSchema = z.object({
  query: ReportQuerySchema,
  /** Groups with time in them, ordered by their keys: time chronologically, names alphabetically, "(none)" last. */
  rows: z.array(ReportRowSchema),
  /**
   * Every matching entry once. Grouped by team, a person in two teams counts in both
   * teams' rows, so rows can add up to more than the totals; otherwise they add up to them.
   */
  totals: ReportSumsSchema,
  /** People whose expected hours count: one on a device; those the report covers on the team server. */
  people: z.number().int().nonnegative(),
  /** Expected seconds of the whole range for all those people; null without expectations. */
  expectedSeconds: z.number().int().nonnegative().nullable(),
  utilisation: UtilisationSchema,
})
export type ReportResult = z.infer<typeof ReportResultSchema>

/** The utilisation numbers of a total against its expectation. */
export function utilisationOf(sums: Pick<ReportSums, 'totalSeconds' | 'billableSeconds'>, expectedSeconds: number | null): Utilisation {
  const expected = expectedSeconds !== null && expectedSeconds > 0 ? expectedSeconds : null
  return {
    billableShare: sums.totalSeconds > 0 ? sums.billableSeconds / sums.totalSeconds : null,
    ofExpected: expected === null ? null : sums.totalSeconds / expected,
    billableOfExpected: expected === null ? null : sums.billableSeconds / expected,
  }
}

// Contract usage: the input of a monthly billing run.

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/

export const ReportMonthSchema = z.string({ error: 'The month is written YYYY-MM, such as 2026-11.' }).superRefine((text, context) => {
  const match = MONTH_PATTERN.exec(text)
  const year = Number(match?.[1])
  const month = Number(match?.[2])
  if (!match) context.addIssue({ code: 'custom', message: `"${text}" is not a month: write it YYYY-MM, such as 2026-11.` })
  else if (year < 1) context.addIssue({ code: 'custom', message: `"${text}" is not a month: years run from 0001 to 9999.` })
  else if (month < 1 || month > 12) context.addIssue({ code: 'custom', message: `"${text}" is not a month: months run from 01 to 12.` })
})

export const ContractUsageQuerySchema = z
  .object({
    month: ReportMonthSchema,
    statuses: z
      .array(ReportStatusSchema, { error: `The status filter is a list of statuses: ${STATUSES_LISTED}.` })
      .min(1, 'Choose at least one status, or leave the status filter out to count every status but voided.')
      .default([...DEFAULT_REPORT_STATUSES]),
  })
  .strict()
export type ContractUsageQueryInput = z.input<typeof ContractUsageQuerySchema>
export type ContractUsageQuery = z.output<typeof ContractUsageQuerySchema>

export const ContractUsageLevelSchema = z.enum(['ok', 'warning', 'over'])
export type ContractUsageLevel = z.infer<typeof ContractUsageLevelSchema>

export const ContractUsageRowSchema = z.object({
  contractId: z.string(),
  contractName: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  /** Included hours as seconds; null when the contract includes no hours (time and material). */
  includedSeconds: z.number().int().nonnegative().nullable(),
  /** All time booked on the contract's work items in the month. */
  usedSeconds: z.number().int().nonnegative(),
  /** Billable time: what uses up the included hours. */
  billableSeconds: z.number().int().nonnegative(),
  nonBillableSeconds: z.number().int().nonnegative(),
  entryCount: z.number().int().nonnegative(),
  /** Billable time past the included hours, to be invoiced; null when the contract includes no hours. */
  beyondIncludedSeconds: z.number().int().nonnegative().nullable(),
  /** Billable time as a share of the included hours; null when the contract includes none. */
  share: z.number().nonnegative().nullable(),
  /** 'warning' from 80 % of the included hours, 'over' from 100 %. */
  level: ContractUsageLevelSchema,
})
export type ContractUsageRow = z.infer<typeof ContractUsageRowSchema>

export const ContractUsageSchema = z.object({
  month: z.string(),
  /** The month's first and last day. */
  from: z.string(),
  to: z.string(),
  statuses: z.array(EntryStatusSchema),
  /** Live contracts and any other contract with time in the month, by customer then contract name. */
  contracts: z.array(ContractUsageRowSchema),
})
export type ContractUsage = z.infer<typeof ContractUsageSchema>

/**
 * How far a contract's billable time has used its included hours. Whole-second
 * arithmetic, so exactly 80 % warns and a second less does not. A contract that
 * includes no hours never warns; one that includes zero hours is over with any billable time.
 */
export function contractUsageLevel(billableSeconds: number, includedSeconds: number | null): ContractUsageLevel {
  if (includedSeconds === null) return 'ok'
  if (billableSeconds >= includedSeconds) return billableSeconds > 0 || includedSeconds > 0 ? 'over' : 'ok'
  return billableSeconds * 100 >= includedSeconds * CONTRACT_WARNING_PERCENT ? 'warning' : 'ok'
}
