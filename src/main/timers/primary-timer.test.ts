import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StopResult } from '@shared/timers'
import { T0, openTempCore, type TempCore } from '../testing/temp-core'
import { CRASH_GAP_MS } from './heartbeat'

const MINUTE = 60_000

let env: TempCore
beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

const engine = () => env.core.timers
const db = () => env.core.store.db
const marked = async () => (await engine().list()).filter((t) => t.primary).map((t) => t.slot)
const runsOf = async (slot: number) => {
  const timer = await db().selectFrom('timers').select('id').where('slot', '=', slot).executeTakeFirstOrThrow()
  return db().selectFrom('timer_segments').select(['started_at', 'ended_at', 'is_primary']).where('timer_id', '=', timer.id).orderBy('started_at').execute()
}
const rangesOf = async (result: StopResult) => {
  if (result.outcome !== 'stopped') throw new Error(`expected a booked stop, got ${result.outcome}`)
  const ids = result.entries.map((e) => e.id)
  return db().selectFrom('time_entry_ranges').select(['started_at', 'ended_at', 'is_primary']).where('entry_id', 'in', ids).orderBy('started_at').execute()
}

describe('the primary timer', () => {
  it('is at most one: marking a timer clears the other mark, and clearing leaves none', async () => {
    expect(await marked()).toEqual([])
    expect(await engine().setPrimary(2, true)).toMatchObject({ slot: 2, primary: true })
    await engine().setPrimary(5, true)
    expect(await marked()).toEqual([5])
    await engine().setPrimary(5, false)
    expect(await marked()).toEqual([])
  })

  it('is remembered across a restart', async () => {
    await engine().setPrimary(4, true)
    const core = await env.reopen({ clean: true })
    expect((await core.timers.list()).filter((t) => t.primary).map((t) => t.slot)).toEqual([4])
  })

  it('refuses a slot that is not there', async () => {
    await expect(engine().setPrimary(12, true)).rejects.toMatchObject({ code: 'not_found', refusal: { id: 'refusal.noTimer' } })
  })

  it('a run starts with its timer’s mark', async () => {
    await engine().setPrimary(1, true)
    await engine().start(1)
    await engine().start(2)
    expect((await runsOf(1)).map((r) => r.is_primary)).toEqual([1])
    expect((await runsOf(2)).map((r) => r.is_primary)).toEqual([0])
  })

  it('marking a running timer cuts its run there, and so does the mark it takes from another running timer', async () => {
    await engine().start(1)
    await engine().start(2)
    await engine().setPrimary(2, true)
    env.clock.advance(10 * MINUTE)
    await engine().setPrimary(1, true)
    env.clock.advance(5 * MINUTE)
    expect((await runsOf(1)).map((r) => [r.started_at, r.ended_at, r.is_primary])).toEqual([
      [T0, T0 + 10 * MINUTE, 0],
      [T0 + 10 * MINUTE, null, 1],
    ])
    // Marked at the instant it started: nothing to cut, its open run takes the mark.
    expect((await runsOf(2)).map((r) => [r.started_at, r.ended_at, r.is_primary])).toEqual([
      [T0, T0 + 10 * MINUTE, 1],
      [T0 + 10 * MINUTE, null, 0],
    ])
    // Marking a paused timer cuts nothing: its next run takes the mark.
    await engine().pause(2)
    await engine().setPrimary(2, true)
    expect(await runsOf(2)).toHaveLength(2)
    expect((await runsOf(1)).map((r) => r.is_primary)).toEqual([0, 1, 0])
  })

  it('booking copies each run’s mark into the entry’s ranges, across midnight too', async () => {
    env.clock.set(T0 + 14 * 60 * MINUTE) // 23:00 in Berlin
    await engine().start(3)
    env.clock.advance(30 * MINUTE)
    await engine().setPrimary(3, true)
    env.clock.advance(60 * MINUTE) // past midnight
    const start = T0 + 14 * 60 * MINUTE
    expect((await rangesOf(await engine().stop(3))).map((r) => [r.started_at, r.ended_at, r.is_primary])).toEqual([
      [start, start + 30 * MINUTE, 0],
      [start + 30 * MINUTE, start + 60 * MINUTE, 1],
      [start + 60 * MINUTE, start + 90 * MINUTE, 1],
    ])
  })

  it('a crash gap discarded from a marked run keeps the mark on what is left', async () => {
    await engine().setPrimary(2, true)
    await engine().start(2)
    env.clock.advance(10 * MINUTE)
    await engine().start(3) // a write: the heartbeat is at 10 minutes
    env.clock.advance(CRASH_GAP_MS + 20 * MINUTE)
    const core = await env.reopen()
    const prompt = (await core.timers.prompts()).find((p) => p.slot === 2)
    await core.timers.resolvePrompt(prompt?.id ?? '', { action: 'discard' })
    env.clock.advance(5 * MINUTE)
    const ranges = await rangesOf(await core.timers.stop(2))
    expect(ranges.map((r) => r.is_primary)).toEqual([1, 1])
  })

  it('time held for a locked period keeps the mark, and books with it into its days', async () => {
    await env.core.submission.submit('2026-11-16')
    await engine().setPrimary(6, true)
    await engine().start(6)
    env.clock.advance(40 * MINUTE)
    expect(await engine().stop(6)).toMatchObject({ outcome: 'stopped', heldSeconds: 40 * 60 })
    expect((await db().selectFrom('held_time_ranges').select('is_primary').execute()).map((r) => r.is_primary)).toEqual([1])
    const [held] = await engine().prompts()
    await engine().resolvePrompt(held?.id ?? '', { action: 'keep-aside' })
    await env.core.submission.reopen('2026-11-16', 'The call-out was missing')
    await engine().resolvePrompt(held?.id ?? '', { action: 'book-into-days' })
    const ranges = await db().selectFrom('time_entry_ranges').select(['started_at', 'is_primary']).execute()
    expect(ranges.map((r) => [r.started_at, r.is_primary])).toEqual([[T0, 1]])
  })

  it('retiming an entry’s runs from the calendar keeps each run’s mark', async () => {
    await engine().start(7)
    env.clock.advance(30 * MINUTE)
    await engine().setPrimary(7, true)
    env.clock.advance(30 * MINUTE)
    const result = await engine().stop(7)
    if (result.outcome !== 'stopped') throw new Error('expected a booked stop')
    const id = result.entries[0]?.id ?? ''
    // 09:00–09:30 unmarked, 09:30–10:00 marked (Berlin); the second run now ends at 10:15, and a third is added.
    await env.core.timesheet.setEntryRuns(id, [
      { start: '09:00', end: '09:30' },
      { start: '09:30', end: '10:15' },
      { start: '11:00', end: '11:30' },
    ])
    const ranges = await db().selectFrom('time_entry_ranges').select(['started_at', 'is_primary']).where('entry_id', '=', id).orderBy('started_at').execute()
    expect(ranges.map((r) => r.is_primary)).toEqual([0, 1, 1])
  })
})
