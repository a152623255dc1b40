// The period lock's home: which days are locked, which lock it is, and that the writers
// cannot be reached without asking it. Pulled server copies are the server's decision.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RowKey } from '@shared/timesheet'
import { readLocalUserId } from '../profile'
import { applyPull } from '../sync/pull'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { Entries } from './entries'
import { insertEntry } from './entry-rows'
import { checkDays, lockKind } from './period-lock'

const H = 3600
const MONDAY = '2026-11-16'
let env: TempCore
let row: RowKey
beforeEach(async () => {
  env = await openTempCore() // Monday 16 November 2026, 09:00 in Berlin
  const item = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'T-7', title: 'Server room' })
  row = { workItemId: item.id, activityTypeId: null, billable: true }
})
afterEach(() => env.dispose())

describe('which lock a locked period is under', () => {
  it('standalone, an approved period says to reopen it yourself, not to ask an administrator there is none of', async () => {
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    const sheet = await env.core.submission.submit(MONDAY)
    expect(sheet.lock).toBe('approvedStandalone')
    await expect(env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 2 * H }])).rejects.toThrow(/reopen it yourself from the Timesheet, with a reason, to change it\. Nothing was changed\.$/)
  })

  it('with a team server an administrator reopens it; a submitted one is withdrawn; open and rejected ones are not locked', () => {
    expect(lockKind('approved', 'server')).toBe('approvedServer')
    expect([lockKind('submitted', 'server'), lockKind('submitted', 'standalone')]).toEqual(['submitted', 'submitted'])
    expect([lockKind('open', 'standalone'), lockKind('rejected', 'server')]).toEqual([null, null])
  })

  it('with a team server configured, the lock says an administrator reopens it', async () => {
    await env.core.submission.submit(MONDAY)
    const withServer = new Entries({ db: env.core.store.db, clock: env.clock, userId: () => 'x', mode: () => 'server', rounding: () => ({ mode: 'none', minutes: 1 }) })
    expect(withServer.lockOf('approved')).toBe('approvedServer')
  })
})

describe('which days are locked', () => {
  it('every day a stored submitted or approved period covers, and no other', async () => {
    await env.core.submission.submit(MONDAY)
    const user = await readLocalUserId(env.core.store.db)
    const { locked } = await checkDays(env.core.store.db, user, ['2026-11-15', MONDAY, '2026-11-22', '2026-11-23'])
    expect([...locked]).toEqual([
      [MONDAY, 'approved'],
      ['2026-11-22', 'approved'],
    ])
  })
})

describe('the writers cannot be reached without the lock', () => {
  it('a write to a day the lock was not asked about, or found locked, throws and writes nothing', async () => {
    await env.core.submission.submit(MONDAY)
    const db = env.core.store.db
    const user = await readLocalUserId(db)
    const entry = { workItemId: null, activityTypeId: null, billable: 1 as const, description: '', source: 'grid' as const, rawSeconds: H, roundedSeconds: H, timerId: null, timeZone: null, ranges: [] }
    await expect(
      db.transaction().execute(async (trx) => {
        const { open } = await checkDays(trx, user, ['2026-11-15'])
        await insertEntry(trx, open, user, { ...entry, day: '2026-11-14' }, 0)
      }),
    ).rejects.toThrow('time entries of 2026-11-14 were about to change without the period lock being asked')
    await expect(
      db.transaction().execute(async (trx) => {
        const { open } = await checkDays(trx, user, [MONDAY])
        await insertEntry(trx, open, user, { ...entry, day: MONDAY }, 0)
      }),
    ).rejects.toThrow(/without the period lock/)
    expect(await db.selectFrom('time_entries').select('id').execute()).toEqual([])
  })
})

describe('server copies', () => {
  it('a pulled copy of an entry in an approved period is the server’s decision and is applied (an administrator voided it)', async () => {
    const [entry] = (await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 2 * H }])).rows
    await env.core.submission.submit(MONDAY)
    const db = env.core.store.db
    const stored = await db.selectFrom('time_entries').selectAll().executeTakeFirstOrThrow()
    const user = await readLocalUserId(db)
    await db.deleteFrom('sync_outbox').execute() // the server has the entry already
    const copy = {
      id: stored.id,
      day: MONDAY,
      workItemId: entry?.workItemId ?? null,
      activityTypeId: null,
      billable: true,
      description: '',
      source: 'grid' as const,
      rawSeconds: 2 * H,
      roundedSeconds: 2 * H,
      status: 'voided' as const,
      version: 3,
      updatedAt: env.clock.now(),
      deletedAt: null,
    }
    await applyPull(db, user, { entries: [copy], periods: [], workItems: [], activityTypes: [], customers: [], contracts: [], cursor: 'r9.u9', more: false })
    expect(await db.selectFrom('time_entries').select(['status', 'server_version']).execute()).toEqual([{ status: 'voided', server_version: 3 }])
  })
})
