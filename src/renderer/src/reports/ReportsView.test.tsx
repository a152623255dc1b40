import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CallRequest } from '@shared/contract'
import { StintError } from '@shared/errors'
import type { ExportResult } from '@shared/exports'
import type { ReportQuery, ReportResult, ReportRow } from '@shared/reports'
import type { Settings } from '@shared/settings'
import { DEFAULT_SETTINGS } from '@shared/settings'
import type { TeamAccount } from '@shared/sync'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { BOM_STORAGE_KEY } from './ExportCsvButton'
import { ReportsView } from './ReportsView'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-18T10:00:00'))
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  window.localStorage.clear()
  window.location.hash = ''
})

const H = 3600
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, timesheet: { ...DEFAULT_SETTINGS.timesheet, unit: 'decimal' } }

const sums = (billable: number, nonBillable: number, entries = 1) => ({ totalSeconds: billable + nonBillable, billableSeconds: billable, nonBillableSeconds: nonBillable, entryCount: entries })

/** Rows the scripted engine gives for each first grouping: two customers, two days, two activity types. */
function rowsFor(query: CallRequest<'reports.run'>): ReportRow[] {
  const row = (dimension: ReportRow['keys'][0]['dimension'], id: string | null, label: string, billable: number, nonBillable: number, expected: number | null = null): ReportRow => ({
    keys: [{ dimension, id, label }],
    ...sums(billable, nonBillable),
    expectedSeconds: expected,
  })
  if (query.groupBy.join() === 'customer,activityType') {
    const pair = (customer: [string | null, string], type: [string, string], billable: number, nonBillable: number): ReportRow => ({
      keys: [
        { dimension: 'customer', id: customer[0], label: customer[1] },
        { dimension: 'activityType', id: type[0], label: type[1] },
      ],
      ...sums(billable, nonBillable),
      expectedSeconds: null,
    })
    return [pair(['c-acme', 'Acme Corp'], ['a-dev', 'Development'], 4 * H, 0), pair(['c-acme', 'Acme Corp'], ['a-meet', 'Meetings'], 2 * H, 0), pair([null, 'No customer'], ['a-meet', 'Meetings'], 0, 2 * H)]
  }
  switch (query.groupBy[0]) {
    case 'customer':
      return [row('customer', 'c-acme', 'Acme Corp', 6 * H, 0), row('customer', null, 'No customer', 0, 2 * H)]
    case 'day':
      return [row('day', '2026-11-02', 'Mon 2 Nov 2026', 4 * H, 2 * H, 8 * H), row('day', '2026-11-03', 'Tue 3 Nov 2026', 2 * H, 0, 8 * H)]
    case 'activityType':
      return [row('activityType', 'a-dev', 'Development', 6 * H, 0), row('activityType', 'a-meet', 'Meetings', 0, 2 * H)]
    case 'user':
      return [row('user', 'u-tess', 'Tess Tech', 6 * H, 2 * H)]
    default:
      return []
  }
}

function resultFor(request: CallRequest<'reports.run'>, rows = rowsFor(request)): ReportResult {
  const query = { filters: {}, weekStartsOn: 1, ...request } as ReportQuery
  const total = rows.reduce((s, r) => s + r.totalSeconds, 0)
  const billable = rows.reduce((s, r) => s + r.billableSeconds, 0)
  const expected = request.expectedSeconds ? 168 * H : null
  return {
    query,
    rows,
    totals: sums(billable, total - billable, rows.length),
    people: 1,
    expectedSeconds: expected,
    utilisation: { billableShare: total > 0 ? billable / total : null, ofExpected: expected ? total / expected : null, billableOfExpected: expected ? billable / expected : null },
  }
}

