import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RowKey } from '@shared/timesheet'
import { openTempCore, type TempCore } from '../testing/temp-core'

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

describe('submitting without a team server', () => {
  it('summarises the period first: totals, billable share, empty days and timers still running', async () => {
    await env.core.timesheet.setCells([
      { day: MONDAY, row, totalSeconds: 8 * H },
      { day: '2026-11-17', row: { ...row, billable: false }, totalSeconds: 2 * H },
    ])
    await env.core.timers.start(3)
    env.clock.set(Date.UTC(2026, 10, 20, 8)) // Friday: the whole week has begun
    const summary = await env.core.submission.summary(MONDAY)
    expect([summary.totalSeconds, summary.billableSeconds, summary.expectedSeconds]).toEqual([10 * H, 8 * H, 40 * H])
    expect(summary.emptyDays).toEqual(['2026-11-18', '2026-11-19', '2026-11-20'])
    expect(summary.activeTimers).toEqual([{ slot: 3, label: expect.any(String) as string, state: 'running' }])
    expect(summary.mode).toBe('standalone')
  })

  it('says how much wall-clock time two or more billable timers ran at once; non-billable time does not count', async () => {
    const at = (h: number, m = 0) => Date.UTC(2026, 10, 16, h - 1, m) // Monday, hh:mm in Berlin
    const other = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'T-8', title: 'Printer' })
    const row2 = { ...row, workItemId: other.id }
    await env.core.timesheet.createEntries(row, 'patching', { startedAt: at(9), endedAt: at(11) })
    await env.core.timesheet.createEntries(row2, 'call', { startedAt: at(10), endedAt: at(10, 45) })
    await env.core.timesheet.createEntries({ ...row2, billable: false }, 'coffee chat', { startedAt: at(9), endedAt: at(12) })
    expect((await env.core.submission.summary(MONDAY)).overlappedSeconds).toBe(45 * 60)
  })

  it('counts only the days up to today: on Thursday, Friday expects nothing yet and is not a working day with no time', async () => {
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 8 * H }])
    env.clock.set(Date.UTC(2026, 10, 19, 22, 30)) // Thursday 19 November, 23:30 in Berlin (already Thursday night, not yet Friday)
    const summary = await env.core.submission.summary(MONDAY)
    expect(summary.expectedSeconds).toBe(32 * H)
    expect(summary.emptyDays).toEqual(['2026-11-17', '2026-11-18', '2026-11-19'])
    expect(summary.days.find((d) => d.day === '2026-11-20')?.expectedSeconds).toBe(0)
  })

  it('approves and locks the period at once, with an audit event, and queues it for a server connected later', async () => {
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 8 * H }])
    const sheet = await env.core.submission.submit(MONDAY)
    expect([sheet.status, sheet.lock !== null, sheet.queued]).toEqual(['approved', true, true])
    expect(sheet.history.map((e) => [e.actor, e.from, e.to])).toEqual([['You', 'open', 'approved']])
    const statuses = await env.core.store.db.selectFrom('time_entries').select('status').where('deleted_at', 'is', null).execute()
    expect(statuses).toEqual([{ status: 'approved' }])
    await expect(env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])).rejects.toMatchObject({ code: 'conflict' })
    await expect(env.core.submission.submit(MONDAY)).rejects.toMatchObject({ message: /already approved\. Nothing was changed\./ })
    await expect(env.core.submission.withdraw(MONDAY)).rejects.toMatchObject({ message: /nothing to withdraw/ })
  })

  it('reopens with a reason, and the entries are drafts again', async () => {
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 8 * H }])
    await env.core.submission.submit(MONDAY)
    await expect(env.core.submission.reopen(MONDAY, '  ')).rejects.toMatchObject({ message: /A reason is required/ })
    const sheet = await env.core.submission.reopen(MONDAY, 'Forgot the on-call Sunday')
    expect([sheet.status, sheet.lock, sheet.reason]).toEqual(['open', null, 'Forgot the on-call Sunday'])
    expect(sheet.history.map((e) => e.to)).toEqual(['approved', 'open'])
    const t = await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 7 * H }])
    expect(t.rows[0]?.totalSeconds).toBe(7 * H)
  })
})

describe('the list of submissions', () => {
  it('shows each period with time or a status, newest first, with its time by entry status', async () => {
    await env.core.timesheet.setCells([
      { day: '2026-11-09', row, totalSeconds: 5 * H },
      { day: MONDAY, row, totalSeconds: 2 * H },
    ])
    await env.core.submission.submit('2026-11-09')
    const rows = await env.core.submission.list()
    expect(rows.map((r) => [r.start, r.status, r.totalSeconds, r.buckets.draft, r.buckets.approved])).toEqual([
      [MONDAY, 'open', 2 * H, 2 * H, 0],
      ['2026-11-09', 'approved', 5 * H, 0, 5 * H],
    ])
    expect(rows[1]?.history.map((e) => e.to)).toEqual(['approved'])
  })
})
