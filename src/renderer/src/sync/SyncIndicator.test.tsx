import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { StintClient } from '@shared/bridge'
import type { SyncStatus } from '@shared/sync'
import { todayLocal } from '../format'
import { scriptedHost } from '../testing/scripted-host'
import { SyncIndicator } from './SyncIndicator'
import { useSyncStatus } from './use-sync-status'

afterEach(cleanup)

/** Today at a wall-clock time, so the indicator shows it without a date. */
const at = (hhmm: string) => new Date(`${todayLocal()}T${hhmm}:00`).getTime()
const status = (patch: Partial<SyncStatus>): SyncStatus => ({ state: 'synced', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null, ...patch })

function Indicator({ client }: { client: StintClient }) {
  return <SyncIndicator model={useSyncStatus(client)} />
}

async function renderIndicator(first: SyncStatus, after: SyncStatus = first) {
  const host = scriptedHost({ 'sync.status': () => first, 'sync.now': () => after })
  render(<Indicator client={host.client} />)
  const region = screen.getByRole('region', { name: 'Sync status' })
  await waitFor(() => expect(host.requestsTo('sync.status')).toHaveLength(1))
  const live = within(region).getByRole('status')
  return { host, region, live }
}

describe('Sync status in the sidebar', () => {
  it('standalone says the time is saved on this device, with nothing to sync', async () => {
    const { region } = await renderIndicator(status({ state: 'standalone' }))
    await waitFor(() => expect(region.textContent).toContain('Saved on this device · works offline'))
    expect(within(region).queryByRole('button')).toBeNull()
    expect(within(region).queryByRole('link')).toBeNull()
  })

  it('synced shows when it last synced, and "Sync now" runs a round and says how it ended', async () => {
    const { host, region, live } = await renderIndicator(status({ lastSyncedAt: at('14:05') }), status({ lastSyncedAt: at('14:09') }))
    await within(region).findByText('Synced')
    expect(region.textContent).toContain('Last synced 14:05')
    expect(live.textContent).toBe('')
    fireEvent.click(within(region).getByRole('button', { name: 'Sync now' }))
    await waitFor(() => expect(region.textContent).toContain('Last synced 14:09'))
    expect(host.requestsTo('sync.now')).toEqual([{}])
    expect(live.textContent).toBe('Synced with the team server.')
  })

  it('counts the changes waiting', async () => {
    const { region } = await renderIndicator(status({ state: 'pending', pending: 3, lastSyncedAt: at('09:30') }))
    await within(region).findByText('3 changes waiting')
    expect(region.textContent).toContain('Last synced 09:30')
    expect(within(region).getByRole('button', { name: 'Sync now' })).toBeTruthy()
  })

  it('offline shows the host’s message, when it tries again, and offers "Try now"', async () => {
    const message = 'The team server at https://ts.example.com cannot be reached (fetch failed).'
    const { region } = await renderIndicator(status({ state: 'offline', pending: 2, message, nextAttemptAt: at('14:07') }))
    await within(region).findByText('Offline')
    expect(within(region).getByText(message)).toBeTruthy()
    expect(within(region).getByText('Trying again at 14:07')).toBeTruthy()
    expect(within(region).getByText('2 changes waiting on this device')).toBeTruthy()
    expect(within(region).getByRole('button', { name: 'Try now' })).toBeTruthy()
  })

  it('a server that answers with an error is a problem in its own words, never "Offline", with "Try now"', async () => {
    const message = 'The team server has a problem (HTTP 500: The server could not complete this request; the details are in its log).'
    const { region, host, live } = await renderIndicator(status({ state: 'problem', pending: 4, message, nextAttemptAt: at('14:07') }))
    await within(region).findByText('Sync problem')
    expect(region.textContent).not.toContain('Offline')
    expect(within(region).getByText(message)).toBeTruthy()
    expect(within(region).getByText('Trying again at 14:07')).toBeTruthy()
    expect(within(region).getByText('4 changes waiting on this device')).toBeTruthy()
    expect(within(region).getByRole('button', { name: 'Try now' })).toBeTruthy()
    act(() => host.emit('sync.changed', { status: status({ lastSyncedAt: at('14:08') }) }))
    expect(live.textContent).toBe('Sync is working again. Synced with the team server.')
    act(() => host.emit('sync.changed', { status: status({ state: 'problem', message }) }))
    expect(live.textContent).toBe(`Sync has a problem. ${message}`)
  })

  it('while the server asks the device to wait, the changes wait quietly with its reason and the time of the next try', async () => {
    const message = 'The team server asked this device to wait before sending more (Too many pushes). Your changes are kept here.'
    const { region } = await renderIndicator(status({ state: 'pending', pending: 3, message, nextAttemptAt: at('14:07') }))
    await within(region).findByText('3 changes waiting')
    expect(within(region).getByText(message)).toBeTruthy()
    expect(within(region).getByText('Sending at 14:07')).toBeTruthy()
  })

  it('needs attention links to the list of issues', async () => {
    const { region } = await renderIndicator(status({ state: 'attention', issues: 2 }))
    const link = await within(region).findByRole('link', { name: 'Review 2 issues' })
    expect(link.getAttribute('href')).toBe('#attention')
    expect(region.textContent).toContain('Needs attention')
  })

  it('unauthorized shows why and links to Settings, without "Sync now"', async () => {
    const message = 'The team server refused the token: this device token was revoked.'
    const { region } = await renderIndicator(status({ state: 'unauthorized', message }))
    await within(region).findByText('Not signed in')
    expect(within(region).getByText(message)).toBeTruthy()
    expect(within(region).getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('#settings')
    expect(within(region).queryByRole('button')).toBeNull()
  })

  it('follows sync.changed, and speaks only when sync starts or stops needing the person', async () => {
    const { host, region, live } = await renderIndicator(status({ lastSyncedAt: at('10:00') }))
    await within(region).findByText('Synced')
    // The quiet churn of typing: pending, syncing, synced again — shown, never read out.
    act(() => host.emit('sync.changed', { status: status({ state: 'pending', pending: 1 }) }))
    expect(region.textContent).toContain('1 change waiting')
    act(() => host.emit('sync.changed', { status: status({ state: 'syncing', pending: 1 }) }))
    expect(region.textContent).toContain('Syncing…')
    act(() => host.emit('sync.changed', { status: status({ lastSyncedAt: at('10:01') }) }))
    expect(live.textContent).toBe('')

    act(() => host.emit('sync.changed', { status: status({ state: 'offline', message: 'The team server cannot be reached.' }) }))
    expect(live.textContent).toBe('Sync is offline. The team server cannot be reached.')
    // Each retry pushes a new status; still offline, so nothing new is said.
    act(() => host.emit('sync.changed', { status: status({ state: 'syncing' }) }))
    act(() => host.emit('sync.changed', { status: status({ state: 'offline', message: 'Still away.', nextAttemptAt: at('10:09') }) }))
    expect(live.textContent).toBe('Sync is offline. The team server cannot be reached.')

    act(() => host.emit('sync.changed', { status: status({ lastSyncedAt: at('10:10') }) }))
    expect(live.textContent).toBe('Sync is working again. Synced with the team server.')
    act(() => host.emit('sync.changed', { status: status({ state: 'attention', issues: 1 }) }))
    expect(live.textContent).toBe('Sync needs attention: 1 change the server did not take.')
  })
})
