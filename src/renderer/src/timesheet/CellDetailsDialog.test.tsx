import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import type { CellDetails, CellEntry, TimesheetRow } from '@shared/timesheet'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { CellDetailsDialog } from './CellDetailsDialog'

afterEach(cleanup)

const DAY = '2026-11-16'
const ROW: TimesheetRow = { key: 'w1|a1|1', workItemId: 'w1', activityTypeId: 'a1', billable: true, added: false, cells: [], totalSeconds: 0 }
/** 09:00:12–09:40:12 in Berlin. */
const timerEntry: CellEntry = {
  id: 'e1',
  day: DAY,
  workItemId: 'w1',
  activityTypeId: 'a1',
  billable: true,
  description: '',
  source: 'timer',
  rawSeconds: 2400,
  roundedSeconds: 2700,
  status: 'draft',
  timerId: 't1',
  ranges: [{ startedAt: Date.parse('2026-11-16T08:00:12Z'), endedAt: Date.parse('2026-11-16T08:40:12Z') }],
  timeZone: 'Europe/Berlin',
}
const timerLike = { id: 't9', slot: 2, label: 'Timer 2', color: '#EE6677', state: 'idle' as const, workItemId: 'w1', activityTypeId: 'a1', billable: true, note: '', closedSeconds: 0, runningSince: null }
const details = (over: Partial<CellDetails> = {}): CellDetails => ({ day: DAY, row: { workItemId: 'w1', activityTypeId: 'a1', billable: true }, note: null, lock: null, entries: [timerEntry], ...over })

async function open(handlers: ScriptedHandlers, locked: string | null = null) {
  const host = scriptedHost({ 'timesheet.cellDetails': () => details(), ...handlers })
  render(
    <ClientContext.Provider value={host.client}>
      <CellDetailsDialog cell={{ row: ROW, day: DAY }} rowName="TICKET-1 · Remote support" locked={locked} onChanged={() => undefined} onClose={() => undefined} />
    </ClientContext.Provider>,
  )
  const entry = await screen.findByRole('listitem', { name: 'Timer entry from 09:00' })
  return { host, entry }
}
const settle = () =>
  act(async () => {
    await Promise.resolve()
    await Promise.resolve()
  })

