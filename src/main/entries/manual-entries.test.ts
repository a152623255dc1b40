// entries.create: manual time with a duration, or with a start and an end that is split
// at local midnight like a timer's run, refused whole into a locked period, through the
// same contract call the cell details and the calendar use.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TimeEntry } from '@shared/entries'
import type { RowKey } from '@shared/timesheet'
import { invokeCall } from '../api/invoke'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'

let env: TempCore
let row: RowKey
const MONDAY = '2026-11-16'
/** An instant given as Berlin wall time in November (UTC+1). */
const berlin = (day: string, time: string) => Date.parse(`${day}T${time}:00+01:00`)

beforeEach(async () => {
  env = await openTempCore() // Monday 16 November 2026, 09:00 in Berlin
  const ticket = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'TICKET-7', title: 'Router swap' })
  row = { workItemId: ticket.id, activityTypeId: null, billable: true }
})
afterEach(() => env.dispose())

async function create(request: unknown): Promise<TimeEntry[]> {
  const answer = await invokeCall(env.core.handlers, 'entries.create', request, silentLogger)
  if (!answer.ok) throw new Error(answer.error.message)
  return answer.value as TimeEntry[]
}

async function refusal(request: unknown): Promise<string> {
  const answer = await invokeCall(env.core.handlers, 'entries.create', request, silentLogger)
  if (answer.ok) throw new Error('expected entries.create to be refused')
  return answer.error.message
}

const liveCount = async () => (await env.core.store.db.selectFrom('time_entries').select('id').where('deleted_at', 'is', null).execute()).length

describe('a manual entry with a duration', () => {
  it('is booked on its day as typed, without a start or an end', async () => {
    const [entry, ...rest] = await create({ row, description: 'Phone call', day: MONDAY, seconds: 1500 })
    expect(rest).toEqual([])
    expect(entry).toMatchObject({ day: MONDAY, source: 'manual', rawSeconds: 1500, roundedSeconds: 1500, description: 'Phone call', billable: true, ranges: [] })
  })

  it('is not rounded, even when timer time is', async () => {
    env.core.settings.update({ timers: { rounding: { mode: 'up', minutes: 15 } } })
    const [entry] = await create({ row, description: '', day: MONDAY, seconds: 7 * 60 })
    expect(entry?.roundedSeconds).toBe(7 * 60)
    const [typed] = await create({ row, description: '', startedAt: berlin(MONDAY, '07:00'), endedAt: berlin(MONDAY, '07:07') })
    expect(typed?.roundedSeconds).toBe(7 * 60)
    // The same seven minutes on a timer are billed as a quarter of an hour.
    await env.core.timers.start(1)
    env.clock.advance(7 * 60_000)
    const stopped = await env.core.timers.stop(1, { keepShort: true })
    expect(stopped.outcome === 'stopped' && stopped.entries[0]?.roundedSeconds).toBe(15 * 60)
  })
})

describe('a manual entry with a start and an end', () => {
  it('keeps its range, so it has a start and an end', async () => {
    const startedAt = berlin(MONDAY, '09:05')
    const endedAt = berlin(MONDAY, '10:20')
    const [entry] = await create({ row, description: 'On site', startedAt, endedAt })
    expect(entry).toMatchObject({ day: MONDAY, source: 'manual', rawSeconds: 75 * 60, roundedSeconds: 75 * 60, ranges: [{ startedAt, endedAt }] })
  })

  it('that runs across local midnight becomes one entry per day, like a timer', async () => {
    const entries = await create({ row, description: 'Night migration', startedAt: berlin(MONDAY, '23:00'), endedAt: berlin('2026-11-17', '01:30') })
    expect(entries.map((e) => [e.day, e.rawSeconds])).toEqual([
      [MONDAY, 3600],
      ['2026-11-17', 5400],
    ])
    expect(entries[1]?.ranges[0]?.startedAt).toBe(berlin('2026-11-17', '00:00'))
  })

  it('splits at midnight in the machine’s zone across the end of summer time (a 25-hour day)', async () => {
    // Sunday 25 October 2026: Berlin goes back from 03:00 CEST to 02:00 CET.
    const startedAt = Date.parse('2026-10-24T22:00:00+02:00')
    const endedAt = Date.parse('2026-10-25T20:30:00+01:00') // 23.5 hours after the start
    const entries = await create({ row, description: '', startedAt, endedAt })
    expect(entries.map((e) => [e.day, e.rawSeconds / 3600])).toEqual([
      ['2026-10-24', 2],
      ['2026-10-25', 21.5], // 20:30 on the clock, but the day had an hour more
    ])
  })
})

describe('what entries.create refuses, changing nothing', () => {
  it('an end before (or at) the start', async () => {
    expect(await refusal({ row, description: '', startedAt: berlin(MONDAY, '10:00'), endedAt: berlin(MONDAY, '09:00') })).toMatch(/the end must be after the start/)
    expect(await liveCount()).toBe(0)
  })

  it('a span of more than 24 hours', async () => {
    expect(await refusal({ row, description: '', startedAt: berlin(MONDAY, '08:00'), endedAt: berlin('2026-11-17', '08:01') })).toMatch(/at most 24 hours/)
  })

  it('both a duration and times, or neither, or half of one', async () => {
    const either = /either a day and seconds \(a duration\) or startedAt and endedAt/
    expect(await refusal({ row, description: '', day: MONDAY, seconds: 60, startedAt: 1, endedAt: 2 })).toMatch(either)
    expect(await refusal({ row, description: '' })).toMatch(either)
    expect(await refusal({ row, description: '', day: MONDAY })).toMatch(/needs both its day and its seconds/)
    expect(await refusal({ row, description: '', startedAt: 1 })).toMatch(/both startedAt and endedAt/)
  })

  it('a day that does not exist, a zero duration, or an invisible character in the description', async () => {
    expect(await refusal({ row, description: '', day: '2026-02-30', seconds: 60 })).toMatch(/2026-02-30/)
    expect(await refusal({ row, description: '', day: MONDAY, seconds: 0 })).toMatch(/more than zero/)
    expect(await refusal({ row, description: 'a\u202Eb', day: MONDAY, seconds: 60 })).toMatch(/nothing was changed/)
    expect(await liveCount()).toBe(0)
  })

  it('a work item that does not exist', async () => {
    expect(await refusal({ row: { ...row, workItemId: 'gone' }, description: '', day: MONDAY, seconds: 60 })).toMatch(/work item does not exist.*nothing was changed/)
  })

  it('a day that would then hold more than 24 hours', async () => {
    await create({ row, description: '', day: MONDAY, seconds: 20 * 3600 })
    expect(await refusal({ row, description: '', day: MONDAY, seconds: 5 * 3600 })).toMatch(/A day has at most 24 hours.*Nothing was changed/)
    expect(await liveCount()).toBe(1)
  })

  it('time in a locked period, even when only the part after midnight is locked', async () => {
    await env.core.submission.submit('2026-11-23') // the next week is approved (standalone)
    expect(await refusal({ row, description: '', day: '2026-11-24', seconds: 60 })).toMatch(/approved and locked.*Nothing was changed\.$/)
    // Sunday 22 November 23:00 to Monday 23 November 01:00: Sunday is open, Monday is not.
    expect(await refusal({ row, description: '', startedAt: berlin('2026-11-22', '23:00'), endedAt: berlin('2026-11-23', '01:00') })).toMatch(/approved and locked/)
    expect(await liveCount()).toBe(0)
  })
})
