import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings, type ShortcutStatusReport } from '@shared/settings'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { SettingsView } from './SettingsView'

afterEach(cleanup)

/** Every shortcut registered, as the desktop app reports it on a quiet machine. */
function registeredReport(settings: Settings): ShortcutStatusReport {
  return {
    available: true,
    entries: [
      ...settings.shortcuts.toggle.map((accelerator, i) => ({ purpose: `toggle ${i + 1}`, slot: i + 1, accelerator, status: 'registered' as const })),
      { purpose: 'pause all', slot: null, accelerator: settings.shortcuts.pauseAll, status: 'registered' as const },
    ],
  }
}

function settingsHost(options: { refuseUpdate?: string; report?: (settings: Settings) => ShortcutStatusReport } = {}) {
  let settings: Settings = structuredClone(DEFAULT_SETTINGS)
  const host = scriptedHost({
    'settings.get': () => settings,
    'settings.update': (patch) => {
      if (options.refuseUpdate) throw new StintError('unavailable', options.refuseUpdate)
      settings = applySettingsPatch(settings, patch)
      return settings
    },
    'settings.shortcutStatus': () => (options.report ?? registeredReport)(settings),
  })
  return { ...host, settings: () => settings }
}

async function renderSettings(host: ReturnType<typeof settingsHost>) {
  render(
    <ClientContext.Provider value={host.client}>
      <SettingsView />
    </ClientContext.Provider>,
  )
  await screen.findByRole('heading', { name: 'Timers' })
}

const section = (name: string) => screen.getByRole('region', { name })
const choose = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const shortcutField = (label: string) => screen.getByRole<HTMLInputElement>('textbox', { name: `Shortcut for ${label}` })

