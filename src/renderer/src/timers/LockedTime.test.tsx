import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { HeldTime, Timer } from '@shared/timers'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { workItem } from '../testing/work-items'
import { TimersView } from '../views/TimersView'
import { createWorkStore } from '../work/work-store'
import { createTimersStore } from './timers-store'

afterEach(cleanup)

const SUNDAY_22H = new Date(2026, 10, 15, 22, 0).getTime()
const held = (over: Partial<HeldTime> = {}): HeldTime => ({
  id: 'h1',
  kind: 'locked-period',
  slot: 1,
  timerLabel: 'Timer 1',
  fromAt: SUNDAY_22H,
  toAt: SUNDAY_22H + 2 * 3_600_000,
  seconds: 7200,
  days: [{ day: '2026-11-15', seconds: 7200, locked: true }],
  lock: 'approvedStandalone',
  today: '2026-11-16',
  todayOpen: true,
  keptAside: false,
  workItemId: null,
  activityTypeId: null,
  billable: true,
  description: '',
  ...over,
})

function show(handlers: ScriptedHandlers) {
  const host = scriptedHost({ 'timers.list': () => [] as Timer[], 'work.listItems': () => [], 'work.listActivityTypes': () => [], 'work.listCustomers': () => [], 'entries.list': () => [], 'prompts.resolve': () => [], ...handlers })
  const store = createTimersStore(host.client)
  void store.getState().load()
  const work = createWorkStore(host.client)
  void work.getState().load()
  render(
    <ClientContext.Provider value={host.client}>
      <TimersView store={store} work={work} />
    </ClientContext.Provider>,
  )
  return host
}

describe('time that fell into a locked period', () => {
  it('is asked about: keep it aside has the focus, book it today and discard are there, and the lock says why', async () => {
    const host = show({ 'prompts.list': () => [held()], 'prompts.keptAside': () => [] })
    const dialog = await screen.findByRole('dialog', { name: 'Time in a locked period: Timer 1' })
    expect(within(dialog).getByRole('button', { name: 'Keep it aside' })).toBe(document.activeElement)
    expect(dialog.textContent).toContain('2:00 of Timer 1 (22:00–00:00) fell on Sun 15 Nov')
    expect(dialog.textContent).toContain('reopen it yourself from the Timesheet')
    expect(within(dialog).queryByRole('button', { name: /Book it into/ })).toBeNull()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Book it today' }))
    await act(async () => {
      await Promise.resolve()
    })
    expect(host.requestsTo('prompts.resolve')).toEqual([{ id: 'h1', resolution: { action: 'book-today' } }])
  })

  it('when today is locked too, "book it today" says why and sends nothing', async () => {
    const host = show({ 'prompts.list': () => [held({ todayOpen: false })], 'prompts.keptAside': () => [] })
    const dialog = await screen.findByRole('dialog', { name: 'Time in a locked period: Timer 1' })
    const today = within(dialog).getByRole('button', { name: 'Book it today' })
    expect(today.getAttribute('aria-disabled')).toBe('true')
    expect(today.getAttribute('aria-describedby') && document.getElementById(today.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Today is in a locked period too, so it cannot take this time.')
    fireEvent.click(today)
    expect(host.requestsTo('prompts.resolve')).toEqual([])
  })

  it('kept aside, it is listed under the timers; once its period is open again it books into its days', async () => {
    const host = show({ 'prompts.list': () => [], 'prompts.keptAside': () => [held({ keptAside: true, lock: null, days: [{ day: '2026-11-15', seconds: 7200, locked: false }] })] })
    const panel = await screen.findByRole('region', { name: 'Kept aside for locked periods' })
    expect(within(panel).getByText('Open again')).toBeTruthy()
    fireEvent.click(within(panel).getByRole('button', { name: 'Book 2 h 0 min of Timer 1 into Sun 15 Nov' }))
    await act(async () => {
      await Promise.resolve()
    })
    expect(host.requestsTo('prompts.resolve')).toEqual([{ id: 'h1', resolution: { action: 'book-into-days' } }])
  })

  it('kept aside from a timer named after its ticket, it names the ticket once, with its title and customer', async () => {
    const printer = workItem('w1', 'TICKET-1234', 'Printer on 2nd floor jams', { customerId: 'c1', customerName: 'Müller Druck GmbH' })
    show({ 'work.listItems': () => [printer], 'prompts.list': () => [], 'prompts.keptAside': () => [held({ keptAside: true, timerLabel: 'TICKET-1234', workItemId: 'w1' })] })
    const panel = await screen.findByRole('region', { name: 'Kept aside for locked periods' })
    const rowHead = await within(panel).findByRole('rowheader', { name: /Printer on 2nd floor jams/ })
    expect(rowHead.textContent?.match(/TICKET-1234/g)).toHaveLength(1)
    expect(rowHead.textContent).toBe('TICKET-1234 Printer on 2nd floor jams — Müller Druck GmbH')
  })

  it('discarding kept-aside time asks first, with Cancel focused', async () => {
    const host = show({ 'prompts.list': () => [], 'prompts.keptAside': () => [held({ keptAside: true })] })
    const panel = await screen.findByRole('region', { name: 'Kept aside for locked periods' })
    expect(within(panel).getByRole('button', { name: 'Book 2 h 0 min of Timer 1 into Sun 15 Nov' }).getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(within(panel).getByRole('button', { name: 'Discard 2 h 0 min of Timer 1' }))
    const dialog = screen.getByRole('dialog', { name: 'Discard 2:00 of Timer 1?' })
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBe(document.activeElement)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }))
    await act(async () => {
      await Promise.resolve()
    })
    expect(host.requestsTo('prompts.resolve')).toEqual([{ id: 'h1', resolution: { action: 'discard' } }])
  })
})
