// Time a timer measured that falls into a submitted or approved period: it never changes
// that period and is never lost. Stopping books what the open periods can take and asks
// about the rest (book it today, keep it aside until the period is reopened, discard it);
// so do crash-gap and idle answers that book, and ticket-link stops. Standalone,
// submitting a period approves and locks it at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import type { HeldTime, PromptResolution, StopResult } from '@shared/timers'
import { openTempCore, type TempCore } from '../testing/temp-core'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const LAST_WEEK = '2026-11-09' // Monday; the week ends on Sunday the 15th
const THIS_WEEK = '2026-11-16'
/** Sunday 15 November 2026, 22:00 in Berlin. */
const SUNDAY_22H = Date.parse('2026-11-15T21:00:00Z')
/** Monday 16 November 2026, 01:30 in Berlin. */
const MONDAY_0130 = Date.parse('2026-11-16T00:30:00Z')

let env: TempCore
beforeEach(async () => {
  env = await openTempCore() // Monday 16 November 2026, 09:00 in Berlin
})
afterEach(() => env.dispose())

const engine = () => env.core.timers
const stopped = (result: StopResult) => {
  if (result.outcome !== 'stopped') throw new Error(`expected a booked stop, got ${result.outcome}`)
  return result
}
const liveEntries = () => env.core.store.db.selectFrom('time_entries').select(['day', 'raw_seconds', 'status', 'work_item_id']).where('deleted_at', 'is', null).orderBy('day').orderBy('created_at').execute()
const weekTotal = async (day: string) => (await env.core.timesheet.load(day)).rows.reduce((sum, r) => sum + r.totalSeconds, 0)
async function heldQuestion(): Promise<HeldTime> {
  const found = (await engine().prompts()).find((p): p is HeldTime => p.kind === 'locked-period')
  if (!found) throw new Error('no question about time in a locked period')
  return found
}
const answer = async (resolution: PromptResolution) => engine().resolvePrompt((await heldQuestion()).id, resolution)
async function refusal(promise: Promise<unknown>): Promise<StintError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof StintError)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}
/** Runs the engine's minute wake-ups up to the fake clock's now. */
async function live(ms: number): Promise<void> {
  const end = env.clock.now() + ms
  while (env.clock.now() < end) {
    env.clock.set(Math.min(end, env.clock.now() + MINUTE))
    for (;;) {
      const ran = env.scheduler.runDue()
      await engine().settled()
      if (ran === 0) break
    }
  }
}

/** A timer from Sunday 22:00 to Monday 01:30, with last week approved meanwhile. */
async function runAcrossIntoThisWeek(): Promise<StopResult> {
  env.clock.set(SUNDAY_22H)
  await engine().start(1)
  env.clock.set(MONDAY_0130)
  await env.core.submission.submit(LAST_WEEK)
  return engine().stop(1)
}

describe('stopping a timer whose time falls into a locked period', () => {
  it('books nothing into this approved week and asks what to do with the time', async () => {
    await env.core.submission.submit(THIS_WEEK)
    await engine().start(1)
    env.clock.advance(40 * MINUTE)
    const result = stopped(await engine().stop(1))
    expect([result.entries, result.heldSeconds]).toEqual([[], 40 * 60])
    expect(await liveEntries()).toEqual([])
    const question = await heldQuestion()
    expect(question).toMatchObject({ slot: 1, timerLabel: 'Timer 1', seconds: 40 * 60, today: THIS_WEEK, todayOpen: false, keptAside: false })
    expect(question.days).toEqual([{ day: THIS_WEEK, seconds: 40 * 60, locked: true }])
    expect(question.lock).toBe('approvedStandalone')
  })

  it('a run from an approved Sunday into an open Monday books Monday and holds Sunday, and the approved week keeps its total', async () => {
    const before = await weekTotal(LAST_WEEK)
    const result = stopped(await runAcrossIntoThisWeek())
    expect(result.entries.map((e) => [e.day, e.rawSeconds])).toEqual([[THIS_WEEK, 90 * 60]])
    expect(result.heldSeconds).toBe(2 * 3600)
    expect((await heldQuestion()).days).toEqual([{ day: '2026-11-15', seconds: 2 * 3600, locked: true }])
    expect(await weekTotal(LAST_WEEK)).toBe(before)
  })

  it('a run from an open Sunday into an approved Monday books Sunday and holds Monday', async () => {
    await env.core.submission.submit(THIS_WEEK)
    env.clock.set(SUNDAY_22H)
    await engine().start(2)
    env.clock.set(MONDAY_0130)
    const result = stopped(await engine().stop(2))
    expect(result.entries.map((e) => [e.day, e.rawSeconds])).toEqual([['2026-11-15', 2 * 3600]])
    expect((await heldQuestion()).days).toEqual([{ day: THIS_WEEK, seconds: 90 * 60, locked: true }])
  })

  it('the days are those of the zone the timer ran in, not the zone the machine is in when it stops', async () => {
    await env.core.submission.submit(LAST_WEEK)
    env.clock.setTimeZone('America/New_York')
    env.clock.set(Date.parse('2026-11-16T03:00:00Z')) // Sunday 22:00 in New York, Monday 04:00 in Berlin
    await engine().start(3)
    env.clock.advance(HOUR)
    env.clock.setTimeZone('Europe/Berlin')
    const result = stopped(await engine().stop(3))
    expect(result.entries).toEqual([])
    expect((await heldQuestion()).days).toEqual([{ day: '2026-11-15', seconds: 3600, locked: true }])
  })
})

