import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import type { RowKey, Timesheet } from '@shared/timesheet'
import { readLocalUserId } from '../profile'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { liveEntries } from '../entries/entry-reads'

const H = 3600
let env: TempCore
let row: RowKey
let other: RowKey
const MONDAY = '2026-11-16'
const TUESDAY = '2026-11-17'

beforeEach(async () => {
  env = await openTempCore() // the fake clock is at Monday 16 November 2026, 09:00 in Berlin
  const ticket = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'TICKET-1', title: 'Printer' })
  const meeting = await env.core.work.createWorkItem({ kind: 'general', title: 'Team meeting', billable: false })
  const types = await env.core.work.listActivityTypes()
  const remote = types.find((t) => t.name === 'Remote support')?.id ?? null
  row = { workItemId: ticket.id, activityTypeId: remote, billable: true }
  other = { workItemId: meeting.id, activityTypeId: remote, billable: false }
})
afterEach(() => env.dispose())

const sheet = () => env.core.timesheet
const cell = (t: Timesheet, key: RowKey, day: string) => t.rows.find((r) => r.workItemId === key.workItemId && r.activityTypeId === key.activityTypeId && r.billable === key.billable)?.cells.find((c) => c.day === day)
const stored = () => env.core.store.db.selectFrom('time_entries').select(['day', 'source', 'raw_seconds', 'rounded_seconds', 'deleted_at']).orderBy('created_at').execute()
const live = async () => (await stored()).filter((e) => e.deleted_at === null)

async function refusal(promise: Promise<unknown>): Promise<StintError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof StintError)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}

async function timerEntry(seconds: number) {
  await env.core.timers.update({ slot: 1, workItemId: row.workItemId, activityTypeId: row.activityTypeId })
  await env.core.timers.start(1)
  env.clock.advance(seconds * 1000)
  await env.core.timers.stop(1, { keepShort: true })
}

describe('the period', () => {
  it('is the week of the day, Monday first, with 8 h expected on weekdays and none at the weekend', async () => {
    const t = await sheet().load('2026-11-19')
    expect([t.start, t.end, t.status, t.lock]).toEqual([MONDAY, '2026-11-22', 'open', null])
    expect(t.days.map((d) => d.expectedSeconds / H)).toEqual([8, 8, 8, 8, 8, 0, 0])
    expect(t.rows).toEqual([])
  })

  it('a stopped timer’s entry is in its row without any action', async () => {
    await timerEntry(90 * 60)
    const t = await sheet().load(MONDAY)
    expect(cell(t, row, MONDAY)).toMatchObject({ totalSeconds: 90 * 60, fixedSeconds: 90 * 60, gridSeconds: 0, entryCount: 1 })
    expect(t.rows[0]?.totalSeconds).toBe(90 * 60)
  })
})

