// A German technician's week: the Timesheet, its cell details, the submit summary and the
// Submissions list read German — headings, buttons, accessible names, column headers
// ("Mo" over "16. Nov."), a decimal comma typed into a cell, refusals in German.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import type { CellEntry, SubmissionRow } from '@shared/timesheet'
import { ClientContext } from '../client-context'
import { row, timesheetHost, WEEK, type TimesheetHostOptions } from '../timesheet/timesheet-host'
import { SubmissionsView } from '../views/SubmissionsView'
import { TimesheetView } from '../views/TimesheetView'
import { createWorkStore } from '../work/work-store'
import { I18nProvider } from './i18n-context'

afterEach(cleanup)

const GERMAN: Settings = { ...structuredClone(DEFAULT_SETTINGS), language: 'de' }
const TICKET = row('w1')
const MONDAY = WEEK[0] ?? ''

/** 09:00–09:40 in Berlin, from Timer 1. */
const timerEntry: CellEntry = {
  id: 'e1',
  day: MONDAY,
  workItemId: 'w1',
  activityTypeId: 'a1',
  billable: true,
  description: '',
  source: 'timer',
  rawSeconds: 2400,
  roundedSeconds: 2700,
  status: 'draft',
  timerId: 't1',
  ranges: [{ startedAt: Date.parse('2026-11-16T08:00:00Z'), endedAt: Date.parse('2026-11-16T08:40:00Z') }],
  timeZone: 'Europe/Berlin',
}

function inGerman(host: ReturnType<typeof timesheetHost>, view: ReactNode) {
  render(
    <ClientContext.Provider value={host.client}>
      <I18nProvider client={host.client} system={['en-GB']}>
        {view}
      </I18nProvider>
    </ClientContext.Provider>,
  )
}

async function germanSheet(options: TimesheetHostOptions = {}) {
  const host = timesheetHost({ ...options, extra: { 'settings.get': () => GERMAN, ...options.extra } })
  const work = createWorkStore(host.client)
  await work.getState().load()
  inGerman(host, <TimesheetView work={work} today="2026-11-18" />)
  const grid = await screen.findByRole('grid', { name: 'Woche vom 16. Nov. 2026' })
  return { host, grid }
}

