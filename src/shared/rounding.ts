// Billing rounding of a duration. An entry keeps its raw seconds and stores the
// rounded seconds beside them, so this only computes the rounded value: changing
// the rule later can always recompute from the raw time.
import { z } from 'zod'

export type RoundingMode = 'none' | 'up' | 'down' | 'nearest'

export interface RoundingRule {
  mode: RoundingMode
  /** Step in minutes; ignored by 'none'. */
  minutes: number
  /** Minimum billed duration: a non-zero duration is never rounded below it. */
  minimumMinutes?: number
}

/** The steps an admin can pick; 6 minutes is the tenth of an hour many PSA tools bill in. */
export const ROUNDING_STEPS = [1, 5, 6, 10, 15, 30] as const

const STEP_MESSAGE = `rounding step must be one of ${ROUNDING_STEPS.join(', ')} minutes`
const MINIMUM_MESSAGE = 'minimum billed time must be a whole number of minutes from 0 to 480'

export const RoundingRuleSchema = z.object({
  mode: z.enum(['none', 'up', 'down', 'nearest']),
  minutes: z.literal(ROUNDING_STEPS, STEP_MESSAGE),
  minimumMinutes: z
    .number({ error: MINIMUM_MESSAGE })
    .int(MINIMUM_MESSAGE)
    .min(0, MINIMUM_MESSAGE)
    .max(8 * 60, MINIMUM_MESSAGE)
    .optional(),
}) satisfies z.ZodType<RoundingRule>

/**
 * Rounded whole seconds of a duration under `rule`. Fractional input is floored
 * first, as everywhere else durations are whole seconds; 'nearest' sends an exact
 * half step up, the way people round on paper.
 */
export function roundSeconds(seconds: number, rule: RoundingRule): number {
  if (!Number.isFinite(seconds)) throw new RangeError(`duration must be a finite number of seconds, got ${String(seconds)}`)
  if (seconds < 0) throw new RangeError(`duration cannot be negative, got ${seconds} seconds`)
  const whole = Math.floor(seconds)
  const rounded = rule.mode === 'none' ? whole : roundToStep(whole, stepSeconds(rule), rule.mode)
  const minimum = minimumSeconds(rule)
  // A zero duration means nothing was worked: the minimum must not invent time.
  return whole > 0 && rounded < minimum ? minimum : rounded
}

function roundToStep(whole: number, step: number, mode: Exclude<RoundingMode, 'none'>): number {
  switch (mode) {
    case 'up':
      return Math.ceil(whole / step) * step
    case 'down':
      return Math.floor(whole / step) * step
    case 'nearest':
      // step is a whole number of minutes, so half of it is whole seconds and the comparison is exact.
      return Math.floor((whole + step / 2) / step) * step
  }
}

// The schema guards stored settings; these checks keep a rule built in code from
// dividing by zero or returning a fraction.
function stepSeconds(rule: RoundingRule): number {
  if (!Number.isInteger(rule.minutes) || rule.minutes <= 0) {
    throw new RangeError(`rounding step must be a positive whole number of minutes, got ${String(rule.minutes)}`)
  }
  return rule.minutes * 60
}

function minimumSeconds(rule: RoundingRule): number {
  const minutes = rule.minimumMinutes ?? 0
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new RangeError(`minimum billed time must be a whole number of minutes, got ${String(minutes)}`)
  }
  return minutes * 60
}
