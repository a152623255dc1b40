import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { buildBridge, createClient } from '@shared/bridge'
import type { CallName } from '@shared/contract'
import type { Envelope } from '@shared/errors'
import { DEFAULT_TIMER_COLORS, type Timer } from '@shared/timers'
import { createTimersStore } from '../timers/timers-store'
import { TimersView } from './TimersView'

afterEach(cleanup)

/** An in-memory host: the same bridge the app uses, with a scripted main process behind it. */
function fakeHost(options: { failStartWith?: Envelope<never> } = {}) {
  const timers: Timer[] = DEFAULT_TIMER_COLORS.map((color, i) => ({
    id: `t${i + 1}`,
    slot: i + 1,
    label: `Timer ${i + 1}`,
    color,
    state: 'idle',
    closedSeconds: 0,
    runningSince: null,
  }))
  const calls: [CallName, unknown][] = []
  const listeners = new Set<(payload: unknown) => void>()
  const bridge = buildBridge(
    (name, request) => {
      calls.push([name, request])
      const slot = (request as { slot?: number }).slot ?? 0
      const index = timers.findIndex((t) => t.slot === slot)
      const current = timers[index]
      if (name === 'timers.list') return Promise.resolve({ ok: true, value: timers })
      if (name === 'timers.start' && options.failStartWith) return Promise.resolve(options.failStartWith)
      if ((name === 'timers.start' || name === 'timers.stop') && current) {
        const updated: Timer = name === 'timers.start' ? { ...current, state: 'running', runningSince: Date.now() } : { ...current, state: 'idle', runningSince: null }
        timers[index] = updated
        return Promise.resolve({ ok: true, value: updated })
      }
      return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: name } })
    },
    (_name, listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  )
  return { client: createClient(bridge), calls, timers, push: (payload: unknown) => listeners.forEach((l) => l(payload)) }
}

describe('Timers view', () => {
  it('lists the nine slots with their labels and a Start button each', async () => {
    const host = fakeHost()
    render(<TimersView store={createTimersStore(host.client)} />)
    expect(await screen.findAllByRole('article')).toHaveLength(9)
    for (let slot = 1; slot <= 9; slot++) expect(screen.getByRole('button', { name: `Start Timer ${slot}` })).toBeTruthy()
    expect(screen.getByText('No timer running')).toBeTruthy()
  })

  it('starts a timer through the client and shows it running', async () => {
    const host = fakeHost()
    render(<TimersView store={createTimersStore(host.client)} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Start Timer 4' }))
    const stop = await screen.findByRole('button', { name: 'Stop Timer 4' })
    expect(host.calls).toContainEqual(['timers.start', { slot: 4 }])
    const card = stop.closest('article')
    expect(card?.className).toContain('is-running')
    expect(within(card as HTMLElement).getByText('Running')).toBeTruthy()
    expect(screen.getByText('1 running')).toBeTruthy()
  })

  it('shows the host’s refusal in an alert instead of pretending it worked', async () => {
    const host = fakeHost({ failStartWith: { ok: false, error: { code: 'conflict', message: 'Timer 2 is already running.' } } })
    render(<TimersView store={createTimersStore(host.client)} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Start Timer 2' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Timer 2 is already running.')
    expect(screen.getByRole('button', { name: 'Start Timer 2' })).toBeTruthy()
  })

  it('follows changes pushed by the main process (tray, shortcuts)', async () => {
    const host = fakeHost()
    const store = createTimersStore(host.client)
    render(<TimersView store={store} />)
    await screen.findAllByRole('article')
    const running = host.timers.map((t) => (t.slot === 7 ? { ...t, state: 'running' as const, runningSince: Date.now() - 65_000 } : t))
    act(() => store.getState().replace(running))
    const card = screen.getByRole('button', { name: 'Stop Timer 7' }).closest('article') as HTMLElement
    expect(within(card).getByRole('timer').textContent).toMatch(/^0:01:0[5-6]$/)
  })
})
