// A generated month billed on a real SQLite file, checked against an independent
// calculation written here: minute by minute, each minute of each approved, billable
// entry is classed by its local wall clock (Intl, not the billing core's day splitting),
// priced by looking the rate up by hand, and summed per bill line. Overlap rule "full"
// and no rounding, so every minute bills exactly once per entry.
import { TZDate } from '@date-fns/tz'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { CallName, CallRequest, CallResponse } from '@shared/contract'
import { invokeCall } from '../api/invoke'
import { FakeClock } from '../clock'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'

const BERLIN = 'Europe/Berlin'
const DEC_2 = new TZDate(2026, 11, 2, 10, 0, BERLIN).getTime()
const HOLIDAY = '2026-11-11'
let env: TempCore

async function call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
  const answer = await invokeCall(env.core.handlers, name, request, silentLogger)
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value as CallResponse<N>
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const parts = new Intl.DateTimeFormat('en-CA', { timeZone: BERLIN, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' })
function classOfMinute(ms: number): 'normal' | 'afterHours' | 'weekend' | 'holiday' {
  const p = Object.fromEntries(parts.formatToParts(ms).map((x) => [x.type, x.value]))
  const day = `${p['year']}-${p['month']}-${p['day']}`
  if (day === HOLIDAY) return 'holiday'
  if (p['weekday'] === 'Sat' || p['weekday'] === 'Sun') return 'weekend'
  const minute = Number(p['hour']) * 60 + Number(p['minute'])
  return minute < 8 * 60 || minute >= 18 * 60 ? 'afterHours' : 'normal'
}

beforeEach(async () => {
  env = await openTempCore(new FakeClock(DEC_2, BERLIN))
})
afterEach(() => env.dispose())

it('a generated month bills what a minute-by-minute count of the same entries bills, line by line', async () => {
  const next = random(20261202)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const work = env.core.work
  const [acme, birch, cove] = [await work.createCustomer('Acme'), await work.createCustomer('Birch'), await work.createCustomer('Cove')]
  const acmeDeal = await work.createContract({ customerId: acme.id, name: 'Acme deal' })
  const birchDeal = await work.createContract({ customerId: birch.id, name: 'Birch deal' })
  const remote = (await work.listActivityTypes()).find((t) => t.name === 'Remote support')?.id ?? ''
  const field = (await work.saveActivityType(null, { name: 'Field work' })).id
  const unpriced = (await work.saveActivityType(null, { name: 'Unpriced' })).id
  const items = [
    { id: (await work.createWorkItem({ kind: 'ticket', reference: 'A-1', title: 'Acme printer', customerId: acme.id, contractId: acmeDeal.id })).id, customer: acme.id, contract: acmeDeal.id },
    { id: (await work.createWorkItem({ kind: 'ticket', reference: 'A-2', title: 'Acme mail', customerId: acme.id })).id, customer: acme.id, contract: null },
    { id: (await work.createWorkItem({ kind: 'ticket', reference: 'B-1', title: 'Birch server', customerId: birch.id, contractId: birchDeal.id })).id, customer: birch.id, contract: birchDeal.id },
    { id: (await work.createWorkItem({ kind: 'ticket', reference: 'C-1', title: 'Cove laptop', customerId: cove.id })).id, customer: cove.id, contract: null },
    { id: (await work.createWorkItem({ kind: 'task', title: 'Own task' })).id, customer: null, contract: null },
  ]
  const card: { activityRates: Record<string, number>; customerRates: Record<string, Record<string, number>>; contractRates: Record<string, Record<string, number>> } = {
    activityRates: { [remote]: 9000, [field]: 12000 },
    customerRates: { [cove.id]: { '*': 7500 } },
    contractRates: { [birchDeal.id]: { [field]: 15000 } },
  }
  await call('billing.updateSettings', { ...card, classes: { afterHours: { kind: 'multiplier', bp: 15000 }, weekend: { kind: 'multiplier', bp: 20000 }, holiday: { kind: 'rate', hourlyMinor: 18000 } } })
  await call('billing.setHolidays', { holidays: [{ day: HOLIDAY, name: 'Test holiday' }] })

  const made: { id: string; item: (typeof items)[number]; activity: string; billable: boolean; startedAt: number; endedAt: number; day: string }[] = []
  for (let i = 0; i < 60; i++) {
    const day = 2 + Math.floor(next() * 28) // 2 … 29 November
    const start = (6 + Math.floor(next() * 15)) * 60 + pick([0, 15, 30, 45]) // 06:00 … 20:45
    const minutes = 15 + Math.floor(next() * 12) * 15
    const startedAt = new TZDate(2026, 10, day, 0, 0, BERLIN).getTime() + start * 60_000
    const endedAt = Math.min(startedAt + minutes * 60_000, new TZDate(2026, 10, day, 23, 59, BERLIN).getTime())
    const item = pick(items)
    const activity = pick([remote, remote, field, unpriced])
    const billable = next() < 0.85
    const [entry] = await call('entries.create', { row: { workItemId: item.id, activityTypeId: activity, billable }, description: '', startedAt, endedAt })
    if (entry) made.push({ id: entry.id, item, activity, billable, startedAt, endedAt, day: entry.day })
  }
  for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16']) await call('timesheet.submit', { day: monday })
  const approved = (day: string) => day < '2026-11-23'

  // The independent count.
  const lines = new Map<string, { customer: string; group: string | null; rateClass: string; seconds: number; hourly: number; bp: number }>()
  const reasons = new Map<string, string>()
  for (const e of made) {
    const reason = !approved(e.day) ? 'notApproved' : !e.billable ? 'notBillable' : e.item.customer === null ? 'noCustomer' : null
    const contractTable = e.item.contract !== null ? card.contractRates[e.item.contract] : undefined
    const customerTable = e.item.customer !== null ? card.customerRates[e.item.customer] : undefined
    const base = contractTable?.[e.activity] ?? contractTable?.['*'] ?? customerTable?.[e.activity] ?? customerTable?.['*'] ?? card.activityRates[e.activity]
    if (reason !== null || base === undefined) {
      reasons.set(e.id, reason ?? 'noRate')
      continue
    }
    for (let m = e.startedAt; m < e.endedAt; m += 60_000) {
      const rateClass = classOfMinute(m)
      const factor: Record<string, number> = { normal: 10000, afterHours: 15000, weekend: 20000 }
      const [hourly, bp]: [number, number] = rateClass === 'holiday' ? [18000, 10000] : [base, factor[rateClass] ?? 0]
      const key = [e.item.customer, e.item.contract, rateClass, hourly, bp].join('|')
      const line = lines.get(key) ?? { customer: e.item.customer ?? '', group: e.item.contract, rateClass, seconds: 0, hourly, bp }
      line.seconds += 60
      lines.set(key, line)
    }
  }
  const expected = [...lines.values()].map((l) => [l.customer, l.group, l.rateClass, l.seconds, Math.round((l.seconds * l.hourly * l.bp) / (3600 * 10000))].join(' ')).sort()

  const run = await call('billing.run', { from: '2026-11-01', to: '2026-11-30', groupBy: 'contract' })
  const actual = run.bills.flatMap((b) => b.lines.map((l) => [b.customerId, l.group, l.rateClass, l.seconds, l.amountMinor].join(' '))).sort()
  expect(made.length).toBeGreaterThan(40)
  expect(new Set(reasons.values()).size).toBe(4) // every reason occurs
  expect(actual).toEqual(expected)
  expect(new Map(run.leftOut.map((l) => [l.entryId, l.reason]))).toEqual(reasons)
  expect(run.totalMinor).toBe(expected.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0))
})
