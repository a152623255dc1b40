// A cell's details lead somewhere: in an open period each entry's duration (and a timer
// entry's runs) can be changed, or the entry deleted, with timer time rounded again from
// the raw seconds. A locked period refuses every edit with its reason, and so does a
// day that would have more than 24 hours; a refusal changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CellDetails, RowKey } from '@shared/timesheet'
import { openTempCore, type TempCore } from '../testing/temp-core'

const MINUTE = 60_000
const H = 3600
const MONDAY = '2026-11-16'
/** 09:00 in Berlin on Monday 16 November 2026 (the fake clock's start), plus 12 seconds. */
const NINE = Date.parse('2026-11-16T08:00:12Z')

let env: TempCore
let row: RowKey
beforeEach(async () => {
  env = await openTempCore()
  env.settings.update({ timers: { rounding: { mode: 'up', minutes: 15 } } })
  const item = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'T-7', title: 'Server room' })
  const remote = (await env.core.work.listActivityTypes()).find((t) => t.isDefault)?.id ?? null
  row = { workItemId: item.id, activityTypeId: remote, billable: true }
  await env.core.timers.update({ slot: 1, workItemId: item.id, activityTypeId: remote })
})
afterEach(() => env.dispose())

const sheet = () => env.core.timesheet
const stored = () => env.core.store.db.selectFrom('time_entries').select(['raw_seconds', 'rounded_seconds', 'version', 'deleted_at', 'description']).orderBy('created_at').execute()
/** A timer entry 09:00:12–09:40:12 on Monday. */
async function timerEntry(): Promise<CellDetails['entries'][number]> {
  env.clock.set(NINE)
  await env.core.timers.start(1)
  env.clock.advance(40 * MINUTE)
  await env.core.timers.stop(1)
  const [entry] = (await sheet().cellDetails(MONDAY, row)).entries
  if (!entry) throw new Error('no timer entry')
  return entry
}
const refused = (promise: Promise<unknown>) => promise.then(() => 'changed', (e: unknown) => (e as Error).message)

