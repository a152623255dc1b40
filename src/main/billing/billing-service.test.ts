// Billing a month of a standalone technician's time on a real SQLite file: the migration's
// defaults, a run saved with its snapshot, a re-run that says what changed after a week was
// reopened and another submitted, and refusals that leave every setting as it was.
import { TZDate } from '@date-fns/tz'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BillingRunView, BillingSettings } from '@shared/billing-api'
import type { CallName, CallRequest, CallResponse } from '@shared/contract'
import { FakeClock } from '../clock'
import { invokeCall } from '../api/invoke'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'

const BERLIN = 'Europe/Berlin'
/** 2 December 2026, 10:00 in Berlin: November is over. */
const DEC_2 = new TZDate(2026, 11, 2, 10, 0, BERLIN).getTime()
const at = (day: number, h: number, m = 0) => new TZDate(2026, 10, day, h, m, BERLIN).getTime()

let env: TempCore

async function call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
  const answer = await invokeCall(env.core.handlers, name, request, silentLogger)
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { body: answer.error })
  return answer.value as CallResponse<N>
}

async function refusalOf(promise: Promise<unknown>): Promise<{ messageId?: string; message: string; values?: Record<string, string | number> }> {
  try {
    await promise
  } catch (error) {
    return (error as { body: { messageId?: string; message: string } }).body
  }
  throw new Error('expected a refusal')
}

async function world() {
  const harbour = await env.core.work.createCustomer('Harbour Freight')
  const contract = await env.core.work.createContract({ customerId: harbour.id, name: 'Harbour support 2026', includedMinutes: 60 })
  const printer = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'HF-1', title: 'Printer', customerId: harbour.id, contractId: contract.id })
  const internal = await env.core.work.createWorkItem({ kind: 'general', title: 'Admin', billable: false })
  const remote = (await env.core.work.listActivityTypes()).find((t) => t.name === 'Remote support')?.id ?? null
  return { harbour, contract, printer, internal, remote }
}

beforeEach(async () => {
  env = await openTempCore(new FakeClock(DEC_2, BERLIN))
})
afterEach(() => env.dispose())

describe('billing settings on this device', () => {
  it('start as Stint billed before: EUR, overlapping timers bill in full, no rounding, office hours, no rates', async () => {
    const settings = await call('billing.settings', {})
    expect(settings).toMatchObject({ currency: 'EUR', overlapRule: 'full', rounding: { scope: 'entry', rule: { mode: 'none' } }, activityRates: {}, holidays: [] })
    expect(settings.calendar).toEqual({ workdays: [1, 2, 3, 4, 5], workStartMinute: 480, workEndMinute: 1080 })
  })

  it('refuses an unknown currency, a negative rate or a bad multiplier with what was wrong, and nothing stored changes', async () => {
    const { remote, contract } = await world()
    await call('billing.updateSettings', { currency: 'CHF', activityRates: { [remote ?? '']: 12000 }, classes: { weekend: { kind: 'multiplier', bp: 20000 } } })
    const before = await call('billing.settings', {})
    const refusals = [
      await refusalOf(call('billing.updateSettings', { currency: 'EUX', overlapRule: 'split' })),
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', activityRates: { [remote ?? '']: -1 } })),
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', contractRates: { [contract.id]: { '*': -500 } } })),
      await refusalOf(call('billing.updateSettings', { overlapRule: 'split', classes: { afterHours: { kind: 'multiplier', bp: 0 } } })),
      await refusalOf(call('billing.setHolidays', { holidays: [{ day: '2026-12-25', name: 'Christmas' }, { day: '2026-12-25', name: 'Again' }] })),
    ]
    expect(refusals.map((r) => r.messageId)).toEqual([
      'refusal.billing.unknownCurrency',
      'refusal.billing.negativeRate',
      'refusal.billing.negativeRate',
      'refusal.billing.badMultiplier',
      'refusal.billing.holidayTwice',
    ])
    expect(refusals[0]?.message).toBe('“EUX” is not a currency code (ISO 4217, like EUR or USD). Nothing was changed.')
    expect(await call('billing.settings', {})).toEqual(before)
  })

  it('keeps rates per activity type, customer and contract, class rates, a contract’s own rules and the holidays', async () => {
    const { remote, contract, harbour } = await world()
    const patch = {
      activityRates: { [remote ?? '']: 9500 },
      customerRates: { [harbour.id]: { '*': 11000 } },
      contractRates: { [contract.id]: { [remote ?? '']: 10000 } },
      classes: { afterHours: { kind: 'multiplier', bp: 15000 }, holiday: { kind: 'rate', hourlyMinor: 18000 } },
      contracts: { [contract.id]: { overlapRule: 'split', rounding: { rule: { mode: 'up', minutes: 15, minimumMinutes: 15 }, scope: 'dayWorkItem' } } },
    } satisfies Partial<BillingSettings>
    await call('billing.updateSettings', patch)
    const saved = await call('billing.setHolidays', { holidays: [{ day: '2026-12-25', name: 'Christmas Day' }] })
    expect(saved).toMatchObject({ ...patch, holidays: [{ day: '2026-12-25', name: 'Christmas Day' }] })
  })
})

