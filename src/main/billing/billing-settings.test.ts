// Settings → Billing's calls on a real SQLite file: rates per customer and contract, a
// contract's own rules, workdays and class rates kept as given; refusals for what cannot
// be a rate or a rule (and nothing stored changes); a currency change while rates are
// stored, refused unless the person agreed to keep each rate's number.
import { TZDate } from '@date-fns/tz'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BillingSettingsPatch } from '@shared/billing-api'
import type { CallName, CallRequest, CallResponse } from '@shared/contract'
import { FakeClock } from '../clock'
import { invokeCall } from '../api/invoke'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'

const DEC_2 = new TZDate(2026, 11, 2, 10, 0, 'Europe/Berlin').getTime()
let env: TempCore

async function call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
  const answer = await invokeCall(env.core.handlers, name, request, silentLogger)
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { body: answer.error })
  return answer.value as CallResponse<N>
}

async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; messageId?: string; message: string; values?: Record<string, string | number> }> {
  try {
    await promise
  } catch (error) {
    return (error as { body: { code: string; messageId?: string; message: string } }).body
  }
  throw new Error('expected a refusal')
}

async function world() {
  const harbour = await env.core.work.createCustomer('Harbour Freight')
  const contract = await env.core.work.createContract({ customerId: harbour.id, name: 'Harbour support 2026', includedMinutes: 60 })
  const remote = (await env.core.work.listActivityTypes()).find((t) => t.name === 'Remote support')?.id ?? ''
  return { harbour, contract, remote }
}

beforeEach(async () => {
  env = await openTempCore(new FakeClock(DEC_2, 'Europe/Berlin'))
})
afterEach(() => env.dispose())

describe('what Settings → Billing edits', () => {
  it('keeps customer and contract rates, a contract’s own rules with a minimum charge, workdays and an own class rate', async () => {
    const { harbour, contract, remote } = await world()
    const patch = {
      customerRates: { [harbour.id]: { '*': 11000, [remote]: 12500 } },
      contractRates: { [contract.id]: { '*': 9000 } },
      contracts: { [contract.id]: { overlapRule: null, rounding: { rule: { mode: 'none', minutes: 1, minimumMinutes: 30 }, scope: 'entry' } } },
      calendar: { workdays: [6, 1, 2, 3, 4, 5], workStartMinute: 420, workEndMinute: 1140 },
      classes: { weekend: { kind: 'rate', hourlyMinor: 15000 } },
    } satisfies BillingSettingsPatch
    const saved = await call('billing.updateSettings', patch)
    expect(saved).toMatchObject({ ...patch, calendar: { ...patch.calendar, workdays: [1, 2, 3, 4, 5, 6] } })
    expect(await call('billing.settings', {})).toEqual(saved)
    // A contract without rules of its own is not kept: null, null means "the device's".
    const cleared = await call('billing.updateSettings', { contracts: { [contract.id]: { overlapRule: null, rounding: null } } })
    expect(cleared.contracts).toEqual({})
  })

  it('refuses bad amounts, unknown ids, a negative minimum and a rounding step of 0, and nothing stored changes', async () => {
    const { harbour, contract, remote } = await world()
    await call('billing.updateSettings', { activityRates: { [remote]: 9500 }, customerRates: { [harbour.id]: { '*': 11000 } } })
    const before = await call('billing.settings', {})
    const rule = (minutes: number, minimumMinutes: number) => ({ rule: { mode: 'up', minutes, minimumMinutes }, scope: 'entry' })
    const refusals = [
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', customerRates: { [harbour.id]: { '*': -1 } } })),
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', classes: { holiday: { kind: 'rate', hourlyMinor: 2_000_000_000 } } })),
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', customerRates: { nobody: { '*': 100 } } })),
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', contractRates: { nothing: { '*': 100 } } })),
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', customerRates: { [harbour.id]: { 'no-such-type': 100 } } })),
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', contracts: { nothing: { overlapRule: 'full', rounding: null } } })),
    ]
    expect(refusals.map((r) => [r.messageId, r.values])).toEqual([
      ['refusal.billing.negativeRate', undefined],
      ['refusal.billing.rateTooLarge', undefined],
      ['refusal.billing.rateTargetMissing', { scope: 'customer', id: 'nobody' }],
      ['refusal.billing.rateTargetMissing', { scope: 'contract', id: 'nothing' }],
      ['refusal.billing.rateTargetMissing', { scope: 'activity', id: 'no-such-type' }],
      ['refusal.billing.unknownContract', undefined],
    ])
    expect(refusals[2]?.message).toBe('There is no customer or activity type “nobody”. Nothing was changed.')
    // The call's shape refuses a rule no bill could follow, before the service sees it.
    for (const rounding of [rule(15, -5), rule(0, 0)]) {
      const refusal = await refusalOf(call('billing.updateSettings', { overlapRule: 'split', contracts: { [contract.id]: { overlapRule: null, rounding } } } as never))
      expect([refusal.code, refusal.messageId]).toEqual(['invalid_request', 'refusal.requestRefused'])
    }
    expect((await refusalOf(call('billing.updateSettings', { overlapRule: 'split', rounding: rule(0, 0) } as never))).code).toBe('invalid_request')
    expect(await call('billing.settings', {})).toEqual(before)
  })
})