describe('in an open period', () => {
  it('shows each entry with its zone, raw and rounded values, and that the cell is open', async () => {
    const entry = await timerEntry()
    expect(entry).toMatchObject({ timeZone: 'Europe/Berlin', rawSeconds: 40 * 60, roundedSeconds: 45 * 60, source: 'timer' })
    expect((await sheet().cellDetails(MONDAY, row)).lock).toBeNull()
  })

  it('a timer entry’s duration changed is rounded again from the new raw time; its runs stay as recorded', async () => {
    const entry = await timerEntry()
    const details = await sheet().setEntryDuration(entry.id, 50 * 60)
    expect(details.entries.map((e) => [e.rawSeconds, e.roundedSeconds, e.ranges.length])).toEqual([[50 * 60, 60 * 60, 1]])
    expect((await stored())[0]?.version).toBe(2)
  })

  it('typed time changed from the details is billed as typed', async () => {
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: H }])
    const [typed] = (await sheet().cellDetails(MONDAY, row)).entries
    const details = await sheet().setEntryDuration(typed?.id ?? '', 50 * 60 + 7)
    expect(details.entries.map((e) => [e.source, e.rawSeconds, e.roundedSeconds])).toEqual([['grid', 50 * 60 + 7, 50 * 60 + 7]])
  })

  it('a timer entry’s runs can be moved and added; the duration follows, rounded again, and an unchanged time keeps its seconds', async () => {
    const entry = await timerEntry()
    const details = await sheet().setEntryRuns(entry.id, [
      { start: '09:00', end: '09:55' },
      { start: '13:00', end: '13:20' },
    ])
    const [changed] = details.entries
    expect(changed?.ranges).toEqual([
      { startedAt: NINE, endedAt: Date.parse('2026-11-16T08:55:00Z') },
      { startedAt: Date.parse('2026-11-16T12:00:00Z'), endedAt: Date.parse('2026-11-16T12:20:00Z') },
    ])
    expect([changed?.rawSeconds, changed?.roundedSeconds]).toEqual([55 * 60 - 12 + 20 * 60, 75 * 60])
  })

  it('runs that overlap or end before they start are refused, and nothing changes', async () => {
    const entry = await timerEntry()
    const before = await stored()
    expect(await refused(sheet().setEntryRuns(entry.id, [{ start: '09:00', end: '10:00' }, { start: '09:30', end: '11:00' }]))).toBe('Two runs overlap (09:00–10:00 and 09:30–11:00); time is counted once. Nothing was changed.')
    expect(await refused(sheet().setEntryRuns(entry.id, [{ start: '10:00', end: '09:00' }]))).toBe('Run 1 ends (09:00) before it starts (10:00). Nothing was changed.')
    expect(await stored()).toEqual(before)
  })

  it('time typed as a duration has no start and end to change', async () => {
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: H }])
    const [typed] = (await sheet().cellDetails(MONDAY, row)).entries
    expect(await refused(sheet().setEntryRuns(typed?.id ?? '', [{ start: '09:00', end: '10:00' }]))).toBe('This entry was typed as a duration, so it has no start and end; change its duration instead. Nothing was changed.')
  })

  it('a manual entry with times gets a new start and end, billed as typed', async () => {
    const [manual] = await sheet().createEntries(row, 'Call', { startedAt: Date.parse('2026-11-16T09:00:00Z'), endedAt: Date.parse('2026-11-16T09:30:00Z') })
    const details = await sheet().setEntryRuns(manual?.id ?? '', [{ start: '10:05', end: '10:12' }])
    expect(details.entries.map((e) => [e.source, e.rawSeconds, e.roundedSeconds, e.ranges])).toEqual([['manual', 7 * 60, 7 * 60, [{ startedAt: Date.parse('2026-11-16T09:05:00Z'), endedAt: Date.parse('2026-11-16T09:12:00Z') }]]])
  })

  it('a manual entry with times given a new duration keeps its start and moves its end, within its day', async () => {
    const [manual] = await sheet().createEntries(row, '', { startedAt: Date.parse('2026-11-16T09:00:00Z'), endedAt: Date.parse('2026-11-16T09:30:00Z') })
    const details = await sheet().setEntryDuration(manual?.id ?? '', 45 * 60)
    expect(details.entries[0]?.ranges).toEqual([{ startedAt: Date.parse('2026-11-16T09:00:00Z'), endedAt: Date.parse('2026-11-16T09:45:00Z') }])
    expect(await refused(sheet().setEntryDuration(manual?.id ?? '', 15 * H))).toBe('15:00 from 10:00 would end after midnight; change its start and end instead. Nothing was changed.')
  })

  it('an entry can be deleted: it leaves a tombstone for sync and the cell is empty', async () => {
    const entry = await timerEntry()
    const details = await sheet().deleteEntry(entry.id)
    expect(details.entries).toEqual([])
    expect((await stored()).map((e) => [e.version, e.deleted_at !== null])).toEqual([[2, true]])
  })

  it('a day over 24 hours is refused with the reason, and nothing changes', async () => {
    const entry = await timerEntry()
    await sheet().setCells([{ day: MONDAY, row: { ...row, billable: false }, totalSeconds: 20 * H }])
    const before = await stored()
    expect(await refused(sheet().setEntryDuration(entry.id, 5 * H))).toBe('A day has at most 24 hours: Mon 16 Nov would have 25:00. Nothing was changed.')
    expect(await refused(sheet().setEntryRuns(entry.id, [{ start: '00:00', end: '05:00' }]))).toBe('A day has at most 24 hours: Mon 16 Nov would have 25:00. Nothing was changed.')
    expect(await stored()).toEqual(before)
  })
})

describe('in a locked period', () => {
  it('every edit from the details is refused with the reason, and nothing changes', async () => {
    const entry = await timerEntry()
    await env.core.submission.submit(MONDAY)
    const before = await stored()
    const reason = /^This period is approved and locked\. .*reopen it yourself.* Nothing was changed\.$/
    expect((await sheet().cellDetails(MONDAY, row)).lock).toBe('approvedStandalone')
    expect(await refused(sheet().setEntryDuration(entry.id, H))).toMatch(reason)
    expect(await refused(sheet().setEntryRuns(entry.id, [{ start: '09:00', end: '10:00' }]))).toMatch(reason)
    expect(await refused(sheet().deleteEntry(entry.id))).toMatch(reason)
    expect(await refused(sheet().describeEntry(entry.id, 'after the fact'))).toMatch(reason)
    expect(await stored()).toEqual(before)
  })
})
