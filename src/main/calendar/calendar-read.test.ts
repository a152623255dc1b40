import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readableError, StintError } from '@shared/errors'
import { createTranslator } from '@shared/i18n/translator'
import type { RowKey } from '@shared/timesheet'
import { openTempCore, type TempCore } from '../testing/temp-core'

// The fake clock is at Monday 16 November 2026, 09:00 in Berlin.
let env: TempCore
let row: RowKey
const MONDAY = '2026-11-16'
const SUNDAY = '2026-11-22'
const MIN = 60_000
const GERMAN = createTranslator('de')

beforeEach(async () => {
  env = await openTempCore()
  const ticket = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'TICKET-1234', title: 'Printer jam' })
  const remote = (await env.core.work.listActivityTypes()).find((t) => t.name === 'Remote support')?.id ?? null
  row = { workItemId: ticket.id, activityTypeId: remote, billable: true }
})
afterEach(() => env.dispose())

const week = () => env.core.handlers['calendar.range']({ from: MONDAY, to: SUNDAY })

async function runTimer(slot: number, minutes: number) {
  await env.core.timers.update({ slot, workItemId: row.workItemId, activityTypeId: row.activityTypeId })
  await env.core.timers.start(slot)
  env.clock.advance(minutes * MIN)
}

async function refusal(answer: unknown): Promise<StintError> {
  const error = await Promise.resolve(answer).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof StintError)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}

describe('the calendar of a week', () => {
  it('shows a stopped timer’s entry with its run, its work item and its timer’s colour and label', async () => {
    const start = env.clock.now()
    await runTimer(2, 45)
    await env.core.timers.stop(2, { keepShort: true })
    const range = await week()
    expect(range.timeZone).toBe('Europe/Berlin')
    expect(range.days.map((d) => d.day)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'])
    const timers = await env.core.timers.list()
    expect(range.entries).toHaveLength(1)
    expect(range.entries[0]).toMatchObject({
      day: MONDAY,
      source: 'timer',
      ranges: [{ startedAt: start, endedAt: start + 45 * MIN }],
      workItem: { reference: 'TICKET-1234', title: 'Printer jam', customerName: null },
      activityName: 'Remote support',
      timer: { slot: 2, label: timers[1]?.label, color: timers[1]?.color },
    })
    expect(range.segments).toEqual([])
  })

  it('shows typed time as an entry without runs and without a timer', async () => {
    await env.core.timesheet.setCells([{ day: '2026-11-18', row, totalSeconds: 5400 }])
    const [entry] = (await week()).entries
    expect(entry).toMatchObject({ day: '2026-11-18', source: 'grid', ranges: [], timer: null, roundedSeconds: 5400 })
  })

  it('shows the segments of running and paused timers before they are booked, the open one without an end', async () => {
    const start = env.clock.now()
    await runTimer(1, 20)
    await env.core.timers.pause(1)
    env.clock.advance(10 * MIN)
    await env.core.timers.resume(1)
    env.clock.advance(5 * MIN)
    await runTimer(3, 1)
    const range = await week()
    expect(range.entries).toEqual([])
    const one = range.segments.filter((s) => s.timer.slot === 1)
    expect(one.map((s) => [s.startedAt - start, s.endedAt === null ? null : s.endedAt - start])).toEqual([
      [0, 20 * MIN],
      [30 * MIN, null],
    ])
    expect(one[0]?.workItem?.reference).toBe('TICKET-1234')
    expect(range.segments.filter((s) => s.timer.slot === 3)).toHaveLength(1)
  })

  it('leaves out time outside the span and timer segments of another week', async () => {
    await runTimer(1, 30)
    await env.core.timesheet.setCells([{ day: '2026-11-23', row, totalSeconds: 3600 }])
    const next = await env.core.handlers['calendar.range']({ from: '2026-11-23', to: '2026-11-29' })
    expect(next.segments).toEqual([])
    expect(next.entries.map((e) => e.day)).toEqual(['2026-11-23'])
    expect((await week()).entries).toEqual([])
  })

  it('marks the days of a submitted period read-only with the lock they are under, and only those', async () => {
    await env.core.timesheet.setCells([{ day: '2026-11-10', row, totalSeconds: 3600 }])
    await env.core.handlers['timesheet.submit']({ day: '2026-11-10' })
    const range = await env.core.handlers['calendar.range']({ from: '2026-11-15', to: MONDAY })
    expect(range.days[0]?.lock).toBe('approvedStandalone')
    expect(range.days[1]).toEqual({ day: MONDAY, lock: null })
  })

  it('reads the entries the grid counts: a change in the grid is in the calendar at once, a deleted entry is gone', async () => {
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 3600 }])
    expect((await week()).entries.map((e) => e.roundedSeconds)).toEqual([3600])
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 1800 }])
    expect((await week()).entries.map((e) => e.roundedSeconds)).toEqual([1800])
    const [entry] = (await week()).entries
    await env.core.timesheet.deleteEntry(entry?.id ?? '')
    expect((await week()).entries).toEqual([])
  })

  it('refuses a span that ends before it starts or is longer than six weeks, saying which', async () => {
    expect((await refusal(env.core.handlers['calendar.range']({ from: SUNDAY, to: MONDAY }))).message).toBe('The range ends (2026-11-16) before it starts (2026-11-22): the last day must be on or after the first.')
    expect((await refusal(env.core.handlers['calendar.range']({ from: '2026-01-01', to: '2026-03-01' }))).message).toBe('The calendar shows at most 42 days at once.')
  })

  it('says the same refusals by id, so a German window reads them in German, days as it writes them', async () => {
    const backwards = (await refusal(env.core.handlers['calendar.range']({ from: SUNDAY, to: MONDAY }))).body()
    expect(backwards).toMatchObject({ messageId: 'refusal.range.backwardsLastDay', values: { isoToDay: MONDAY, isoFromDay: SUNDAY } })
    expect(readableError(backwards, GERMAN)).toBe('Der Zeitraum endet (Mo 16. Nov.), bevor er beginnt (So 22. Nov.): Der letzte Tag muss am oder nach dem ersten liegen.')
    const long = (await refusal(env.core.handlers['calendar.range']({ from: '2026-01-01', to: '2026-03-01' }))).body()
    expect(readableError(long, GERMAN)).toBe('Der Kalender zeigt höchstens 42 Tage auf einmal.')
    const notDays = (await refusal(Promise.resolve().then(() => env.core.handlers['entries.list']({ from: '2026-13-01', to: '2026-12-01' })))).body()
    expect([notDays.message, readableError(notDays, GERMAN)]).toEqual(['from and to must be real dates (YYYY-MM-DD).', '„from“ und „to“ müssen gültige Datumsangaben sein (JJJJ-MM-TT).'])
    const listBackwards = (await refusal(Promise.resolve().then(() => env.core.handlers['entries.list']({ from: SUNDAY, to: MONDAY })))).body()
    expect([listBackwards.message, readableError(listBackwards, GERMAN)]).toEqual(['The range ends (2026-11-16) before it starts (2026-11-22).', 'Der Zeitraum endet (Mo 16. Nov.), bevor er beginnt (So 22. Nov.).'])
  })
})