describe('a cell’s details', () => {
  it('show each entry with its raw and rounded time and its runs in the zone it was booked in', async () => {
    const { entry } = await open({})
    expect(entry.textContent).toContain('Raw 0:40:00 · rounded 0:45:00')
    expect(within(entry).getByLabelText<HTMLInputElement>('Start of run 1 of the timer entry from 09:00').value).toBe('09:00')
    expect(within(entry).getByLabelText<HTMLInputElement>('End of run 1 of the timer entry from 09:00').value).toBe('09:40')
  })

  it('say how much of the cell’s time overlapped another billable timer, with what that means; nothing when none did', async () => {
    await open({ 'timesheet.cellDetails': () => details({ overlappedSeconds: 45 * 60 }) })
    const line = screen.getByText('Overlapped 0:45').closest('p') as HTMLElement
    expect(line.textContent).toBe('Overlapped 0:45 For this long, another of your billable timers ran at the same time. Your time stays as booked; the billing run bills overlapping time by the overlap rule.')
    cleanup()
    await open({ 'timesheet.cellDetails': () => details({ overlappedSeconds: 0 }) })
    expect(screen.queryByText(/Overlapped/)).toBeNull()
  })

  it('a duration typed and confirmed with Enter is sent as seconds, and the cell comes back as the host stored it', async () => {
    const { host, entry } = await open({ 'timesheet.setEntryDuration': () => details({ entries: [{ ...timerEntry, rawSeconds: 3000, roundedSeconds: 3600 }] }) })
    const duration = within(entry).getByLabelText('Duration of the timer entry from 09:00')
    fireEvent.change(duration, { target: { value: '0:50' } })
    fireEvent.keyDown(duration, { key: 'Enter' })
    await settle()
    expect(host.requestsTo('timesheet.setEntryDuration')).toEqual([{ id: 'e1', seconds: 3000 }])
    expect(screen.getByRole('status').textContent).toBe('Duration saved')
    expect(screen.getByRole('listitem', { name: 'Timer entry from 09:00' }).textContent).toContain('Raw 0:50:00 · rounded 1:00:00')
  })

  it('changed runs are sent as times of day; a refusal is shown with its reason and what was typed stays', async () => {
    const { host, entry } = await open({
      'timesheet.setEntryRuns': () => {
        throw new StintError('invalid_request', 'A day has at most 24 hours: Mon 16 Nov would have 25:00. Nothing was changed.')
      },
    })
    const end = within(entry).getByLabelText('End of run 1 of the timer entry from 09:00')
    fireEvent.change(end, { target: { value: '23:30' } })
    fireEvent.click(within(entry).getByRole('button', { name: 'Save runs of the timer entry from 09:00' }))
    await settle()
    expect(host.requestsTo('timesheet.setEntryRuns')).toEqual([{ id: 'e1', runs: [{ start: '09:00', end: '23:30' }] }])
    expect(screen.getByRole('alert').textContent).toBe('A day has at most 24 hours: Mon 16 Nov would have 25:00. Nothing was changed.')
    expect(within(screen.getByRole('listitem', { name: 'Timer entry from 09:00' })).getByLabelText<HTMLInputElement>('End of run 1 of the timer entry from 09:00').value).toBe('23:30')
  })

  it('a duration that does not parse is explained and not sent', async () => {
    const { host, entry } = await open({})
    const duration = within(entry).getByLabelText('Duration of the timer entry from 09:00')
    fireEvent.change(duration, { target: { value: 'lots' } })
    fireEvent.keyDown(duration, { key: 'Enter' })
    expect(screen.getByRole('alert').textContent).toMatch(/^Duration of the timer entry from 09:00: .* Nothing was changed\.$/)
    expect(host.requestsTo('timesheet.setEntryDuration')).toEqual([])
  })

  it('deleting asks once more, with "Keep it" focused', async () => {
    const { host, entry } = await open({ 'timesheet.deleteEntry': () => details({ entries: [] }) })
    fireEvent.click(within(entry).getByRole('button', { name: 'Delete the timer entry from 09:00' }))
    expect(within(entry).getByRole('button', { name: 'Keep it' })).toBe(document.activeElement)
    fireEvent.click(within(entry).getByRole('button', { name: 'Delete it' }))
    await settle()
    expect(host.requestsTo('timesheet.deleteEntry')).toEqual([{ id: 'e1' }])
    expect(screen.getByText('No time in this cell yet.')).toBeTruthy()
  })

  it('in a locked period everything is read-only and the lock the host names says why', async () => {
    const reason = 'This period is approved and locked. Without a team server you approve your own time: reopen it yourself from the Timesheet, with a reason, to change it.'
    const { entry } = await open({ 'timesheet.cellDetails': () => details({ lock: 'approvedStandalone' }) })
    expect(screen.getByText(`${reason} Entries and notes cannot be changed.`)).toBeTruthy()
    expect(within(entry).getByLabelText<HTMLInputElement>('Duration of the timer entry from 09:00').readOnly).toBe(true)
    // An empty description reads as empty, not as a field asking "What was done".
    const description = within(entry).getByLabelText<HTMLInputElement>(/^Description of the timer entry/)
    expect([description.readOnly, description.placeholder]).toEqual([true, ''])
    // Continuing starts a new timer now; it does not change the locked period.
    expect(within(entry).getAllByRole('button').map((b) => b.textContent)).toEqual(['Continue'])
    expect(screen.queryByRole('group', { name: 'Add time' })).toBeNull()
  })
})

