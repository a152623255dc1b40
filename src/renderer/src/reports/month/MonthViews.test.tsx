import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StintError } from '@shared/errors'
import type { MonthEntryRow, MonthViewQueryInput, MonthViewResult } from '@shared/month-views'
import { DEFAULT_SETTINGS } from '@shared/settings'
import { ClientContext } from '../../client-context'
import { scriptedHost, type ScriptedHandlers } from '../../testing/scripted-host'
import { MonthViews } from './MonthViews'

const H = 3600
const M = 60

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-16T10:00:00'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const ENTRY: MonthEntryRow = {
  entryId: 'e1',
  day: '2026-11-16',
  reference: 'HD-1042',
  title: 'Printer on 3rd floor offline',
  workItemId: 'w1',
  customerId: 'c1',
  customerName: 'Acme',
  organisation: 'Acme Group',
  userId: 'u1',
  userName: 'You',
  activityTypeName: 'Remote support',
  billable: true,
  seconds: H + 30 * M,
  description: 'Replaced the network card',
  status: 'draft',
  createdAt: new Date('2026-11-16T14:05:00').getTime(),
}

const NO_ITEM: MonthEntryRow = {
  ...ENTRY,
  entryId: 'e2',
  day: '2026-11-03',
  reference: null,
  title: null,
  workItemId: null,
  customerId: null,
  customerName: null,
  organisation: null,
  activityTypeName: null,
  billable: false,
  seconds: 2 * H + 30 * M,
  description: '',
}

const sums = (total: number, billable: number, entries: number) => ({ totalSeconds: total, billableSeconds: billable, nonBillableSeconds: total - billable, entryCount: entries })

/** The answer of the host for one query: each view with the rows a test gives. */
function answer(query: MonthViewQueryInput, rows: Partial<Record<MonthViewResult['view'], unknown[]>> = {}, rowCount?: number): MonthViewResult {
  const month = query.month
  const base = { month, from: `${month}-01`, to: `${month}-30`, statuses: query.statuses ?? ['draft', 'submitted', 'approved', 'rejected'], totals: sums(4 * H, H + 30 * M, 2) }
  const list = rows[query.view] ?? []
  return { ...base, view: query.view, rows: list, rowCount: rowCount ?? list.length } as MonthViewResult
}

const VIEW_ROWS = {
  entries: [ENTRY, NO_ITEM],
  tickets: [
    {
      workItemId: 'w1',
      reference: 'HD-1042',
      title: 'Printer on 3rd floor offline',
      customerId: 'c1',
      customerName: 'Acme',
      organisation: 'Acme Group',
      monthSeconds: H + 30 * M,
      billableSeconds: H + 30 * M,
      entryCount: 1,
      lifetimeSeconds: 12 * H + 15 * M,
      createdAt: null,
    },
  ],
  customers: [
    { customerId: 'c1', customerName: 'Acme', organisation: 'Acme Group', monthSeconds: H + 30 * M, billableSeconds: H + 30 * M, entryCount: 1, ticketCount: 1 },
    { customerId: null, customerName: 'No customer', organisation: null, monthSeconds: 2 * H + 30 * M, billableSeconds: 0, entryCount: 1, ticketCount: 0 },
  ],
  organisations: [{ organisation: 'Acme Group', label: 'Acme Group', customerCount: 1, monthSeconds: H + 30 * M, billableSeconds: H + 30 * M, entryCount: 1 }],
}

async function renderMonth(extra: ScriptedHandlers = {}, scope: 'mine' | 'team' = 'mine') {
  const host = scriptedHost({
    'reports.month': (query) => answer(query, VIEW_ROWS),
    'settings.get': () => Promise.reject(new StintError('unavailable', 'No settings in this test.')),
    ...extra,
  })
  render(
    <ClientContext.Provider value={host.client}>
      <MonthViews scope={scope} />
    </ClientContext.Provider>,
  )
  await waitFor(() => expect(screen.queryByText(/^Loading/)).toBeNull())
  return host
}

const table = () => screen.getByRole('table')
const cellsOf = (row: HTMLElement) => Array.from(row.querySelectorAll('td, th'), (cell) => cell.textContent)
const bodyRows = () => within(table()).getAllByRole('row').filter((row) => row.closest('tbody') && !row.classList.contains('mv-spacer'))

