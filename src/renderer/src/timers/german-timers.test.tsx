// A German technician's Timers view: cards, the editor with its start time, the idle
// question, time kept aside for a locked week and the recent list all read German, with
// German days ("So 15. Nov.") and German plurals.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { TimeEntry } from '@shared/entries'
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import { DEFAULT_TIMER_COLORS, type GapPrompt, type HeldTime, type Timer } from '@shared/timers'
import { ClientContext } from '../client-context'
import { I18nProvider } from '../i18n/i18n-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { workItem } from '../testing/work-items'
import { TimersView } from '../views/TimersView'
import { createWorkStore } from '../work/work-store'
import { createTimersStore } from './timers-store'

afterEach(cleanup)

const SUNDAY_22H = new Date(2026, 10, 15, 22, 0).getTime()
const ticket = workItem('w1', 'TICKET-1001', 'Drucker im 2. OG')

function timer(slot: number, over: Partial<Timer> = {}): Timer {
  return {
    id: `t${slot}`,
    slot,
    label: `Timer ${slot}`,
    color: DEFAULT_TIMER_COLORS[slot - 1] ?? '#336699',
    state: 'idle',
    workItemId: null,
    activityTypeId: null,
    billable: true,
    note: '',
    closedSeconds: 0,
    runningSince: null,
    ...over,
  }
}

const heldTime: HeldTime = {
  id: 'h1',
  kind: 'locked-period',
  slot: 2,
  timerLabel: 'Timer 2',
  fromAt: SUNDAY_22H,
  toAt: SUNDAY_22H + 2 * 3_600_000,
  seconds: 7200,
  days: [
    { day: '2026-11-15', seconds: 3600, locked: true },
    { day: '2026-11-16', seconds: 3600, locked: true },
  ],
  lock: 'approvedStandalone',
  today: '2026-11-17',
  todayOpen: true,
  keptAside: true,
  workItemId: null,
  activityTypeId: null,
  billable: true,
  description: '',
}

const entry: TimeEntry = {
  id: 'e1',
  day: '2026-11-16',
  workItemId: 'w1',
  activityTypeId: null,
  billable: false,
  description: '',
  source: 'timer',
  rawSeconds: 5400,
  roundedSeconds: 5400,
  status: 'draft',
  timerId: 't1',
  ranges: [{ startedAt: new Date(2026, 10, 16, 9, 0).getTime(), endedAt: new Date(2026, 10, 16, 10, 30).getTime() }],
}

function showInGerman(handlers: ScriptedHandlers = {}) {
  const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), language: 'de' }
  const host = scriptedHost({
    'settings.get': () => settings,
    'timers.list': () => [timer(1, { state: 'running', runningSince: Date.now() - 65_000, workItemId: 'w1', label: 'TICKET-1001' }), timer(2, { state: 'paused', closedSeconds: 600 }), timer(3)],
    'work.listItems': () => [ticket],
    'work.listActivityTypes': () => [{ id: 'a1', name: 'Fernwartung', active: true, isDefault: true }],
    'work.listCustomers': () => [],
    'entries.list': () => [entry],
    'prompts.list': () => [],
    'prompts.keptAside': () => [heldTime],
    'prompts.resolve': () => [],
    ...handlers,
  })
  const store = createTimersStore(host.client)
  void store.getState().load()
  const work = createWorkStore(host.client)
  void work.getState().load()
  render(
    <ClientContext.Provider value={host.client}>
      <I18nProvider client={host.client} system={['en-GB']}>
        <TimersView store={store} work={work} />
      </I18nProvider>
    </ClientContext.Provider>,
  )
  return host
}

