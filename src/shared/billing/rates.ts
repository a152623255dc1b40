// Which hourly rate bills a piece of work. Rates are set per activity type and may be
// overridden per customer and per contract, each either for one activity type or for all
// of them ('*'); the most specific wins: the contract's rate for the activity type, the
// contract's for all, the customer's for the activity type, the customer's for all, the
// activity type's own. Outside normal hours a rate class applies on top: a multiplier of
// the rate found (after hours ×1.5) or a rate of its own (holidays at 180.00).
import type { RateClass } from './rate-classes'
import { SAME_RATE_BP } from './money'

export const ALL_ACTIVITIES = '*'

export type ClassRate = { kind: 'multiplier'; bp: number } | { kind: 'rate'; hourlyMinor: number }

export interface RateCard {
  currency: string
  /** Hourly rate per activity type id, in minor units. */
  activity: Readonly<Record<string, number>>
  /** Per customer id: activity type id (or '*') → hourly rate. */
  customer: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** Per contract id: activity type id (or '*') → hourly rate. */
  contract: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** What each class other than normal does to the rate; a class not set bills as normal. */
  classes: Readonly<Partial<Record<Exclude<RateClass, 'normal'>, ClassRate>>>
}

export type RateSource = 'contract' | 'customer' | 'activity'

export interface ResolvedRate {
  hourlyMinor: number
  /** Where the rate came from, shown on the bill line so a surprising amount explains itself. */
  source: RateSource
  /** Basis points of `hourlyMinor` billed: 10000 unless a class multiplies it. */
  multiplierBp: number
  rateClass: RateClass
}

export interface RateQuestion {
  activityTypeId: string | null
  customerId: string | null
  contractId: string | null
  rateClass: RateClass
}

/** The rate for the work, or null when no rate is set for it anywhere (the billing run lists such work apart, with that reason). */
export function resolveRate(card: RateCard, { activityTypeId, customerId, contractId, rateClass }: RateQuestion): ResolvedRate | null {
  const pick = (table: Readonly<Record<string, number>> | undefined): number | undefined => (table ? (activityTypeId !== null ? table[activityTypeId] : undefined) ?? table[ALL_ACTIVITIES] : undefined)
  const fromContract = contractId !== null ? pick(card.contract[contractId]) : undefined
  const fromCustomer = customerId !== null ? pick(card.customer[customerId]) : undefined
  const fromActivity = activityTypeId !== null ? card.activity[activityTypeId] : undefined
  const [base, source]: [number | undefined, RateSource] =
    fromContract !== undefined ? [fromContract, 'contract'] : fromCustomer !== undefined ? [fromCustomer, 'customer'] : [fromActivity, 'activity']
  if (base === undefined) return null
  const special = rateClass === 'normal' ? undefined : card.classes[rateClass]
  if (special?.kind === 'rate') return { hourlyMinor: special.hourlyMinor, source, multiplierBp: SAME_RATE_BP, rateClass }
  return { hourlyMinor: base, source, multiplierBp: special?.kind === 'multiplier' ? special.bp : SAME_RATE_BP, rateClass }
}