describe('typing a total into a cell', () => {
  it('creates one hand-entered entry, then changes that same entry, and 0 removes it', async () => {
    let t = await sheet().setCells([{ day: MONDAY, row, totalSeconds: 2 * H }])
    expect(cell(t, row, MONDAY)).toMatchObject({ totalSeconds: 2 * H, gridSeconds: 2 * H })
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: 3 * H }])
    expect(await live()).toEqual([{ day: MONDAY, source: 'grid', raw_seconds: 3 * H, rounded_seconds: 3 * H, deleted_at: null }])
    t = await sheet().setCells([{ day: MONDAY, row, totalSeconds: 0 }])
    expect(await live()).toEqual([])
    expect((await stored()).length).toBe(1) // a tombstone, not a hard delete
    expect(cell(t, row, MONDAY)?.totalSeconds).toBe(0)
  })

  it('never touches what a timer recorded: a larger total adds the difference by hand', async () => {
    await timerEntry(H)
    const t = await sheet().setCells([{ day: MONDAY, row, totalSeconds: 2.5 * H }])
    expect(cell(t, row, MONDAY)).toMatchObject({ totalSeconds: 2.5 * H, fixedSeconds: H, gridSeconds: 1.5 * H })
    expect((await live()).map((e) => [e.source, e.raw_seconds])).toEqual([
      ['timer', H],
      ['grid', 1.5 * H],
    ])
  })

  it('a total below the timer time is refused with a pointer to the details, and nothing changes', async () => {
    await timerEntry(2 * H)
    const before = await stored()
    const error = await refusal(sheet().setCells([{ day: MONDAY, row, totalSeconds: H }]))
    expect(error.code).toBe('invalid_request')
    expect(error.message).toContain("1:00 on Mon 16 Nov is less than the 2:00 recorded by timers in that cell. Typing cannot change timer time: open the cell's details")
    expect(await stored()).toEqual(before)
  })

  it('a day over 24 hours is refused with the reason, and nothing changes', async () => {
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: 20 * H }])
    const before = await stored()
    await expect(sheet().setCells([{ day: MONDAY, row: other, totalSeconds: 5 * H }])).rejects.toMatchObject({
      message: 'A day has at most 24 hours: Mon 16 Nov would have 25:00. Nothing was changed.',
    })
    expect(await stored()).toEqual(before)
  })

  it('a pasted block is all or nothing: one impossible cell keeps every other cell as it was', async () => {
    await timerEntry(3 * H)
    const before = await stored()
    const block = [
      { day: MONDAY, row: other, totalSeconds: H },
      { day: TUESDAY, row: other, totalSeconds: 2 * H },
      { day: MONDAY, row, totalSeconds: H }, // below the timer's 3 h
    ]
    await expect(sheet().setCells(block)).rejects.toMatchObject({ code: 'invalid_request' })
    expect(await stored()).toEqual(before)
    const t = await sheet().setCells(block.slice(0, 2))
    expect([cell(t, other, MONDAY)?.totalSeconds, cell(t, other, TUESDAY)?.totalSeconds]).toEqual([H, 2 * H])
  })

  it('a submitted or approved period refuses every change and says why', async () => {
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: H }])
    const now = env.clock.now()
    await env.core.store.db.insertInto('periods').values({ id: 'p1', user_id: await readLocalUserId(env.core.store.db), start_day: MONDAY, end_day: '2026-11-22', status: 'submitted', reason: null, created_at: now, updated_at: now, deleted_at: null }).execute()
    const before = await stored()
    const locked = await sheet().load(MONDAY)
    expect(locked.lock).toBe('submitted')
    const error = await refusal(sheet().setCells([{ day: TUESDAY, row, totalSeconds: H }]))
    expect([error.code, error.message.includes('read-only')]).toEqual(['conflict', true])
    await expect(sheet().addRow(MONDAY, other)).rejects.toMatchObject({ code: 'conflict' })
    await expect(sheet().setCellNote(MONDAY, row, 'late change')).rejects.toMatchObject({ code: 'conflict' })
    expect(await stored()).toEqual(before)
  })
})

describe('rows', () => {
  it('a row can be added empty, and removed while empty', async () => {
    let t = await sheet().addRow(MONDAY, other)
    expect(t.rows.map((r) => [r.workItemId, r.added, r.totalSeconds])).toEqual([[other.workItemId, true, 0]])
    await expect(sheet().addRow(MONDAY, other)).rejects.toMatchObject({ code: 'conflict', message: 'That row is already in this period.' })
    t = await sheet().removeRow(MONDAY, other)
    expect(t.rows).toEqual([])
  })

  it('a row with time in it cannot be removed', async () => {
    await sheet().setCells([{ day: TUESDAY, row, totalSeconds: H }])
    const error = await refusal(sheet().removeRow(MONDAY, row))
    expect([error.code, error.message.includes('Clear its cells first')]).toEqual(['conflict', true])
  })

  it('copies the rows of the previous period, empty', async () => {
    await sheet().setCells([{ day: '2026-11-10', row, totalSeconds: H }])
    await sheet().addRow('2026-11-10', other)
    const t = await sheet().copyPreviousRows(MONDAY)
    expect(t.rows.map((r) => [r.workItemId, r.totalSeconds]).sort()).toEqual([
      [other.workItemId, 0],
      [row.workItemId, 0],
    ].sort())
  })
})

