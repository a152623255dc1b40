// The tray's Recent list: the last few distinct entries stopped timers booked.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { readLocalUserId } from '../profile'
import { recentStoppedQuery } from './entry-reads'

let env: TempCore
beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

async function run(workItemId: string | null, note: string) {
  await env.core.timers.update({ slot: 1, workItemId, note })
  await env.core.timers.start(1)
  env.clock.advance(10 * 60_000)
  await env.core.timers.stop(1)
  env.clock.advance(60_000)
}

it('lists the newest stopped entries once each, with the work item and the note, at most five', async () => {
  const router = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'TICKET-7', title: 'Router swap' })
  const printer = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'TICKET-9', title: 'Printer' })
  await run(router.id, 'Cabling')
  await run(printer.id, '')
  await run(router.id, 'Cabling') // the same as the first: listed once, as the newer one
  await run(null, 'Admin\nand more')
  for (let n = 0; n < 4; n++) await run(printer.id, `Visit ${n}`)
  await env.core.timesheet.createEntries({ workItemId: router.id, activityTypeId: null, billable: true }, 'typed', { day: '2026-11-16', seconds: 60 }) // not a stopped timer
  const recent = await env.core.entries.recentStopped()
  expect(recent.map((r) => r.label)).toEqual(['TICKET-9 · Visit 3', 'TICKET-9 · Visit 2', 'TICKET-9 · Visit 1', 'TICKET-9 · Visit 0', 'No work item · Admin'])
  expect((await env.core.entries.recentStopped(9)).map((r) => r.label).slice(5)).toEqual(['TICKET-7 · Cabling', 'TICKET-9'])
})

it('reads the newest days through the (user, day) index, never scanning or sorting all of a person’s entries', async () => {
  const query = recentStoppedQuery(env.core.store.db, await readLocalUserId(env.core.store.db), 5).compile()
  const plan = (env.core.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[]).map((step) => step.detail).join(' | ')
  expect(plan).toMatch(/SEARCH time_entries USING INDEX time_entries_by_user_day_(?:row|id) \(user_id=\?\)/)
  expect(plan).not.toMatch(/\bSCAN time_entries\b/)
  expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
})