describe('times in a cell’s details', () => {
  it('Continue starts a timer like the entry and says which one runs', async () => {
    const { host, entry } = await open({ 'timers.continue': () => ({ ...timerLike, state: 'running' }) })
    fireEvent.click(within(entry).getByRole('button', { name: 'Continue the timer entry from 09:00 on a timer' }))
    await settle()
    expect(host.requestsTo('timers.continue')).toEqual([{ entryId: 'e1' }])
    expect(screen.getByRole('status').textContent).toBe('Timer 2 is running')
  })

  it('Add time with a start and an end sends the instants of those times on the cell’s day', async () => {
    const { host } = await open({ 'entries.create': () => [] })
    fireEvent.change(screen.getByLabelText('Start of the new entry'), { target: { value: '10:05' } })
    fireEvent.change(screen.getByLabelText('End of the new entry'), { target: { value: '10:20' } })
    fireEvent.change(screen.getByLabelText('Description of the new entry'), { target: { value: 'Call back' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add time' }))
    await settle()
    const [sent] = host.requestsTo('entries.create') as { startedAt: number; endedAt: number; description: string }[]
    expect(sent && [(sent.endedAt - sent.startedAt) / 60_000, new Date(sent.startedAt).getHours(), sent.description]).toEqual([15, 10, 'Call back'])
  })

  it('Add time as a duration sends the day and the seconds; a refusal is shown as said', async () => {
    const { host } = await open({
      'entries.create': () => {
        throw new StintError('conflict', 'This period has been submitted for approval, so it is read-only. Nothing was changed.')
      },
    })
    fireEvent.click(screen.getByRole('radio', { name: 'Duration' }))
    fireEvent.change(screen.getByLabelText('Duration of the new entry'), { target: { value: '1:15' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add time' }))
    await settle()
    expect(host.requestsTo('entries.create')).toEqual([{ row: { workItemId: 'w1', activityTypeId: 'a1', billable: true }, description: '', day: DAY, seconds: 4500 }])
    expect(screen.getByRole('alert').textContent).toBe('This period has been submitted for approval, so it is read-only. Nothing was changed.')
  })

  it('a run that shares time with another timer says so', async () => {
    const other = { ...timerEntry, id: 'e2', timerId: 't2', ranges: [{ startedAt: Date.parse('2026-11-16T08:30:00Z'), endedAt: Date.parse('2026-11-16T09:00:00Z') }] }
    const { entry } = await open({ 'entries.list': () => [timerEntry, other], 'timers.list': () => [{ ...timerLike, id: 't2' }] })
    await settle()
    expect(within(entry).getByText(/^overlaps \d\d:\d\d–\d\d:\d\d with Timer 2$/)).toBeTruthy()
  })
})

describe('an entry’s time on its ticket', () => {
  const synced = { state: 'synced' as const, pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null }
  const status = { entryId: 'e1', entryVersion: 3, day: DAY, system: 'Redmine', ticketUrl: 'https://redmine.example.com/issues/1' }

  it('says it was written, and opens the written time in the ticket system from the link the host checked', async () => {
    const { host, entry } = await open({
      'sync.status': () => synced,
      'sync.ticketWrites': () => [{ ...status, state: 'written', url: 'https://redmine.example.com/time_entries/7', reason: null }],
      'sync.openWrittenTime': () => ({ url: 'https://redmine.example.com/time_entries/7', opened: true }),
    })
    expect((await within(entry).findByText('Written to Redmine')).textContent).toBe('Written to Redmine')
    fireEvent.click(within(entry).getByRole('button', { name: 'Open in Redmine' }))
    await settle()
    expect(host.requestsTo('sync.ticketWrites')).toEqual([{ from: DAY, to: DAY }])
    expect(host.requestsTo('sync.openWrittenTime')).toEqual([{ entryId: 'e1' }])
  })

  it('says why it failed, in the ticket system’s own words, and offers nothing to open', async () => {
    const { entry } = await open({
      'sync.status': () => synced,
      'sync.ticketWrites': () => [{ ...status, state: 'failed', url: null, reason: 'Activity cannot be blank' }],
    })
    expect((await within(entry).findByText(/^Not written to Redmine/)).textContent).toBe('Not written to Redmine: Activity cannot be blank')
    expect(within(entry).queryByRole('button', { name: 'Open in Redmine' })).toBeNull()
  })

  it('standalone, asks this device’s own write-back (the same call, answered by the main process)', async () => {
    const { host } = await open({ 'sync.status': () => ({ ...synced, state: 'standalone' }) })
    await settle()
    expect(host.requestsTo('sync.ticketWrites')).toEqual([{ from: DAY, to: DAY }])
  })
})