describe('a billing run of a closed month', () => {
  it('bills approved time (a standalone person approves by submitting), saves the run and says what changed when run again', async () => {
    const { printer, internal, remote } = await world()
    await call('billing.updateSettings', { activityRates: { [remote ?? '']: 10000 }, classes: { afterHours: { kind: 'multiplier', bp: 15000 } } })
    const book = (workItemId: string, day: number, from: number, to: number) =>
      call('entries.create', { row: { workItemId, activityTypeId: remote, billable: true }, description: '', startedAt: at(day, from), endedAt: at(day, to) })
    await book(printer.id, 17, 9, 11) // Tuesday, 2 h; the first hour is included
    await book(printer.id, 18, 17, 19) // Wednesday 17–18 normal, 18–19 after hours
    await book(internal.id, 18, 9, 10) // not billable
    await book(printer.id, 24, 9, 10) // the week of the 23rd stays open: not approved
    await call('timesheet.submit', { day: '2026-11-17' })

    const first = await call('billing.run', { from: '2026-11-01', to: '2026-11-30', groupBy: 'contract' })
    const [bill] = first.bills
    expect(bill?.customerName).toBe('Harbour Freight')
    expect(bill?.includedSeconds).toBe(3600)
    expect(bill?.lines.map((l) => [l.groupName, l.rateClass, l.seconds / 3600, l.amountMinor])).toEqual([
      ['Harbour support 2026', 'normal', 2, 20000],
      ['Harbour support 2026', 'afterHours', 1, 15000],
    ])
    expect(first.totalMinor).toBe(35000)
    expect(first.leftOut.map((l) => [l.day, l.reason, l.workItem])).toEqual([
      ['2026-11-18', 'notBillable', 'Admin'],
      ['2026-11-24', 'notApproved', 'HF-1 Printer'],
    ])
    expect(first.changes).toBeNull()

    // A week later: the open week submitted (approved), the week of the 16th reopened.
    env.clock.set(DEC_2 + 7 * 86_400_000)
    await call('timesheet.submit', { day: '2026-11-24' })
    await call('timesheet.reopen', { day: '2026-11-17', reason: 'Wrong ticket' })
    const second = await call('billing.run', { from: '2026-11-01', to: '2026-11-30', groupBy: 'workItem' })
    expect(second.totalMinor).toBe(0) // the one approved hour is the included hour
    expect(second.changes?.sinceRunId).toBe(first.id)
    expect(second.changes?.since).toBe(DEC_2)
    expect(second.changes?.added.map((e) => [e.day, e.billedSeconds])).toEqual([['2026-11-24', 3600]])
    expect(second.changes?.removed.map((e) => [e.day, e.reason])).toEqual([
      ['2026-11-17', 'notApproved'],
      ['2026-11-18', 'notApproved'],
    ])
    expect(second.changes?.customers).toEqual([{ customerId: bill?.customerId, customerName: 'Harbour Freight', beforeMinor: 35000, afterMinor: 0 }])

    const runs = await call('billing.runs', {})
    expect(runs.map((r) => [r.id, r.totalMinor, r.leftOutCount])).toEqual([
      [second.id, 0, 3],
      [first.id, 35000, 2],
    ])
    expect(await call('billing.runDetail', { id: first.id })).toEqual(first)
  })

  it('refuses a range that is not over yet, and saves nothing', async () => {
    const refusal = await refusalOf(call('billing.run', { from: '2026-11-01', to: '2026-12-02', groupBy: 'contract' }))
    expect(refusal.messageId).toBe('refusal.billing.rangeNotClosed')
    expect(refusal.values).toEqual({ toDay: '2026-12-02', lastClosedDay: '2026-12-01' })
    expect((await refusalOf(call('billing.run', { from: '2026-11-30', to: '2026-11-01', groupBy: 'contract' }))).messageId).toBe('refusal.range.backwards')
    expect(await call('billing.runs', {})).toEqual([])
    expect((await refusalOf(call('billing.runDetail', { id: 'nope' }))).messageId).toBe('refusal.billing.runMissing')
  })

  it('an empty month explains itself: no bills, nothing left out, a total of zero', async () => {
    const run: BillingRunView = await call('billing.run', { from: '2026-10-01', to: '2026-10-31', groupBy: 'activityType' })
    expect([run.bills, run.leftOut, run.totalMinor]).toEqual([[], [], 0])
  })
})