describe('the Timers view in German', () => {
  it('reads German on the cards, in the summary and in the key hint', async () => {
    showInGerman()
    expect(await screen.findByRole('heading', { level: 1, name: 'Timer' })).toBeTruthy()
    expect(await screen.findByText('1 läuft · 1 pausiert')).toBeTruthy()
    expect(screen.getByText(/Die Tasten/).querySelectorAll('kbd')).toHaveLength(3)
    const running = screen.getByRole('article', { name: 'TICKET-1001' })
    expect(within(running).getByRole('button', { name: 'TICKET-1001 pausieren' })).toBeTruthy()
    expect(within(running).getByRole('button', { name: 'TICKET-1001 stoppen' })).toBeTruthy()
    expect(within(running).getByText('Fernwartung (Standard)')).toBeTruthy()
    expect(within(running).getByText('Läuft')).toBeTruthy()
    expect(within(running).getByRole('timer').getAttribute('aria-label')).toMatch(/^TICKET-1001: 1 Min\. vergangen$/)
    const paused = screen.getByRole('article', { name: 'Timer 2' })
    expect(within(paused).getByRole('button', { name: 'Timer 2 fortsetzen' })).toBeTruthy()
    expect(within(paused).getByText('Kein Arbeitselement')).toBeTruthy()
    expect(within(screen.getByRole('article', { name: 'Timer 3' })).getByRole('button', { name: 'Timer 3 starten' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Alle pausieren' })).toBeTruthy()
  })

  it('edits a timer in German, its start time too', async () => {
    showInGerman()
    fireEvent.click(await screen.findByRole('button', { name: 'TICKET-1001 bearbeiten' }))
    const dialog = await screen.findByRole('dialog', { name: 'TICKET-1001 bearbeiten' })
    expect(within(dialog).getByRole('textbox', { name: 'Bezeichnung' })).toBeTruthy()
    expect(within(dialog).getByRole('group', { name: 'Gestartet um' })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: '10 Minuten früher starten' })).toBeTruthy()
    expect(within(dialog).getByRole('combobox', { name: 'Tätigkeitsart' })).toBeTruthy()
    expect(within(dialog).getByRole('checkbox', { name: 'Abrechenbar' })).toBeTruthy()
    expect(within(dialog).getByRole('textbox', { name: 'Notiz (wird zur Beschreibung des Eintrags)' })).toBeTruthy()
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Startzeit von TICKET-1001' }), { target: { value: 'neun' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start setzen' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Geben Sie den Start als Uhrzeit ein, etwa 9:05. Es wurde nichts geändert.')
  })

  it('shows kept-aside time and the recent list with German days', async () => {
    showInGerman()
    const kept = await screen.findByRole('region', { name: 'Zurückgelegt für gesperrte Zeiträume' })
    expect(within(kept).getByText('So 15. Nov. und Mo 16. Nov.')).toBeTruthy()
    expect(within(kept).getByRole('button', { name: '2 Std. 0 Min. von Timer 2 heute buchen' })).toBeTruthy()
    const recent = screen.getByRole('region', { name: 'Diese Woche von Timern gebucht' })
    expect(await within(recent).findByRole('button', { name: 'TICKET-1001 · Drucker im 2. OG vom Mo 16. Nov. fortsetzen' })).toBeTruthy()
    expect(within(recent).getByRole('columnheader', { name: 'Gerundet' })).toBeTruthy()
    expect(within(recent).getByRole('cell', { name: 'Nein' })).toBeTruthy()
  })

  it('asks about time in a locked period in German, the lock saying why from which lock it is', async () => {
    showInGerman({ 'prompts.list': () => [{ ...heldTime, keptAside: false }], 'prompts.keptAside': () => [] })
    const dialog = await screen.findByRole('dialog', { name: 'Zeit in einem gesperrten Zeitraum: Timer 2' })
    expect(within(dialog).getByText(/^Dieser Zeitraum ist genehmigt und gesperrt\. Ohne Team-Server/)).toBeTruthy()
    expect(dialog.textContent).not.toMatch(/approved|locked/)
  })

  it('asks about idle time in German, counting the questions that follow', async () => {
    const idle = (id: string): GapPrompt => ({ id, kind: 'idle', slot: 1, timerLabel: 'TICKET-1001', fromAt: SUNDAY_22H, toAt: SUNDAY_22H + 20 * 60_000 })
    showInGerman({ 'prompts.list': () => [idle('p1'), idle('p2'), idle('p3')] })
    const dialog = await screen.findByRole('dialog', { name: 'Sie waren abwesend: TICKET-1001' })
    expect(dialog.textContent).toContain('Keine Aktivität zwischen 22:00 und 22:20 (0:20), während TICKET-1001 lief. Was soll mit dieser Zeit geschehen? (danach noch 2 Fragen)')
    expect(within(dialog).getByRole('button', { name: 'Abwesenheit verwerfen' })).toBeTruthy()
    expect(within(dialog).getByRole('combobox', { name: 'Oder die 0:20 auf einen anderen Timer verschieben' })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Auf ein Arbeitselement buchen' })).toBeTruthy()
  })
})
