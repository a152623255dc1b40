// import.preview and import.commit on a real SQLite file: what a file would book, its
// projects and clients mapped by name, duplicates of entries Stint has, nothing booked
// into a locked period, and the same file imported again booking nothing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview, ImportSummary } from '@shared/import/import-types'
import { invokeCall } from '../api/invoke'
import { FakeClock } from '../clock'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'import', name), 'utf8')
const TOGGL = fixture('toggl-detailed.csv')
/** An instant given as Berlin wall time in November (UTC+1). */
const berlin = (day: string, time: string) => Date.parse(`${day}T${time}:00+01:00`)

let env: TempCore

beforeEach(async () => {
  // Friday 4 December 2026, 10:00 in Berlin: the file's days (16 to 18 November) are past.
  env = await openTempCore(new FakeClock(Date.UTC(2026, 11, 4, 9), 'Europe/Berlin'))
})
afterEach(() => env.dispose())

async function call<T>(name: 'import.preview' | 'import.commit', request: unknown): Promise<T> {
  const answer = await invokeCall(env.core.handlers, name, request, silentLogger)
  if (!answer.ok) throw new Error(`${answer.error.messageId ?? ''}: ${answer.error.message}`)
  return answer.value as T
}

const statuses = (preview: ImportPreview) => preview.rows.map((r) => [r.line, r.status])
const liveEntries = () => env.core.entries.load({ from: '2026-11-01', to: '2026-11-30' })

describe('the preview of a Toggl file', () => {
  it('shows each row, maps projects and clients by name (case aside), and books nothing', async () => {
    const customer = await env.core.work.createCustomer('ACME')
    const item = await env.core.work.createWorkItem({ kind: 'task', title: 'printer FLEET', customerId: customer.id })
    const preview = await call<ImportPreview>('import.preview', { fileName: 'toggl.csv', text: TOGGL })
    expect(preview.source).toBe('toggl')
    expect(statuses(preview)).toEqual([[2, 'new'], [3, 'new'], [5, 'new'], [6, 'new'], [7, 'unreadable']])
    expect(preview.rows[4]?.reason).toMatchObject({ messageId: 'refusal.import.badDay', message: 'Line 7, column "Start date": "2026-13-40" is not a date.' })
    expect(preview.projects.map((p) => [p.name, p.client, p.rows, p.workItemId])).toEqual([
      ['Printer fleet', 'Acme', 2, item.id],
      ['Server move', 'Globex', 1, null],
    ])
    expect(preview.clients.map((c) => [c.name, c.customerId])).toEqual([
      ['Acme', customer.id],
      ['Globex', null],
    ])
    expect(preview.totals).toEqual({ rows: 5, toImport: 4, toImportSeconds: 5400 + 2700 + 7200 + 1800, refused: 1 })
    expect(await liveEntries()).toEqual([])
  })

  it('refuses a file over 20 MB in words, and one it does not recognise', async () => {
    const huge = 'x'.repeat(20 * 1024 * 1024 + 1)
    await expect(call('import.preview', { fileName: 'big.csv', text: huge })).rejects.toThrow('refusal.import.tooLarge: The file is larger than 20 MB.')
    await expect(call('import.preview', { fileName: 'x.csv', text: 'A,B\n1,2\n' })).rejects.toThrow('refusal.import.unknownSource')
  })
})