describe('answering: book it today, keep it aside, discard it', () => {
  it('"book it today" makes one draft of the held time today, without runs, and leaves the approved week as it was', async () => {
    await runAcrossIntoThisWeek()
    await answer({ action: 'book-today' })
    expect((await liveEntries()).map((e) => [e.day, e.raw_seconds, e.status])).toEqual([
      [THIS_WEEK, 90 * 60, 'draft'],
      [THIS_WEEK, 2 * 3600, 'draft'],
    ])
    expect(await engine().prompts()).toEqual([])
    expect(await weekTotal(LAST_WEEK)).toBe(0)
  })

  it('"book it today" is refused when today is locked too, and the question stays', async () => {
    await env.core.submission.submit(THIS_WEEK)
    await engine().start(1)
    env.clock.advance(HOUR)
    await engine().stop(1)
    const error = await refusal(answer({ action: 'book-today' }))
    expect(error.message).toMatch(/^Today \(Mon 16 Nov\) is in a locked period too\. .* Keep the time aside instead; nothing was changed\.$/)
    expect(await liveEntries()).toEqual([])
    expect((await heldQuestion()).keptAside).toBe(false)
  })

  it('kept aside, it survives a restart and is listed; once the period is reopened it books into the days it was worked', async () => {
    await runAcrossIntoThisWeek()
    await answer({ action: 'keep-aside' })
    expect(await engine().prompts()).toEqual([])
    const core = await env.reopen()
    const [aside] = await core.timers.keptAside()
    expect(aside).toMatchObject({ keptAside: true, seconds: 2 * 3600, fromAt: SUNDAY_22H, toAt: SUNDAY_22H + 2 * HOUR })

    const early = await refusal(core.timers.resolvePrompt(aside?.id ?? '', { action: 'book-into-days' }))
    expect(early.message).toMatch(/^2026-11-15 is still in a locked period\. .* Or book the time to today; nothing was changed\.$/)

    await core.submission.reopen(LAST_WEEK, 'Sunday night call-out was missing')
    expect((await core.timers.keptAside())[0]?.days).toEqual([{ day: '2026-11-15', seconds: 2 * 3600, locked: false }])
    await core.timers.resolvePrompt(aside?.id ?? '', { action: 'book-into-days' })
    const sunday = await core.timesheet.cellDetails('2026-11-15', { workItemId: null, activityTypeId: (await core.work.listActivityTypes()).find((t) => t.isDefault)?.id ?? null, billable: true })
    expect(sunday.entries.map((e) => [e.rawSeconds, e.ranges])).toEqual([[2 * 3600, [{ startedAt: SUNDAY_22H, endedAt: SUNDAY_22H + 2 * HOUR }]]])
    expect(await core.timers.keptAside()).toEqual([])
  })

  it('discarding books nothing and keeps the record of what was dropped', async () => {
    await runAcrossIntoThisWeek()
    await answer({ action: 'discard' })
    expect((await liveEntries()).map((e) => e.raw_seconds)).toEqual([90 * 60])
    expect([await engine().prompts(), await engine().keptAside()]).toEqual([[], []])
    expect(await env.core.store.db.selectFrom('held_time').select('state').execute()).toEqual([{ state: 'discarded' }])
  })

  it('an answer that belongs to another question is refused, and an answered one cannot be answered again', async () => {
    await runAcrossIntoThisWeek()
    const { id } = await heldQuestion()
    await expect(engine().resolvePrompt(id, { action: 'stop-at-start' })).rejects.toMatchObject({ code: 'invalid_request' })
    await engine().resolvePrompt(id, { action: 'discard' })
    await expect(engine().resolvePrompt(id, { action: 'book-today' })).rejects.toMatchObject({ code: 'conflict' })
  })
})

