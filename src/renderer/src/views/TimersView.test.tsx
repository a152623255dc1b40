import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { buildBridge, createClient } from '@shared/bridge'
import type { CallName } from '@shared/contract'
import type { TimeEntry } from '@shared/entries'
import type { Envelope } from '@shared/errors'
import { DEFAULT_TIMER_COLORS, type Timer, type TimerPrompt } from '@shared/timers'
import { ClientContext } from '../client-context'
import { createTimersStore } from '../timers/timers-store'
import { workItem } from '../testing/work-items'
import { createWorkStore } from '../work/work-store'
import { TimersView } from './TimersView'

afterEach(cleanup)

/** An in-memory host: the same bridge the app uses, with a scripted main process behind it. */
function fakeHost(options: { failStartWith?: Envelope<never>; shortStop?: number; prompts?: TimerPrompt[]; entries?: TimeEntry[] } = {}) {
  const timers: Timer[] = DEFAULT_TIMER_COLORS.map((color, i) => ({
    id: `t${i + 1}`,
    slot: i + 1,
    label: `Timer ${i + 1}`,
    color,
    state: 'idle',
    workItemId: null,
    activityTypeId: null,
    billable: true,
    note: '',
    closedSeconds: 0,
    runningSince: null,
  }))
  const calls: [CallName, unknown][] = []
  const ok = (value: unknown) => Promise.resolve({ ok: true as const, value })
  const bridge = buildBridge(
    (name, request) => {
      calls.push([name, request])
      const req = (request ?? {}) as { slot?: number; keepShort?: boolean }
      const index = timers.findIndex((t) => t.slot === req.slot)
      const current = timers[index]
      const set = (timer: Timer) => {
        timers[index] = timer
        return timer
      }
      switch (name) {
        case 'timers.list':
          return ok(timers)
        case 'prompts.list':
          return ok(options.prompts ?? [])
        case 'prompts.resolve':
          return ok(timers)
        case 'prompts.keptAside':
          return ok([])
        case 'work.listItems':
        case 'work.listActivityTypes':
        case 'work.listCustomers':
          return ok([])
        case 'entries.list':
          return ok(options.entries ?? [])
        case 'timers.start':
          if (options.failStartWith) return Promise.resolve(options.failStartWith)
          return ok(current && set({ ...current, state: 'running', runningSince: Date.now() }))
        case 'timers.pause':
          return ok(current && set({ ...current, state: 'paused', runningSince: null, closedSeconds: 30 }))
        case 'timers.stop':
          if (current && options.shortStop !== undefined && !req.keepShort) {
            return ok({ outcome: 'confirm-short', seconds: options.shortStop, timer: set({ ...current, state: 'paused', runningSince: null }) })
          }
          return ok(current && { outcome: 'stopped', entries: [], heldSeconds: 0, timer: set({ ...current, state: 'idle', runningSince: null, closedSeconds: 0 }) })
        default:
          return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: name } })
      }
    },
    () => () => undefined,
  )
  return { client: createClient(bridge), calls, timers }
}

function renderView(host: ReturnType<typeof fakeHost>) {
  const store = createTimersStore(host.client)
  const work = createWorkStore(host.client)
  void store.getState().load()
  render(
    <ClientContext.Provider value={host.client}>
      <TimersView store={store} work={work} />
    </ClientContext.Provider>,
  )
  return store
}