describe('a cell’s details', () => {
  it('lists its entries with their ranges and sources, and keeps a note', async () => {
    await timerEntry(45 * 60)
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: H }])
    let details = await sheet().cellDetails(MONDAY, row)
    expect(details.entries.map((e) => [e.source, e.rawSeconds, e.ranges.length])).toEqual([
      ['timer', 45 * 60, 1],
      ['grid', 15 * 60, 0],
    ])
    details = await sheet().setCellNote(MONDAY, row, '  Called the vendor  ')
    expect(details.note).toBe('Called the vendor')
    expect(cell(await sheet().load(MONDAY), row, MONDAY)?.note).toBe('Called the vendor')
    await sheet().describeEntry(details.entries[0]?.id ?? '', 'Replaced toner')
    expect((await sheet().cellDetails(MONDAY, row)).entries[0]?.description).toBe('Replaced toner')
  })
})

describe('whose time', () => {
  it('shows and changes only this user’s entries, period status, rows and notes', async () => {
    const now = env.clock.now()
    const stranger = { user_id: 'someone-else', created_at: now, updated_at: now, deleted_at: null }
    const db = env.core.store.db
    await db
      .insertInto('time_entries')
      .values({ ...stranger, id: 'theirs', day: MONDAY, work_item_id: row.workItemId, activity_type_id: row.activityTypeId, billable: 1, description: '', source: 'grid', raw_seconds: 5 * H, rounded_seconds: 5 * H, status: 'draft', timer_id: null, time_zone: null })
      .execute()
    await db.insertInto('periods').values({ ...stranger, id: 'their-period', start_day: MONDAY, end_day: '2026-11-22', status: 'approved', reason: null }).execute()
    await db.insertInto('timesheet_rows').values({ ...stranger, id: 'their-row', period_start: MONDAY, work_item_id: other.workItemId, activity_type_id: other.activityTypeId, billable: 0 }).execute()

    let t = await sheet().load(MONDAY)
    expect([t.status, t.rows.length]).toEqual(['open', 0])
    t = await sheet().setCells([{ day: MONDAY, row, totalSeconds: 20 * H }]) // 20 h + their 5 h would break the 24 h day
    expect(cell(t, row, MONDAY)?.totalSeconds).toBe(20 * H)
    expect((await sheet().cellDetails(MONDAY, row)).entries.map((e) => e.id)).not.toContain('theirs')
    await expect(sheet().describeEntry('theirs', 'not mine')).rejects.toMatchObject({ code: 'not_found' })
    const theirs = await db.selectFrom('time_entries').select(['rounded_seconds', 'description', 'version']).where('id', '=', 'theirs').executeTakeFirstOrThrow()
    expect(theirs).toEqual({ rounded_seconds: 5 * H, description: '', version: 1 })
  })

  it('clearing a cell leaves a tombstone with a new version, for sync', async () => {
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: H }])
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: 0 }])
    const rows = await env.core.store.db.selectFrom('time_entries').select(['version', 'deleted_at']).execute()
    expect(rows).toEqual([{ version: 2, deleted_at: env.clock.now() }])
  })
})

describe('the period query', () => {
  it('reads one user’s period through an index led by (user, day), never by scanning every entry', async () => {
    const query = liveEntries(env.core.store.db, await readLocalUserId(env.core.store.db), MONDAY, '2026-11-22').compile()
    const plan = env.core.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[]
    const details = plan.map((step) => step.detail).join(' | ')
    expect(details).toMatch(/SEARCH time_entries USING INDEX time_entries_by_user_day_(?:row|id) \(user_id=\? AND day>\? AND day<\?\)/)
    expect(details).not.toMatch(/SCAN time_entries/)
  })
})
