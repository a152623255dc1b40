import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { refuse } from '@shared/errors'
import type { LocalTicketSystem } from '@shared/ticket-systems/local-systems'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { TicketSystemsSettings } from './TicketSystemsSettings'

afterEach(cleanup)

const redmine: LocalTicketSystem = { id: 'ts1', kind: 'redmine', name: 'Redmine', baseUrl: 'https://redmine.example.com', activityMap: {}, active: true, hasCredentials: true }
const failedWrite = { id: 'w1', entryId: 'e1', day: '2026-11-16', system: 'Redmine', ticketUrl: 'https://redmine.example.com/issues/42', seconds: 3600, state: 'failed' as const, url: null, reason: 'Activity cannot be blank', attempts: 1 }

function renderPanel(handlers: ScriptedHandlers) {
  const host = scriptedHost({
    'tickets.systems': () => ({ mode: 'standalone', systems: [redmine] }),
    'tickets.writes': () => [failedWrite],
    'work.listActivityTypes': () => [{ id: 'a1', name: 'Remote support', active: true, isDefault: true }],
    ...handlers,
  })
  render(
    <ClientContext.Provider value={host.client}>
      <TicketSystemsSettings />
    </ClientContext.Provider>,
  )
  return host
}

describe('Settings → Ticket systems', () => {
  it('adds a system with the credential fields of its kind, tests it, maps an activity type and retries a failed write', async () => {
    const host = renderPanel({
      'tickets.testSystem': () => ({ ok: true, activities: [{ id: '9', name: 'Development' }], reason: null }),
      'tickets.updateSystem': ({ id }) => ({ ...redmine, id, activityMap: { a1: '9' } }),
      'tickets.retryWrites': () => ({ retried: 1 }),
    })
    const list = await screen.findByRole('list', { name: 'Your ticket systems' })
    expect(within(list).getByRole('listitem', { name: 'Redmine' })).toBeTruthy()
    expect(await screen.findByText('Mon 16 Nov, Redmine: Activity cannot be blank')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'https://rt.example.com' } })
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'rt' } })
    expect(screen.queryByLabelText('API key')).toBeNull()
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: 's3cret' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add ticket system' }))
    await waitFor(() => expect(host.requestsTo('tickets.addSystem')).toEqual([{ kind: 'rt', name: 'Request Tracker', baseUrl: 'https://rt.example.com', credentials: { token: 's3cret' } }]))

    fireEvent.click(screen.getByRole('button', { name: 'Test Redmine' }))
    expect((await screen.findByText('Connected: 1 activity.')).getAttribute('role')).toBe('status')
    fireEvent.change(within(screen.getByRole('group', { name: 'Activities in Redmine' })).getByLabelText('Remote support'), { target: { value: '9' } })
    await waitFor(() => expect(host.requestsTo('tickets.updateSystem')).toEqual([{ id: 'ts1', activityMap: { a1: '9' } }]))

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(host.requestsTo('tickets.retryWrites')).toEqual([{ id: 'w1' }]))
  })

  it('says why a system was refused', async () => {
    renderPanel({
      'tickets.addSystem': () => {
        throw refuse('invalid_request', 'refusal.ticket.badSettings', { fields: 'apiKey' })
      },
    })
    fireEvent.change(await screen.findByLabelText('Address'), { target: { value: 'https://redmine.example.com' } })
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'x' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add ticket system' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The ticket system’s settings are incomplete or wrong (apiKey). Nothing was changed.'))
  })

  it('with a team server, says the server writes back and offers nothing to set up', async () => {
    renderPanel({ 'tickets.systems': () => ({ mode: 'server', systems: [] }) })
    expect(await screen.findByText(/^Your team server writes approved time back to tickets/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Add ticket system' })).toBeNull()
  })
})
