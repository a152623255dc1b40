import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readableSentence } from '@shared/errors'
import { createTranslator } from '@shared/i18n/translator'
import type { Database } from '../db/schema'
import type { MutationResult, PullResponse } from '@shared/sync'
import { readLocalUserId } from '../profile'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { enqueuePeriodMove, pendingCount, setAside, settleBatch, splitBatch, takeBatch } from './outbox'
import { applyPull, readCursor } from './pull'

let env: TempCore
const H = 3600
const MONDAY = '2026-11-16'
beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

const db = () => env.core.store.db
const clearOutbox = () => db().deleteFrom('sync_outbox').execute() // what a first sync of the seeded activity types would have done
const row = { workItemId: null, activityTypeId: null, billable: true }
const applied = (id: string, version: number): MutationResult => ({ id, status: 'applied', version })
const emptyPage: PullResponse = { entries: [], periods: [], workItems: [], activityTypes: [], customers: [], contracts: [], cursor: 'r0.u0', more: false }

describe('the outbox', () => {
  it('records every change of a synced row, whatever wrote it', async () => {
    await clearOutbox()
    const item = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'T-1', title: 'Printer' })
    await env.core.timesheet.setCells([{ day: MONDAY, row: { ...row, workItemId: item.id }, totalSeconds: H }])
    const lines = await db().selectFrom('sync_outbox').select(['entity', 'entity_id']).orderBy('seq').execute()
    expect(lines.map((l) => l.entity)).toEqual(['workItem', 'entry'])
    expect(await pendingCount(db())).toBe(2)
  })

  it('sends several changes of one row as one mutation with the row as it is now, reference data first', async () => {
    await clearOutbox()
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 2 * H }])
    const item = await env.core.work.createWorkItem({ kind: 'general', title: 'Admin' })
    const batch = await takeBatch(db(), 500)
    expect(batch?.mutations.map((m) => m.type)).toEqual(['workItem.put', 'entry.put'])
    const entry = batch?.mutations[1]
    expect(entry?.type === 'entry.put' && [entry.baseVersion, entry.entry.roundedSeconds]).toEqual([null, 2 * H])
    expect(batch?.mutations[0]?.type === 'workItem.put' && batch.mutations[0].item.id).toBe(item.id)
  })

  it('freezes a batch until the server answers it: a retry sends the same ids, later edits wait', async () => {
    await clearOutbox()
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    const first = await takeBatch(db(), 500)
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 3 * H }]) // while the push is in the air
    const retry = await takeBatch(db(), 500)
    expect(retry).toEqual(first)

    const [mutation] = first?.mutations ?? []
    if (!first || !mutation) throw new Error('no batch')
    await settleBatch(db(), first, [applied(mutation.id, 1)], env.clock.now())
    const stored = await db().selectFrom('time_entries').select(['server_version']).executeTakeFirstOrThrow()
    expect(stored.server_version).toBe(1)
    const next = await takeBatch(db(), 500)
    expect(next?.mutations.map((m) => m.type === 'entry.put' && [m.id !== mutation.id, m.baseVersion, m.entry.roundedSeconds])).toEqual([[true, 1, 3 * H]])
  })

  it('keeps the batch queued when the answer is incomplete', async () => {
    await clearOutbox()
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    const batch = await takeBatch(db(), 500)
    if (!batch) throw new Error('no batch')
    await expect(settleBatch(db(), batch, [], env.clock.now())).rejects.toThrow(/did not answer mutation/)
    expect(await takeBatch(db(), 500)).toEqual(batch)
  })

  it('turns a conflict or a refusal into an issue and leaves the local row as the user left it', async () => {
    await clearOutbox()
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    await env.core.timesheet.setCells([{ day: '2026-11-17', row, totalSeconds: 2 * H }])
    const batch = await takeBatch(db(), 500)
    const [a, b] = batch?.mutations ?? []
    if (!batch || !a || !b) throw new Error('no batch')
    const result = await settleBatch(db(), batch, [
      { id: a.id, status: 'conflict', reason: 'Changed on another device.', current: { roundedSeconds: 5 * H } },
      { id: b.id, status: 'refused', reason: 'The period 16–22 Nov 2026 is approved.' },
    ], env.clock.now())
    expect(result.issues).toBe(2)
    const issues = await db().selectFrom('sync_issues').select(['kind', 'reason', 'server_copy']).orderBy('kind').execute()
    expect(issues).toEqual([
      { kind: 'conflict', reason: 'Changed on another device.', server_copy: JSON.stringify({ roundedSeconds: 5 * H }) },
      { kind: 'refused', reason: 'The period 16–22 Nov 2026 is approved.', server_copy: null },
    ])
    const totals = await db().selectFrom('time_entries').select('rounded_seconds').where('deleted_at', 'is', null).orderBy('day').execute()
    expect(totals.map((t) => t.rounded_seconds)).toEqual([H, 2 * H])
    expect(await takeBatch(db(), 500)).toBeNull()
  })

  it('keeps the server’s refusal id and values with an issue, so it reads in German; an issue without one shows its reason as given', async () => {
    await clearOutbox()
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    await env.core.timesheet.setCells([{ day: '2026-11-17', row, totalSeconds: 2 * H }])
    const batch = await takeBatch(db(), 500)
    const [a, b] = batch?.mutations ?? []
    if (!batch || !a || !b) throw new Error('no batch')
    const span = { isoStartDay: MONDAY, isoEndDay: '2026-11-22' }
    const locked = 'The period 2026-11-16 – 2026-11-22 is approved and locked; an administrator can reopen it. This change was not applied.'
    await settleBatch(db(), batch, [
      { id: a.id, status: 'refused', reason: locked, messageId: 'refusal.sync.periodApproved', values: span },
      { id: b.id, status: 'refused', reason: 'Refused by an older server.' },
    ], env.clock.now())
    const issues = await env.core.team.issues()
    expect(issues.map((i) => [i.reason, i.messageId, i.values])).toEqual([
      [locked, 'refusal.sync.periodApproved', span],
      ['Refused by an older server.', undefined, undefined],
    ])
    const german = createTranslator('de')
    const shown = issues.map((i) => readableSentence(i.reason, i, german))
    expect(shown).toEqual([
      'Der Zeitraum Mo 16. Nov. – So 22. Nov. ist genehmigt und gesperrt; ein Administrator kann ihn wieder öffnen. Diese Änderung wurde nicht übernommen.',
      'Refused by an older server.',
    ])
  })

  it('sends a batch again in the order it was made: the work item before the entry booked on it, even when the item changed last', async () => {
    await clearOutbox()
    const item = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'T-1', title: 'Printer' })
    await env.core.timesheet.setCells([{ day: MONDAY, row: { ...row, workItemId: item.id }, totalSeconds: H }])
    await env.core.work.updateWorkItem(item.id, { kind: 'ticket', reference: 'T-1', title: 'Printer offline' })
    const first = await takeBatch(db(), 500)
    expect(first?.mutations.map((m) => m.type)).toEqual(['workItem.put', 'entry.put'])
    expect(await takeBatch(db(), 500)).toEqual(first)
  })

  it('splits a batch in halves with the same ids, sends the first half first, and can leave one aside for later', async () => {
    await clearOutbox()
    await env.core.timesheet.setCells(['2026-11-16', '2026-11-17', '2026-11-18'].map((day) => ({ day, row, totalSeconds: H })))
    const batch = await takeBatch(db(), 500)
    if (!batch) throw new Error('no batch')
    const [firstHalf, secondHalf] = await splitBatch(db(), batch)
    const a = await takeBatch(db(), 500)
    expect(a?.id).toBe(firstHalf)
    expect(a?.mutations).toEqual(batch.mutations.slice(0, 2))
    const b = await takeBatch(db(), 500, [firstHalf])
    expect(b).toEqual({ id: secondHalf, mutations: batch.mutations.slice(2) })
    await setAside(db(), b ?? batch, { id: 'refusal.sync.setAside', values: { status: '500', said: 'boom' } }, env.clock.now())
    expect(await db().selectFrom('sync_issues').select(['kind', 'reason', 'message_id', 'message_values']).execute()).toEqual([
      {
        kind: 'refused',
        reason: 'The team server could not take this change (HTTP 500: boom). It was set aside so that your other changes could sync: fix it and it is sent again, send it again as it is, or discard it.',
        message_id: 'refusal.sync.setAside',
        message_values: JSON.stringify({ status: '500', said: 'boom' }),
      },
    ])
    expect(await takeBatch(db(), 500, [firstHalf])).toBeNull()
    expect(await pendingCount(db())).toBe(2)
  })

  it('keeps period moves in order, never merged', async () => {
    await clearOutbox()
    await db().transaction().execute(async (trx) => {
      await enqueuePeriodMove(trx, { type: 'period.submit', start: MONDAY, end: '2026-11-22' }, 1)
      await enqueuePeriodMove(trx, { type: 'period.withdraw', start: MONDAY }, 2)
      await enqueuePeriodMove(trx, { type: 'period.submit', start: MONDAY, end: '2026-11-22' }, 3)
    })
    const batch = await takeBatch(db(), 500)
    expect(batch?.mutations.map((m) => m.type)).toEqual(['period.submit', 'period.withdraw', 'period.submit'])
  })
})

