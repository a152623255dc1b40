import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CalendarEntry, CalendarRange } from '@shared/calendar'
import type { CallRequest } from '@shared/contract'
import { StintError } from '@shared/errors'
import { DEFAULT_SETTINGS } from '@shared/settings'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { createWorkStore } from '../work/work-store'
import { CalendarView } from './CalendarView'

// The browser's zone is the test run's (Chatham or UTC): the host answers in UTC, and the calendar lays out in the host's zone.
const ZONE = 'UTC'
const at = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`)

function entry(id: string, day: string, from: string, to: string, slot: number | null, status: CalendarEntry['status'] = 'draft'): CalendarEntry {
  const startedAt = at(day, from)
  const endedAt = at(day, to)
  return {
    id,
    day,
    workItemId: 'w1',
    activityTypeId: null,
    billable: true,
    description: '',
    source: slot ? 'timer' : 'manual',
    rawSeconds: (endedAt - startedAt) / 1000,
    roundedSeconds: (endedAt - startedAt) / 1000,
    status,
    timerId: slot ? `t${slot}` : null,
    ranges: [{ startedAt, endedAt }],
    timeZone: ZONE,
    workItem: { reference: 'TICKET-1234', title: 'Printer jam', customerName: null },
    activityName: null,
    timer: slot ? { slot, label: `Timer ${slot}`, color: '#4477AA' } : null,
  }
}

function week(entries: CalendarEntry[], locked: string[] = []): CalendarRange {
  const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']
  return { timeZone: ZONE, days: days.map((day) => ({ day, lock: locked.includes(day) ? 'submitted' : null })), entries, segments: [] }
}

function host(range: CalendarRange, setRuns?: () => never) {
  return scriptedHost({
    'calendar.range': () => range,
    'settings.get': () => DEFAULT_SETTINGS,
    'work.listItems': () => [],
    'work.listActivityTypes': () => [],
    'work.listCustomers': () => [],
    'timesheet.setEntryRuns': setRuns ?? (() => ({ day: '2026-11-18', row: { workItemId: 'w1', activityTypeId: null, billable: true }, note: null, lock: null, entries: [] })),
  })
}

async function renderCalendar(range: CalendarRange, setRuns?: () => never) {
  const scripted = host(range, setRuns)
  const work = createWorkStore(scripted.client)
  render(
    <ClientContext.Provider value={scripted.client}>
      <CalendarView work={work} day="2026-11-18" />
    </ClientContext.Provider>,
  )
  await screen.findByRole('group', { name: /^Calendar/ })
  return scripted
}

const focused = () => document.activeElement as HTMLElement
const press = (key: string, init: Partial<KeyboardEventInit> = {}) => act(() => void fireEvent.keyDown(focused(), { key, ...init }))

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-11-18', '16:00'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('the calendar from the keyboard alone', () => {
  it('reads each block as words and walks blocks and free time with the arrow keys', async () => {
    await renderCalendar(week([entry('e1', '2026-11-18', '09:00', '09:45', 2), entry('e2', '2026-11-18', '09:30', '10:00', null)]))
    const first = screen.getByRole('button', { name: 'TICKET-1234, Printer jam, 9:00 to 9:45, 45 minutes, Timer 2, overlaps 09:30–09:45 with TICKET-1234, Printer jam' })
    act(() => first.focus())
    press('ArrowDown')
    expect(focused().getAttribute('aria-label')).toBe('TICKET-1234, Printer jam, 9:30 to 10:00, 30 minutes, overlaps 09:30–09:45 with Timer 2')
    press('ArrowDown')
    expect(focused().getAttribute('aria-label')).toBe('Free time, Wed 18 Nov, 10:00 to 10:15')
    press('ArrowLeft')
    expect(focused().getAttribute('aria-label')).toBe('Free time, Tue 17 Nov, 10:00 to 10:15')
    press('ArrowUp')
    expect(focused().getAttribute('aria-label')).toBe('Free time, Tue 17 Nov, 9:45 to 10:00')
  })

  it('moves a block by 15 minutes with Alt+Down and makes it longer with Shift+Alt+Down, each from where the last put it', async () => {
    const scripted = await renderCalendar(week([entry('e1', '2026-11-18', '09:00', '09:45', 2)]))
    act(() => screen.getByRole('button', { name: /^TICKET-1234, Printer jam, 9:00 to 9:45/ }).focus())
    press('ArrowDown', { altKey: true })
    press('ArrowDown', { altKey: true, shiftKey: true })
    await waitFor(() => expect(scripted.requestsTo('timesheet.setEntryRuns')).toHaveLength(2))
    const runs = scripted.requestsTo('timesheet.setEntryRuns') as CallRequest<'timesheet.setEntryRuns'>[]
    expect(runs[0]).toEqual({ id: 'e1', runs: [{ start: '09:15', end: '10:00' }] })
    // The second key goes on from the first before the host's new answer is in.
    expect(runs[1]?.runs).toEqual([{ start: '09:15', end: '10:15' }])
  })

  it('after a move the selection looks across from where the block is now', async () => {
    await renderCalendar(week([entry('e1', '2026-11-18', '09:00', '09:45', 2)]))
    act(() => screen.getByRole('button', { name: /^TICKET-1234/ }).focus())
    press('ArrowDown', { altKey: true })
    press('ArrowRight')
    expect(focused().getAttribute('aria-label')).toBe('Free time, Thu 19 Nov, 9:15 to 9:30')
  })

  it('N on free time opens a new entry for that slot; on a locked day it says why instead', async () => {
    await renderCalendar(week([entry('e1', '2026-11-18', '09:00', '09:45', 2)], ['2026-11-17']))
    act(() => screen.getByRole('button', { name: /^TICKET-1234/ }).focus())
    press('ArrowDown')
    press('n')
    expect(screen.getByRole('dialog', { name: 'New entry' }).textContent).toContain('Wed 18 Nov, 9:45 to 10:00 (15 min)')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    act(() => screen.getByRole('button', { name: /^TICKET-1234/ }).focus())
    press('ArrowLeft')
    expect(focused().getAttribute('aria-label')).toBe('Free time, Tue 17 Nov, 9:00 to 9:15, read-only')
    press('n')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('alert').textContent).toContain('This period has been submitted for approval, so it is read-only. Withdraw the submission to change it. Nothing can be added there.')
  })

  it('steps by a week or a day, each button saying which', async () => {
    await renderCalendar(week([]))
    const weeks = screen.getByRole('navigation', { name: 'Weeks' })
    expect(within(weeks).getAllByRole('button').map((b) => b.textContent)).toEqual(['‹ Previous week', 'Today', 'Next week ›'])
    fireEvent.click(screen.getByRole('button', { name: 'Day' }))
    const days = await screen.findByRole('navigation', { name: 'Days' })
    expect(within(days).getByRole('button', { name: 'Previous day' })).toBeTruthy()
    expect(within(days).getByRole('button', { name: 'Next day' })).toBeTruthy()
  })

  it('a refused move shows the host’s sentence and the block stays where it was', async () => {
    await renderCalendar(week([entry('e1', '2026-11-18', '09:00', '09:45', 2)]), () => {
      throw new StintError('conflict', 'Two runs overlap. Nothing was changed.')
    })
    act(() => screen.getByRole('button', { name: /^TICKET-1234/ }).focus())
    press('ArrowDown', { altKey: true })
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('Two runs overlap. Nothing was changed.'))
    expect(screen.getByRole('button', { name: /^TICKET-1234/ }).style.top).toBe('540px')
  })
})

describe('overlapped billable time in the calendar', () => {
  it('the day head says how much of the day’s billable time overlapped; each such block says so in its name and is hatched', async () => {
    const withOverlap = (e: CalendarEntry, seconds: number): CalendarEntry => ({ ...e, overlappedSeconds: seconds })
    const nonBillable = { ...entry('e3', '2026-11-18', '11:00', '12:00', 3), billable: false, overlappedSeconds: 0 }
    await renderCalendar(week([withOverlap(entry('e1', '2026-11-18', '09:00', '09:45', 2), 15 * 60), withOverlap(entry('e2', '2026-11-18', '09:30', '10:00', null), 15 * 60), nonBillable, entry('e4', '2026-11-17', '09:00', '10:00', 1)]))
    const head = screen.getByText('Overlapped 0:30')
    expect(head.getAttribute('title')).toBe('For 30 minutes of this day’s billable time, another of your billable timers also ran.')
    // One head says so: Tuesday's time overlapped nothing.
    expect(screen.getAllByText(/^Overlapped/)).toHaveLength(1)
    const first = screen.getByRole('button', { name: 'TICKET-1234, Printer jam, 9:00 to 9:45, 45 minutes, Timer 2, overlaps 09:30–09:45 with TICKET-1234, Printer jam, billable time overlapped for 15 minutes' })
    expect(first.classList.contains('cal-block--overlapped')).toBe(true)
    const alone = screen.getByRole('button', { name: /^TICKET-1234, Printer jam, 11:00 to 12:00, 1 hour, Timer 3$/ })
    expect(alone.classList.contains('cal-block--overlapped')).toBe(false)
  })
})
