import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { DEFAULT_TIMER_COLORS, type StopResult, type Timer } from '@shared/timers'
import { FakeClock } from '../clock'
import { T0, openTempCore, type TempCore } from '../testing/temp-core'
import { CRASH_GAP_MS, HEARTBEAT_MS } from './heartbeat'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

let env: TempCore
beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

const engine = () => env.core.timers
const timer = async (slot: number): Promise<Timer> => {
  const found = (await engine().list()).find((t) => t.slot === slot)
  if (!found) throw new Error(`no timer ${slot}`)
  return found
}
const stopped = (result: StopResult) => {
  if (result.outcome !== 'stopped') throw new Error(`expected a booked stop, got ${result.outcome}`)
  return result
}
const entries = () => env.core.store.db.selectFrom('time_entries').selectAll().orderBy('day').execute()
const segments = () => env.core.store.db.selectFrom('timer_segments').selectAll().orderBy('started_at').execute()
/** Lets the engine's once-a-minute wake-ups run up to the fake clock's now. */
async function runDueTicks(): Promise<number> {
  let ran = 0
  for (;;) {
    const now = env.scheduler.runDue()
    await engine().settled()
    if (now === 0) return ran
    ran += now
  }
}
/** Moves the fake clock minute by minute, running the engine's wake-ups as they fall due. */
async function live(ms: number): Promise<void> {
  const end = env.clock.now() + ms
  while (env.clock.now() < end) {
    env.clock.set(Math.min(end, env.clock.now() + MINUTE))
    await runDueTicks()
  }
}

describe('nine slots', () => {
  it('a new database has nine idle slots with the default colours', async () => {
    const timers = await engine().list()
    expect(timers.map((t) => [t.slot, t.label, t.color, t.state, t.billable])).toEqual(DEFAULT_TIMER_COLORS.map((color, i) => [i + 1, `Timer ${i + 1}`, color, 'idle', true]))
  })

  it('starting up again creates nothing new', async () => {
    const before = await engine().list()
    await engine().init()
    expect(await engine().list()).toEqual(before)
  })
})

