// The "Overlapped" measure in the Reports view: a column (sortable, explained by its title)
// and a card only when some of the report's billable time ran beside another billable timer.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CallRequest } from '@shared/contract'
import type { ReportQuery, ReportResult, ReportRow } from '@shared/reports'
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { ReportsView } from './ReportsView'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-18T10:00:00'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  window.location.hash = ''
})

const H = 3600
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, timesheet: { ...DEFAULT_SETTINGS.timesheet, unit: 'hmm' } }

function resultFor(request: CallRequest<'reports.run'>, overlapped: [number, number]): ReportResult {
  const query = { filters: {}, weekStartsOn: 1, ...request } as ReportQuery
  const dimension = query.groupBy[0] ?? 'customer'
  const row = (id: string | null, label: string, billable: number, nonBillable: number, overlappedSeconds: number): ReportRow => ({
    keys: [{ dimension, id, label }],
    totalSeconds: billable + nonBillable,
    billableSeconds: billable,
    nonBillableSeconds: nonBillable,
    entryCount: 1,
    expectedSeconds: null,
    overlappedSeconds,
  })
  const rows = [row('c-acme', 'Acme Corp', 2 * H, 0, overlapped[0]), row('c-harbour', 'Harbour Freight', 1.75 * H, 0, overlapped[1]), row(null, 'No customer', 0, 4 * H, 0)]
  return {
    query,
    rows,
    totals: { totalSeconds: 7.75 * H, billableSeconds: 3.75 * H, nonBillableSeconds: 4 * H, entryCount: 3, overlappedSeconds: overlapped[0] + overlapped[1] },
    people: 1,
    expectedSeconds: null,
    utilisation: { billableShare: 3.75 / 7.75, ofExpected: null, billableOfExpected: null },
  }
}

function renderWith(overlapped: [number, number]) {
  const host = scriptedHost({
    'settings.get': () => SETTINGS,
    'sync.account': () => null,
    'reports.run': (request) => resultFor(request, overlapped),
    'work.listCustomers': () => [],
    'work.listContracts': () => [],
    'work.listItems': () => [],
    'work.listActivityTypes': () => [],
  })
  render(
    <ClientContext.Provider value={host.client}>
      <ReportsView param={null} />
    </ClientContext.Provider>,
  )
}

const texts = (table: HTMLElement) => within(table).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))

describe('overlapped time in the Reports view', () => {
  it('is a column of every row and the total, explained by its header, and a card, when some time overlapped', async () => {
    renderWith([45 * 60, 45 * 60])
    const table = await screen.findByRole('table', { name: /Time by customer/ })
    expect(texts(table)).toEqual([
      ['Customer', 'Total', 'Billable', 'Non-billable', 'Entries', 'Overlapped'],
      ['Acme Corp', '2:00', '2:00', '0:00', '1', '0:45'],
      ['Harbour Freight', '1:45', '1:45', '0:00', '1', '0:45'],
      ['No customer', '4:00', '0:00', '4:00', '1', '0:00'],
      ['Total', '7:45', '3:45', '4:00', '3', '1:30'],
    ])
    const header = within(table).getByRole('button', { name: 'Overlapped' })
    expect(header.getAttribute('title')).toBe('Billable time during which another billable timer of the same person also ran. It is counted in full in each of them; a billing run bills it by the overlap rule.')
    const card = screen.getByText('Overlapped', { selector: 'dt' }).closest('.rp-card') as HTMLElement
    expect(card.textContent).toContain('1:30')
    expect(card.textContent).toContain('ran beside another billable timer')

    // Sorted by it, the most overlapped first (ties in the engine's order).
    fireEvent.click(header)
    expect(texts(table).slice(1, 4).map((cells) => cells[0])).toEqual(['Acme Corp', 'Harbour Freight', 'No customer'])
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('descending')
  })

  it('is left out, column and card, when nothing overlapped', async () => {
    renderWith([0, 0])
    const table = await screen.findByRole('table', { name: /Time by customer/ })
    expect(texts(table)[0]).toEqual(['Customer', 'Total', 'Billable', 'Non-billable', 'Entries'])
    expect(screen.queryByText('Overlapped')).toBeNull()
  })
})
