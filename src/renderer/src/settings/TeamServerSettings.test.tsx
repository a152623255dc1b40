import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import type { SyncStatus, TeamAccount } from '@shared/sync'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { TeamServerSettings } from './TeamServerSettings'

afterEach(cleanup)

const TOKEN = 'stint-dev-7Qm2vX9kLp4Rt8Wz3Yb6Nc1Hd5Jf0Gs'
const ACCOUNT: TeamAccount = {
  url: 'https://timesheets.example.com',
  userId: 'u1',
  name: 'Ana Lima',
  email: 'ana.lima@example.com',
  role: 'approver',
  approverLevels: [1],
  tokenProtection: 'keychain',
}
const status = (patch: Partial<SyncStatus> = {}): SyncStatus => ({ state: 'synced', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null, ...patch })

function teamHost(options: { account?: TeamAccount | null; status?: SyncStatus; extra?: ScriptedHandlers } = {}) {
  let account = options.account ?? null
  let current = options.status ?? status({ state: account ? 'synced' : 'standalone' })
  const host = scriptedHost({
    'sync.account': () => account,
    'sync.status': () => current,
    'sync.now': () => current,
    'sync.connect': ({ url }) => {
      account = { ...ACCOUNT, url, tokenProtection: 'memory' }
      current = status({ state: 'syncing' })
      return account
    },
    'sync.disconnect': () => {
      // What the host does today: the token goes, the account is remembered for the next connection.
      current = status({ state: 'unauthorized', message: 'Not signed in to the team server: paste the device token in Settings → Team server.' })
      return {}
    },
    ...options.extra,
  })
  return host
}

async function renderTeam(host: ReturnType<typeof teamHost>) {
  render(
    <ClientContext.Provider value={host.client}>
      <TeamServerSettings />
    </ClientContext.Provider>,
  )
  const section = screen.getByRole('region', { name: 'Team server' })
  await waitFor(() => expect(within(section).queryByText('Loading…')).toBeNull())
  return section
}

const fill = (section: HTMLElement, label: string, value: string) => fireEvent.change(within(section).getByLabelText(label), { target: { value } })