describe('the Timesheet in German', () => {
  it('reads German: heading, period bar, toolbar, column headers and totals', async () => {
    const { grid } = await germanSheet({ cells: { [`w1|a1|1@${MONDAY}`]: { fixed: 900 } } })
    expect(screen.getByRole('heading', { level: 1, name: 'Stundenzettel' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Woche vom 16. Nov. 2026' })).toBeTruthy()
    for (const name of ['Zeitraum einreichen…', 'Zeile hinzufügen', 'Zeilen aus vorigem Zeitraum übernehmen', 'Details', 'Rückgängig']) {
      expect(screen.getByRole('button', { name })).toBeTruthy()
    }
    const periods = screen.getByRole('navigation', { name: 'Zeiträume' })
    expect(within(periods).getAllByRole('button').map((b) => b.textContent)).toEqual(['‹ Voriger Zeitraum', 'Heute', 'Nächster Zeitraum ›'])
    expect(within(periods).getByRole('button', { name: 'Voriger Zeitraum' })).toBeTruthy()
    const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers[0]).toBe('Arbeitselement · Tätigkeit')
    expect(headers[1]).toBe('Mo16. Nov.')
    expect(headers[3]).toBe('Mi18. Nov. (heute)')
    expect(headers[8]).toBe('Summe')
    expect(within(grid).getByRole('rowheader', { name: 'Soll' })).toBeTruthy()
    expect(within(grid).getByRole('rowheader', { name: 'Differenz' })).toBeTruthy()
    expect(within(grid).getByRole('gridcell', { name: '0:15, davon 0:15 aus Timern' })).toBeTruthy()
    expect(within(grid).getByRole('button', { name: 'Zeile TICKET-1001 · Printer on 2nd floor, Remote support entfernen' })).toBeTruthy()
    expect(screen.getByText(/Blöcke kopieren und einfügen/)).toBeTruthy()
    expect(screen.getAllByText('Strg').length).toBeGreaterThan(0)
  })

  it('a decimal comma typed into a cell is 1:30; a value it cannot read is refused in German', async () => {
    const { host, grid } = await germanSheet()
    const cell = grid.querySelector<HTMLElement>('[data-r="0"][data-c="1"]')
    if (!cell) throw new Error('no cell')
    act(() => cell.focus())
    fireEvent.keyDown(cell, { key: '1' })
    const editor = within(cell).getByRole('textbox', { name: 'Mo 16. Nov., TICKET-1001 · Printer on 2nd floor, Remote support' })
    fireEvent.change(editor, { target: { value: '1,5' } })
    fireEvent.keyDown(editor, { key: 'Enter' })
    await waitFor(() => expect(host.cell(TICKET, MONDAY).grid).toBe(5400))
    expect(cell.textContent).toBe('1:30')

    const tuesday = grid.querySelector<HTMLElement>('[data-r="0"][data-c="2"]')
    if (!tuesday) throw new Error('no cell')
    act(() => tuesday.focus())
    fireEvent.keyDown(tuesday, { key: 'x' })
    const second = within(tuesday).getByRole('textbox')
    fireEvent.change(second, { target: { value: 'xyz' } })
    fireEvent.keyDown(second, { key: 'Enter' })
    expect((await within(tuesday).findByRole('alert')).textContent).toBe('„xyz“ ist keine Dauer; versuchen Sie 1:30, 1h30m oder 1,5')
  })

  it('the cell details and Add time read German', async () => {
    const { grid } = await germanSheet({
      extra: {
        'timesheet.cellDetails': ({ day, row: key }) => ({ day, row: key, note: null, lock: null, entries: [timerEntry] }),
        'entries.list': () => [],
        'timers.list': () => [],
      },
    })
    const cell = grid.querySelector<HTMLElement>('[data-r="0"][data-c="1"]')
    if (!cell) throw new Error('no cell')
    act(() => cell.focus())
    fireEvent.keyDown(cell, { key: 'Enter', altKey: true })
    const dialog = await screen.findByRole('dialog', { name: 'Mo 16. Nov. · Details' })
    const entry = await within(dialog).findByRole('listitem', { name: 'Timer-Eintrag ab 09:00' })
    expect(within(entry).getByLabelText('Beginn von Lauf 1 – Timer-Eintrag ab 09:00')).toBeTruthy()
    expect(within(entry).getByRole('button', { name: 'Auf einem Timer fortsetzen – Timer-Eintrag ab 09:00' })).toBeTruthy()
    expect(within(entry).getByText('Erfasst 0:40:00 · gerundet 0:45:00')).toBeTruthy()
    expect(within(dialog).getByRole('group', { name: 'Zeit hinzufügen' })).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Dauer' }))
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Dauer des neuen Eintrags' }), { target: { value: '1:5' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zeit hinzufügen' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Dauer: Schreiben Sie Minuten zweistellig: 1:05 oder 1:50? Es wurde nichts geändert.')
    expect(within(dialog).getByRole('button', { name: 'Schließen' })).toBeTruthy()
  })

  it('the submit summary counts in German and says what submitting does', async () => {
    await germanSheet({ cells: { [`w1|a1|1@${MONDAY}`]: { grid: 5400 } }, activeTimers: [{ slot: 1, label: 'Timer 1', state: 'running' }] })
    fireEvent.click(screen.getByRole('button', { name: 'Zeitraum einreichen…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Woche vom 16. Nov. 2026 einreichen?' })
    await within(dialog).findByText('Summe')
    expect(within(dialog).getByText('4 Arbeitstage haben keine Zeit:')).toBeTruthy()
    expect(within(dialog).getByRole('list', { name: 'Tage ohne Zeit' }).textContent).toContain('Di 17. Nov.')
    expect(within(dialog).getByText('Ein Timer zählt noch:')).toBeTruthy()
    expect(within(dialog).getByText(/^Ohne Team-Server genehmigt und sperrt/)).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Einreichen und sperren' }))
    expect(await screen.findByRole('note', { name: 'Schreibgeschützter Zeitraum' })).toBeTruthy()
    expect(screen.getByText(/^Genehmigt und gesperrt von Ihnen, /)).toBeTruthy()
    expect(screen.getByText(/^Dieser Zeitraum ist genehmigt und gesperrt\. Ohne Team-Server genehmigen Sie Ihre Zeit selbst/)).toBeTruthy()
    expect(screen.getByText('Genehmigt', { selector: '.ts-status' })).toBeTruthy()
    const history = screen.getByText('Verlauf (1)').closest('details') as HTMLElement
    expect(within(history).getAllByRole('row')[1]?.textContent).toMatch(/Sie.*Offen.*zu.*Genehmigt/)
  })
})

describe('Submissions in German', () => {
  const period = (start: string, end: string, over: Partial<SubmissionRow> = {}): SubmissionRow => ({
    start,
    end,
    label: 'English label',
    status: 'open',
    level: null,
    reason: null,
    queued: false,
    history: [],
    totalSeconds: 0,
    buckets: { draft: 0, submitted: 0, approved: 0, rejected: 0, voided: 0 },
    ...over,
  })

  it('lists the periods with German names, statuses and buckets', async () => {
    const rows = [
      period('2026-11-23', '2026-11-29', { status: 'submitted', level: 1, totalSeconds: 9000, buckets: { draft: 0, submitted: 9000, approved: 0, rejected: 0, voided: 0 } }),
      period('2026-11-01', '2026-11-30', { status: 'approved', totalSeconds: 5400, buckets: { draft: 0, submitted: 0, approved: 5400, rejected: 0, voided: 0 } }),
    ]
    const host = timesheetHost({ extra: { 'settings.get': () => GERMAN, 'submissions.list': () => rows } })
    inGerman(host, <SubmissionsView />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Einreichungen' })).toBeTruthy()
    const table = await screen.findByRole('table', { name: 'Ihre Zeiträume, neueste zuerst, mit Status und Zeit nach Eintragsstatus' })
    expect(within(table).getByRole('rowheader', { name: 'Woche vom 23. Nov. 2026 23.–29. Nov. 2026' })).toBeTruthy()
    expect(within(table).getByRole('rowheader', { name: 'November 2026 1.–30. Nov. 2026' })).toBeTruthy()
    expect(within(table).getByText('wartet auf Stufe 1')).toBeTruthy()
    expect(within(table).getByText('Genehmigt', { selector: '.subs__badge' })).toBeTruthy()
    expect(within(table).getByRole('link', { name: 'Öffnen Woche vom 23. Nov. 2026 im Stundenzettel' })).toBeTruthy()
    expect(screen.getByText('1 wartet auf Genehmigung')).toBeTruthy()
  })
})