function reportsHost(extra: ScriptedHandlers = {}) {
  return scriptedHost({
    'settings.get': () => SETTINGS,
    'sync.account': () => null,
    'reports.run': (request) => resultFor(request),
    'work.listCustomers': () => [{ id: 'c-acme', name: 'Acme Corp', organisation: 'Acme Group' }],
    'work.listContracts': () => [{ id: 'k-1', customerId: 'c-acme', name: 'Support 2026', includedMinutes: 600 }],
    'work.listItems': () => [
      { id: 'w-1', kind: 'ticket', reference: 'T-1', title: 'Printer jam', customerId: 'c-acme', customerName: 'Acme Corp', contractId: 'k-1', billable: true, active: true, favourite: false, ticketUrl: null },
    ],
    'work.listActivityTypes': () => [{ id: 'a-dev', name: 'Development', active: true, isDefault: true }],
    ...extra,
  })
}

function renderReports(host: ReturnType<typeof reportsHost>, param: string | null = null) {
  return render(
    <ClientContext.Provider value={host.client}>
      <ReportsView param={param} />
    </ClientContext.Provider>,
  )
}

const reportRequests = (host: ReturnType<typeof reportsHost>) => host.requestsTo('reports.run') as CallRequest<'reports.run'>[]
const lastMainRequest = (host: ReturnType<typeof reportsHost>, first: string) => reportRequests(host).filter((r) => r.groupBy[0] === first).at(-1)
const card = (label: string) => screen.getByText(label, { selector: 'dt' }).closest('.rp-card') as HTMLElement

