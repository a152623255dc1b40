// What the Calendar view shows of a span of days: the same entries the grid counts
// (voided ones left out), each with its work item's and timer's names and colour, the
// unbooked segments of timers still going, and which days are locked and by which lock.
import { z } from 'zod'
import { TimeEntrySchema } from './entries'
import { LockKindSchema } from './timesheet'

/** At most six weeks at once: a month's view is the widest the calendar asks for. */
export const MAX_CALENDAR_DAYS = 42

export const CalendarWorkItemSchema = z.object({
  reference: z.string().nullable(),
  title: z.string(),
  customerName: z.string().nullable(),
})
export type CalendarWorkItem = z.infer<typeof CalendarWorkItemSchema>

export const CalendarTimerSchema = z.object({ slot: z.number().int(), label: z.string(), color: z.string() })
export type CalendarTimer = z.infer<typeof CalendarTimerSchema>

export const CalendarEntrySchema = TimeEntrySchema.extend({
  workItem: CalendarWorkItemSchema.nullable(),
  activityName: z.string().nullable(),
  /** The zone its runs were booked in: a moved run is written as times of day there. */
  timeZone: z.string(),
  /** The timer that booked it, while that slot still exists; null for typed time. */
  timer: CalendarTimerSchema.nullable(),
  /** Of its runs, the seconds another billable entry of the person also ran (billable entries only; see entry-overlap.ts); left out or 0 when none. */
  overlappedSeconds: z.number().int().nonnegative().optional(),
})
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>

/** A segment of a running or paused timer not booked yet; endedAt null while it runs. */
export const CalendarSegmentSchema = z.object({
  id: z.string(),
  timerId: z.string(),
  startedAt: z.number().int(),
  endedAt: z.number().int().nullable(),
  timer: CalendarTimerSchema,
  workItemId: z.string().nullable(),
  workItem: CalendarWorkItemSchema.nullable(),
})
export type CalendarSegment = z.infer<typeof CalendarSegmentSchema>

export const CalendarDaySchema = z.object({
  day: z.string(),
  /** Which lock makes the day read-only (its period is submitted or approved); null when it can change. */
  lock: LockKindSchema.nullable(),
})
export type CalendarDay = z.infer<typeof CalendarDaySchema>

export const CalendarRangeSchema = z.object({
  /** The zone days are laid out in (the machine's, as the grid books typed time in). */
  timeZone: z.string(),
  days: z.array(CalendarDaySchema),
  entries: z.array(CalendarEntrySchema),
  segments: z.array(CalendarSegmentSchema),
})
export type CalendarRange = z.infer<typeof CalendarRangeSchema>