describe('Settings → Team server', () => {
  it('not connected: a form with the address and a password field for the token, without autocomplete', async () => {
    const section = await renderTeam(teamHost())
    const token = within(section).getByLabelText<HTMLInputElement>('Device token')
    expect(token.type).toBe('password')
    expect(token.autocomplete).toBe('off')
    expect(within(section).getByLabelText<HTMLInputElement>('Server address').type).toBe('url')
    expect(within(section).getByText(/Until then everything stays on this device/)).toBeTruthy()
    expect(within(section).getByRole('button', { name: 'Connect' })).toBeTruthy()
  })

  it('names a missing address and a token cut short at their fields, and sends nothing', async () => {
    const host = teamHost()
    const section = await renderTeam(host)
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }))
    const address = within(section).getByLabelText('Server address')
    expect(address.getAttribute('aria-invalid')).toBe('true')
    expect(within(section).getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Enter the server address, such as https://timesheets.example.com.',
      'Paste the device token your administrator gave you.',
    ])
    expect(document.activeElement).toBe(address)

    fill(section, 'Server address', 'https://ts.example.com')
    fill(section, 'Device token', 'abc123')
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }))
    expect(within(section).getByRole('alert').textContent).toBe('A device token is at least 20 characters long (this one has 6); paste all of it.')
    expect(host.requestsTo('sync.connect')).toEqual([])
  })

  it('shows the host’s refusal beside the form, with what was typed kept', async () => {
    const refusal = 'The team server at http://127.0.0.1:9 cannot be reached (fetch failed). Nothing was changed.'
    const host = teamHost({
      extra: {
        'sync.connect': () => {
          throw new StintError('unavailable', refusal)
        },
      },
    })
    const section = await renderTeam(host)
    fill(section, 'Server address', 'http://127.0.0.1:9')
    fill(section, 'Device token', TOKEN)
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }))
    expect((await within(section).findByRole('alert')).textContent).toBe(refusal)
    expect(host.requestsTo('sync.connect')).toEqual([{ url: 'http://127.0.0.1:9', token: TOKEN }])
    expect(within(section).getByLabelText<HTMLInputElement>('Server address').value).toBe('http://127.0.0.1:9')
    expect(within(section).getByLabelText<HTMLInputElement>('Device token').value).toBe(TOKEN)
  })

  it('connects with the trimmed address and token, then shows the account, and that the browser host forgets the token', async () => {
    const host = teamHost()
    const section = await renderTeam(host)
    fill(section, 'Server address', '  https://timesheets.example.com ')
    fill(section, 'Device token', ` ${TOKEN}\n`)
    fireEvent.submit(within(section).getByLabelText('Device token').closest('form') as HTMLFormElement)
    await within(section).findByText('Signed in as')
    expect(host.requestsTo('sync.connect')).toEqual([{ url: 'https://timesheets.example.com', token: TOKEN }])
    expect(within(section).getByRole('status').textContent).toBe('Connected as Ana Lima.')
    expect(section.textContent).toContain('Ana Lima · ana.lima@example.com')
    expect(section.textContent).toContain('Approver · approves at level 1')
    expect(within(section).getByText('In memory only, until the browser host stops.')).toBeTruthy()
    expect(within(section).getByText(/forgets it when it stops/)).toBeTruthy()
    expect(within(section).queryByLabelText('Device token')).toBeNull()
  })

  it('keychain: no warning; "Sync now" runs a round', async () => {
    const host = teamHost({ account: ACCOUNT })
    const section = await renderTeam(host)
    expect(within(section).getByText('Encrypted by the operating system’s keychain.')).toBeTruthy()
    expect(within(section).queryByRole('note')).toBeNull()
    fireEvent.click(within(section).getByRole('button', { name: 'Sync now' }))
    await waitFor(() => expect(host.requestsTo('sync.now')).toEqual([{}]))
  })

  it('plain-text: a visible warning that the token is stored without encryption', async () => {
    const section = await renderTeam(teamHost({ account: { ...ACCOUNT, tokenProtection: 'plain-text' } }))
    const warning = within(section).getByRole('note', { name: 'Token not encrypted' })
    expect(warning.textContent).toContain('The token is stored without encryption.')
    expect(warning.textContent).toContain('On this Linux system no keyring')
  })

  it('follows the sync state, with a link to what needs attention', async () => {
    const host = teamHost({ account: ACCOUNT })
    const section = await renderTeam(host)
    act(() => host.emit('sync.changed', { status: status({ state: 'attention', issues: 2 }) }))
    expect(within(section).getByRole('link', { name: 'Review 2 issues' }).getAttribute('href')).toBe('#attention')
  })

  it('signs out only after a confirmation that says the local data stays', async () => {
    const host = teamHost({ account: ACCOUNT, status: status({ pending: 4, state: 'pending' }) })
    const section = await renderTeam(host)
    fireEvent.click(within(section).getByRole('button', { name: 'Sign out…' }))
    const dialog = screen.getByRole('dialog', { name: 'Sign out of the team server?' })
    expect(dialog.textContent).toContain('Your time, periods and work items stay on this device')
    expect(dialog.textContent).toContain('4 changes have not reached the server yet; they stay here too')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(host.requestsTo('sync.disconnect')).toEqual([])

    fireEvent.click(within(section).getByRole('button', { name: 'Sign out…' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('sync.disconnect')).toEqual([{}])
    expect(within(section).getByRole('note', { name: 'Not signed in' }).textContent).toContain('Signed out of https://timesheets.example.com.')
    // The address is kept for the next connection; only a token is needed.
    expect(within(section).getByLabelText<HTMLInputElement>('Server address').value).toBe('https://timesheets.example.com')
    expect(within(section).getByRole('status').textContent).toBe('Signed out. Your data stays on this device.')
  })

  it('a refused token asks for a new one, with the host’s reason', async () => {
    const message = 'The team server refused the token: this device token was revoked.'
    const section = await renderTeam(teamHost({ account: ACCOUNT, status: status({ state: 'unauthorized', message }) }))
    await waitFor(() => expect(within(section).getByRole('note', { name: 'Not signed in' }).textContent).toContain(message))
    expect(within(section).getByLabelText('Device token')).toBeTruthy()
    expect(within(section).queryByRole('button', { name: 'Sign out…' })).toBeNull()
  })
})