describe('changing the currency', () => {
  it('is refused while rates are stored, with how many, and changes nothing', async () => {
    const { harbour, remote } = await world()
    await call('billing.updateSettings', { activityRates: { [remote]: 9500 }, customerRates: { [harbour.id]: { '*': 11000 } }, classes: { holiday: { kind: 'rate', hourlyMinor: 18000 } } })
    const before = await call('billing.settings', {})
    const refusal = await refusalOf(call('billing.updateSettings', { currency: 'CHF' }))
    expect([refusal.code, refusal.messageId, refusal.values]).toEqual(['conflict', 'refusal.billing.currencyWithRates', { count: 3, oldCurrency: 'EUR', currency: 'CHF' }])
    expect(refusal.message).toBe('3 rates are stored in EUR. Changing the currency to CHF keeps each rate’s number without converting it; confirm that first. Nothing was changed.')
    expect(await call('billing.settings', {})).toEqual(before)
  })

  it('without rates stored, or with every rate replaced in the same change, just changes', async () => {
    const { remote } = await world()
    expect((await call('billing.updateSettings', { currency: 'CHF' })).currency).toBe('CHF')
    await call('billing.updateSettings', { activityRates: { [remote]: 9500 } })
    const replaced = await call('billing.updateSettings', { currency: 'JPY', activityRates: { [remote]: 12000 } })
    expect([replaced.currency, replaced.activityRates]).toEqual(['JPY', { [remote]: 12000 }])
  })

  it('confirmed, keeps each rate’s number in the new currency’s digits: 95.00 EUR is 95 JPY, and back is 95.00 EUR', async () => {
    const { harbour, contract, remote } = await world()
    await call('billing.updateSettings', {
      activityRates: { [remote]: 9500 },
      customerRates: { [harbour.id]: { '*': 11000 } },
      contractRates: { [contract.id]: { [remote]: 10000 } },
      classes: { holiday: { kind: 'rate', hourlyMinor: 18000 }, weekend: { kind: 'multiplier', bp: 15000 } },
    })
    const yen = await call('billing.updateSettings', { currency: 'JPY', keepRateNumbers: true })
    expect(yen).toMatchObject({
      currency: 'JPY',
      activityRates: { [remote]: 95 },
      customerRates: { [harbour.id]: { '*': 110 } },
      contractRates: { [contract.id]: { [remote]: 100 } },
      classes: { holiday: { kind: 'rate', hourlyMinor: 180 }, weekend: { kind: 'multiplier', bp: 15000 } },
    })
    const dinar = await call('billing.updateSettings', { currency: 'BHD', keepRateNumbers: true })
    expect([dinar.activityRates[remote], dinar.classes.holiday]).toEqual([95_000, { kind: 'rate', hourlyMinor: 180_000 }])
    const euro = await call('billing.updateSettings', { currency: 'EUR', keepRateNumbers: true })
    expect([euro.currency, euro.activityRates[remote], euro.customerRates[harbour.id]]).toEqual(['EUR', 9500, { '*': 11000 }])
  })

  it('confirmed, still refuses a rate the new currency cannot write (95.50 EUR in JPY), and changes nothing', async () => {
    const { remote } = await world()
    await call('billing.updateSettings', { activityRates: { [remote]: 9550 } })
    const before = await call('billing.settings', {})
    const refusal = await refusalOf(call('billing.updateSettings', { currency: 'JPY', keepRateNumbers: true }))
    expect([refusal.messageId, refusal.values]).toEqual(['refusal.billing.currencyLosesDigits', { amount: '95.50', oldCurrency: 'EUR', currency: 'JPY' }])
    expect(await call('billing.settings', {})).toEqual(before)
  })
})