describe('start, pause, resume, stop', () => {
  it('a timer runs from the instant it started, pauses with its time kept, and resumes', async () => {
    expect(await engine().start(3)).toMatchObject({ state: 'running', runningSince: T0, closedSeconds: 0 })
    env.clock.advance(25 * MINUTE)
    expect(await engine().pause(3)).toMatchObject({ state: 'paused', runningSince: null, closedSeconds: 25 * 60 })
    env.clock.advance(HOUR)
    expect(await engine().resume(3)).toMatchObject({ state: 'running', runningSince: T0 + 85 * MINUTE, closedSeconds: 25 * 60 })
    // A start of a paused timer resumes it too (the tray's Start does that).
    await engine().pause(3)
    expect(await engine().start(3)).toMatchObject({ state: 'running', closedSeconds: 25 * 60 })
  })

  it('stopping books the run as one draft entry for the day, keeps raw seconds and resets the timer', async () => {
    env.settings.update({ timers: { rounding: { mode: 'up', minutes: 15 } } })
    await engine().start(1)
    env.clock.advance(25 * MINUTE + 30_000)
    const result = stopped(await engine().stop(1))
    expect(result.timer).toMatchObject({ state: 'idle', closedSeconds: 0, runningSince: null })
    expect(result.entries).toHaveLength(1)
    const remoteSupport = (await env.core.work.listActivityTypes()).find((t) => t.isDefault)
    expect(remoteSupport?.name).toBe('Remote support')
    expect(result.entries[0]).toMatchObject({ day: '2026-11-16', rawSeconds: 25 * 60 + 30, roundedSeconds: 30 * 60, source: 'timer', status: 'draft', billable: true, activityTypeId: remoteSupport?.id })
    expect(result.entries[0]?.ranges).toEqual([{ startedAt: T0, endedAt: T0 + 25 * MINUTE + 30_000 }])
    expect((await segments()).every((s) => s.booked_at === T0 + 25 * MINUTE + 30_000)).toBe(true)
  })

  it('a run with a pause in it books the time worked, with both ranges', async () => {
    await engine().start(2)
    env.clock.advance(10 * MINUTE)
    await engine().pause(2)
    env.clock.advance(30 * MINUTE)
    await engine().resume(2)
    env.clock.advance(5 * MINUTE)
    const [entry] = stopped(await engine().stop(2)).entries
    expect(entry?.rawSeconds).toBe(15 * 60)
    expect(entry?.ranges).toHaveLength(2)
  })

  it('a timer across midnight books two entries, split at local midnight in the zone it ran in', async () => {
    // 23:30 in Berlin (UTC+1 in November) is 22:30 UTC.
    env.clock.set(Date.parse('2026-11-16T22:30:00Z'))
    await engine().start(4)
    env.clock.set(Date.parse('2026-11-17T00:15:00Z')) // 01:15 Berlin
    const result = stopped(await engine().stop(4))
    expect(result.entries.map((e) => [e.day, e.rawSeconds])).toEqual([
      ['2026-11-16', 30 * 60],
      ['2026-11-17', 75 * 60],
    ])
  })

  it('days follow the zone each segment ran in, even when the machine moved zones', async () => {
    env.clock.setTimeZone('America/New_York')
    env.clock.set(Date.parse('2026-11-17T04:00:00Z')) // 23:00 on the 16th in New York, 05:00 on the 17th in Berlin
    await engine().start(5)
    env.clock.advance(30 * MINUTE)
    env.clock.setTimeZone('Europe/Berlin')
    const [entry] = stopped(await engine().stop(5)).entries
    expect(entry?.day).toBe('2026-11-16')
  })

  it('a run over the night the clocks go back (New York) counts 25 hours for that day', async () => {
    env.clock.setTimeZone('America/New_York')
    env.clock.set(Date.parse('2026-11-01T04:00:00Z')) // 00:00 EDT on 1 November
    await engine().start(6)
    env.clock.set(Date.parse('2026-11-02T05:00:00Z')) // 00:00 EST on 2 November
    const result = stopped(await engine().stop(6))
    expect(result.entries.map((e) => [e.day, e.rawSeconds])).toEqual([['2026-11-01', 25 * 3600]])
  })

  it('timers run at once by default, each with its own time', async () => {
    await engine().start(1)
    env.clock.advance(10 * MINUTE)
    await engine().start(2)
    env.clock.advance(5 * MINUTE)
    await engine().pause(1)
    expect(await timer(1)).toMatchObject({ state: 'paused', closedSeconds: 15 * 60 })
    expect(await timer(2)).toMatchObject({ state: 'running', runningSince: T0 + 10 * MINUTE })
  })

  it('with the exclusive setting, starting one timer pauses the one that ran', async () => {
    env.settings.update({ timers: { exclusive: true } })
    await engine().start(1)
    env.clock.advance(10 * MINUTE)
    await engine().start(2)
    expect(await timer(1)).toMatchObject({ state: 'paused', closedSeconds: 600 })
    expect(await timer(2)).toMatchObject({ state: 'running' })
  })

  it('pause all pauses every running timer and leaves the others alone', async () => {
    await engine().start(1)
    await engine().start(2)
    await engine().start(3)
    await engine().pause(3)
    env.clock.advance(MINUTE)
    const timers = await engine().pauseAll()
    expect(timers.filter((t) => t.state !== 'idle').map((t) => [t.slot, t.state])).toEqual([
      [1, 'paused'],
      [2, 'paused'],
      [3, 'paused'],
    ])
  })

  it('toggling runs an idle timer, pauses a running one and resumes a paused one', async () => {
    expect((await engine().toggle(5)).state).toBe('running')
    expect((await engine().toggle(5)).state).toBe('paused')
    expect((await engine().toggle(5)).state).toBe('running')
  })

  it('"new timer" starts the first idle slot, and says so when none is left', async () => {
    await engine().start(1)
    expect((await engine().startNext()).slot).toBe(2)
    for (let slot = 3; slot <= 9; slot++) await engine().start(slot)
    await expect(engine().startNext()).rejects.toMatchObject({ code: 'conflict', message: 'All 9 timers are in use. Stop one first.' })
  })

  it('discarding throws the run away without booking, and keeps its segments marked', async () => {
    await engine().start(7)
    env.clock.advance(20 * MINUTE)
    expect(await engine().discard(7)).toMatchObject({ state: 'idle', closedSeconds: 0 })
    expect(await entries()).toEqual([])
    expect((await segments()).map((s) => [s.ended_at, s.discarded_at])).toEqual([[T0 + 20 * MINUTE, T0 + 20 * MINUTE]])
  })

  it('each transition is in SQLite when it is answered, and announced after', async () => {
    const seen: string[] = []
    env.core.events.subscribe((name, payload) => {
      if (name === 'timers.changed' && 'timers' in payload) seen.push(payload.timers.filter((t) => t.state === 'running').map((t) => t.slot).join(','))
    })
    await engine().start(2)
    const row = await env.core.store.db.selectFrom('timers').select(['state', 'version']).where('slot', '=', 2).executeTakeFirstOrThrow()
    expect(row).toEqual({ state: 'running', version: 2 })
    await engine().start(6)
    await engine().pause(2)
    expect(seen).toEqual(['2', '2,6', '6'])
  })
})