describe('Month views', () => {
  it('opens on this month’s entries, every column a helpdesk reads, with the month’s totals', async () => {
    const host = await renderMonth()
    expect(host.requestsTo('reports.month')).toEqual([{ month: '2026-11', view: 'entries', statuses: ['draft', 'submitted', 'approved', 'rejected'] }])
    expect(screen.getByRole('heading', { name: 'Your time in November 2026' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: 'Entries' }).getAttribute('aria-selected')).toBe('true')

    const headers = within(table()).getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers).toEqual(['Day', 'Ticket no.', 'Title', 'Time', 'Billable', 'Customer', 'Organisation', 'Person', 'Activity type', 'Created at', 'Description'])
    const [first, second] = bodyRows()
    expect(cellsOf(first as HTMLElement)).toEqual([
      '16 Nov 2026',
      'HD-1042',
      'Printer on 3rd floor offline',
      '1:30',
      'Yes',
      'Acme',
      'Acme Group',
      'You',
      'Remote support',
      '16 Nov 2026, 14:05',
      'Replaced the network card',
    ])
    // Time on no work item and no customer says so, rather than leaving blanks.
    expect(cellsOf(second as HTMLElement).slice(0, 8)).toEqual(['3 Nov 2026', '—none', 'No work item', '2:30', 'No', '—none', '—none', 'You'])

    const total = within(table()).getAllByRole('row').at(-1) as HTMLElement
    expect(cellsOf(total).slice(0, 3)).toEqual(['Total of November 2026', '4:00', '1:30'])
    expect(screen.getByText(/2 entries/).closest('p')?.textContent).toContain('4:00 booked')
  })

  it('moves between the views with the arrow keys, Home and End, as a tab list does', async () => {
    const host = await renderMonth()
    const entries = screen.getByRole('tab', { name: 'Entries' })
    entries.focus()
    fireEvent.keyDown(entries, { key: 'ArrowRight' })
    const tickets = screen.getByRole('tab', { name: 'Per ticket' })
    expect(document.activeElement).toBe(tickets)
    expect(tickets.getAttribute('aria-selected')).toBe('true')
    expect(tickets.tabIndex).toBe(0)
    expect(entries.tabIndex).toBe(-1)
    await waitFor(() => expect(within(table()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Ticket', 'Title', 'Customer', 'Organisation', 'This month', 'Billable', 'Over its life']))
    expect(cellsOf(bodyRows()[0] as HTMLElement)).toEqual(['HD-1042', 'Printer on 3rd floor offline', 'Acme', 'Acme Group', '1:30', '1:30', '12:15'])
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tickets.id)

    fireEvent.keyDown(tickets, { key: 'End' })
    const organisations = screen.getByRole('tab', { name: 'Per organisation' })
    expect(document.activeElement).toBe(organisations)
    await waitFor(() => expect(within(table()).getByRole('rowheader', { name: 'Acme Group' })).toBeTruthy())

    fireEvent.keyDown(organisations, { key: 'ArrowRight' }) // wraps round to the first
    expect(document.activeElement).toBe(entries)
    fireEvent.keyDown(entries, { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(organisations)
    fireEvent.keyDown(organisations, { key: 'Home' })
    fireEvent.keyDown(entries, { key: 'ArrowRight' })
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Per ticket' }), { key: 'ArrowRight' })
    await waitFor(() => expect(within(table()).getByRole('rowheader', { name: 'No customer' })).toBeTruthy())
    const views = host.requestsTo('reports.month').map((q) => (q as MonthViewQueryInput).view)
    expect(views.slice(0, 3)).toEqual(['entries', 'tickets', 'organisations'])
    expect(views.at(-1)).toBe('customers')
  })

  it('steps to the month before and after, and to any month typed in', async () => {
    const host = await renderMonth()
    fireEvent.click(screen.getByRole('button', { name: 'Previous month, October 2026' }))
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your time in October 2026' })).toBeTruthy())
    await waitFor(() => expect(within(table()).getAllByRole('row').at(-1)?.textContent).toContain('Total of October 2026'))
    fireEvent.change(screen.getByLabelText('Month of the month views', { selector: 'input' }), { target: { value: '2027-01' } })
    await waitFor(() => expect(host.requestsTo('reports.month').at(-1)).toMatchObject({ month: '2027-01' }))
    // A cleared field keeps the month shown.
    fireEvent.change(screen.getByLabelText('Month of the month views', { selector: 'input' }), { target: { value: '' } })
    expect(screen.getByRole('heading', { name: 'Your time in January 2027' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Next month, February 2027' }))
    await waitFor(() => expect(host.requestsTo('reports.month').at(-1)).toMatchObject({ month: '2027-02' }))
  })

  it('filters by status, and with no status left says so instead of asking', async () => {
    const host = await renderMonth()
    const statuses = screen.getByRole('group', { name: 'Statuses' })
    expect(within(statuses).getByRole<HTMLInputElement>('checkbox', { name: 'Voided' }).checked).toBe(false)
    fireEvent.click(within(statuses).getByRole('checkbox', { name: 'Voided' }))
    await waitFor(() => expect(host.requestsTo('reports.month').at(-1)).toMatchObject({ statuses: ['draft', 'submitted', 'approved', 'rejected', 'voided'] }))

    for (const name of ['Draft', 'Submitted', 'Approved', 'Rejected', 'Voided']) fireEvent.click(within(statuses).getByRole('checkbox', { name }))
    const asked = host.requestsTo('reports.month').length
    expect((await screen.findByRole('alert')).textContent).toContain('Choose at least one status')
    expect(screen.queryByRole('table')).toBeNull()
    expect(host.requestsTo('reports.month')).toHaveLength(asked)

    fireEvent.click(within(statuses).getByRole('checkbox', { name: 'Approved' }))
    await waitFor(() => expect(host.requestsTo('reports.month').at(-1)).toMatchObject({ statuses: ['approved'] }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  })

  it('says when the table was cut at 5,000 rows, and draws only the rows in sight', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...ENTRY, entryId: `e${i}`, description: `Entry ${i}` }))
    await renderMonth({ 'reports.month': (query) => answer(query, { entries: many }, 12_345) })
    expect(screen.getByText('Showing 5,000 of 12,345 entries — export CSV for all.')).toBeTruthy()
    expect(table().getAttribute('aria-rowcount')).toBe('5002')
    const drawn = bodyRows()
    expect(drawn.length).toBeGreaterThan(10)
    expect(drawn.length).toBeLessThan(80)
    expect(drawn[0]?.getAttribute('aria-rowindex')).toBe('2')
  })

  it('shows the host’s reason when the view cannot be loaded, and tries again', async () => {
    let fail = true
    const host = await renderMonth({
      'reports.month': (query) => {
        if (fail) throw new StintError('unavailable', 'The month views are not ready yet.')
        return answer(query, VIEW_ROWS)
      },
    })
    expect(screen.getByRole('alert').textContent).toContain('The entries view of November 2026 could not be loaded: The month views are not ready yet.')
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(bodyRows()).toHaveLength(2)
    expect(host.requestsTo('reports.month')).toHaveLength(2)
  })

  it('asks the team server in team scope, in the person’s display unit, and follows booked time', async () => {
    let rows = [ENTRY]
    const host = await renderMonth(
      {
        'reports.teamMonth': (query) => answer(query, { ...VIEW_ROWS, entries: rows }),
        'settings.get': () => ({ ...DEFAULT_SETTINGS, timesheet: { ...DEFAULT_SETTINGS.timesheet, unit: 'decimal' } }),
      },
      'team',
    )
    expect(host.requestsTo('reports.month')).toHaveLength(0)
    expect(screen.getByRole('heading', { name: 'Team time in November 2026' })).toBeTruthy()
    await waitFor(() => expect(cellsOf(bodyRows()[0] as HTMLElement)[3]).toBe('1.50'))
    rows = [ENTRY, NO_ITEM]
    act(() => host.emit('entries.changed', {}))
    await waitFor(() => expect(bodyRows()).toHaveLength(2))
  })

  it('exports the view on screen, with the month and statuses chosen, every row', async () => {
    const host = await renderMonth({ 'export.csv': () => ({ status: 'saved', path: '/home/tess/stint-month-tickets-2026-10.csv', rows: 1, bytes: 120 }) })
    fireEvent.click(screen.getByRole('button', { name: 'Previous month, October 2026' }))
    fireEvent.click(screen.getByRole('tab', { name: 'Per ticket' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Voided' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Export per ticket (CSV)' }))
    await waitFor(() => expect(host.requestsTo('export.csv')).toHaveLength(1))
    expect(host.requestsTo('export.csv')[0]).toMatchObject({
      what: { kind: 'month', query: { month: '2026-10', view: 'tickets', statuses: ['draft', 'submitted', 'approved', 'rejected', 'voided'] } },
      scope: 'mine',
    })
  })

  it('says there is no time in an empty month', async () => {
    await renderMonth({ 'reports.month': (query) => ({ ...answer(query), totals: sums(0, 0, 0) }) })
    expect(screen.getByText(/No time in November 2026/)).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })
})
