import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncIssue, SyncStatus } from '@shared/sync'
import { App } from './App'
import { scriptedHost } from './testing/scripted-host'

afterEach(() => {
  cleanup()
  window.location.hash = ''
})

const ISSUE: SyncIssue = {
  id: 'i1',
  kind: 'refused',
  entity: 'entry',
  entityId: 'e1',
  subject: 'Entry on 2026-11-09',
  reason: 'The period of 9–15 Nov 2026 is approved, so its time is locked.',
  mine: { id: 'e1', day: '2026-11-09', workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 1800, roundedSeconds: 1800, updatedAt: 0, deletedAt: null },
  server: null,
  createdAt: 0,
}

function appHost(status: SyncStatus) {
  return scriptedHost({
    'timers.list': () => [],
    'prompts.list': () => [],
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
    expect(await screen.findByRole('article', { name: 'Entry on 2026-11-09' })).toBeTruthy()
  })

  it('standalone, the foot says the time is saved on this device', async () => {
    const host = appHost({ state: 'standalone', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null })
    render(<App client={host.client} />)
    const status = screen.getByRole('region', { name: 'Sync status' })
    expect(status.textContent).toContain('Saved on this device · works offline')
    await act(async () => {})
    expect(host.requestsTo('sync.status')).toEqual([{}])
  })
})
