import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { DEFAULT_TIMER_COLORS } from '@shared/timers'
import { T0, openTempCore, type TempCore } from '../testing/temp-core'

let env: TempCore
beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

const MINUTE = 60_000

describe('timer slots', () => {
  it('a new database has nine idle slots with the default colours', async () => {
    const timers = await env.core.timers.list()
    expect(timers.map((t) => [t.slot, t.label, t.color, t.state])).toEqual(
      DEFAULT_TIMER_COLORS.map((color, i) => [i + 1, `Timer ${i + 1}`, color, 'idle']),
    )
  })

  it('creating the slots again changes nothing', async () => {
    const before = await env.core.timers.list()
    await env.core.timers.ensureSlots()
    expect(await env.core.timers.list()).toEqual(before)
  })

  it('a started timer runs from the clock instant and stops with its time kept', async () => {
    const started = await env.core.timers.start(3)
    expect(started).toMatchObject({ slot: 3, state: 'running', runningSince: T0, closedSeconds: 0 })

    env.clock.advance(25 * MINUTE + 30_000)
    const stopped = await env.core.timers.stop(3)
    expect(stopped).toMatchObject({ slot: 3, state: 'idle', runningSince: null, closedSeconds: 25 * 60 + 30 })
  })

  it('several timers run at once, each with its own time', async () => {
    await env.core.timers.start(1)
    env.clock.advance(10 * MINUTE)
    await env.core.timers.start(2)
    env.clock.advance(5 * MINUTE)
    await env.core.timers.stop(1)
    const [one, two] = await env.core.timers.list()
    expect(one).toMatchObject({ state: 'idle', closedSeconds: 15 * 60 })
    expect(two).toMatchObject({ state: 'running', runningSince: T0 + 10 * MINUTE, closedSeconds: 0 })
  })

  it('starting again adds a new segment to the time already kept', async () => {
    await env.core.timers.start(5)
    env.clock.advance(2 * MINUTE)
    await env.core.timers.stop(5)
    env.clock.advance(60 * MINUTE)
    await env.core.timers.start(5)
    env.clock.advance(3 * MINUTE)
    expect(await env.core.timers.stop(5)).toMatchObject({ closedSeconds: 5 * 60 })
  })

  it('records the time zone each segment ran in', async () => {
    await env.core.timers.start(1)
    env.clock.setTimeZone('America/New_York')
    await env.core.timers.stop(1)
    await env.core.timers.start(1)
    const zones = await env.core.store.db.selectFrom('timer_segments').select('time_zone').orderBy('started_at').execute()
    expect(zones.map((z) => z.time_zone)).toEqual(['Europe/Berlin', 'America/New_York'])
  })

  it('a running timer is still running after a restart, from the same instant', async () => {
    await env.core.timers.start(4)
    env.clock.advance(7 * MINUTE)
    const core = await env.reopen()
    const timer = (await core.timers.list()).find((t) => t.slot === 4)
    expect(timer).toMatchObject({ state: 'running', runningSince: T0 })
  })

  it('each transition is announced with the full list after it is stored', async () => {
    const seen: string[] = []
    env.core.events.subscribe((name, payload) => {
      seen.push(`${name}:${payload.timers.filter((t) => t.state === 'running').map((t) => t.slot).join(',')}`)
    })
    await env.core.timers.start(2)
    await env.core.timers.start(6)
    await env.core.timers.stop(2)
    expect(seen).toEqual(['timers.changed:2', 'timers.changed:2,6', 'timers.changed:6'])
  })

  it('bumps the row version on every change', async () => {
    const version = async () => (await env.core.store.db.selectFrom('timers').select('version').where('slot', '=', 1).executeTakeFirstOrThrow()).version
    expect(await version()).toBe(1)
    await env.core.timers.start(1)
    await env.core.timers.stop(1)
    expect(await version()).toBe(3)
  })
})

describe('refusals that change nothing', () => {
  it('a second start of a running timer is a conflict and keeps the first start', async () => {
    await env.core.timers.start(1)
    env.clock.advance(MINUTE)
    const error = await env.core.timers.start(1).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StintError)
    expect(error).toMatchObject({ code: 'conflict', message: 'Timer 1 is already running.' })
    expect((await env.core.timers.list())[0]).toMatchObject({ state: 'running', runningSince: T0 })
    expect(await env.core.store.db.selectFrom('timer_segments').select('id').execute()).toHaveLength(1)
  })

  it('stopping an idle timer is a conflict', async () => {
    await expect(env.core.timers.stop(9)).rejects.toMatchObject({ code: 'conflict', message: 'Timer 9 is not running.' })
  })

  it('an unknown slot is not found', async () => {
    await expect(env.core.timers.start(12)).rejects.toMatchObject({ code: 'not_found', message: 'There is no timer 12.' })
  })

  it('a clock that jumped backwards ends the segment where it began, never negative', async () => {
    await env.core.timers.start(8)
    env.clock.advance(-30 * MINUTE)
    const stopped = await env.core.timers.stop(8)
    expect(stopped.closedSeconds).toBe(0)
    const [segment] = await env.core.store.db.selectFrom('timer_segments').selectAll().execute()
    expect(segment?.ended_at).toBe(T0)
  })
})
