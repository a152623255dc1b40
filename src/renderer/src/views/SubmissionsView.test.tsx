import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import type { SyncStatus } from '@shared/sync'
import type { SubmissionRow } from '@shared/timesheet'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { SubmissionsView } from './SubmissionsView'

afterEach(cleanup)

const H = 3600
const none = { draft: 0, submitted: 0, approved: 0, rejected: 0, voided: 0 }
const at = (text: string) => Date.parse(text)

const APPROVED: SubmissionRow = {
  start: '2026-11-02',
  end: '2026-11-08',
  label: 'Week of 2 Nov 2026',
  status: 'approved',
  level: null,
  reason: null,
  queued: false,
  totalSeconds: 38 * H,
  buckets: { ...none, approved: 38 * H, voided: 2 * H },
  history: [
    { id: 'h1', at: at('2026-11-09T09:00:00'), actor: 'Tess Tech', from: 'open', to: 'submitted', reason: null },
    { id: 'h2', at: at('2026-11-09T11:00:00'), actor: 'Abe Approver', from: 'submitted', to: 'submitted', reason: null },
    { id: 'h3', at: at('2026-11-09T12:00:00'), actor: 'Abe Approver', from: 'submitted', to: 'approved', reason: null },
  ],
}

const REJECTED: SubmissionRow = {
  start: '2026-11-09',
  end: '2026-11-15',
  label: 'Week of 9 Nov 2026',
  status: 'rejected',
  level: null,
  reason: 'Wednesday’s on-site visit is missing.',
  queued: false,
  totalSeconds: 30 * H,
  buckets: { ...none, rejected: 28 * H, draft: 2 * H },
  history: [
    { id: 'h4', at: at('2026-11-16T09:00:00'), actor: 'Tess Tech', from: 'open', to: 'submitted', reason: null },
    { id: 'h5', at: at('2026-11-16T10:00:00'), actor: 'Abe Approver', from: 'submitted', to: 'rejected', reason: 'Wednesday’s on-site visit is missing.' },
  ],
}

const SUBMITTED: SubmissionRow = {
  start: '2026-11-16',
  end: '2026-11-22',
  label: 'Week of 16 Nov 2026',
  status: 'submitted',
  level: 2,
  reason: null,
  queued: true,
  totalSeconds: 40 * H,
  buckets: { ...none, submitted: 40 * H },
  history: [],
}

const CURRENT: SubmissionRow = { start: '2026-11-23', end: '2026-11-29', label: 'Week of 23 Nov 2026', status: 'open', level: null, reason: null, queued: false, totalSeconds: 0, buckets: none, history: [] }

const SYNCED: SyncStatus = { state: 'synced', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null }

async function renderSubmissions(rows: () => SubmissionRow[], extra: ScriptedHandlers = {}) {
  const host = scriptedHost({ 'submissions.list': () => rows(), 'settings.get': () => Promise.reject(new StintError('unavailable', 'No settings in this test.')), ...extra })
  render(
    <ClientContext.Provider value={host.client}>
      <SubmissionsView />
    </ClientContext.Provider>,
  )
  await waitFor(() => expect(screen.queryByText('Loading your periods…')).toBeNull())
  return host
}

const rowOf = (label: string) => screen.getByRole('rowheader', { name: new RegExp(`^${label}`) }).closest('tr') as HTMLElement

