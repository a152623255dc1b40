// A German technician's Calendar: German headings, weekdays and dates, 24-hour labels,
// and blocks, free slots and untimed entries that a screen reader reads in German.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CalendarEntry, CalendarRange } from '@shared/calendar'
import { createTranslator } from '@shared/i18n/translator'
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import { ClientContext } from '../client-context'
import { I18nProvider } from '../i18n/i18n-context'
import { scriptedHost } from '../testing/scripted-host'
import { createWorkStore } from '../work/work-store'
import { spanLabel } from './calendar-dates'
import { spokenMinutes } from './blocks'
import { CalendarView } from './CalendarView'

const GERMAN = createTranslator('de')
const at = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`)

function entry(id: string, day: string, from: string | null, to: string | null, seconds = 0): CalendarEntry {
  const ranges = from && to ? [{ startedAt: at(day, from), endedAt: at(day, to) }] : []
  const length = ranges[0] ? (ranges[0].endedAt - ranges[0].startedAt) / 1000 : seconds
  return {
    id, day, workItemId: 'w1', activityTypeId: null, billable: true, description: '', source: from ? 'timer' : 'manual', rawSeconds: length, roundedSeconds: length,
    status: 'draft', timerId: from ? 't2' : null, ranges, timeZone: 'UTC', workItem: { reference: 'TICKET-1234', title: 'Drucker klemmt', customerName: null },
    activityName: null, timer: from ? { slot: 2, label: 'Timer 2', color: '#4477AA' } : null,
  }
}

const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']
const RANGE: CalendarRange = {
  timeZone: 'UTC',
  days: DAYS.map((day) => ({ day, lock: null })),
  entries: [entry('e1', '2026-11-18', '08:30', '09:45'), entry('e2', '2026-11-16', null, null, 5400)],
  segments: [],
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-11-18', '16:00'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

async function renderGerman(range: CalendarRange = RANGE) {
  const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), language: 'de' }
  const host = scriptedHost({
    'calendar.range': () => range,
    'settings.get': () => settings,
    'work.listItems': () => [],
    'work.listActivityTypes': () => [],
    'work.listCustomers': () => [],
  })
  render(
    <ClientContext.Provider value={host.client}>
      <I18nProvider client={host.client} system={['en-GB']}>
        <CalendarView work={createWorkStore(host.client)} day="2026-11-18" />
      </I18nProvider>
    </ClientContext.Provider>,
  )
  await screen.findByRole('group', { name: /^Kalender/ })
}

describe('the Calendar in German', () => {
  it('heads the week with German weekdays and dates, and the hours in 24-hour time', async () => {
    await renderGerman()
    expect(screen.getByRole('heading', { level: 1, name: 'Kalender' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Mo 16. – So 22. Nov. 2026' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Kalender, Mo 16. Nov. bis So 22. Nov.' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Woche' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByText('Ohne Uhrzeit')).toBeTruthy()
    expect(screen.getByText('Mi')).toBeTruthy()
    expect(screen.getByText('13:00')).toBeTruthy()
  })

  it('reads blocks, free time and untimed entries in German', async () => {
    await renderGerman()
    const block = screen.getByRole('button', { name: 'TICKET-1234, Drucker klemmt, 8:30 bis 9:45, 1 Stunde 15 Minuten, Timer 2' })
    expect(block.textContent).toContain('8:30–9:45 · 1 Std. 15 Min. · Timer 2')
    expect(screen.getByRole('button', { name: 'TICKET-1234, Drucker klemmt, 1 Std. 30 Min. ohne Beginn und Ende' })).toBeTruthy()
    expect(screen.getByRole('list', { name: 'Montag, 16. November: Zeit ohne Beginn und Ende' })).toBeTruthy()
    act(() => block.focus())
    act(() => void fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowDown' }))
    expect((document.activeElement as HTMLElement).getAttribute('aria-label')).toBe('Freie Zeit, Mi 18. Nov., 9:45 bis 10:00')
    act(() => void fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'n' }))
    expect(await screen.findByRole('dialog', { name: 'Neuer Eintrag' })).toBeTruthy()
    expect(screen.getByText('Mi 18. Nov., 9:45 bis 10:00 (15 Min.)')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Eintrag anlegen' })).toBeTruthy()
  })

  it('says in German why a locked day is read-only, from which lock the host names', async () => {
    await renderGerman({ ...RANGE, days: DAYS.map((day) => ({ day, lock: day === '2026-11-17' ? 'approvedStandalone' : null })) })
    const why = 'Dieser Zeitraum ist genehmigt und gesperrt. Ohne Team-Server genehmigen Sie Ihre Zeit selbst: Öffnen Sie ihn im Stundenzettel mit einer Begründung wieder, um ihn zu ändern.'
    expect(screen.getByText(`${why} Schreibgeschützte Tage sind schraffiert: Dort kann nichts verschoben oder angelegt werden.`)).toBeTruthy()
    expect(screen.getByText('Schreibgeschützt').getAttribute('title')).toBe(why)
    const block = screen.getByRole('button', { name: /^TICKET-1234, Drucker klemmt, 8:30/ })
    act(() => block.focus())
    act(() => void fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowLeft' }))
    expect((document.activeElement as HTMLElement).getAttribute('aria-label')).toBe('Freie Zeit, Di 17. Nov., 8:30 bis 8:45, schreibgeschützt')
    act(() => void fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'n' }))
    expect(screen.getByRole('alert').textContent).toContain(`${why} Dort kann nichts angelegt werden.`)
  })

  it('steps by a week or a day with whole German names: vorige Woche, voriger Tag', async () => {
    await renderGerman()
    const weeks = screen.getByRole('navigation', { name: 'Wochen' })
    expect(within(weeks).getAllByRole('button').map((b) => b.textContent)).toEqual(['‹ Vorige Woche', 'Heute', 'Nächste Woche ›'])
    fireEvent.click(screen.getByRole('button', { name: 'Tag' }))
    const days = await screen.findByRole('navigation', { name: 'Tage' })
    expect(within(days).getByRole('button', { name: 'Voriger Tag' })).toBeTruthy()
    expect(within(days).getByRole('button', { name: 'Nächster Tag' })).toBeTruthy()
  })

  it('writes spans and spoken lengths in German', () => {
    expect(spanLabel(['2026-12-03'], GERMAN)).toBe('Donnerstag, 3. Dezember 2026')
    expect(spanLabel(['2026-11-30', '2026-12-06'], GERMAN)).toBe('Mo 30. Nov. – So 6. Dez. 2026')
    expect(spokenMinutes(61, GERMAN)).toBe('1 Stunde 1 Minute')
    expect(spokenMinutes(120, GERMAN)).toBe('2 Stunden')
  })
})