describe('Settings view', () => {
  it('shows the stored settings, and saves "Starting a timer pauses the others" at once as a one-field patch', async () => {
    const host = settingsHost()
    await renderSettings(host)
    const exclusive = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Starting a timer pauses the others' })
    expect(exclusive.checked).toBe(false)
    expect((screen.getByLabelText<HTMLSelectElement>('Idle detection')).value).toBe('10')
    expect((screen.getByRole<HTMLInputElement>('checkbox', { name: 'Start Stint at login' })).checked).toBe(true)
    expect((screen.getByRole<HTMLInputElement>('checkbox', { name: 'Remind me to start a timer' })).checked).toBe(false)

    fireEvent.click(exclusive)
    await waitFor(() => expect(within(section('Timers')).getByRole('status').textContent).toContain('Saved'))
    expect(host.requestsTo('settings.update')).toEqual([{ timers: { exclusive: true } }])
    expect(exclusive.checked).toBe(true)
  })

  it('turns idle detection off by saving idleMinutes null', async () => {
    const host = settingsHost()
    await renderSettings(host)
    choose('Idle detection', 'off')
    await waitFor(() => expect(host.requestsTo('settings.update')).toEqual([{ timers: { idleMinutes: null } }]))
    expect((screen.getByLabelText<HTMLSelectElement>('Idle detection')).value).toBe('off')
    choose('Idle detection', '45')
    await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(2))
    expect(host.requestsTo('settings.update')[1]).toEqual({ timers: { idleMinutes: 45 } })
  })

  it('saves the short-run threshold and a rounding rule, with the step only offered when rounding is on', async () => {
    const host = settingsHost()
    await renderSettings(host)
    choose('Ask before keeping runs shorter than', '0')
    const step = screen.getByLabelText<HTMLSelectElement>('Step')
    expect(step.disabled).toBe(true)
    choose('Rounding', 'up')
    await waitFor(() => expect(step.disabled).toBe(false))
    choose('Step', '6')
    await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(3))
    choose('Minimum billed', '15')
    await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(4))
    expect(host.requestsTo('settings.update')).toEqual([
      { timers: { shortEntrySeconds: 0 } },
      { timers: { rounding: { mode: 'up', minutes: 1 } } },
      { timers: { rounding: { mode: 'up', minutes: 6 } } },
      { timers: { rounding: { mode: 'up', minutes: 6, minimumMinutes: 15 } } },
    ])
    expect(screen.getByText('Example: 7 min 20 s bills as 15 min; 52 min 40 s bills as 54 min.')).toBeTruthy()
    expect(screen.getByText(/The raw time you recorded is always kept unchanged/)).toBeTruthy()
  })

  it('does not save a shortcut that is not one, and says why at the field', async () => {
    const host = settingsHost()
    await renderSettings(host)
    const field = shortcutField('Timer 3')
    fireEvent.change(field, { target: { value: 'Q' } })
    fireEvent.blur(field)
    expect(within(field.closest('td') as HTMLElement).getByRole('alert').textContent).toMatch(/Add at least one modifier/)
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(field.value).toBe('Q')

    fireEvent.change(field, { target: { value: 'Ctrl+Alt' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(within(field.closest('td') as HTMLElement).getByRole('alert').textContent).toMatch(/Add a key after the modifiers/)

    fireEvent.change(field, { target: { value: 'cmdorctrl+alt+1' } })
    fireEvent.blur(field)
    expect(within(field.closest('td') as HTMLElement).getByRole('alert').textContent).toBe('Timer 1 already uses CommandOrControl+Alt+1. Give each shortcut its own keys.')
    expect(host.requestsTo('settings.update')).toEqual([])

    fireEvent.change(field, { target: { value: 'CommandOrControl+Shift+F3' } })
    fireEvent.blur(field)
    await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(1))
    expect(host.requestsTo('settings.update')[0]).toEqual({ shortcuts: { toggle: DEFAULT_SETTINGS.shortcuts.toggle.map((a, i) => (i === 2 ? 'CommandOrControl+Shift+F3' : a)) } })
    expect(within(field.closest('td') as HTMLElement).queryByRole('alert')).toBeNull()
    // Each save asks for the registration report again.
    expect(host.requestsTo('settings.shortcutStatus')).toHaveLength(2)
  })

  it('switches a single shortcut off when its field is emptied', async () => {
    const host = settingsHost()
    await renderSettings(host)
    const field = shortcutField('Pause all')
    fireEvent.change(field, { target: { value: '' } })
    fireEvent.blur(field)
    await waitFor(() => expect(host.requestsTo('settings.update')).toEqual([{ shortcuts: { pauseAll: null } }]))
  })

  it('shows a shortcut another app holds as "Taken by another app", with the reason', async () => {
    const reason = 'CommandOrControl+Alt+2 is held by another application (or this desktop does not allow global shortcuts). Close that application or choose other keys.'
    const host = settingsHost({
      report: (settings) => {
        const report = registeredReport(settings)
        return { ...report, entries: report.entries.map((e) => (e.slot === 2 ? { ...e, status: 'taken' as const, reason } : e)) }
      },
    })
    await renderSettings(host)
    const row = (await screen.findByText('Taken by another app')).closest('tr') as HTMLElement
    expect(within(row).getByRole('rowheader').textContent).toBe('Timer 2')
    expect(within(row).getByText(reason)).toBeTruthy()
    const timer1 = shortcutField('Timer 1').closest('tr') as HTMLElement
    expect(within(timer1).getByText('Registered')).toBeTruthy()
    expect(screen.queryByText(/this browser window cannot register them/)).toBeNull()
  })

  it('follows the registration report pushed after shortcuts change, and explains when shortcuts are not available here', async () => {
    const host = settingsHost({ report: () => ({ available: false, entries: [] }) })
    await renderSettings(host)
    expect(await screen.findByText('Global shortcuts work in the desktop app; this browser window cannot register them.')).toBeTruthy()
    // Nothing to report here, so no status column at all.
    expect(within(section('Global shortcuts')).queryByRole('columnheader', { name: 'Status' })).toBeNull()

    const report = registeredReport(host.settings())
    act(() => host.emit('shortcuts.changed', { ...report, entries: report.entries.map((e) => (e.slot === null ? { ...e, status: 'invalid' as const, reason: 'Not a key.' } : e)) }))
    const pauseAll = shortcutField('Pause all').closest('tr') as HTMLElement
    expect(within(pauseAll).getByText('Invalid')).toBeTruthy()
    expect(within(pauseAll).getByText('Not a key.')).toBeTruthy()
    expect(within(section('Global shortcuts')).getByRole('columnheader', { name: 'Status' })).toBeTruthy()
    expect(screen.queryByText(/this browser window cannot register them/)).toBeNull()
  })

  it('puts the control back and shows the reason when a save is refused', async () => {
    const host = settingsHost({ refuseUpdate: 'The settings file could not be written (disk full)' })
    await renderSettings(host)
    const exclusive = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Starting a timer pauses the others' })
    fireEvent.click(exclusive)
    const alert = await within(section('Timers')).findByRole('alert')
    expect(alert.textContent).toBe('Not saved: The settings file could not be written (disk full). The previous value is kept.')
    expect(exclusive.checked).toBe(false)
    expect(within(section('Timers')).getByRole('status').textContent).toBe('')

    const field = shortcutField('Timer 5')
    fireEvent.change(field, { target: { value: 'Alt+Shift+5' } })
    fireEvent.blur(field)
    await within(section('Global shortcuts')).findByRole('alert')
    expect(field.value).toBe('CommandOrControl+Alt+5')
  })

  it('saves working days and hours of the reminder, refusing an end before the start', async () => {
    const host = settingsHost()
    await renderSettings(host)
    const days = screen.getByRole('group', { name: 'Working days' })
    expect(within(days).getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([true, true, true, true, true, false, false])
    fireEvent.click(within(days).getByRole('checkbox', { name: 'Friday' }))
    await waitFor(() => expect(host.requestsTo('settings.update')).toEqual([{ reminders: { days: [1, 2, 3, 4] } }]))
    fireEvent.click(within(days).getByRole('checkbox', { name: 'Sunday' }))
    await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(2))
    expect(host.requestsTo('settings.update')[1]).toEqual({ reminders: { days: [0, 1, 2, 3, 4] } })

    const from = screen.getByLabelText('From')
    fireEvent.change(from, { target: { value: '18:00' } })
    fireEvent.blur(from)
    expect(within(section('Reminders')).getByRole('alert').textContent).toBe('The end (17:00) must be later than the start (18:00).')
    expect(host.requestsTo('settings.update')).toHaveLength(2)

    fireEvent.change(from, { target: { value: '08:30' } })
    fireEvent.blur(from)
    await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(3))
    expect(host.requestsTo('settings.update')[2]).toEqual({ reminders: { from: '08:30', to: '17:00' } })
    expect(within(section('Reminders')).queryByRole('alert')).toBeNull()
  })
})
