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

export const TimesheetSchema = z.object({
  start: z.string(),
  end: z.string(),
  label: z.string(),
  status: PeriodStatusSchema,
  /** Why the period cannot be edited, or null when it can. */
  lockedReason: z.string().nullable(),
  days: z.array(z.object({ day: z.string(), weekday: z.number().int(), expectedSeconds: z.number().int().nonnegative() })),
  rows: z.array(TimesheetRowSchema),
})
export type Timesheet = z.infer<typeof TimesheetSchema>

export const CellChangeSchema = z.object({ day: DaySchema, row: RowKeySchema, totalSeconds: z.number().int().min(0).max(MAX_DAY_SECONDS) }).strict()
export type CellChange = z.infer<typeof CellChangeSchema>

export const CellDetailsSchema = z.object({ day: z.string(), row: RowKeySchema, note: z.string().nullable(), entries: z.array(TimeEntrySchema) })
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
