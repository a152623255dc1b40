import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { StintError } from '@shared/errors'
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncIssue, SyncStatus, TeamAccount } from '@shared/sync'
import { App } from './App'
import { scriptedHost, type ScriptedHandlers } from './testing/scripted-host'

afterEach(() => {
  cleanup()
  window.location.hash = ''
})

const ISSUE: SyncIssue = {
  id: 'i1',
  kind: 'refused',
  entity: 'entry',
  entityId: 'e1',
  reason: 'The period of 9–15 Nov 2026 is approved, so its time is locked.',
  mine: { id: 'e1', day: '2026-11-09', workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 1800, roundedSeconds: 1800, updatedAt: 0, deletedAt: null },
  server: null,
  createdAt: 0,
}

function appHost(status: SyncStatus, extra: ScriptedHandlers = {}) {
  return scriptedHost({
    ...extra,
    'timers.list': () => [],
    'prompts.list': () => [],
    'prompts.keptAside': () => [],
    'entries.list': () => [],
    'work.listItems': () => [],
    'work.listActivityTypes': () => [],
    'work.listCustomers': () => [],
    'sync.status': () => status,
    'sync.issues': () => [ISSUE],
  })
}

describe('The app shell', () => {
  it('shows the sync status at the sidebar’s foot, and its link opens the list of what needs attention', async () => {
    const host = appHost({ state: 'attention', pending: 0, issues: 1, lastSyncedAt: null, nextAttemptAt: null, message: null })
    render(<App client={host.client} />)
    const sidebar = screen.getByRole('complementary')
    const link = await within(sidebar).findByRole('link', { name: 'Review 1 issue' })
    // The list is reached from the status, not from the navigation.
    expect(within(screen.getByRole('navigation', { name: 'Views' })).queryByRole('link', { name: /attention/i })).toBeNull()
    fireEvent.click(link)
    act(() => {
      window.location.hash = link.getAttribute('href') ?? ''
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Needs attention' })).toBeTruthy()
    expect(await screen.findByRole('article', { name: 'Entry on Mon 9 Nov 2026' })).toBeTruthy()
  })

  it('standalone, the foot says the time is saved on this device', async () => {
    const host = appHost({ state: 'standalone', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null })
    render(<App client={host.client} />)
    const status = screen.getByRole('region', { name: 'Sync status' })
    expect(status.textContent).toContain('Saved on this device · works offline')
    await act(async () => {})
    expect(host.requestsTo('sync.status')).toEqual([{}])
  })

  it('shows Billing in the navigation only standalone: a team bills on its team server', async () => {
    const host = appHost({ state: 'standalone', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null }, { 'sync.account': () => null })
    render(<App client={host.client} />)
    const nav = screen.getByRole('navigation', { name: 'Views' })
    await act(async () => {})
    expect(within(nav).getByRole('link', { name: 'Billing' })).toBeTruthy()
  })

  it('shows Approvals in the navigation only to an approver, after Submissions; its address works for anyone', async () => {
    const synced: SyncStatus = { state: 'synced', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null }
    let account: TeamAccount = { url: 'http://127.0.0.1:8787', userId: 'u1', name: 'Tess Tech', email: 'tess@example.com', role: 'member', approverLevels: [], tokenProtection: 'memory' }
    const host = appHost(synced, { 'sync.account': () => account, 'approvals.queue': () => [], 'submissions.list': () => [] })
    render(<App client={host.client} />)
    const nav = screen.getByRole('navigation', { name: 'Views' })
    await act(async () => {})
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Timers', 'Timesheet', 'Calendar', 'Submissions', 'Reports', 'Work items', 'Settings'])

    // Made an approver on the server: the next finished sync round brings it.
    account = { ...account, role: 'approver', approverLevels: [1] }
    act(() => host.emit('sync.changed', { status: { ...synced, state: 'syncing' } }))
    act(() => host.emit('sync.changed', { status: { ...synced, lastSyncedAt: 1_000 } }))
    await within(nav).findByRole('link', { name: 'Approvals' })
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Timers', 'Timesheet', 'Calendar', 'Submissions', 'Approvals', 'Reports', 'Work items', 'Settings'])

    account = { ...account, role: 'member', approverLevels: [] }
    act(() => host.emit('sync.changed', { status: { ...synced, lastSyncedAt: 2_000 } }))
    await waitFor(() => expect(within(nav).queryByRole('link', { name: 'Approvals' })).toBeNull())
    act(() => {
      window.location.hash = '#approvals'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Approvals' })).toBeTruthy()
  })

  it('a period address opens the timesheet on that period; the Submissions link in the navigation is current on its view', async () => {
    const host = appHost(
      { state: 'standalone', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null },
      { 'timesheet.load': ({ day }) => Promise.reject(new StintError('unavailable', `asked for ${day}`)), 'submissions.list': () => [] },
    )
    window.location.hash = '#timesheet/2026-11-18'
    render(<App client={host.client} />)
    expect((await screen.findByRole('alert')).textContent).toContain('asked for Wed 18 Nov')
    expect(screen.getByRole('link', { name: 'Timesheet' }).getAttribute('aria-current')).toBe('page')
    act(() => {
      window.location.hash = '#submissions'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Submissions' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Submissions' }).getAttribute('aria-current')).toBe('page')
  })
})
