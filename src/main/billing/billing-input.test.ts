// The primary-timer mark from the timers to a billing run, on a real SQLite file: two
// billable timers that ran at the same time, the one started second marked primary. Under
// the overlap rule `primary` the marked one bills the shared half hour, not the earlier one.
import { TZDate } from '@date-fns/tz'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallName, CallRequest, CallResponse } from '@shared/contract'
import { FakeClock } from '../clock'
import { invokeCall } from '../api/invoke'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { readBillingInput } from './billing-input'

const BERLIN = 'Europe/Berlin'
const at = (day: number, h: number, m = 0) => new TZDate(2026, 10, day, h, m, BERLIN).getTime()

let env: TempCore
beforeEach(async () => {
  env = await openTempCore(new FakeClock(at(17, 9), BERLIN))
})
afterEach(() => env.dispose())

async function call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
  const answer = await invokeCall(env.core.handlers, name, request, silentLogger)
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value as CallResponse<N>
}

/** Two billable timers of one customer: Timer 1 (printer) started at 09:00, Timer 2 (server) at 09:30 and marked primary as it starts. */
async function startTwoTimersSecondMarked(): Promise<{ printer: { id: string }; server: { id: string }; remote: string }> {
  const harbour = await env.core.work.createCustomer('Harbour Freight')
  const printer = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'HF-1', title: 'Printer', customerId: harbour.id })
  const server = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'HF-2', title: 'Server', customerId: harbour.id })
  const remote = (await env.core.work.listActivityTypes()).find((t) => t.isDefault)?.id ?? ''
  await call('timers.update', { slot: 1, workItemId: printer.id, activityTypeId: remote })
  await call('timers.update', { slot: 2, workItemId: server.id, activityTypeId: remote })

  await call('timers.start', { slot: 1 }) // 09:00 printer
  env.clock.set(at(17, 9, 30))
  await call('timers.start', { slot: 2 }) // 09:30 server, marked as it starts
  await call('timers.setPrimary', { slot: 2, primary: true })
  return { printer, server, remote }
}

describe('the primary timer in a billing run', () => {
  it('under the rule `primary` the marked timer bills the overlap, though it started second', async () => {
    const { printer, server, remote } = await startTwoTimersSecondMarked()
    env.clock.set(at(17, 10))
    await call('timers.stop', { slot: 1 }) // printer 09:00–10:00
    env.clock.set(at(17, 10, 30))
    await call('timers.stop', { slot: 2 }) // server 09:30–10:30
    await call('timesheet.submit', { day: '2026-11-17' })

    const input = await readBillingInput(env.core.store.db, (await env.core.store.db.selectFrom('time_entries').select('user_id').executeTakeFirstOrThrow()).user_id, '2026-11-01', '2026-11-30', BERLIN)
    expect(input.entries.map((e) => [e.workItemId, e.primary])).toEqual(
      expect.arrayContaining([
        [printer.id, false],
        [server.id, true],
      ]),
    )

    await call('billing.updateSettings', { overlapRule: 'primary', activityRates: { [remote]: 6000 } })
    env.clock.set(new TZDate(2026, 11, 1, 10, 0, BERLIN).getTime()) // 1 December: November is over
    const run = await call('billing.run', { from: '2026-11-01', to: '2026-11-30', groupBy: 'workItem' })
    const lines = run.bills.flatMap((b) => b.lines.map((l) => [l.groupName, l.seconds / 60]))
    expect(lines).toEqual(
      expect.arrayContaining([
        ['HF-1 Printer', 30],
        ['HF-2 Server', 60],
      ]),
    )
    expect(lines).toHaveLength(2)
  })

  it('a mark taken off halfway bills each run by the mark it ran with', async () => {
    const { remote } = await startTwoTimersSecondMarked()
    env.clock.set(at(17, 9, 45))
    await call('timers.setPrimary', { slot: 2, primary: false }) // 09:45: the mark is taken off, the run is cut
    env.clock.set(at(17, 10))
    await call('timers.stop', { slot: 1 }) // printer 09:00–10:00
    env.clock.set(at(17, 10, 30))
    await call('timers.stop', { slot: 2 }) // server 09:30–09:45 marked, 09:45–10:30 not
    await call('timesheet.submit', { day: '2026-11-17' })

    await call('billing.updateSettings', { overlapRule: 'primary', activityRates: { [remote]: 6000 } })
    env.clock.set(new TZDate(2026, 11, 1, 10, 0, BERLIN).getTime())
    const run = await call('billing.run', { from: '2026-11-01', to: '2026-11-30', groupBy: 'workItem' })
    const lines = run.bills.flatMap((b) => b.lines.map((l) => [l.groupName, l.seconds / 60]))
    // 09:30–09:45 is the marked server's; 09:45–10:00 the printer's, started first.
    expect(lines).toEqual(
      expect.arrayContaining([
        ['HF-1 Printer', 45],
        ['HF-2 Server', 45],
      ]),
    )
  })
})