describe('Timers view', () => {
  it('lists the nine slots with their labels and a Start button each', async () => {
    renderView(fakeHost())
    expect(await screen.findAllByRole('article')).toHaveLength(9)
    for (let slot = 1; slot <= 9; slot++) expect(screen.getByRole('button', { name: `Start Timer ${slot}` })).toBeTruthy()
    expect(screen.getByText('No timer running')).toBeTruthy()
  })

  it('starts a timer through the client, then offers Pause and Stop', async () => {
    const host = fakeHost()
    renderView(host)
    fireEvent.click(await screen.findByRole('button', { name: 'Start Timer 4' }))
    const pause = await screen.findByRole('button', { name: 'Pause Timer 4' })
    expect(host.calls).toContainEqual(['timers.start', { slot: 4 }])
    const card = pause.closest('article') as HTMLElement
    expect(card.className).toContain('is-running')
    expect(within(card).getByRole('button', { name: 'Stop Timer 4' })).toBeTruthy()
    expect(screen.getByText('1 running')).toBeTruthy()
  })

  it('number keys start and pause timers when no field has the keyboard', async () => {
    const host = fakeHost()
    renderView(host)
    await screen.findAllByRole('article')
    fireEvent.keyDown(window, { key: '7' })
    await screen.findByRole('button', { name: 'Pause Timer 7' })
    fireEvent.keyDown(window, { key: '7' })
    await screen.findByRole('button', { name: 'Resume Timer 7' })
    expect(host.calls.filter(([name]) => name.startsWith('timers.') && name !== 'timers.list')).toEqual([
      ['timers.start', { slot: 7 }],
      ['timers.pause', { slot: 7 }],
    ])
  })

  it('a short run asks before it is kept', async () => {
    const host = fakeHost({ shortStop: 12 })
    renderView(host)
    fireEvent.click(await screen.findByRole('button', { name: 'Start Timer 2' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Stop Timer 2' }))
    const dialog = await screen.findByRole('dialog', { name: 'Keep this short entry?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep 12 s' }))
    await screen.findByRole('button', { name: 'Start Timer 2' })
    expect(host.calls).toContainEqual(['timers.stop', { slot: 2, keepShort: true }])
  })

  it('a crash gap is asked about, and the answer goes to the host', async () => {
    const host = fakeHost({ prompts: [{ id: 'p1', kind: 'crash-gap', slot: 3, timerLabel: 'Timer 3', fromAt: Date.now() - 3_600_000, toAt: Date.now() }] })
    renderView(host)
    const dialog = await screen.findByRole('dialog', { name: 'Stint was not running: Timer 3' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard the gap' }))
    await act(async () => {
      await Promise.resolve()
    })
    expect(host.calls).toContainEqual(['prompts.resolve', { id: 'p1', resolution: { action: 'discard' } }])
  })

  it('idle time can be booked to a work item found with the picker', async () => {
    const host = fakeHost({ prompts: [{ id: 'p2', kind: 'idle', slot: 3, timerLabel: 'Timer 3', fromAt: Date.now() - 3_600_000, toAt: Date.now() }] })
    const store = createTimersStore(host.client)
    const work = createWorkStore(host.client)
    work.setState({
      loaded: true,
      workItems: [workItem('w1', 'TICKET-9', 'VPN for Café Süd')],
    })
    void store.getState().load()
    render(
      <ClientContext.Provider value={host.client}>
        <TimersView store={store} work={work} />
      </ClientContext.Provider>,
    )
    const dialog = await screen.findByRole('dialog', { name: 'You were away: Timer 3' })
    const picker = within(dialog).getByRole('combobox', { name: /book the 1:00 to a work item/ })
    fireEvent.change(picker, { target: { value: 'cafe sud' } })
    fireEvent.keyDown(picker, { key: 'Enter' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Book it to TICKET-9' }))
    await act(async () => {
      await Promise.resolve()
    })
    expect(host.calls).toContainEqual(['prompts.resolve', { id: 'p2', resolution: { action: 'book-to-work-item', workItemId: 'w1' } }])
  })

  it('shows the host’s refusal in an alert instead of pretending it worked', async () => {
    renderView(fakeHost({ failStartWith: { ok: false, error: { code: 'conflict', message: 'Timer 2 is already running.' } } }))
    fireEvent.click(await screen.findByRole('button', { name: 'Start Timer 2' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Timer 2 is already running.')
    expect(screen.getByRole('button', { name: 'Start Timer 2' })).toBeTruthy()
  })

  it('follows changes pushed by the main process (tray, shortcuts)', async () => {
    const host = fakeHost()
    const store = renderView(host)
    await screen.findAllByRole('article')
    const running = host.timers.map((t) => (t.slot === 7 ? { ...t, state: 'running' as const, runningSince: Date.now() - 65_000 } : t))
    act(() => store.getState().replaceTimers(running))
    const card = screen.getByRole('button', { name: 'Pause Timer 7' }).closest('article') as HTMLElement
    expect(within(card).getByRole('timer').textContent).toMatch(/^0:01:0[5-6]$/)
  })
})

describe('the timer editor', () => {
  it('picking a work item names a default-named slot after it and takes its billable flag', async () => {
    const host = fakeHost()
    const store = createTimersStore(host.client)
    const work = createWorkStore(host.client)
    work.setState({
      loaded: true,
      workItems: [{ id: 'w1', kind: 'ticket', reference: 'TICKET-9', title: 'VPN', customerId: null, customerName: null, contractId: null, billable: false, active: true, favourite: false, ticketUrl: null }],
    })
    void store.getState().load()
    render(
      <ClientContext.Provider value={host.client}>
        <TimersView store={store} work={work} />
      </ClientContext.Provider>,
    )
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Timer 5' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit Timer 5' })
    const picker = within(dialog).getByRole('combobox', { name: 'Work item' })
    fireEvent.change(picker, { target: { value: 'vpn' } })
    fireEvent.keyDown(picker, { key: 'Enter' })
    expect(within(dialog).getByLabelText<HTMLInputElement>('Label').value).toBe('TICKET-9')
    expect(within(dialog).getByLabelText<HTMLInputElement>('Billable').checked).toBe(false)
  })
})

describe('booked entries', () => {
  /** A timer entry booked just now, `seconds` long. */
  function bookedNow(id: string, seconds: number): TimeEntry {
    const now = Date.now()
    return {
      id,
      day: new Date(now).toISOString().slice(0, 10),
      workItemId: null,
      activityTypeId: null,
      billable: true,
      description: '',
      source: 'timer',
      rawSeconds: seconds,
      roundedSeconds: seconds,
      status: 'draft',
      timerId: 't1',
      ranges: [{ startedAt: now - seconds * 1000, endedAt: now }],
    }
  }

  it('show a duration the way the timesheet grid shows it: 1:29:30 is 1:30, not 1:29', async () => {
    renderView(fakeHost({ entries: [bookedNow('e1', 5370)] }))
    const table = await screen.findByRole('table')
    const cells = within(table).getAllByRole('cell').map((c) => c.textContent)
    expect(cells).toContain('1:30')
    expect(cells).not.toContain('1:29')
  })

  it('show a kept short run in seconds, not as 0:00', async () => {
    renderView(fakeHost({ entries: [bookedNow('e2', 12)] }))
    const table = await screen.findByRole('table')
    const cells = within(table).getAllByRole('cell').map((c) => c.textContent)
    expect(cells.filter((text) => text === '12 s')).toHaveLength(2)
    expect(cells).not.toContain('0:00')
  })
})
