// Rounding for billing, per contract, applied only to what is billed: raw seconds and the
// timesheet's own rounding are untouched. Users ask for both scopes, so both are offered:
//   - per entry: each entry is rounded on its own (three 7-minute calls, rounded up to
//     15 minutes, bill 45 minutes);
//   - per day per work item: one work item's entries of one day are summed, the sum is
//     rounded once (the same three calls bill 30 minutes), and the billed total is shared
//     back over the entries in proportion, in whole seconds, so each entry still has its
//     own billed time and the entries add up to the rounded sum exactly.
// The rule's minimum is a minimum charge per entry: per entry it applies after rounding,
// as the timesheet's own rule does; per day it lifts each non-empty entry before the sum.
import { roundSeconds, type RoundingRule } from '../rounding'
import { shareOut } from './share-out'

export type RoundingScope = 'entry' | 'dayWorkItem'

export const ROUNDING_SCOPES: readonly RoundingScope[] = ['entry', 'dayWorkItem']

export interface BillingRounding {
  rule: RoundingRule
  scope: RoundingScope
}

export interface ItemToRound {
  entryId: string
  workItemId: string | null
  day: string
  /** Billable seconds before billing rounding (after the overlap rule). */
  seconds: number
}

/** Billed seconds per entry. */
export function roundForBilling(items: readonly ItemToRound[], { rule, scope }: BillingRounding): Map<string, number> {
  const billed = new Map<string, number>()
  if (scope === 'entry') {
    for (const item of items) billed.set(item.entryId, roundSeconds(item.seconds, rule))
    return billed
  }
  const minimum = (rule.minimumMinutes ?? 0) * 60
  const lifted = items.map((item) => ({ ...item, seconds: item.seconds > 0 ? Math.max(Math.floor(item.seconds), minimum) : 0 }))
  const groups = new Map<string, typeof lifted>()
  for (const item of lifted) {
    const key = `${item.day}\u0000${item.workItemId ?? ''}`
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  // The minimum was charged per entry above; the day's sum is only rounded.
  const groupRule: RoundingRule = { mode: rule.mode, minutes: rule.minutes }
  for (const group of groups.values()) {
    const sum = group.reduce((total, item) => total + item.seconds, 0)
    // The day's rounded sum, shared back over its entries in proportion, in whole seconds.
    shareOut(roundSeconds(sum, groupRule), group.map((item) => item.seconds)).forEach((seconds, i) => billed.set((group[i] as ItemToRound).entryId, seconds))
  }
  return billed
}