describe('Reports — Summary', () => {
  it('filters by an organisation from the customers’ organisations', async () => {
    const host = reportsHost()
    renderReports(host)
    await screen.findByRole('table', { name: /Time by customer/ })
    fireEvent.click(screen.getByRole('button', { name: /Organisations: all/ }))
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Acme Group' }))
    await waitFor(() => expect(lastMainRequest(host, 'customer')?.filters?.organisations).toEqual(['Acme Group']))
    expect(decodeURIComponent(window.location.hash)).toContain('organisations=Acme+Group')
  })

  it('runs this month by customer with the timesheet’s expected hours, and shows totals, both charts with their text and the grouped table', async () => {
    const host = reportsHost()
    renderReports(host)
    const table = await screen.findByRole('table', { name: /Time by customer, 1–30 Nov 2026/ })

    const main = lastMainRequest(host, 'customer')
    expect(main).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: ['customer'],
      filters: { statuses: ['draft', 'submitted', 'approved', 'rejected'] },
      weekStartsOn: 1,
      expectedSeconds: SETTINGS.timesheet.expectedSeconds,
    })
    // The chart asks by day (a month is short enough), the share chart by customer.
    expect(lastMainRequest(host, 'day')?.groupBy).toEqual(['day'])

    expect(card('Total').textContent).toContain('8.00')
    expect(card('Billable').textContent).toContain('6.00')
    expect(card('Non-billable').textContent).toContain('2.00')
    expect(card('Billable share').textContent).toContain('75 %')
    expect(card('Of expected').textContent).toContain('5 %')
    expect(screen.queryByText('People')).toBeNull()

    const rows = within(table).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))
    expect(rows).toEqual([
      ['Customer', 'Total', 'Billable', 'Non-billable', 'Entries'],
      ['Acme Corp', '6.00', '6.00', '0.00', '1'],
      ['No customer', '2.00', '0.00', '2.00', '1'],
      ['Total', '8.00', '6.00', '2.00', '2'],
    ])

    // Every day of the month is a bar; the expected hours of a weekday are 8 h.
    const hours = screen.getByRole('img', { name: /^Hours per day, 1–30 Nov 2026: 8 h booked, 6 h billable and 2 h non-billable against 168 h expected\. Most on Mon 2 Nov 2026: 6 h\.$/ })
    expect(hours.querySelectorAll('rect.chart__billable')).toHaveLength(2)
    const hoursTable = screen.getByRole('table', { name: 'Hours per day, 1–30 Nov 2026' })
    expect(within(hoursTable).getAllByRole('row')).toHaveLength(31)
    const monday = within(hoursTable).getByRole('rowheader', { name: 'Mon 2 Nov 2026' }).closest('tr') as HTMLElement
    expect([...monday.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['4.00', '2.00', '6.00', '8.00'])
    expect(screen.getByRole('img', { name: 'Share by customer, 1–30 Nov 2026: Acme Corp 75 %, No customer 25 %.' })).toBeTruthy()
  })

  it('switches the share chart to activity types, and the grouping to day then customer, asking the engine again', async () => {
    const host = reportsHost()
    renderReports(host)
    await screen.findByRole('table', { name: /Time by customer/ })

    fireEvent.click(screen.getByRole('button', { name: 'Activity type' }))
    await screen.findByRole('img', { name: /^Share by activity type, 1–30 Nov 2026: Development 75 %, Meetings 25 %\.$/ })

    fireEvent.change(screen.getByLabelText('First grouping'), { target: { value: 'day' } })
    fireEvent.change(screen.getByLabelText('Second grouping'), { target: { value: 'customer' } })
    await waitFor(() => expect(reportRequests(host).some((r) => r.groupBy.join() === 'day,customer')).toBe(true))
    expect(decodeURIComponent(window.location.hash)).toContain('by=day%2Ccustomer')
    expect(decodeURIComponent(window.location.hash)).toContain('share=activityType')
  })

  it('nests a grouping by two fields: each customer once, with its subtotal, and its activity types beneath', async () => {
    const host = reportsHost()
    renderReports(host)
    await screen.findByRole('table', { name: /Time by customer/ })
    fireEvent.change(screen.getByLabelText('Second grouping'), { target: { value: 'activityType' } })
    const table = await screen.findByRole('table', { name: /Time by customer, then activity type/ })
    await waitFor(() => expect(within(table).getAllByRole('rowgroup').length).toBeGreaterThan(2))
    expect(within(table).getAllByText('Acme Corp')).toHaveLength(1)
    const acme = within(table).getByRole('rowheader', { name: 'Acme Corp' }).closest('tbody') as HTMLElement
    const rows = within(acme).getAllByRole('row').map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['6.00', '6.00', '0.00', '2'],
      ['', '4.00', '4.00', '0.00', '1'],
      ['', '2.00', '2.00', '0.00', '1'],
    ])
    expect(within(acme).getByRole('rowheader', { name: 'Development' })).toBeTruthy()
    expect(within(table).getAllByText('No customer')).toHaveLength(1)
  })

  it('filters by a customer and “No customer”, by billable and by status, and says so when nothing matches', async () => {
    const host = reportsHost({ 'reports.run': (request) => resultFor(request, request.filters?.billable === false ? [] : rowsFor(request)) })
    renderReports(host)
    await screen.findByRole('table', { name: /Time by customer/ })

    fireEvent.click(screen.getByRole('button', { name: /Customers: all/ }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Acme Corp' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'No customer' }))
    fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    expect(screen.getByRole('button', { name: /Customers: Acme Corp \+1/ })).toBeTruthy()
    fireEvent.click(screen.getByRole('checkbox', { name: 'Draft' }))
    await waitFor(() => expect(lastMainRequest(host, 'customer')?.filters).toEqual({ statuses: ['submitted', 'approved', 'rejected'], customerIds: ['c-acme', null] }))

    // Work items carry their ticket reference.
    fireEvent.click(screen.getByRole('button', { name: /Work items: all/ }))
    expect(screen.getByRole('checkbox', { name: 'T-1 · Printer jam' })).toBeTruthy()

    fireEvent.change(screen.getByLabelText('Billable'), { target: { value: 'nonBillable' } })
    expect(await screen.findByText(/No time matches these filters in 1–30 Nov 2026\./)).toBeTruthy()
    expect(lastMainRequest(host, 'customer')?.filters?.billable).toBe(false)
    expect(screen.getByRole('button', { name: 'Export report (CSV)' }).getAttribute('aria-disabled')).toBe('true')
  })

  it('says what is wrong with a custom range without asking the engine: ends before it starts, ten years, empty', async () => {
    const host = reportsHost()
    renderReports(host)
    await screen.findByRole('table', { name: /Time by customer/ })
    fireEvent.click(screen.getByRole('radio', { name: 'Custom' }))
    const asked = reportRequests(host).length

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-20' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-10' } })
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing is shown. The range ends (2026-11-10) before it starts (2026-11-20): the last day must be on or after the first.')
    expect(screen.getByLabelText('To').getAttribute('aria-invalid')).toBe('true')

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2016-11-10' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-10' } })
    expect(screen.getByRole('alert').textContent).toMatch(/A report covers at most three years \(1,096 days\); 2016-11-10 to 2026-11-10 is 3,653 days\./)

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '' } })
    expect(screen.getByRole('alert').textContent).toMatch(/needs its first day/)
    // Only the valid steps on the way (20–30 Nov, then 10 Nov 2016 – 10 Nov 2026 never) reached the engine.
    expect(reportRequests(host).slice(asked).filter((r) => r.from === '' || r.from > r.to || r.from < '2020-01-01')).toEqual([])
  })

  it('shows the engine’s refusal (too many rows) in an alert, and tries again', async () => {
    let refuse = true
    const host = reportsHost({
      'reports.run': (request) => {
        if (refuse && request.groupBy.length > 1) throw new StintError('invalid_request', 'The report has more than 100,000 rows; group by less or filter more.')
        return resultFor(request)
      },
    })
    renderReports(host, 'tab=summary&range=thisMonth&by=workItem,day')
    expect((await screen.findByRole('alert')).textContent).toContain('The report could not be run: The report has more than 100,000 rows')
    refuse = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  })

  it('opens the period presets from the timesheet’s period rule, and the state from the address', async () => {
    const host = reportsHost()
    renderReports(host, 'range=lastPeriod&by=activityType&billable=billable')
    await screen.findByRole('table', { name: /Time by activity type, 9–15 Nov 2026/ })
    expect(lastMainRequest(host, 'activityType')).toMatchObject({ from: '2026-11-09', to: '2026-11-15', filters: { billable: true } })
    fireEvent.click(screen.getByRole('radio', { name: 'This period' }))
    await screen.findByRole('table', { name: /Time by activity type, 16–22 Nov 2026/ })
  })

  it('sorts the grouped table by a column from its header, largest first, and back', async () => {
    const host = reportsHost()
    renderReports(host)
    const table = await screen.findByRole('table', { name: /Time by customer/ })
    const firstCells = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent)
        .filter((text) => text !== 'Total')
    expect(firstCells()).toEqual(['Acme Corp', 'No customer'])
    const header = (name: string) => within(table).getByRole('columnheader', { name })
    expect(header('Customer').getAttribute('aria-sort')).toBe('ascending')

    fireEvent.click(within(header('Non-billable')).getByRole('button'))
    expect(firstCells()).toEqual(['No customer', 'Acme Corp'])
    expect(header('Non-billable').getAttribute('aria-sort')).toBe('descending')
    expect(header('Customer').getAttribute('aria-sort')).toBeNull()
    fireEvent.click(within(header('Non-billable')).getByRole('button'))
    expect(firstCells()).toEqual(['Acme Corp', 'No customer'])
    expect(header('Non-billable').getAttribute('aria-sort')).toBe('ascending')

    fireEvent.click(within(header('Customer')).getByRole('button'))
    fireEvent.click(within(header('Customer')).getByRole('button'))
    expect(firstCells()).toEqual(['No customer', 'Acme Corp'])
    expect(header('Customer').getAttribute('aria-sort')).toBe('descending')
    // The total row stays at the foot.
    expect(within(table).getAllByRole('row').at(-1)?.textContent).toMatch(/^Total/)
  })

  it('by person, says how many people in scope booked nothing (their expected hours are in the total)', async () => {
    const account: TeamAccount = { url: 'https://ts.example.com', userId: 'u-abe', name: 'Abe', email: 'abe@example.com', role: 'member', approverLevels: [1], tokenProtection: 'keychain' }
    const host = reportsHost({ 'sync.account': () => account, 'reports.team': (request) => ({ ...resultFor(request), people: 3 }) })
    renderReports(host, 'scope=team&by=user')
    await screen.findByRole('table', { name: /Time by person/ })
    expect(await screen.findByText('2 more people whose time you may see booked nothing here; the total’s expected hours count them too.')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('First grouping'), { target: { value: 'customer' } })
    await screen.findByRole('table', { name: /Time by customer/ })
    expect(screen.queryByText(/booked nothing here/)).toBeNull()
  })

  it('offers My time / Team only to an approver with a team server, and groups by person in team scope', async () => {
    const member = reportsHost()
    renderReports(member)
    await screen.findByRole('table', { name: /Time by customer/ })
    expect(screen.queryByRole('group', { name: 'Whose time' })).toBeNull()
    expect([...screen.getByLabelText<HTMLSelectElement>('First grouping').options].map((o) => o.value)).not.toContain('user')
    cleanup()

    const account: TeamAccount = { url: 'https://ts.example.com', userId: 'u-abe', name: 'Abe', email: 'abe@example.com', role: 'member', approverLevels: [1], tokenProtection: 'keychain' }
    const host = reportsHost({ 'sync.account': () => account, 'reports.team': (request) => resultFor(request) })
    renderReports(host)
    fireEvent.click(await screen.findByRole('button', { name: 'Team' }))
    fireEvent.change(screen.getByLabelText('First grouping'), { target: { value: 'user' } })
    await screen.findByRole('table', { name: /Time by person/ })
    expect((host.requestsTo('reports.team') as CallRequest<'reports.team'>[]).some((r) => r.groupBy[0] === 'user')).toBe(true)
    expect(screen.getByText('People')).toBeTruthy()
    expect(screen.getByRole('button', { name: /People: all/ })).toBeTruthy()

    // Back to one's own time: the person grouping goes.
    fireEvent.click(screen.getByRole('button', { name: 'My time' }))
    await waitFor(() => expect(lastMainRequest(host, 'customer')).toBeTruthy())
  })
})

