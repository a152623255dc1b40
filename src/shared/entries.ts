// Time entries as the renderer sees them: a booked duration on one local day.
import { z } from 'zod'
import { dayProblem } from './periods'

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

/**
 * A local work day: a real calendar day written YYYY-MM-DD. The one day schema every
 * request, sync mutation and pull goes through, so 2026-02-30 is refused with a sentence
 * that names it instead of failing deep inside the period maths.
 */
export const DaySchema = z.string({ error: 'a day is text written YYYY-MM-DD, such as 2026-11-16' }).superRefine((text, context) => {
  const problem = dayProblem(text)
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem })
})
