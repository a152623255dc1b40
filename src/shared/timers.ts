// Timer slots as the renderer and the tray see them. Time is kept as closed
// seconds plus the instant the open segment began, so nothing has to tick.
import { z } from 'zod'

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
  /** Seconds of the segments already closed. */
  closedSeconds: z.number().int().nonnegative(),
  /** Start of the open segment (ms since epoch, UTC) while running, else null. */
  runningSince: z.number().int().nullable(),
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
