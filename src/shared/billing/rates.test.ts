import { describe, expect, it } from 'vitest'
import { amountFor } from './money'
import { resolveRate, type RateCard, type RateQuestion } from './rates'

const CARD: RateCard = {
  currency: 'EUR',
  activity: { remote: 9500, onsite: 12000 },
  customer: { harbour: { onsite: 11000 }, mueller: { '*': 8500 } },
  contract: { 'harbour-2026': { remote: 9000 }, 'mueller-flat': { '*': 7000 } },
  classes: { afterHours: { kind: 'multiplier', bp: 15000 }, weekend: { kind: 'multiplier', bp: 20000 }, holiday: { kind: 'rate', hourlyMinor: 18000 } },
}
const ask = (over: Partial<RateQuestion>): RateQuestion => ({ activityTypeId: 'remote', customerId: null, contractId: null, rateClass: 'normal', ...over })

describe('which rate bills the work', () => {
  it('the most specific wins: contract for the activity, contract for all, customer for the activity, customer for all, the activity’s own', () => {
    const rate = (q: Partial<RateQuestion>) => {
      const r = resolveRate(CARD, ask(q))
      return r && [r.hourlyMinor, r.source]
    }
    expect(rate({ customerId: 'harbour', contractId: 'harbour-2026' })).toEqual([9000, 'contract'])
    expect(rate({ activityTypeId: 'onsite', customerId: 'harbour', contractId: 'harbour-2026' })).toEqual([11000, 'customer'])
    expect(rate({ activityTypeId: 'onsite', customerId: 'mueller', contractId: 'mueller-flat' })).toEqual([7000, 'contract'])
    expect(rate({ activityTypeId: 'onsite', customerId: 'mueller' })).toEqual([8500, 'customer'])
    expect(rate({ activityTypeId: 'onsite', customerId: 'acme' })).toEqual([12000, 'activity'])
  })

  it('work with no rate anywhere has none (the run lists it apart), never a rate of zero', () => {
    expect(resolveRate(CARD, ask({ activityTypeId: 'meeting' }))).toBeNull()
    expect(resolveRate(CARD, ask({ activityTypeId: null }))).toBeNull()
    expect(resolveRate(CARD, ask({ activityTypeId: null, customerId: 'mueller' }))?.hourlyMinor).toBe(8500)
  })

  it('rate classes multiply the rate found, or bill at their own rate', () => {
    const amount = (q: Partial<RateQuestion>) => {
      const r = resolveRate(CARD, ask(q))
      return r && amountFor(3600, r.hourlyMinor, r.multiplierBp)
    }
    expect(amount({ rateClass: 'afterHours' })).toBe(14250)
    expect(amount({ rateClass: 'weekend', customerId: 'mueller', activityTypeId: 'onsite' })).toBe(17000)
    expect(amount({ rateClass: 'holiday', customerId: 'mueller' })).toBe(18000)
    expect(amount({ rateClass: 'afterHours', contractId: 'harbour-2026' })).toBe(13500)
  })

  it('a class that is not set bills as normal', () => {
    expect(resolveRate({ ...CARD, classes: {} }, ask({ rateClass: 'weekend' }))).toEqual({ hourlyMinor: 9500, source: 'activity', multiplierBp: 10000, rateClass: 'weekend' })
  })
})
