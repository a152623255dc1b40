// Timer slots as the renderer and the tray see them. Time is kept as closed
// seconds plus the instant the open segment began, so nothing has to tick.
import { z } from 'zod'
import { TimeEntrySchema } from './entries'
import { LockKindSchema } from './timesheet'

export const SLOT_COUNT = 9

/** Paul Tol's "bright" and "muted" colours: nine hues that stay apart for the common colour-vision deficiencies. */
export const DEFAULT_TIMER_COLORS = [
  '#4477AA',
  '#EE6677',
  '#228833',
  '#CCBB44',
  '#66CCEE',
  '#AA3377',
  '#BBBBBB',
  '#EE8866',
  '#44BB99',
] as const

export const SlotSchema = z
  .number({ error: 'slot must be a whole number from 1 to 9' })
  .int('slot must be a whole number from 1 to 9')
  .min(1, 'slot must be a whole number from 1 to 9')
  .max(SLOT_COUNT, 'slot must be a whole number from 1 to 9')

export const TimerStateSchema = z.enum(['idle', 'running', 'paused'])
export type TimerState = z.infer<typeof TimerStateSchema>

export const TimerSchema = z.object({
  id: z.string(),
  slot: SlotSchema,
  label: z.string(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  state: TimerStateSchema,
  workItemId: z.string().nullable(),
  activityTypeId: z.string().nullable(),
  billable: z.boolean(),
  note: z.string(),
  /** Seconds of the segments already closed. */
  closedSeconds: z.number().int().nonnegative(),
  /** Start of the open segment (ms since epoch, UTC) while running, else null. */
  runningSince: z.number().int().nullable(),
  /** Start of the current run (its first segment) while running or paused, else null: what "Started at" shows and timers.setStart moves. */
  runStartedAt: z.number().int().nullable().optional(),
  /** Marked as the primary timer: under the overlap rule `primary` it bills time it shares with other timers. At most one is. */
  primary: z.boolean().optional(),
})
export type Timer = z.infer<typeof TimerSchema>

/** Whole seconds a timer shows at `nowMs`; a clock that went backwards never makes it shrink below its closed time. */
export function elapsedSeconds(timer: Pick<Timer, 'closedSeconds' | 'runningSince'>, nowMs: number): number {
  if (timer.runningSince === null) return timer.closedSeconds
  return timer.closedSeconds + Math.max(0, Math.floor((nowMs - timer.runningSince) / 1000))
}

/** `h:mm:ss` for a live timer display. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  const hours = Math.floor(s / 3600)
  const minutes = Math.floor((s % 3600) / 60)
  const seconds = s % 60
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}

export const TimerUpdateSchema = z
  .object({
    slot: SlotSchema,
    label: z.string().trim().min(1, 'a label cannot be empty').max(60, 'a label can be at most 60 characters').optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #RRGGBB').optional(),
    workItemId: z.string().nullable().optional(),
    activityTypeId: z.string().nullable().optional(),
    billable: z.boolean().optional(),
    note: z.string().max(2000, 'a note can be at most 2000 characters').optional(),
  })
  .strict()
export type TimerUpdate = z.infer<typeof TimerUpdateSchema>

const promptBase = {
  id: z.string(),
  timerLabel: z.string(),
  /** The span asked about (ms since epoch, UTC): first instant to last. */
  fromAt: z.number().int(),
  toAt: z.number().int(),
}

/** Time a timer may not have worked: a crash gap, or idle time while it ran. */
export const GapPromptSchema = z.object({ ...promptBase, kind: z.enum(['crash-gap', 'idle']), slot: SlotSchema })
export type GapPrompt = z.infer<typeof GapPromptSchema>

/**
 * Timer time that fell into a submitted or approved period: it was not booked there, and
 * waits for the user (a question while kind is asked, or kept aside until the period is
 * reopened). Its days are the local days in the zone the timer ran in.
 */
export const HeldTimeSchema = z.object({
  ...promptBase,
  kind: z.literal('locked-period'),
  /** The timer it was measured on; null if that slot no longer exists. */
  slot: SlotSchema.nullable(),
  /** Whole seconds held: the runs, without the pauses between them. */
  seconds: z.number().int().nonnegative(),
  days: z.array(z.object({ day: z.string(), seconds: z.number().int().nonnegative(), locked: z.boolean() })),
  /** Which lock keeps its days from taking it now; null once every day is open again. */
  lock: LockKindSchema.nullable(),
  /** Today's local day, and whether today's period can take the time. */
  today: z.string(),
  todayOpen: z.boolean(),
  /** Kept aside by the user (listed under the timers), rather than a question waiting. */
  keptAside: z.boolean(),
  workItemId: z.string().nullable(),
  activityTypeId: z.string().nullable(),
  billable: z.boolean(),
  description: z.string(),
})
export type HeldTime = z.infer<typeof HeldTimeSchema>

/** A decision Stint waits for rather than making it silently. */
export const TimerPromptSchema = z.discriminatedUnion('kind', [GapPromptSchema, HeldTimeSchema])
export type TimerPrompt = z.infer<typeof TimerPromptSchema>

export const PromptResolutionSchema = z.discriminatedUnion('action', [
  /** Keep the time as it was recorded. */
  z.object({ action: z.literal('keep') }),
  /** Remove the time of the prompt from the timer (idle time, or a crash gap); or drop held time. */
  z.object({ action: z.literal('discard') }),
  /** Crash gap only: stop the timer at the last sign of life and book the run. */
  z.object({ action: z.literal('stop-at-start') }),
  /** Idle only: move the time to another timer slot. */
  z.object({ action: z.literal('move-to-timer'), slot: SlotSchema }),
  /** Idle only: book the time as a draft entry of a work item. */
  z.object({ action: z.literal('book-to-work-item'), workItemId: z.string() }),
  /** Held time only: book it as one draft entry today. */
  z.object({ action: z.literal('book-today') }),
  /** Held time only: keep it aside until its period is reopened. */
  z.object({ action: z.literal('keep-aside') }),
  /** Held time only: book it into the days it was worked on, once their period is open again. */
  z.object({ action: z.literal('book-into-days') }),
])
export type PromptResolution = z.infer<typeof PromptResolutionSchema>

export const StopResultSchema = z.discriminatedUnion('outcome', [
  /** heldSeconds: time of the run that fell into a locked period; it was not booked and waits as a question. */
  z.object({ outcome: z.literal('stopped'), timer: TimerSchema, entries: z.array(TimeEntrySchema), heldSeconds: z.number().int().nonnegative() }),
  /** The run is shorter than the threshold: the timer was paused and nothing booked until the user decides. */
  z.object({ outcome: z.literal('confirm-short'), timer: TimerSchema, seconds: z.number().int().nonnegative() }),
])
export type StopResult = z.infer<typeof StopResultSchema>
