import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StintError } from '@shared/errors'
import type { Timer } from '@shared/timers'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { StartTimeField, startInstant } from './StartTimeField'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime()
const NOW = local(2026, 12, 3, 9, 30)
const timer: Timer = { id: 't1', slot: 1, label: 'Timer 1', color: '#4477AA', state: 'running', workItemId: null, activityTypeId: null, billable: true, note: '', closedSeconds: 0, runningSince: local(2026, 12, 3, 9, 20), runStartedAt: local(2026, 12, 3, 9, 20) }
const settle = () =>
  act(async () => {
    await Promise.resolve()
    await Promise.resolve()
  })

function show(handlers: ScriptedHandlers, shown: Timer = timer) {
  const host = scriptedHost(handlers)
  render(
    <ClientContext.Provider value={host.client}>
      <StartTimeField timer={shown} />
    </ClientContext.Provider>,
  )
  return host
}

describe('a typed start time', () => {
  it('is today, or yesterday when today’s would be later than now (a run across midnight)', () => {
    expect(startInstant('9:05', NOW)).toBe(local(2026, 12, 3, 9, 5))
    expect(startInstant('23:40', NOW)).toBe(local(2026, 12, 2, 23, 40))
    expect(startInstant('9.05', NOW)).toBeNull()
  })
})

describe('Started at, in the timer editor', () => {
  it('shows the run’s start and moves it to a typed time', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
    const host = show({ 'timers.setStart': ({ startedAt }) => ({ ...timer, runStartedAt: startedAt, runningSince: startedAt }) })
    const input = screen.getByLabelText<HTMLInputElement>('Start time of Timer 1')
    expect(input.value).toBe('09:20')
    fireEvent.change(input, { target: { value: '9:05' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set start' }))
    await settle()
    expect(host.requestsTo('timers.setStart')).toEqual([{ slot: 1, startedAt: local(2026, 12, 3, 9, 5) }])
    expect(screen.getByRole('status').textContent).toBe('Timer 1 now started at 09:05.')
  })

  it('Enter in the field sets the start, and does not submit (and close) the editor around it', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
    const submitted = vi.fn((event: { preventDefault: () => void }) => event.preventDefault())
    const host = scriptedHost({ 'timers.setStart': ({ startedAt }) => ({ ...timer, runStartedAt: startedAt, runningSince: startedAt }) })
    render(
      <ClientContext.Provider value={host.client}>
        <form onSubmit={submitted}>
          <StartTimeField timer={timer} />
          <button type="submit">Save</button>
        </form>
      </ClientContext.Provider>,
    )
    const input = screen.getByLabelText<HTMLInputElement>('Start time of Timer 1')
    fireEvent.change(input, { target: { value: '9:05' } })
    // What a browser does with an Enter in a form's field that nobody prevented: submit the form.
    if (fireEvent.keyDown(input, { key: 'Enter' })) fireEvent.submit(input.form as HTMLFormElement)
    await settle()
    expect(host.requestsTo('timers.setStart')).toEqual([{ slot: 1, startedAt: local(2026, 12, 3, 9, 5) }])
    expect(submitted).not.toHaveBeenCalled()
  })

  it('−10 min moves the start ten minutes earlier; a refusal is shown as said', async () => {
    const host = show({
      'timers.setStart': () => {
        throw new StintError('invalid_request', 'Timer 1 last stopped at 09:15: its new run cannot start before that. Nothing was changed.')
      },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Start 10 minutes earlier' }))
    await settle()
    expect(host.requestsTo('timers.setStart')).toEqual([{ slot: 1, startedAt: local(2026, 12, 3, 9, 10) }])
    expect(screen.getByRole('alert').textContent).toBe('Timer 1 last stopped at 09:15: its new run cannot start before that. Nothing was changed.')
  })

  it('is not offered for an idle timer', () => {
    show({}, { ...timer, state: 'idle', runningSince: null, runStartedAt: null })
    expect(screen.queryByRole('group', { name: 'Started at' })).toBeNull()
  })
})