/** The same database, counting every statement sent to SQLite. */
function counting(): { db: Kysely<Database>; statements: () => number } {
  let n = 0
  const counted = db().withPlugin({
    transformQuery: ({ node }) => {
      n++
      return node
    },
    transformResult: ({ result }) => Promise.resolve(result),
  })
  return { db: counted, statements: () => n }
}

/** A device back from a long time offline: `count` new entries, each one change waiting to be sent. */
async function backlog(count: number): Promise<void> {
  const user = await readLocalUserId(db())
  await sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, timer_id, time_zone, created_at, updated_at, deleted_at)
    SELECT 'e' || i, ${user}, date('2026-01-01', '+' || (i % 300) || ' days'), NULL, NULL, 1, 'offline work', 'grid', 600, 600, 'draft', NULL, NULL, 1, 1, NULL FROM n`.execute(db())
}

describe('a long backlog', () => {
  it('forms and settles each batch with a handful of statements, however long the backlog', async () => {
    await clearOutbox()
    await backlog(3000)
    const { db: counted, statements } = counting()
    const batch = await takeBatch(counted, 500)
    const taking = statements()
    expect(batch?.mutations).toHaveLength(500)
    if (!batch) throw new Error('no batch')
    await settleBatch(counted, batch, batch.mutations.map((m, i) => (i === 0 ? { id: m.id, status: 'refused', reason: 'No.' } : applied(m.id, 1))), env.clock.now())
    expect([taking, statements() - taking].map((n) => n <= 12)).toEqual([true, true])
    expect(await pendingCount(db())).toBe(2500)
    expect(await db().selectFrom('time_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('server_version', '=', 1).executeTakeFirstOrThrow()).toEqual({ n: 499 })
    expect(await db().selectFrom('sync_issues').select(['entity_id', 'reason']).execute()).toEqual([{ entity_id: 'e1', reason: 'No.' }])
  })
})

describe('applying a pull', () => {
  it('stores the server’s rows without echoing them back, and moves the cursor', async () => {
    await clearOutbox()
    const user = await readLocalUserId(db())
    const changed = await applyPull(db(), user, {
      ...emptyPage,
      workItems: [{ id: 'w1', kind: 'ticket', reference: 'SRV-1', title: 'From the server', customerId: null, contractId: null, billable: true, active: true, version: 3, updatedAt: 10, deletedAt: null }],
      entries: [{ id: 'e1', day: MONDAY, workItemId: 'w1', activityTypeId: null, billable: true, description: 'other device', source: 'grid', rawSeconds: H, roundedSeconds: H, status: 'draft', version: 2, updatedAt: 10, deletedAt: null }],
      cursor: 'r42.u42',
    })
    expect(changed).toBe(2)
    expect(await readCursor(db())).toBe('r42.u42')
    expect(await pendingCount(db())).toBe(0)
    const sheet = await env.core.timesheet.load(MONDAY)
    expect(sheet.rows.map((r) => [r.workItemId, r.totalSeconds])).toEqual([['w1', H]])
  })

  it('leaves a row with a change waiting to be sent alone', async () => {
    await clearOutbox()
    const user = await readLocalUserId(db())
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    const mine = await db().selectFrom('time_entries').selectAll().executeTakeFirstOrThrow()
    await applyPull(db(), user, {
      ...emptyPage,
      entries: [{ id: mine.id, day: MONDAY, workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 9 * H, roundedSeconds: 9 * H, status: 'draft', version: 5, updatedAt: 10, deletedAt: null }],
      cursor: 'r7.u7',
    })
    const after = await db().selectFrom('time_entries').select(['rounded_seconds', 'server_version']).executeTakeFirstOrThrow()
    expect(after).toEqual({ rounded_seconds: H, server_version: null })
  })

  it('takes its own pushed change coming back as news of nothing, and a newer copy in place of the row', async () => {
    await clearOutbox()
    const user = await readLocalUserId(db())
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    const batch = await takeBatch(db(), 500)
    const [mutation] = batch?.mutations ?? []
    if (!batch || mutation?.type !== 'entry.put') throw new Error('no batch')
    await settleBatch(db(), batch, [applied(mutation.id, 4)], env.clock.now())
    const mine = mutation.entry
    const asServer = { ...mine, status: 'draft' as const, version: 4 }

    const echoed = await applyPull(db(), user, { ...emptyPage, entries: [asServer], cursor: 'r1.u1' })
    expect(echoed).toBe(0)

    const newer = await applyPull(db(), user, { ...emptyPage, entries: [{ ...asServer, rawSeconds: 2 * H, roundedSeconds: 2 * H, version: 5, updatedAt: mine.updatedAt + 1 }], cursor: 'r2.u2' })
    expect(newer).toBe(1)
    const stored = await db().selectFrom('time_entries').select(['rounded_seconds', 'server_version', 'user_id']).where('id', '=', mine.id).executeTakeFirstOrThrow()
    expect(stored).toEqual({ rounded_seconds: 2 * H, server_version: 5, user_id: user })
    expect(await pendingCount(db())).toBe(0)
  })

  it('takes the server’s decision on a period, with its history', async () => {
    const user = await readLocalUserId(db())
    await applyPull(db(), user, {
      ...emptyPage,
      periods: [
        {
          id: 'p1',
          start: MONDAY,
          end: '2026-11-22',
          status: 'rejected',
          level: null,
          reason: 'Friday is missing',
          version: 3,
          updatedAt: 20,
          events: [{ id: 'ev1', at: 20, actorName: 'Ana Approver', from: 'submitted', to: 'rejected', level: 1, reason: 'Friday is missing' }],
        },
      ],
      cursor: 'r9.u9',
    })
    const sheet = await env.core.timesheet.load(MONDAY)
    expect([sheet.status, sheet.lock]).toEqual(['rejected', null])
    expect(await db().selectFrom('period_events').select(['actor', 'to_status', 'reason']).execute()).toEqual([{ actor: 'Ana Approver', to_status: 'rejected', reason: 'Friday is missing' }])
  })
})

describe("an entry's timer runs", () => {
  const entryOf = (batch: Awaited<ReturnType<typeof takeBatch>>, source: string) => batch?.mutations.flatMap((m) => (m.type === 'entry.put' && m.entry.source === source ? [m.entry] : []))[0]

  it('travel with the entry as its ranges are when the batch is made: zone and primary mark; typed time sends none', async () => {
    await clearOutbox()
    await env.core.timers.start(1) // 09:00 in Berlin
    env.clock.advance(H * 1000)
    await env.core.timers.stop(1, { keepShort: true })
    await env.core.timesheet.setCells([{ day: MONDAY, row: { ...row, billable: false }, totalSeconds: H }])
    await db().updateTable('time_entry_ranges').set({ is_primary: 1 }).execute()
    const first = await takeBatch(db(), 500)
    const timed = entryOf(first, 'timer')
    expect(timed?.runs).toEqual([{ startedAt: env.clock.now() - H * 1000, endedAt: env.clock.now(), zone: 'Europe/Berlin', primary: true }])
    expect(entryOf(first, 'grid')).not.toHaveProperty('runs')
    if (!first || !timed) throw new Error('no batch')

    // A run changed while the batch is in the air goes in the next batch, as the entry is then.
    await env.core.timesheet.setEntryRuns(timed.id, [{ start: '09:00', end: '09:20' }, { start: '09:40', end: '10:00' }])
    expect(await takeBatch(db(), 500)).toEqual(first)
    await settleBatch(db(), first, first.mutations.map((m) => applied(m.id, 1)), env.clock.now())
    const next = entryOf(await takeBatch(db(), 500), 'timer')
    expect(next?.runs?.map((r) => [(r.endedAt - r.startedAt) / 60_000, r.zone])).toEqual([
      [20, 'Europe/Berlin'],
      [20, 'Europe/Berlin'],
    ])
  })

  it("fall back to the machine's zone, then UTC, when the entry's is unknown", async () => {
    await clearOutbox()
    await env.core.timers.start(1)
    env.clock.advance(H * 1000)
    await env.core.timers.stop(1, { keepShort: true })
    await db().updateTable('time_entries').set({ time_zone: 'Mars/Base' }).execute()
    expect(entryOf(await takeBatch(db(), 500, [], 'America/New_York'), 'timer')?.runs?.[0]?.zone).toBe('America/New_York')
    await db().deleteFrom('sync_outbox').execute()
    await db().updateTable('time_entries').set({ description: 'again' }).execute()
    expect(entryOf(await takeBatch(db(), 500, [], 'Moon/Crater'), 'timer')?.runs?.[0]?.zone).toBe('UTC')
  })
})
