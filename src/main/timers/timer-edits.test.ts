// "I started this ten minutes ago" and "continue that entry", as a technician uses them,
// on a real database and a fake clock (Monday 16 November 2026, 09:00 in Berlin).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { elapsedSeconds } from '@shared/timers'
import { openTempCore, type TempCore } from '../testing/temp-core'

let env: TempCore
const MIN = 60_000
const berlin = (day: string, time: string) => Date.parse(`${day}T${time}:00+01:00`)
const MONDAY = '2026-11-16'

beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

const timers = () => env.core.timers
const slot = async (n: number) => (await timers().list()).find((t) => t.slot === n)

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof StintError)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error.message
}

describe('changing a running timer’s start', () => {
  it('started ten minutes earlier: the timer shows them, and its entry starts there', async () => {
    await timers().start(1)
    env.clock.advance(30 * MIN)
    const timer = await timers().setStart(1, berlin(MONDAY, '08:50'))
    expect(timer.runningSince).toBe(berlin(MONDAY, '08:50'))
    expect(elapsedSeconds(timer, env.clock.now())).toBe(40 * 60)
    const stopped = await timers().stop(1)
    expect(stopped.outcome === 'stopped' && stopped.entries.map((e) => [e.rawSeconds, e.ranges[0]?.startedAt])).toEqual([[40 * 60, berlin(MONDAY, '08:50')]])
  })

  it('a later start takes the minutes off', async () => {
    await timers().start(1)
    env.clock.advance(30 * MIN)
    const timer = await timers().setStart(1, berlin(MONDAY, '09:20'))
    expect(elapsedSeconds(timer, env.clock.now())).toBe(10 * 60)
  })

  it('a paused timer’s start moves too, but not past its first pause', async () => {
    await timers().start(1)
    env.clock.advance(20 * MIN)
    await timers().pause(1)
    env.clock.advance(20 * MIN)
    await timers().resume(1)
    expect(await refusal(timers().setStart(1, berlin(MONDAY, '09:25')))).toBe('Timer 1 was first paused at 09:20: its start must be before that. Nothing was changed.')
    await timers().pause(1)
    const timer = await timers().setStart(1, berlin(MONDAY, '08:45'))
    expect(timer).toMatchObject({ state: 'paused', closedSeconds: 35 * 60 })
  })

  it('not in the future', async () => {
    await timers().start(1)
    expect(await refusal(timers().setStart(1, env.clock.now() + MIN))).toBe('A timer cannot start in the future (09:01 is later than now). Nothing was changed.')
    expect((await slot(1))?.runningSince).toBe(env.clock.now())
  })

  it('not before the timer’s previous stop', async () => {
    await timers().start(1)
    env.clock.advance(30 * MIN)
    await timers().stop(1) // 09:00–09:30 booked
    env.clock.advance(30 * MIN)
    await timers().start(1) // again at 10:00
    env.clock.advance(10 * MIN)
    expect(await refusal(timers().setStart(1, berlin(MONDAY, '09:20')))).toBe('Timer 1 last stopped at 09:30: its new run cannot start before that. Nothing was changed.')
    expect((await timers().setStart(1, berlin(MONDAY, '09:30'))).runningSince).toBe(berlin(MONDAY, '09:30'))
    // Another timer's runs are no bound: concurrent timers are normal.
    await timers().start(2)
    expect((await timers().setStart(2, berlin(MONDAY, '09:00'))).runningSince).toBe(berlin(MONDAY, '09:00'))
  })

  it('a refusal about another day names the day as the grid does', async () => {
    env.clock.set(berlin('2026-11-15', '23:00'))
    await timers().start(1)
    env.clock.advance(30 * MIN)
    await timers().stop(1) // Sunday 23:00–23:30 booked
    env.clock.advance(40 * MIN)
    await timers().start(1) // Monday 00:10
    expect(await refusal(timers().setStart(1, berlin('2026-11-15', '23:20')))).toBe(
      'Timer 1 last stopped at Sun 15 Nov 23:30: its new run cannot start before that. Nothing was changed.',
    )
  })

  it('not into a submitted or approved period, and yesterday is fine when it is open', async () => {
    env.clock.set(berlin(MONDAY, '00:30'))
    await env.core.submission.submit('2026-11-15') // last week (to Sunday 15th) is approved
    await timers().start(1)
    env.clock.advance(10 * MIN)
    expect(await refusal(timers().setStart(1, berlin('2026-11-15', '23:50')))).toBe(
      'This period is approved and locked. Without a team server you approve your own time: reopen it yourself from the Timesheet, with a reason, to change it. Nothing was changed.',
    )
    expect((await slot(1))?.runningSince).toBe(berlin(MONDAY, '00:30'))
    expect((await timers().setStart(1, berlin(MONDAY, '00:05'))).runningSince).toBe(berlin(MONDAY, '00:05'))
  })

  it('a run moved back across midnight books one entry per day', async () => {
    await timers().start(1)
    env.clock.advance(MIN)
    await timers().setStart(1, berlin('2026-11-15', '23:00'))
    const stopped = await timers().stop(1)
    expect(stopped.outcome === 'stopped' && stopped.entries.map((e) => [e.day, e.rawSeconds / 60])).toEqual([
      ['2026-11-15', 60],
      [MONDAY, 9 * 60 + 1],
    ])
  })

  it('an idle timer has no start to change', async () => {
    expect(await refusal(timers().setStart(3, env.clock.now()))).toBe('Timer 3 is not running, so it has no start to change. Nothing was changed.')
  })
})

describe('continuing a past entry', () => {
  it('starts the first idle timer with its work item, activity type, billable flag and note', async () => {
    const ticket = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'TICKET-7', title: 'Router swap' })
    const onSite = (await env.core.work.listActivityTypes()).find((t) => t.name === 'On-site')?.id ?? null
    const [entry] = await env.core.timesheet.createEntries({ workItemId: ticket.id, activityTypeId: onSite, billable: false }, 'Cabling done, config left', { day: '2026-11-13', seconds: 3600 })
    await timers().start(1) // slot 1 is busy
    const timer = await timers().continueEntry(entry?.id ?? '')
    expect(timer).toMatchObject({ slot: 2, state: 'running', label: 'TICKET-7', workItemId: ticket.id, activityTypeId: onSite, billable: false, note: 'Cabling done, config left', runningSince: env.clock.now() })
  })

  it('says so clearly when all nine timers are busy', async () => {
    const [entry] = await env.core.timesheet.createEntries({ workItemId: null, activityTypeId: null, billable: true }, '', { day: MONDAY, seconds: 60 })
    for (let n = 1; n <= 9; n++) await timers().start(n)
    expect(await refusal(timers().continueEntry(entry?.id ?? ''))).toBe('All 9 timers are in use. Stop one to continue this entry. Nothing was changed.')
  })

  it('an entry that is gone cannot be continued', async () => {
    expect(await refusal(timers().continueEntry('no-such-entry'))).toBe('That entry does not exist (any more). Nothing was changed.')
    expect((await timers().list()).every((t) => t.state === 'idle')).toBe(true)
  })
})