describe('crash-gap and idle answers never book into a locked period either', () => {
  it('a crash gap kept over an approved Sunday is held when the timer stops', async () => {
    env.clock.set(SUNDAY_22H)
    await engine().start(2)
    await live(3 * MINUTE)
    env.clock.set(Date.parse('2026-11-16T08:00:00Z')) // Stint comes back on Monday at 09:00
    const core = await env.reopen()
    await core.submission.submit(LAST_WEEK)
    const [gap] = await core.timers.prompts()
    await core.timers.resolvePrompt(gap?.id ?? '', { action: 'keep' })
    const result = stopped(await core.timers.stop(2))
    expect(result.entries.map((e) => [e.day, e.rawSeconds])).toEqual([[THIS_WEEK, 9 * 3600]])
    expect(result.heldSeconds).toBe(2 * 3600)
  })

  it('stopping at the last heartbeat on an approved Sunday holds the run instead of booking it', async () => {
    env.clock.set(SUNDAY_22H + 90 * MINUTE)
    await engine().start(2)
    await live(10 * MINUTE)
    env.clock.set(Date.parse('2026-11-16T08:00:00Z'))
    const core = await env.reopen()
    await core.submission.submit(LAST_WEEK)
    const [gap] = await core.timers.prompts()
    await core.timers.resolvePrompt(gap?.id ?? '', { action: 'stop-at-start' })
    expect(await liveEntries()).toEqual([])
    const held = (await core.timers.prompts()).find((p) => p.kind === 'locked-period')
    expect(held).toMatchObject({ seconds: 10 * 60, slot: 2 })
  })

  describe('idle time in an approved week', () => {
    const idle = { seconds: 0 }
    beforeEach(async () => {
      idle.seconds = 0
      engine().attachIdleSource({ idleSeconds: () => idle.seconds })
      await env.core.submission.submit(THIS_WEEK)
      await engine().start(1)
      await live(5 * MINUTE)
      for (let m = 1; m <= 15; m++) {
        idle.seconds = m * 60
        await live(MINUTE)
      }
      idle.seconds = 0
      await live(MINUTE)
    })
    const idleQuestion = async () => {
      const found = (await engine().prompts()).find((p) => p.kind === 'idle')
      if (!found) throw new Error('no idle question')
      return found
    }

    it('kept, it stays on the timer and is held when the timer stops', async () => {
      await engine().resolvePrompt((await idleQuestion()).id, { action: 'keep' })
      const result = stopped(await engine().stop(1))
      expect([result.entries, result.heldSeconds]).toEqual([[], 21 * 60])
      expect(await liveEntries()).toEqual([])
    })

    it('moved to another timer, it is held when that timer stops', async () => {
      await engine().resolvePrompt((await idleQuestion()).id, { action: 'move-to-timer', slot: 9 })
      const result = stopped(await engine().stop(9, { keepShort: true }))
      expect([result.entries, result.heldSeconds]).toEqual([[], 16 * 60])
      expect(await liveEntries()).toEqual([])
    })

    it('booked to a work item, it is held for a question with that work item', async () => {
      const meeting = await env.core.work.createWorkItem({ kind: 'general', title: 'Team meeting', billable: false })
      await engine().resolvePrompt((await idleQuestion()).id, { action: 'book-to-work-item', workItemId: meeting.id })
      expect(await liveEntries()).toEqual([])
      expect(await heldQuestion()).toMatchObject({ seconds: 16 * 60, workItemId: meeting.id, billable: false, slot: 1 })
    })
  })
})

describe('a ticket link', () => {
  it('stopping a ticket in an approved week books nothing there and holds the time', async () => {
    await engine().startForTicket({ ref: 'TICKET-77' })
    env.clock.advance(30 * MINUTE)
    await env.core.submission.submit(THIS_WEEK)
    const result = stopped(await engine().stopForTicket('TICKET-77'))
    expect([result.entries, result.heldSeconds]).toEqual([[], 30 * 60])
    expect(await heldQuestion()).toMatchObject({ timerLabel: 'TICKET-77', seconds: 30 * 60 })
  })
})
