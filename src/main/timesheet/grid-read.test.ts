import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RowKey } from '@shared/timesheet'
import { readLocalUserId } from '../profile'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { GRID_SQL, gridParameters } from './grid-read'

const H = 3600
const MONDAY = '2026-11-16'
const TUESDAY = '2026-11-17'
let env: TempCore
let row: RowKey

beforeEach(async () => {
  env = await openTempCore() // the fake clock is at Monday 16 November 2026, 09:00 in Berlin
  const ticket = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'TICKET-1', title: 'Printer' })
  row = { workItemId: ticket.id, activityTypeId: null, billable: true }
})
afterEach(() => env.dispose())

const sheet = () => env.core.timesheet

describe('the grid in one read', () => {
  it('folds cells, a row added by hand and a note into rows of one cell per day', async () => {
    const meeting = await env.core.work.createWorkItem({ kind: 'general', title: 'Team meeting', billable: false })
    const empty: RowKey = { workItemId: meeting.id, activityTypeId: null, billable: false }
    await sheet().setCells([
      { day: MONDAY, row, totalSeconds: 2 * H },
      { day: TUESDAY, row, totalSeconds: H },
    ])
    await sheet().setCellNote(TUESDAY, row, 'Called the vendor')
    await sheet().addRow(MONDAY, empty)
    const t = await sheet().load(TUESDAY)
    expect(t.rows.map((r) => [r.workItemId, r.added, r.totalSeconds, r.cells.length])).toEqual([
      [meeting.id, true, 0, 7], // "team meeting" before "ticket-1"
      [row.workItemId, true, 3 * H, 7],
    ])
    expect(t.rows[1]?.cells.slice(0, 3)).toEqual([
      { day: MONDAY, totalSeconds: 2 * H, fixedSeconds: 0, gridSeconds: 2 * H, entryCount: 1, note: null },
      { day: TUESDAY, totalSeconds: H, fixedSeconds: 0, gridSeconds: H, entryCount: 1, note: 'Called the vendor' },
      { day: '2026-11-18', totalSeconds: 0, fixedSeconds: 0, gridSeconds: 0, entryCount: 0, note: null },
    ])
  })

  it('a cleared cell counts no entry, and its row stays', async () => {
    await sheet().setCells([{ day: MONDAY, row, totalSeconds: H }])
    const t = await sheet().setCells([{ day: MONDAY, row, totalSeconds: 0 }])
    expect(t.rows.map((r) => [r.workItemId, r.totalSeconds, r.cells[0]?.entryCount])).toEqual([[row.workItemId, 0, 0]])
  })

  it('a load while another change is half done waits for it to commit, and never shows half of it', async () => {
    // Two cells written in one transaction; the grid is asked for in between the two writes.
    const loads: Promise<number>[] = []
    const user = await readLocalUserId(env.core.store.db)
    const now = env.clock.now()
    const entry = (id: string, day: string, seconds: number) =>
      ({ id, user_id: user, day, work_item_id: row.workItemId, activity_type_id: null, billable: 1, description: '', source: 'grid', raw_seconds: seconds, rounded_seconds: seconds, status: 'draft', timer_id: null, time_zone: null, created_at: now, updated_at: now, deleted_at: null }) as const
    await env.core.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('time_entries').values(entry('first', MONDAY, H)).execute()
      loads.push(sheet().load(MONDAY).then((t) => t.rows.reduce((sum, r) => sum + r.totalSeconds, 0)))
      await new Promise((resolve) => setTimeout(resolve, 10))
      await trx.insertInto('time_entries').values(entry('second', TUESDAY, 2 * H)).execute()
    })
    expect(await Promise.all(loads)).toEqual([3 * H])
  })

  it('reads through indexes led by the user, never by scanning a table', async () => {
    const user = await readLocalUserId(env.core.store.db)
    const plan = (sql: string, parameters: unknown[]) =>
      (env.core.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((step) => step.detail).join(' | ')
    const grid = plan(GRID_SQL, gridParameters(user, MONDAY, '2026-11-22'))
    expect(grid).toMatch(/SEARCH time_entries USING INDEX time_entries_by_user_day_(?:row|id) \(user_id=\? AND day>\? AND day<\?\)/)
    expect(grid).toMatch(/SEARCH timesheet_rows USING INDEX timesheet_rows_by_user_period/)
    expect(grid).toMatch(/SEARCH cell_notes USING INDEX cell_notes_by_user_day/)
    expect(grid).toMatch(/SEARCH p USING INDEX periods_by_user_start/)
    expect(grid).toMatch(/SEARCH e USING INDEX period_events_by_period/)
    expect(grid).toMatch(/SEARCH sync_outbox USING COVERING INDEX sync_outbox_by_entity/)
    expect(grid).not.toMatch(/\bSCAN (time_entries|timesheet_rows|cell_notes|periods|p|period_events|e|sync_outbox)\b/)
  })
})
