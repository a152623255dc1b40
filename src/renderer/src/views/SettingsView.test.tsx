import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StintError } from '@shared/errors'
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings, type ShortcutStatusReport } from '@shared/settings'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { SettingsView } from './SettingsView'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

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
    'sync.account': () => null,
    'sync.status': () => ({ state: 'standalone', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null }),
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

  it('has a Team server section after Timesheet, not connected on a fresh device', async () => {
    const host = settingsHost()
    await renderSettings(host)
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
    expect(headings.indexOf('Team server')).toBe(headings.indexOf('Timesheet') + 1)
    expect(await within(section('Team server')).findByRole('button', { name: 'Connect' })).toBeTruthy()
    expect(host.requestsTo('sync.account')).toEqual([{}])
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

  it('chooses the theme: System at first, Light or Dark saved at once as a one-field patch', async () => {
    const host = settingsHost()
    await renderSettings(host)
    const theme = within(section('Appearance')).getByRole('group', { name: 'Theme' })
    const radio = (name: string) => within(theme).getByRole<HTMLInputElement>('radio', { name })
    expect(['System', 'Light', 'Dark'].map((name) => radio(name).checked)).toEqual([true, false, false])
    fireEvent.click(radio('Dark'))
    await waitFor(() => expect(within(section('Appearance')).getByRole('status').textContent).toContain('Saved'))
    expect(host.requestsTo('settings.update')).toEqual([{ appearance: { theme: 'dark' } }])
    expect(radio('Dark').checked).toBe(true)
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
  describe('Timesheet', () => {
    const timesheet = () => section('Timesheet')
    const field = (label: string) => within(timesheet()).getByLabelText<HTMLInputElement>(label)
    const pick = (label: string, value: string) => fireEvent.change(within(timesheet()).getByLabelText(label), { target: { value } })
    const expected = (day: string) => within(timesheet()).getByRole<HTMLInputElement>('textbox', { name: day })

    it('comes after Timers, and saves a monthly period as a one-field patch', async () => {
      const host = settingsHost()
      await renderSettings(host)
      const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
      expect(headings.indexOf('Timesheet')).toBe(headings.indexOf('Timers') + 1)
      pick('Period', 'monthly')
      await waitFor(() => expect(host.requestsTo('settings.update')).toEqual([{ timesheet: { periodRule: { kind: 'monthly' } } }]))
      await waitFor(() => expect(within(timesheet()).getByRole('status').textContent).toContain('Saved'))
      // Only weekly and bi-weekly periods have a first day of the week.
      expect(within(timesheet()).queryByLabelText('Week starts on')).toBeNull()
    })

    it('saves weeks starting on Sunday', async () => {
      const host = settingsHost()
      await renderSettings(host)
      expect(field('Week starts on').value).toBe('1')
      pick('Week starts on', '0')
      await waitFor(() => expect(host.requestsTo('settings.update')).toEqual([{ timesheet: { periodRule: { kind: 'weekly', weekStartsOn: 0 } } }]))
      expect(host.settings().timesheet.periodRule).toEqual({ kind: 'weekly', weekStartsOn: 0 })
    })

    it('starts a two-week period on the first day of this week, and refuses a start on another weekday', async () => {
      // Wednesday 18 November 2026: this week began on Monday the 16th.
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(new Date('2026-11-18T10:00:00'))
      const host = settingsHost()
      render(
        <ClientContext.Provider value={host.client}>
          <SettingsView />
        </ClientContext.Provider>,
      )
      await screen.findByRole('heading', { name: 'Timesheet' })
      pick('Period', 'biweekly')
      await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(1))
      const sent = host.requestsTo('settings.update')[0] as { timesheet: { periodRule: { kind: string; anchor: string; weekStartsOn: number } } }
      expect(sent.timesheet.periodRule).toEqual({ kind: 'biweekly', weekStartsOn: 1, anchor: '2026-11-16' })
      const anchor = await waitFor(() => field('A two-week period starts on'))
      expect(anchor.value).toBe(sent.timesheet.periodRule.anchor)

      fireEvent.change(anchor, { target: { value: '2026-11-18' } })
      expect(within(timesheet()).getByRole('alert').textContent).toBe('2026-11-18 is a Wednesday; a two-week period starts on a Monday, the first day of the week.')
      expect(anchor.getAttribute('aria-invalid')).toBe('true')
      expect(host.requestsTo('settings.update')).toHaveLength(1)

      fireEvent.change(anchor, { target: { value: '2026-11-30' } })
      await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(2))
      expect(host.requestsTo('settings.update')[1]).toEqual({ timesheet: { periodRule: { kind: 'biweekly', weekStartsOn: 1, anchor: '2026-11-30' } } })
      expect(within(timesheet()).queryByRole('alert')).toBeNull()
    })

    it('saves expected hours typed as a duration on blur, Friday "6" as 21600 seconds at index 5', async () => {
      const host = settingsHost()
      await renderSettings(host)
      const friday = expected('Friday')
      expect(friday.value).toBe('8:00')
      expect(within(timesheet()).getByText('Fri')).toBeTruthy()
      fireEvent.change(friday, { target: { value: '6' } })
      fireEvent.blur(friday)
      await waitFor(() => expect(host.requestsTo('settings.update')).toEqual([{ timesheet: { expectedSeconds: [0, 28800, 28800, 28800, 28800, 21600, 0] } }]))
      expect(friday.value).toBe('6:00')

      const saturday = expected('Saturday')
      fireEvent.change(saturday, { target: { value: '7.5h' } })
      fireEvent.keyDown(saturday, { key: 'Enter' })
      await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(2))
      expect(host.requestsTo('settings.update')[1]).toEqual({ timesheet: { expectedSeconds: [0, 28800, 28800, 28800, 28800, 21600, 27000] } })
    })

    it('refuses an expected value that is not a duration, at the field and without a request', async () => {
      const host = settingsHost()
      await renderSettings(host)
      const monday = expected('Monday')
      fireEvent.change(monday, { target: { value: 'eight' } })
      fireEvent.blur(monday)
      expect(within(timesheet()).getByRole('alert').textContent).toMatch(/^Monday: "eight" is not a duration/)
      expect(monday.getAttribute('aria-invalid')).toBe('true')
      expect(monday.value).toBe('eight')
      fireEvent.change(monday, { target: { value: '25' } })
      fireEvent.keyDown(monday, { key: 'Enter' })
      expect(within(timesheet()).getByRole('alert').textContent).toBe('Monday: A day has at most 24 hours.')
      expect(host.requestsTo('settings.update')).toEqual([])

      fireEvent.change(monday, { target: { value: '7:30' } })
      fireEvent.blur(monday)
      await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(1))
      expect(within(timesheet()).queryByRole('alert')).toBeNull()
    })

    it('saves the display unit, and a custom label only once it has one', async () => {
      const host = settingsHost()
      await renderSettings(host)
      expect(within(timesheet()).getByText(/The unit changes only how time is shown; stored time never changes\./)).toBeTruthy()
      pick('Display unit', 'decimal')
      await waitFor(() => expect(host.requestsTo('settings.update')).toEqual([{ timesheet: { unit: 'decimal' } }]))
      expect(within(timesheet()).getByText('1 h 30 min shows as 1.50.')).toBeTruthy()

      pick('Display unit', 'custom')
      const label = field('Unit label')
      fireEvent.blur(label)
      expect(within(timesheet()).getByRole('alert').textContent).toBe('Enter a label for the unit, such as units or pts.')
      fireEvent.change(label, { target: { value: 'x'.repeat(21) } })
      fireEvent.blur(label)
      expect(within(timesheet()).getByRole('alert').textContent).toMatch(/at most 20 characters/)
      expect(host.requestsTo('settings.update')).toHaveLength(1)

      fireEvent.change(label, { target: { value: ' pts ' } })
      fireEvent.keyDown(label, { key: 'Enter' })
      await waitFor(() => expect(host.requestsTo('settings.update')).toHaveLength(2))
      expect(host.requestsTo('settings.update')[1]).toEqual({ timesheet: { unit: { custom: 'pts' } } })
      expect(host.settings().timesheet.unit).toEqual({ custom: 'pts' })
      expect(within(timesheet()).getByText(/1 h 30 min shows as 1\.5 pts/)).toBeTruthy()
    })
  })
})
