// The period grid as the renderer sees it: rows of (work item, activity type, billable),
// one cell per day, and what a cell is made of. Only grid entries are ever changed by
// typing; time that timers (or other sources) recorded is fixed in the cell.
import { z } from 'zod'
import { DaySchema, TimeEntrySchema } from './entries'
import { PeriodRuleSchema } from './periods'

export const MAX_DAY_SECONDS = 24 * 3600

export const RowKeySchema = z
  .object({ workItemId: z.string().nullable(), activityTypeId: z.string().nullable(), billable: z.boolean() })
  .strict()
export type RowKey = z.infer<typeof RowKeySchema>

/** A stable text form of a row key, for React keys and maps. */
export function rowKeyId(row: RowKey): string {
  return `${row.workItemId ?? '-'}|${row.activityTypeId ?? '-'}|${row.billable ? 1 : 0}`
}

export const TimesheetCellSchema = z.object({
  day: z.string(),
  totalSeconds: z.number().int().nonnegative(),
  /** Seconds from timers (and any other source typing cannot change). */
  fixedSeconds: z.number().int().nonnegative(),
  /** Seconds typed into the grid by hand. */
  gridSeconds: z.number().int().nonnegative(),
  entryCount: z.number().int().nonnegative(),
  note: z.string().nullable(),
})
export type TimesheetCell = z.infer<typeof TimesheetCellSchema>

export const TimesheetRowSchema = RowKeySchema.extend({
  key: z.string(),
  /** Added by hand for this period (kept even while empty). */
  added: z.boolean(),
  cells: z.array(TimesheetCellSchema),
  totalSeconds: z.number().int().nonnegative(),
})
export type TimesheetRow = z.infer<typeof TimesheetRowSchema>

export const PeriodStatusSchema = z.enum(['open', 'submitted', 'approved', 'rejected'])
export type PeriodStatus = z.infer<typeof PeriodStatusSchema>

/**
 * Which lock a submitted or approved period is under (see lockKind in period-workflow.ts):
 * data, so each window says why and what to do in its own language (refusal.lock.*).
 */
export const LockKindSchema = z.enum(['submitted', 'approvedStandalone', 'approvedServer'])
export type LockKind = z.infer<typeof LockKindSchema>

export const PeriodEventSchema = z.object({
  id: z.string(),
  at: z.number().int(),
  actor: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string().nullable(),
})
/**
 * The actor this device stores for its own user's moves when no team server names them (a
 * standalone technician): shown in the reader's language ('history.you'), never as stored.
 */
export const SELF_ACTOR = 'You'

export type PeriodEvent = z.infer<typeof PeriodEventSchema>

export const TimesheetSchema = z.object({
  start: z.string(),
  end: z.string(),
  label: z.string(),
  status: PeriodStatusSchema,
  /** The approval level a submitted period waits for. */
  level: z.union([z.literal(1), z.literal(2)]).nullable(),
  /** The reason given with the last rejection or reopening, shown on the period. */
  reason: z.string().nullable(),
  /** A submission or withdrawal made here that has not reached the team server yet. */
  queued: z.boolean(),
  /** Every status change of the period, oldest first. */
  history: z.array(PeriodEventSchema),
  /** Which lock keeps the period from being edited, or null when it can be. */
  lock: LockKindSchema.nullable(),
  days: z.array(z.object({ day: z.string(), weekday: z.number().int(), expectedSeconds: z.number().int().nonnegative() })),
  rows: z.array(TimesheetRowSchema),
})
export type Timesheet = z.infer<typeof TimesheetSchema>

export const CellChangeSchema = z.object({ day: DaySchema, row: RowKeySchema, totalSeconds: z.number().int().min(0).max(MAX_DAY_SECONDS) }).strict()
export type CellChange = z.infer<typeof CellChangeSchema>

/** An entry in a cell's details, with the zone its runs are read and typed in. */
export const CellEntrySchema = TimeEntrySchema.extend({ timeZone: z.string() })
export type CellEntry = z.infer<typeof CellEntrySchema>

export const CellDetailsSchema = z.object({
  day: z.string(),
  row: RowKeySchema,
  note: z.string().nullable(),
  /** Which lock keeps the cell's entries from changing (its period's), or null when they can. */
  lock: LockKindSchema.nullable(),
  entries: z.array(CellEntrySchema),
  /** Of the cell's entries' runs, the seconds another billable entry of the person also ran (summed per entry; see entry-overlap.ts); left out or 0 when none. */
  overlappedSeconds: z.number().int().nonnegative().optional(),
})
export type CellDetails = z.infer<typeof CellDetailsSchema>

/** How durations are shown; display only: stored seconds never change with it. */
export const DurationUnitSchema = z.union([
  z.enum(['hmm', 'decimal', 'minutes', 'quarters']),
  z.object({ custom: z.string().trim().min(1, 'a unit label cannot be empty').max(20, 'a unit label can be at most 20 characters') }).strict(),
])

export const TimesheetSettingsSchema = z.object({
  periodRule: PeriodRuleSchema,
  /** Expected seconds per weekday, Sunday first. */
  expectedSeconds: z.array(z.number().int().min(0).max(MAX_DAY_SECONDS)).length(7),
  // A default, so settings saved before the unit existed stay valid.
  unit: DurationUnitSchema.default('hmm'),
})
export type TimesheetSettings = z.infer<typeof TimesheetSettingsSchema>

export const DEFAULT_TIMESHEET_SETTINGS: TimesheetSettings = {
  periodRule: { kind: 'weekly', weekStartsOn: 1 },
  expectedSeconds: [0, 8 * 3600, 8 * 3600, 8 * 3600, 8 * 3600, 8 * 3600, 0],
  unit: 'hmm',
}

/** What a person sees before submitting a period. */
export const PeriodSummarySchema = z.object({
  start: z.string(),
  end: z.string(),
  label: z.string(),
  status: PeriodStatusSchema,
  totalSeconds: z.number().int().nonnegative(),
  billableSeconds: z.number().int().nonnegative(),
  /** Wall-clock seconds in which two or more billable entries' timers ran at once (the overlap rule decides how that time is billed). */
  overlappedSeconds: z.number().int().nonnegative(),
  expectedSeconds: z.number().int().nonnegative(),
  days: z.array(z.object({ day: z.string(), seconds: z.number().int().nonnegative(), expectedSeconds: z.number().int().nonnegative() })),
  /** Days that expect time and have none. */
  emptyDays: z.array(z.string()),
  /** Timers that are running or paused: their time is not in the period yet. */
  activeTimers: z.array(z.object({ slot: z.number().int(), label: z.string(), state: z.enum(['running', 'paused']) })),
  /** Standalone: submitting approves the period at once. With a team server: it goes for approval (queued while offline). */
  mode: z.enum(['standalone', 'server']),
})
export type PeriodSummary = z.infer<typeof PeriodSummarySchema>

export const EntryBucketsSchema = z.object({
  draft: z.number().int().nonnegative(),
  submitted: z.number().int().nonnegative(),
  approved: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  voided: z.number().int().nonnegative(),
})
export type EntryBuckets = z.infer<typeof EntryBucketsSchema>

/** One of the user's periods in the Submissions view: its status, where its time stands, its history. */
export const SubmissionRowSchema = TimesheetSchema.pick({ start: true, end: true, label: true, status: true, level: true, reason: true, queued: true, history: true }).extend({
  totalSeconds: z.number().int().nonnegative(),
  buckets: EntryBucketsSchema,
})
export type SubmissionRow = z.infer<typeof SubmissionRowSchema>
