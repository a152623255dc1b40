import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Timer } from '@shared/timers'
import type { WorkItem } from '@shared/work'
import { workItem } from '../testing/work-items'
import { TimerCard } from './TimerCard'

afterEach(cleanup)

const PRINTER = workItem('w1', 'TICKET-1234', 'Printer on 2nd floor jams', { customerId: 'c1', customerName: 'Müller Druck GmbH' })

function timer(extra: Partial<Timer>): Timer {
  return { id: 't4', slot: 4, label: 'Timer 4', color: '#2A9D8F', state: 'idle', workItemId: null, activityTypeId: null, billable: true, note: '', closedSeconds: 0, runningSince: null, ...extra }
}

function renderCard(t: Timer, workItem: WorkItem | undefined, onOpenTicket?: (id: string) => void, primary: { onSetPrimary?: (slot: number, on: boolean) => void; rule?: boolean } = {}) {
  const none = () => undefined
  render(
    <TimerCard
      timer={t}
      now={0}
      busy={false}
      workItem={workItem}
      activityType={undefined}
      defaultActivityType={undefined}
      onStart={none}
      onPause={none}
      onStop={none}
      onEdit={none}
      onDiscard={none}
      onSetPrimary={primary.onSetPrimary ?? none}
      primaryRule={primary.rule ?? false}
      onOpenTicket={onOpenTicket}
    />,
  )
  return screen.getByRole('article')
}

describe('a timer card', () => {
  it('named after its ticket shows the ticket once: the label, then the title, the customer and the note', () => {
    const card = renderCard(timer({ label: 'TICKET-1234', workItemId: 'w1', note: 'Replaced the fuser' }), PRINTER)
    expect(within(card).getByRole('heading').textContent).toBe('TICKET-1234')
    expect(card.textContent?.match(/TICKET-1234/g)).toHaveLength(1)
    expect(within(card).getByText('Printer on 2nd floor jams')).toBeTruthy()
    expect(within(card).getByText('Müller Druck GmbH')).toBeTruthy()
    expect(within(card).getByText('Replaced the fuser')).toBeTruthy()
  })

  it('with a label of its own shows the whole work item under it', () => {
    const card = renderCard(timer({ label: 'Printer visit', workItemId: 'w1' }), PRINTER)
    expect(within(card).getByText('TICKET-1234 · Printer on 2nd floor jams')).toBeTruthy()
  })

  it('without a work item says so, and shows no customer line', () => {
    const card = renderCard(timer({}), undefined)
    expect(within(card).getByText('No work item')).toBeTruthy()
    expect(card.querySelector('.timer-card__customer')).toBeNull()
  })

  it('opens its work item’s ticket page from a button named after the ticket, only when the item has a page', () => {
    const opened: string[] = []
    const withPage = { ...PRINTER, ticketUrl: 'https://redmine.example.com/issues/1234' }
    const card = renderCard(timer({ label: 'TICKET-1234', workItemId: 'w1' }), withPage, (id) => opened.push(id))
    const open = within(card).getByRole('button', { name: 'Open the ticket page of TICKET-1234' })
    expect(open.getAttribute('title')).toBe('https://redmine.example.com/issues/1234')
    fireEvent.click(open)
    expect(opened).toEqual(['w1'])
    cleanup()
    const without = renderCard(timer({ label: 'TICKET-1234', workItemId: 'w1' }), PRINTER, (id) => opened.push(id))
    expect(within(without).queryByRole('button', { name: /ticket page/ })).toBeNull()
  })

  it('marks itself as the primary timer with a pressed star, shows the mark, and explains it where billing uses the primary rule', () => {
    const asked: [number, boolean][] = []
    const card = renderCard(timer({ label: 'Ticket 4711' }), undefined, undefined, { onSetPrimary: (slot, on) => asked.push([slot, on]), rule: true })
    const star = within(card).getByRole('button', { name: 'Mark Ticket 4711 as the primary timer' })
    expect(star.getAttribute('aria-pressed')).toBe('false')
    expect(star.getAttribute('title')).toMatch(/^The primary timer bills the time it shares with other running timers/)
    expect(within(card).queryByText('Primary')).toBeNull()
    fireEvent.click(star)
    cleanup()

    const marked = renderCard(timer({ label: 'Ticket 4711', primary: true }), undefined, undefined, { onSetPrimary: (slot, on) => asked.push([slot, on]) })
    const pressed = within(marked).getByRole('button', { name: 'Mark Ticket 4711 as the primary timer' })
    expect(pressed.getAttribute('aria-pressed')).toBe('true')
    expect(pressed.getAttribute('title')).toMatch(/only matters when billing uses the overlap rule “Primary timer only”/)
    expect(within(marked).getByText('Primary')).toBeTruthy()
    fireEvent.click(pressed)
    expect(asked).toEqual([
      [4, true],
      [4, false],
    ])
  })
})