describe('short runs ask before they are booked', () => {
  it('a run under a minute pauses the timer and books nothing until the user says', async () => {
    await engine().start(1)
    env.clock.advance(40_000)
    const asked = await engine().stop(1)
    expect(asked).toMatchObject({ outcome: 'confirm-short', seconds: 40, timer: { state: 'paused', closedSeconds: 40 } })
    expect(await entries()).toEqual([])

    env.clock.advance(MINUTE) // the dialog stayed open: the paused timer gains nothing
    const kept = stopped(await engine().stop(1, { keepShort: true }))
    expect(kept.entries.map((e) => e.rawSeconds)).toEqual([40])
  })

  it('the user can throw a short run away instead', async () => {
    await engine().start(1)
    env.clock.advance(5_000)
    await engine().stop(1)
    await engine().discard(1)
    expect(await entries()).toEqual([])
    expect(await timer(1)).toMatchObject({ state: 'idle', closedSeconds: 0 })
  })

  it('a threshold of 0 never asks', async () => {
    env.settings.update({ timers: { shortEntrySeconds: 0 } })
    await engine().start(1)
    env.clock.advance(5_000)
    expect(stopped(await engine().stop(1)).entries.map((e) => e.rawSeconds)).toEqual([5])
  })
})

describe('what a timer is booked against', () => {
  it('can start with no work item and be assigned one later; the entry carries it, billable from the item', async () => {
    const item = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'TICKET-1234', title: 'Printer on 2nd floor', billable: false })
    await engine().start(3)
    env.clock.advance(10 * MINUTE)
    const assigned = await engine().update({ slot: 3, workItemId: item.id, note: 'Replaced the fuser' })
    expect(assigned).toMatchObject({ workItemId: item.id, billable: false, label: 'TICKET-1234', state: 'running' })
    env.clock.advance(5 * MINUTE)
    const [entry] = stopped(await engine().stop(3)).entries
    expect(entry).toMatchObject({ workItemId: item.id, billable: false, description: 'Replaced the fuser', rawSeconds: 15 * 60 })
    expect(await timer(3)).toMatchObject({ note: '', workItemId: item.id, label: 'TICKET-1234' })
  })

  it('refuses an unknown work item and changes nothing', async () => {
    const before = await timer(2)
    await expect(engine().update({ slot: 2, workItemId: 'nope' })).rejects.toMatchObject({ code: 'not_found' })
    expect(await timer(2)).toEqual(before)
  })

  it('a ticket link starts a timer for that ticket, creating the work item and customer once', async () => {
    await engine().start(1) // slot 1 is busy
    const started = await engine().startForTicket({ ref: 'TICKET-77', title: 'VPN down', customer: 'Acme GmbH' })
    expect(started).toMatchObject({ slot: 2, state: 'running', label: 'TICKET-77' })
    const again = await engine().startForTicket({ ref: 'ticket-77' })
    expect(again.slot).toBe(2)
    const items = await env.core.work.listWorkItems()
    expect(items.map((i) => [i.reference, i.title, i.customerName])).toEqual([['TICKET-77', 'VPN down', 'Acme GmbH']])

    env.clock.advance(20 * MINUTE)
    const [entry] = stopped(await engine().stopForTicket('TICKET-77')).entries
    expect(entry).toMatchObject({ workItemId: items[0]?.id, rawSeconds: 20 * 60 })
    // The slot remembers its ticket: the next link for it lands in the same place.
    expect((await engine().startForTicket({ ref: 'TICKET-77' })).slot).toBe(2)
  })

  it('a ticket link with all nine timers busy is refused', async () => {
    for (let slot = 1; slot <= 9; slot++) await engine().start(slot)
    await expect(engine().startForTicket({ ref: 'TICKET-1' })).rejects.toMatchObject({ code: 'conflict', message: 'All 9 timers are in use. Stop one to start TICKET-1.' })
  })

  it('stopping a ticket that has no timer says so', async () => {
    await expect(engine().stopForTicket('TICKET-404')).rejects.toMatchObject({ code: 'not_found', message: 'No timer is running for TICKET-404.' })
  })
})