describe('Submissions', () => {
  it('lists the periods newest first, with status, level and queue, the rejection’s reason, the total and the time by entry status', async () => {
    // Answered out of order: the view still puts the newest first.
    await renderSubmissions(() => [APPROVED, CURRENT, REJECTED, SUBMITTED])
    const table = screen.getByRole('table', { name: /Your periods, newest first/ })
    const labels = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.querySelector('.subs__label')?.textContent)
    expect(labels).toEqual(['Week of 23 Nov 2026', 'Week of 16 Nov 2026', 'Week of 9 Nov 2026', 'Week of 2 Nov 2026'])

    const submitted = rowOf('Week of 16 Nov 2026')
    expect(submitted.textContent).toContain('16–22 Nov 2026')
    expect(submitted.textContent).toContain('Submitted')
    expect(submitted.textContent).toContain('waiting for level 2')
    expect(within(submitted).getByText('Queued — not sent yet')).toBeTruthy()
    expect(within(submitted).getByRole('listitem').textContent).toBe('Submitted 40:00')

    const rejected = rowOf('Week of 9 Nov 2026')
    expect(rejected.querySelector('.subs__badge')?.textContent).toBe('Rejected')
    expect(rejected.querySelector('q')?.textContent).toBe('Wednesday’s on-site visit is missing.')
    expect(within(rejected).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Draft 2:00', 'Rejected 28:00'])
    expect(rejected.querySelector('.subs__total')?.textContent).toBe('30:00')

    // Voided time is shown, struck through in the legend, and not in the total.
    const approved = rowOf('Week of 2 Nov 2026')
    expect(within(approved).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Approved 38:00', 'Voided 2:00'])
    expect(approved.querySelector('.subs__total')?.textContent).toBe('38:00')

    expect(rowOf('Week of 23 Nov 2026').textContent).toContain('No time booked')
    expect(screen.getByText('1 waiting for approval · 1 rejected')).toBeTruthy()
  })

  it('each period links to its week in the timesheet, and expands to its history', async () => {
    await renderSubmissions(() => [APPROVED, SUBMITTED])
    expect(screen.getByRole('link', { name: 'Open Week of 2 Nov 2026 in the timesheet' }).getAttribute('href')).toBe('#timesheet/2026-11-02')
    expect(screen.getByRole('link', { name: 'Open Week of 16 Nov 2026 in the timesheet' }).getAttribute('href')).toBe('#timesheet/2026-11-16')
    // A period without history has nothing to expand.
    expect(within(rowOf('Week of 16 Nov 2026')).queryByRole('button')).toBeNull()

    const toggle = screen.getByRole('button', { name: 'History (3) of Week of 2 Nov 2026' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('table', { name: /Status changes of Week of 2 Nov 2026/ })).toBeNull()
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const history = screen.getByRole('table', { name: 'Status changes of Week of 2 Nov 2026, oldest first' })
    expect(toggle.getAttribute('aria-controls')).toBe(history.closest('tr')?.id)
    const changes = within(history)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelectorAll('td')[2]?.textContent)
    expect(changes).toEqual(['Open →  to Submitted', 'Approved at level 1', 'Submitted →  to Approved'])
    fireEvent.click(toggle)
    expect(screen.queryByRole('table', { name: /Status changes of Week of 2 Nov 2026/ })).toBeNull()
  })

  it('follows local changes and finished sync rounds, not the start of a round', async () => {
    let rows = [SUBMITTED]
    const host = await renderSubmissions(() => rows)
    expect(host.requestsTo('submissions.list')).toHaveLength(1)

    rows = [{ ...SUBMITTED, status: 'rejected', level: null, queued: false, reason: 'Tuesday is double-booked.', buckets: { ...none, rejected: 40 * H } }]
    act(() => host.emit('sync.changed', { status: { ...SYNCED, state: 'syncing' } }))
    await act(async () => {})
    expect(host.requestsTo('submissions.list')).toHaveLength(1)
    act(() => host.emit('sync.changed', { status: SYNCED }))
    await waitFor(() => expect(rowOf('Week of 16 Nov 2026').querySelector('q')?.textContent).toBe('Tuesday is double-booked.'))
    expect(host.requestsTo('submissions.list')).toHaveLength(2)

    rows = [{ ...rows[0], status: 'open', reason: null, buckets: { ...none, draft: 41 * H }, totalSeconds: 41 * H } as SubmissionRow]
    act(() => host.emit('entries.changed', {}))
    await waitFor(() => expect(rowOf('Week of 16 Nov 2026').querySelector('.subs__total')?.textContent).toBe('41:00'))
    expect(host.requestsTo('submissions.list')).toHaveLength(3)
  })

  it('a list that cannot be loaded says why and tries again on request', async () => {
    let fail = true
    const host = await renderSubmissions(() => {
      if (fail) throw new StintError('unavailable', 'The database is busy; try again in a moment.')
      return [CURRENT]
    })
    expect(screen.getByRole('alert').textContent).toContain('Your periods could not be loaded: The database is busy; try again in a moment.')
    expect(screen.queryByRole('table')).toBeNull()
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByRole('table', { name: /Your periods/ })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(host.requestsTo('submissions.list')).toHaveLength(2)
  })

  it('with no periods at all, it says so and points to the timesheet', async () => {
    await renderSubmissions(() => [])
    expect(screen.getByText(/No periods yet/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Open the timesheet' }).getAttribute('href')).toBe('#timesheet')
  })
})