describe('importing', () => {
  it('books the new rows as drafts with their times, creates the missing work items and customers, and says what it refused', async () => {
    const summary = await call<ImportSummary>('import.commit', { fileName: 'toggl.csv', text: TOGGL })
    expect(summary).toMatchObject({ source: 'toggl', imported: 4, importedSeconds: 17100, createdWorkItems: ['Printer fleet', 'Server move'], createdCustomers: ['Acme', 'Globex'] })
    expect(summary.refused.map((r) => [r.line, r.status])).toEqual([[7, 'unreadable']])
    const entries = await liveEntries()
    // The night shift across midnight is two entries, one per day, as a timer's run would be.
    expect(entries.map((e) => [e.day, e.rawSeconds, e.description, e.status, e.billable])).toEqual([
      ['2026-11-16', 5400, 'Replaced toner', 'draft', true],
      ['2026-11-16', 2700, 'Network scan,\nsecond floor', 'draft', true],
      ['2026-11-17', 3600, 'Night shift', 'draft', false],
      ['2026-11-18', 3600, 'Night shift', 'draft', false],
      ['2026-11-18', 1800, 'Internal meeting', 'draft', false],
    ])
    expect(entries[0]?.ranges).toEqual([{ startedAt: berlin('2026-11-16', '09:00'), endedAt: berlin('2026-11-16', '10:30') }])
    expect(entries[4]?.workItemId).toBeNull()
    const items = await env.core.work.listWorkItems()
    expect(items.map((i) => [i.title, i.customerName])).toEqual(expect.arrayContaining([['Printer fleet', 'Acme'], ['Server move', 'Globex']]))
  })

  it('the same file again books nothing new: every row was imported before', async () => {
    await call<ImportSummary>('import.commit', { fileName: 'toggl.csv', text: TOGGL })
    const again = await call<ImportPreview>('import.preview', { fileName: 'toggl.csv', text: TOGGL })
    expect(statuses(again)).toEqual([[2, 'importedBefore'], [3, 'importedBefore'], [5, 'importedBefore'], [6, 'importedBefore'], [7, 'unreadable']])
    // The projects now go to the work items the first import made.
    expect(again.projects.every((p) => p.workItemId !== null)).toBe(true)
    const summary = await call<ImportSummary>('import.commit', { fileName: 'toggl.csv', text: TOGGL })
    expect(summary.imported).toBe(0)
    expect(summary.refused.find((r) => r.line === 2)?.reason.message).toBe('Line 2: imported from this file before; it is not booked again.')
    expect(await liveEntries()).toHaveLength(5)
  })

  it('a row Stint already has (same day, work item, description and start or duration) is a duplicate', async () => {
    const item = await env.core.work.createWorkItem({ kind: 'task', title: 'Printer fleet' })
    await env.core.timesheet.createEntries({ workItemId: item.id, activityTypeId: null, billable: true }, 'Replaced toner', { day: '2026-11-16', seconds: 5400 })
    const preview = await call<ImportPreview>('import.preview', { fileName: 'toggl.csv', text: TOGGL })
    expect(statuses(preview).slice(0, 2)).toEqual([[2, 'duplicate'], [3, 'new']])
    expect(preview.rows[0]?.reason?.message).toBe('Line 2: Stint already has this entry on Mon 16 Nov (same work item and description, same start or duration).')
  })

  it('nothing is booked into a locked period; the rows of open days still are', async () => {
    // Submitting the week of 16 November (standalone: approved and locked) locks 16 to 22 November.
    await env.core.submission.submit('2026-11-16')
    const text = `${TOGGL.trimEnd()}\nDana Tech,dana@example.com,Acme,Printer fleet,,Next week,Yes,2026-11-23,09:00:00,2026-11-23,10:00:00,01:00:00,,0.00\n`
    const preview = await call<ImportPreview>('import.preview', { fileName: 'toggl.csv', text })
    expect(statuses(preview)).toEqual([[2, 'locked'], [3, 'locked'], [5, 'locked'], [6, 'locked'], [7, 'unreadable'], [8, 'new']])
    expect(preview.rows[0]?.reason?.messageId).toBe('refusal.import.locked')
    const summary = await call<ImportSummary>('import.commit', { fileName: 'toggl.csv', text })
    expect(summary.imported).toBe(1)
    const entries = await env.core.entries.load({ from: '2026-11-01', to: '2026-11-30' })
    expect(entries.map((e) => e.day)).toEqual(['2026-11-23'])
  })

  it('a row that would take its day past 24 hours is refused with the reason; the other rows are booked', async () => {
    // 22 hours already on Monday 16 November; the file's 1:30 and 0:45 that day would make 24:15.
    await env.core.timesheet.createEntries({ workItemId: null, activityTypeId: null, billable: false }, 'On call', { day: '2026-11-16', seconds: 22 * 3600 })
    const preview = await call<ImportPreview>('import.preview', { fileName: 'toggl.csv', text: TOGGL })
    expect(statuses(preview)).toEqual([[2, 'new'], [3, 'dayFull'], [5, 'new'], [6, 'new'], [7, 'unreadable']])
    expect(preview.rows[1]?.reason?.message).toBe('Line 3: Mon 16 Nov would have more than 24 hours with this row (24:15); it is not booked.')
    const summary = await call<ImportSummary>('import.commit', { fileName: 'toggl.csv', text: TOGGL })
    expect(summary.imported).toBe(3)
    expect(summary.refused.map((r) => [r.line, r.status])).toEqual([[3, 'dayFull'], [7, 'unreadable']])
    expect((await liveEntries()).filter((e) => e.day === '2026-11-16').map((e) => e.rawSeconds)).toEqual([22 * 3600, 5400])
  })

  it('a mapping sends a project to a chosen work item and a new project’s client to a chosen customer', async () => {
    const other = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'T-9', title: 'Something else' })
    const customer = await env.core.work.createCustomer('Globex Corporation')
    const mapping = { projects: [{ key: 'Acme\u001fPrinter fleet', workItemId: other.id }], clients: [{ name: 'Globex', customerId: customer.id }] }
    const summary = await call<ImportSummary>('import.commit', { fileName: 'toggl.csv', text: TOGGL, mapping })
    expect(summary.createdWorkItems).toEqual(['Server move'])
    expect(summary.createdCustomers).toEqual([])
    const entries = await liveEntries()
    expect(entries.filter((e) => e.workItemId === other.id)).toHaveLength(2)
    const move = (await env.core.work.listWorkItems()).find((i) => i.title === 'Server move')
    expect(move?.customerId).toBe(customer.id)
  })
})