describe('refusals that change nothing', () => {
  it.each([
    ['a second start of a running timer', async () => (await engine().start(1), engine().start(1)), 'Timer 1 is already running.'],
    ['a stop of an idle timer', () => engine().stop(9), 'Timer 9 is not running.'],
    ['a pause of an idle timer', () => engine().pause(9), 'Timer 9 is not running.'],
    ['a resume of an idle timer', () => engine().resume(9), 'Timer 9 is not paused.'],
    ['discarding an idle timer', () => engine().discard(4), 'Timer 4 has no time to discard.'],
  ])('%s is a conflict', async (_story, act, message) => {
    const error = await act().then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(StintError)
    expect(error).toMatchObject({ code: 'conflict', message })
  })

  it('an unknown slot is not found', async () => {
    await expect(engine().start(12)).rejects.toMatchObject({ code: 'not_found', message: 'There is no timer 12.' })
  })

  it('a clock that jumped backwards ends the segment where it began: no negative time, nothing booked twice', async () => {
    await engine().start(8)
    env.clock.advance(-30 * MINUTE)
    const result = await engine().stop(8)
    expect(result.timer.closedSeconds).toBe(0)
    expect(await entries()).toEqual([])
    expect((await segments())[0]?.ended_at).toBe(T0)
  })
})