describe('Reports — tabs', () => {
  it('moves between Summary, Month and Contracts with the arrow keys', async () => {
    const host = reportsHost({
      'reports.month': () => Promise.reject(new StintError('unavailable', 'not in this test')),
      'reports.contractUsage': () => Promise.reject(new StintError('unavailable', 'not in this test')),
    })
    renderReports(host)
    const summary = await screen.findByRole('tab', { name: 'Summary' })
    expect(summary.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(summary, { key: 'ArrowRight' })
    expect(screen.getByRole('tab', { name: 'Month' }).getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Month' }))
    expect(decodeURIComponent(window.location.hash)).toContain('tab=month')
  })

  it('follows a link to the Contracts tab while Reports is already open (a usage alert’s link)', async () => {
    const host = reportsHost({
      'reports.month': () => Promise.reject(new StintError('unavailable', 'not in this test')),
      'reports.contractUsage': () => Promise.reject(new StintError('unavailable', 'not in this test')),
    })
    renderReports(host)
    await screen.findByRole('table', { name: /Time by customer/ })
    for (let round = 0; round < 2; round++) {
      // The second round: back on Summary, the same link again still switches.
      fireEvent.click(screen.getByRole('tab', { name: 'Summary' }))
      expect(screen.getByRole('tab', { name: 'Summary' }).getAttribute('aria-selected')).toBe('true')
      window.location.hash = '#reports/tab%3Dcontracts'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
      await waitFor(() => expect(screen.getByRole('tab', { name: 'Contracts' }).getAttribute('aria-selected')).toBe('true'))
    }
    // A link to another view leaves the report as it is.
    window.location.hash = '#timers'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    expect(screen.getByRole('tab', { name: 'Contracts' }).getAttribute('aria-selected')).toBe('true')
  })
})

describe('Export CSV button', () => {
  async function exportWith(answer: () => ExportResult | Promise<ExportResult>) {
    const host = reportsHost({ 'export.csv': () => answer() })
    renderReports(host)
    await screen.findByRole('table', { name: /Time by customer/ })
    return host
  }

  it('saves the report in the app and says where, with the byte-order mark when asked (and remembers it)', async () => {
    const host = await exportWith(() => ({ status: 'saved', path: '/home/tess/report.csv', rows: 1234, bytes: 50_000 }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'CSV with byte-order mark (for Excel)' }))
    expect(window.localStorage.getItem(BOM_STORAGE_KEY)).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: 'Export report (CSV)' }))
    await screen.findByText('Saved 1,234 rows to /home/tess/report.csv')
    expect(host.requestsTo('export.csv')[0]).toEqual({
      what: { kind: 'report', query: expect.objectContaining({ from: '2026-11-01', to: '2026-11-30', groupBy: ['customer'] }) as unknown },
      scope: 'mine',
      bom: true,
      format: 'machine',
    })
  })

  it('exports the report as an Excel workbook from its own button, headers in the window’s language, no byte-order mark', async () => {
    const host = await exportWith(() => ({ status: 'saved', path: '/home/tess/report.xlsx', rows: 3, bytes: 9_000 }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'CSV with byte-order mark (for Excel)' }))
    const button = screen.getByRole('button', { name: 'Export report (Excel)' })
    expect(button.getAttribute('title')).toMatch(/Excel workbook \(\.xlsx\)/)
    fireEvent.click(button)
    await screen.findByText('Saved 3 rows to /home/tess/report.xlsx')
    expect(host.requestsTo('export.csv')[0]).toEqual({
      what: { kind: 'report', query: expect.objectContaining({ from: '2026-11-01', groupBy: ['customer'] }) as unknown },
      scope: 'mine',
      file: 'xlsx',
      language: 'en',
    })
  })

  it('writes the formats of the window’s language when Settings asks for them', async () => {
    const host = reportsHost({ 'settings.get': () => ({ ...SETTINGS, exports: { csvFormat: 'locale' } }), 'export.csv': () => ({ status: 'cancelled' }) })
    renderReports(host)
    await screen.findByRole('table', { name: /Time by customer/ })
    fireEvent.click(screen.getByRole('button', { name: 'Export report (CSV)' }))
    await waitFor(() => expect(host.requestsTo('export.csv')).toHaveLength(1))
    expect(host.requestsTo('export.csv')[0]).toMatchObject({ format: 'en' })
  })

  it('downloads in the browser host, and exports the entries of the range with the same filters', async () => {
    const clicked: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('href')} ${this.download}`)
    })
    const host = await exportWith(() => ({ status: 'download', url: '/api/download/abc', fileName: 'entries-2026-11.csv' }))
    fireEvent.click(screen.getByRole('button', { name: 'Export entries (CSV)' }))
    await screen.findByText('Downloading entries-2026-11.csv')
    expect(clicked).toEqual(['/api/download/abc entries-2026-11.csv'])
    expect(host.requestsTo('export.csv')[0]).toEqual({
      what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters: { statuses: ['draft', 'submitted', 'approved', 'rejected'] }, includeVoided: false },
      scope: 'mine',
      bom: false,
      format: 'machine',
    })
    click.mockRestore()
  })

  it('says nothing when the save dialog is closed, and says what failed otherwise', async () => {
    let answer: () => ExportResult = () => ({ status: 'cancelled' })
    await exportWith(() => answer())
    const button = screen.getByRole('button', { name: 'Export report (CSV)' })
    fireEvent.click(button)
    await waitFor(() => expect(button.textContent).toBe('Export report (CSV)'))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['', ''])

    answer = () => {
      throw new StintError('unavailable', 'The export is not available yet.')
    }
    fireEvent.click(button)
    expect((await screen.findByRole('alert')).textContent).toBe('The export failed and nothing was written: The export is not available yet.')
  })
})
