// Time entries as the renderer sees them: a booked duration on one local day.
import { z } from 'zod'

export const EntrySourceSchema = z.enum(['timer', 'grid', 'manual'])
export const EntryStatusSchema = z.enum(['draft', 'submitted', 'approved', 'rejected', 'voided'])
export type EntrySource = z.infer<typeof EntrySourceSchema>
export type EntryStatus = z.infer<typeof EntryStatusSchema>

export const TimeEntrySchema = z.object({
  id: z.string(),
  day: z.string(),
  workItemId: z.string().nullable(),
  activityTypeId: z.string().nullable(),
  billable: z.boolean(),
  description: z.string(),
  source: EntrySourceSchema,
  rawSeconds: z.number().int().nonnegative(),
  roundedSeconds: z.number().int().nonnegative(),
  status: EntryStatusSchema,
  timerId: z.string().nullable(),
  ranges: z.array(z.object({ startedAt: z.number().int(), endedAt: z.number().int() })),
})
export type TimeEntry = z.infer<typeof TimeEntrySchema>

export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