describe('once a minute, and only while a timer runs', () => {
  it('nothing is scheduled while no timer runs', async () => {
    expect(env.scheduler.size).toBe(0)
    await engine().start(1)
    expect(env.scheduler.size).toBe(1)
    await engine().stop(1, { keepShort: true })
    expect(env.scheduler.size).toBe(0)
  })

  it('nine timers for an hour wake the engine once a minute and write once a minute plus once per transition', async () => {
    for (let slot = 1; slot <= 9; slot++) await engine().start(slot)
    const before = { ...engine().stats }
    await live(HOUR)
    expect(engine().stats.wakeUps - before.wakeUps).toBe(60)
    expect(engine().stats.writes - before.writes).toBeLessThanOrEqual(60)
    const heartbeat = await env.core.store.db.selectFrom('app_state').select('value').where('key', '=', 'heartbeat_at').executeTakeFirst()
    expect(Number(heartbeat?.value)).toBe(T0 + HOUR)
  })

  it('the minute heartbeat of running timers never waits for the disk, and every other write still does', async () => {
    for (let slot = 1; slot <= 9; slot++) await engine().start(slot)
    const before = { ...engine().stats }
    await live(HOUR)
    // A heartbeat lost to a power cut only makes the crash question start at the one before: nothing is booked unasked.
    expect(engine().stats.diskWaits - before.diskWaits).toBe(0)
    expect(env.core.store.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL again for the user's changes
    await engine().stop(1, { keepShort: true })
    expect(engine().stats.diskWaits - before.diskWaits).toBe(1)
  })
})

describe('after a crash', () => {
  it('a restart soon after the last heartbeat restores running timers without asking', async () => {
    await engine().start(2)
    await live(5 * MINUTE)
    env.clock.advance(90_000)
    const core = await env.reopen()
    expect((await core.timers.list()).find((t) => t.slot === 2)).toMatchObject({ state: 'running', runningSince: T0 })
    expect(await core.timers.prompts()).toEqual([])
  })

  it('a longer gap asks per running timer; keeping it changes nothing', async () => {
    await engine().start(2)
    await engine().start(5)
    await live(3 * MINUTE)
    const heartbeat = env.clock.now()
    env.clock.advance(40 * MINUTE) // the process died; 40 minutes later it starts again
    const core = await env.reopen()
    const prompts = await core.timers.prompts()
    expect(prompts.map((p) => [p.kind, p.slot, p.fromAt, p.toAt])).toEqual([
      ['crash-gap', 2, heartbeat, heartbeat + 40 * MINUTE],
      ['crash-gap', 5, heartbeat, heartbeat + 40 * MINUTE],
    ])
    await core.timers.resolvePrompt(prompts[0]?.id ?? '', { action: 'keep' })
    expect((await core.timers.list()).find((t) => t.slot === 2)).toMatchObject({ state: 'running', runningSince: T0 })
    expect((await core.timers.prompts()).map((p) => p.slot)).toEqual([5])
  })

  it('discarding the gap removes exactly the gap and keeps the timer running', async () => {
    await engine().start(2)
    await live(10 * MINUTE)
    env.clock.advance(30 * MINUTE)
    const core = await env.reopen()
    const [prompt] = await core.timers.prompts()
    await core.timers.resolvePrompt(prompt?.id ?? '', { action: 'discard' })
    env.clock.advance(5 * MINUTE)
    const result = stopped(await core.timers.stop(2))
    expect(result.entries.map((e) => e.rawSeconds)).toEqual([15 * 60])
  })

  it('stopping at the last heartbeat books the run up to then', async () => {
    await engine().start(2)
    await live(10 * MINUTE)
    env.clock.advance(3 * HOUR)
    const core = await env.reopen()
    const [prompt] = await core.timers.prompts()
    await core.timers.resolvePrompt(prompt?.id ?? '', { action: 'stop-at-start' })
    expect((await core.timers.list()).find((t) => t.slot === 2)).toMatchObject({ state: 'idle' })
    expect((await entries()).map((e) => e.raw_seconds)).toEqual([10 * 60])
  })

  it('a timer the user chose to keep running when quitting counts on across the restart without a question', async () => {
    await engine().start(2)
    await env.core.close({ keepRunning: true })
    env.clock.advance(2 * HOUR)
    const core = await env.reopen({ alreadyClosed: true })
    expect(await core.timers.prompts()).toEqual([])
    expect((await core.timers.list()).find((t) => t.slot === 2)).toMatchObject({ state: 'running', runningSince: T0 })
  })

  it('an answer cannot be given twice, nor an answer of the wrong kind', async () => {
    await engine().start(2)
    env.clock.advance(CRASH_GAP_MS + HEARTBEAT_MS)
    const core = await env.reopen()
    const [prompt] = await core.timers.prompts()
    await expect(core.timers.resolvePrompt(prompt?.id ?? '', { action: 'move-to-timer', slot: 3 })).rejects.toMatchObject({ code: 'invalid_request' })
    await core.timers.resolvePrompt(prompt?.id ?? '', { action: 'keep' })
    await expect(core.timers.resolvePrompt(prompt?.id ?? '', { action: 'keep' })).rejects.toMatchObject({ code: 'conflict' })
  })
})

describe('idle time is never booked or lost silently', () => {
  const idle = { seconds: 0 }
  beforeEach(() => {
    idle.seconds = 0
    engine().attachIdleSource({ idleSeconds: () => idle.seconds })
  })

  async function goIdleFor(minutes: number): Promise<void> {
    for (let m = 1; m <= minutes; m++) {
      idle.seconds = m * 60
      await live(MINUTE)
    }
    idle.seconds = 0
    await live(MINUTE) // the user is back; the next check notices
  }

  it('after 12 idle minutes each running timer asks about exactly the idle span', async () => {
    await engine().start(1)
    await engine().start(4)
    await live(5 * MINUTE)
    const idleFrom = env.clock.now()
    await goIdleFor(12)
    const prompts = await engine().prompts()
    expect(prompts.map((p) => [p.kind, p.slot, p.fromAt, p.toAt])).toEqual([
      ['idle', 1, idleFrom, idleFrom + 13 * MINUTE],
      ['idle', 4, idleFrom, idleFrom + 13 * MINUTE],
    ])
  })

  it('the minute check that asks about idle time waits for the disk: a question is never lost to a power cut', async () => {
    await engine().start(1)
    await live(5 * MINUTE)
    const before = { ...engine().stats }
    await goIdleFor(12) // twelve quiet heartbeats, then the check that asks
    expect(await engine().prompts()).toHaveLength(1)
    expect(engine().stats.diskWaits - before.diskWaits).toBe(1)
  })

  it('idle periods under the threshold are not asked about', async () => {
    await engine().start(1)
    await goIdleFor(8)
    expect(await engine().prompts()).toEqual([])
  })

  it('discarding idle time removes it and the timer keeps running', async () => {
    await engine().start(1)
    await live(5 * MINUTE)
    await goIdleFor(12)
    const [prompt] = await engine().prompts()
    await engine().resolvePrompt(prompt?.id ?? '', { action: 'discard' })
    expect(await timer(1)).toMatchObject({ state: 'running' })
    const result = stopped(await engine().stop(1))
    expect(result.entries.map((e) => e.rawSeconds)).toEqual([5 * 60])
  })

  it('idle time can be moved to another timer', async () => {
    await engine().start(1)
    await goIdleFor(15)
    const [prompt] = await engine().prompts()
    await engine().resolvePrompt(prompt?.id ?? '', { action: 'move-to-timer', slot: 9 })
    expect(await timer(9)).toMatchObject({ state: 'paused', closedSeconds: 16 * 60 })
    expect(stopped(await engine().stop(1, { keepShort: true })).entries).toEqual([])
  })

  it('idle time can be booked to a work item as a draft entry', async () => {
    const meeting = await env.core.work.createWorkItem({ kind: 'general', title: 'Team meeting', billable: false })
    await engine().start(1)
    await goIdleFor(30)
    const [prompt] = await engine().prompts()
    await engine().resolvePrompt(prompt?.id ?? '', { action: 'book-to-work-item', workItemId: meeting.id })
    expect((await entries()).map((e) => [e.work_item_id, e.raw_seconds, e.billable])).toEqual([[meeting.id, 31 * 60, 0]])
  })

  it('sleep longer than the threshold asks; "off" really turns it off', async () => {
    await engine().start(1)
    await engine().away()
    env.clock.advance(45 * MINUTE)
    await engine().back()
    expect((await engine().prompts()).map((p) => [p.kind, p.toAt - p.fromAt])).toEqual([['idle', 45 * MINUTE]])

    env.settings.update({ timers: { idleMinutes: null } })
    await engine().away()
    env.clock.advance(3 * HOUR)
    await engine().back()
    await goIdleFor(20)
    expect(await engine().prompts()).toHaveLength(1)
  })
})

describe('the fake clock itself', () => {
  it('moves only when told', () => {
    const clock = new FakeClock(5)
    clock.advance(10)
    expect(clock.now()).toBe(15)
  })
})
