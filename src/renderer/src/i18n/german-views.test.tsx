// A German technician's Settings and Work items: the views read German when German is
// chosen or when the system speaks it, and switch at once when the choice changes.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { workItem } from '../testing/work-items'
import { SettingsView } from '../views/SettingsView'
import { WorkView } from '../views/WorkView'
import { createWorkStore } from '../work/work-store'
import { I18nProvider } from './i18n-context'

afterEach(cleanup)

const ticket = workItem('w1', 'TICKET-1001', 'Drucker im 2. OG')

function germanHost(language: Settings['language'] = 'de') {
  let settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), language }
  const host = scriptedHost({
    'settings.get': () => settings,
    'settings.update': (patch) => {
      settings = applySettingsPatch(settings, patch)
      return settings
    },
    'settings.shortcutStatus': () => ({ available: false, entries: [] }),
    'sync.account': () => null,
    'sync.status': () => ({ state: 'standalone', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null }),
    'work.listItems': () => [ticket],
    'work.listActivityTypes': () => [{ id: 'a1', name: 'Fernwartung', active: true, isDefault: true }],
    'work.listCustomers': () => [],
    'work.listContracts': () => [],
  })
  return { ...host, settings: () => settings }
}

function renderIn(host: ReturnType<typeof germanHost>, view: ReactNode, system: readonly string[] = ['en-GB']) {
  render(
    <ClientContext.Provider value={host.client}>
      <I18nProvider client={host.client} system={system}>
        {view}
      </I18nProvider>
    </ClientContext.Provider>,
  )
}

describe('Settings in German', () => {
  it('reads German in every section, with German weekdays and the decimal comma', async () => {
    const host = germanHost('de')
    renderIn(host, <SettingsView />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Einstellungen' })).toBeTruthy()
    for (const name of ['Timer', 'Stundenzettel', 'Team-Server', 'Globale Tastenkürzel', 'Erinnerungen', 'Darstellung', 'Programmstart']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy()
    }
    expect(screen.getByRole('combobox', { name: 'Woche beginnt am' })).toHaveProperty('value', '1')
    expect(screen.getByRole('option', { name: 'Montag' })).toBeTruthy()
    expect(screen.getByRole('checkbox', { name: 'Dienstag' })).toBeTruthy()
    expect(screen.getByRole('option', { name: 'Dezimalstunden (1,50)' })).toBeTruthy()
    expect(screen.getByText(/Beispiel|Abgerechnet wird genau die erfasste Zeit/)).toBeTruthy()
    await waitFor(() => expect(document.documentElement.lang).toBe('de'))
  })

  it('a duration typed the German way is read and a German problem is named', async () => {
    const host = germanHost('de')
    renderIn(host, <SettingsView />)
    const monday = await screen.findByRole('textbox', { name: 'Montag' })
    fireEvent.change(monday, { target: { value: '7,5' } })
    fireEvent.blur(monday)
    await waitFor(() => expect(host.settings().timesheet.expectedSeconds[1]).toBe(7.5 * 3600))
    expect(await screen.findByText('Gespeichert')).toBeTruthy()
  })

  it('follows the system’s language with System chosen', async () => {
    const host = germanHost('system')
    renderIn(host, <SettingsView />, ['de-AT', 'en'])
    expect(await screen.findByRole('heading', { level: 1, name: 'Einstellungen' })).toBeTruthy()
    expect(screen.getByRole('option', { name: 'System (Deutsch)' })).toBeTruthy()
  })

  it('switches language live when Deutsch is chosen, and back', async () => {
    const host = germanHost('en')
    renderIn(host, <SettingsView />)
    await screen.findByRole('heading', { level: 1, name: 'Settings' })
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'de' } })
    await waitFor(() => expect(host.requestsTo('settings.update')).toEqual([{ language: 'de' }]))
    // The host pushes the change to every window, this one included.
    act(() => host.emit('settings.changed', { settings: host.settings() }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Einstellungen' })).toBeTruthy()
    fireEvent.change(screen.getByRole('combobox', { name: 'Sprache' }), { target: { value: 'en' } })
    await waitFor(() => expect(host.settings().language).toBe('en'))
    act(() => host.emit('settings.changed', { settings: host.settings() }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy()
  })
})

describe('Work items in German', () => {
  it('the list, its columns and the activity types read German', async () => {
    const host = germanHost('de')
    renderIn(host, <WorkView work={createWorkStore(host.client)} />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Arbeitselemente' })).toBeTruthy()
    const table = await screen.findByRole('table', { name: 'Alle Arbeitselemente' })
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent)
    expect(headers).toEqual(['Referenz', 'Titel', 'Art', 'Kunde', 'Abrechenbar', 'Aktiv', 'Aktionen'])
    const row = within(table).getByRole('row', { name: /TICKET-1001/ })
    expect(within(row).getByText('Ticket')).toBeTruthy()
    expect(within(row).getByText('Kein Kunde')).toBeTruthy()
    expect(within(row).getByRole('button', { name: 'TICKET-1001 bearbeiten' })).toBeTruthy()
    expect(screen.getByText('1 Arbeitselement')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Tätigkeitsarten' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Neues Arbeitselement' })).toBeTruthy()
  })

  it('a search with no match says so in German', async () => {
    const host = germanHost('de')
    renderIn(host, <WorkView work={createWorkStore(host.client)} />)
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Suche' }), { target: { value: 'Switch' } })
    expect(await screen.findByText('Keine Arbeitselemente passen zu „Switch“.')).toBeTruthy()
    expect(screen.getByText('0 von 1 Arbeitselement')).toBeTruthy()
  })
})
