// The "Overlapped" measure of a report on a real SQLite file: two billable timers that ran
// 45 minutes side by side, and a non-billable one beside them that overlaps nothing.
import { TZDate } from '@date-fns/tz'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallName, CallRequest, CallResponse } from '@shared/contract'
import { FakeClock } from '../clock'
import { invokeCall } from '../api/invoke'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'

const BERLIN = 'Europe/Berlin'
const at = (day: number, h: number, m = 0) => new TZDate(2026, 10, day, h, m, BERLIN).getTime()
const MIN = 60

let env: TempCore

async function call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
  const answer = await invokeCall(env.core.handlers, name, request, silentLogger)
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { body: answer.error })
  return answer.value as CallResponse<N>
}

beforeEach(async () => {
  env = await openTempCore(new FakeClock(at(20, 12), BERLIN))
})
afterEach(() => env.dispose())

async function seed() {
  const harbour = await env.core.work.createCustomer('Harbour Freight')
  const acme = await env.core.work.createCustomer('Acme')
  const printer = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'HF-1', title: 'Printer', customerId: harbour.id })
  const server = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'AC-7', title: 'Server', customerId: acme.id })
  const internal = await env.core.work.createWorkItem({ kind: 'general', title: 'Admin', billable: false })
  const book = (workItemId: string, billable: boolean, from: number, to: number) => call('entries.create', { row: { workItemId, activityTypeId: null, billable }, description: '', startedAt: from, endedAt: to })
  // Monday 16 November: printer 9:00–10:00, server 9:15–11:00 (45 min side by side),
  // admin (not billable) 8:00–12:00 beside both; Tuesday: the printer alone.
  await book(printer.id, true, at(16, 9), at(16, 10))
  await book(server.id, true, at(16, 9, 15), at(16, 11))
  await book(internal.id, false, at(16, 8), at(16, 12))
  await book(printer.id, true, at(17, 9), at(17, 10))
  return { harbour, acme, printer, server }
}

describe('overlapped time in a report of my own time', () => {
  it('is a measure of every row and the totals: 45 minutes on each of the two billable timers, none on the non-billable one', async () => {
    const { harbour, acme } = await seed()
    const byCustomer = await call('reports.run', { from: '2026-11-16', to: '2026-11-22', groupBy: ['customer'] })
    const overlapOf = (id: string | null) => byCustomer.rows.find((row) => row.keys[0]?.id === id)?.overlappedSeconds
    expect(overlapOf(harbour.id)).toBe(45 * MIN)
    expect(overlapOf(acme.id)).toBe(45 * MIN)
    expect(overlapOf(null)).toBe(0) // the non-billable admin time, without a customer
    expect(byCustomer.totals.overlappedSeconds).toBe(90 * MIN)

    const byDay = await call('reports.run', { from: '2026-11-16', to: '2026-11-22', groupBy: ['day', 'billable'] })
    expect(byDay.rows.map((row) => [row.keys.map((key) => key.id).join(' '), row.overlappedSeconds])).toEqual([
      ['2026-11-16 billable', 90 * MIN],
      ['2026-11-16 non-billable', 0],
      ['2026-11-17 billable', 0],
    ])
  })

  it('follows the filters: one customer’s time counts only its own entries’ overlap; non-billable time has none', async () => {
    const { harbour } = await seed()
    const one = await call('reports.run', { from: '2026-11-16', to: '2026-11-22', groupBy: ['workItem'], filters: { customerIds: [harbour.id] } })
    expect(one.totals.overlappedSeconds).toBe(45 * MIN)
    const nonBillable = await call('reports.run', { from: '2026-11-16', to: '2026-11-22', groupBy: ['week'], filters: { billable: false } })
    expect(nonBillable.totals.overlappedSeconds).toBe(0)
    const weekAfter = await call('reports.run', { from: '2026-11-17', to: '2026-11-22', groupBy: ['week'] })
    expect(weekAfter.totals.overlappedSeconds).toBe(0)
  })
})

describe('overlapped time in the grid’s cell details and the calendar', () => {
  it('a cell says how much of its time overlapped; the calendar gives each entry its own, the non-billable one none', async () => {
    const { printer, server } = await seed()
    const cell = await call('timesheet.cellDetails', { day: '2026-11-16', row: { workItemId: printer.id, activityTypeId: null, billable: true } })
    expect(cell.overlappedSeconds).toBe(45 * MIN)
    const tuesday = await call('timesheet.cellDetails', { day: '2026-11-17', row: { workItemId: printer.id, activityTypeId: null, billable: true } })
    expect(tuesday.overlappedSeconds).toBe(0)

    const week = await call('calendar.range', { from: '2026-11-16', to: '2026-11-22' })
    const overlapOf = (workItemId: string | null, day: string) => week.entries.find((e) => e.workItemId === workItemId && e.day === day)?.overlappedSeconds
    expect(overlapOf(printer.id, '2026-11-16')).toBe(45 * MIN)
    expect(overlapOf(server.id, '2026-11-16')).toBe(45 * MIN)
    expect(overlapOf(printer.id, '2026-11-17')).toBe(0)
    expect(week.entries.filter((e) => !e.billable).map((e) => e.overlappedSeconds)).toEqual([0])
  })

  it('over midnight: each day’s part of a run is its day’s entry, and overlaps what ran beside it that day', async () => {
    const { printer, server } = await seed()
    // Printer 23:30 Wednesday to 00:30 Thursday; server 23:50 to 00:10.
    await call('entries.create', { row: { workItemId: printer.id, activityTypeId: null, billable: true }, description: '', startedAt: at(18, 23, 30), endedAt: at(19, 0, 30) })
    await call('entries.create', { row: { workItemId: server.id, activityTypeId: null, billable: true }, description: '', startedAt: at(18, 23, 50), endedAt: at(19, 0, 10) })
    for (const day of ['2026-11-18', '2026-11-19']) {
      const shown = await call('calendar.range', { from: day, to: day })
      expect(shown.entries.map((e) => [e.day, e.overlappedSeconds])).toEqual([
        [day, 10 * MIN],
        [day, 10 * MIN],
      ])
    }
    const report = await call('reports.run', { from: '2026-11-18', to: '2026-11-19', groupBy: ['day'] })
    expect(report.rows.map((row) => [row.keys[0]?.id, row.overlappedSeconds])).toEqual([
      ['2026-11-18', 20 * MIN],
      ['2026-11-19', 20 * MIN],
    ])
  })
})
