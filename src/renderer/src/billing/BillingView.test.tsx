import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { BillingRunView } from '@shared/billing-api'
import { refuse } from '@shared/errors'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { BillingView } from './BillingView'

afterEach(cleanup)

const H = 3600
const RUN: BillingRunView = {
  id: 'run-2',
  from: '2026-11-01',
  to: '2026-11-30',
  groupBy: 'contract',
  createdAt: Date.parse('2026-12-09T10:00:00Z'),
  currency: 'EUR',
  bills: [
    {
      customerId: 'c1',
      customerName: 'Harbour Freight',
      includedSeconds: H,
      totalMinor: 35000,
      lines: [
        { group: 'k1', groupName: 'Harbour support 2026', rateClass: 'normal', seconds: 2 * H, hourlyMinor: 10000, multiplierBp: 10000, source: 'activity', amountMinor: 20000, entryCount: 2 },
        { group: 'k1', groupName: 'Harbour support 2026', rateClass: 'afterHours', seconds: H, hourlyMinor: 10000, multiplierBp: 15000, source: 'contract', amountMinor: 15000, entryCount: 1 },
      ],
    },
  ],
  leftOut: [
    { entryId: 'e3', day: '2026-11-18', workItem: 'Admin', activityType: 'Meeting', reason: 'notBillable', seconds: H },
    { entryId: 'e4', day: '2026-11-19', workItem: 'HF-2 Router', activityType: 'On-site', reason: 'noRate', seconds: 1800 },
  ],
  totalMinor: 35000,
  changes: {
    sinceRunId: 'run-1',
    since: Date.parse('2026-12-02T10:00:00Z'),
    added: [{ entryId: 'e5', day: '2026-11-24', workItem: 'HF-1 Printer', activityType: 'Remote support', customerName: 'Harbour Freight', billedSeconds: H }],
    removed: [{ entryId: 'e1', day: '2026-11-17', workItem: 'HF-1 Printer', activityType: 'Remote support', customerName: 'Harbour Freight', billedSeconds: 2 * H, reason: 'notApproved' }],
    changed: [],
    customers: [{ customerId: 'c1', customerName: 'Harbour Freight', beforeMinor: 30000, afterMinor: 35000 }],
  },
}

function open(handlers: ScriptedHandlers = {}) {
  const host = scriptedHost({ 'billing.runs': () => [], 'billing.run': () => RUN, ...handlers })
  render(
    <ClientContext.Provider value={host.client}>
      <BillingView today="2026-12-09" />
    </ClientContext.Provider>,
  )
  return host
}

describe('the Billing view', () => {
  it('runs last month by default and shows each customer’s lines with rate source, included hours, total, what was left out and why, and what changed', async () => {
    const host = open()
    fireEvent.click(screen.getByRole('button', { name: 'Run billing' }))
    const bill = await screen.findByRole('region', { name: 'Harbour Freight' })
    expect(host.requestsTo('billing.run')).toEqual([{ from: '2026-11-01', to: '2026-11-30', groupBy: 'contract' }])
    const rows = within(bill).getAllByRole('row').map((row) => row.textContent)
    expect(rows[1]).toBe('Harbour support 2026Normal2.00€100.00activity type rate€200.00')
    expect(rows[2]).toBe('Harbour support 2026After hours1.00€100.00 × 1.5contract rate€150.00')
    expect(rows[3]).toBe('Total€350.00')
    expect(within(bill).getByText('1 h 0 min of included hours covered, at no charge.')).toBeTruthy()
    expect(screen.getByText('Total of all bills: €350.00')).toBeTruthy()
    const leftOut = screen.getByRole('region', { name: 'Left out of the bills' })
    expect(within(leftOut).getByText('not billable')).toBeTruthy()
    expect(within(leftOut).getByText('no rate for On-site')).toBeTruthy()
    const changes = screen.getByRole('region', { name: /^Changed since/ })
    expect(within(changes).getByText('Harbour Freight: €300.00 → €350.00')).toBeTruthy()
    expect(within(changes).getByText(/^Added: .*HF-1 Printer \(Harbour Freight\), 1 h 0 min$/)).toBeTruthy()
    expect(within(changes).getByText(/^Removed: .*2 h 0 min: not approved$/)).toBeTruthy()
  })

  it('runs the range and grouping chosen, and says why a range not over yet is refused', async () => {
    const host = open({ 'billing.run': () => Promise.reject(refuse('invalid_request', 'refusal.billing.rangeNotClosed', { toDay: '2026-12-09', lastClosedDay: '2026-12-08' })) })
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2026-12' } })
    fireEvent.change(screen.getByLabelText('Lines by'), { target: { value: 'workItem' } })
    fireEvent.click(screen.getByRole('button', { name: 'Run billing' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Only days that are over can be billed: .* is not over yet\./)
    expect(host.requestsTo('billing.run')).toEqual([{ from: '2026-12-01', to: '2026-12-31', groupBy: 'workItem' }])
  })

  it('an empty bill explains itself', async () => {
    open({ 'billing.run': () => ({ ...RUN, bills: [], leftOut: [], totalMinor: 0, changes: null }) })
    fireEvent.click(screen.getByRole('button', { name: 'Run billing' }))
    await waitFor(() => expect(screen.getByText(/^There is no time at all from/)).toBeTruthy())
  })

  it('offers the run’s files: each button asks for that file of the run shown, says what became of it, and says why one failed', async () => {
    const host = open({
      'billing.exportRun': ({ file }) =>
        file === 'pdf' ? Promise.reject(refuse('not_found', 'refusal.billing.runMissing', { id: 'run-2' })) : { status: 'saved', path: `/home/tess/run.${file === 'xlsx' ? 'xlsx' : 'csv'}`, bytes: 10 },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Run billing' }))
    const files = await screen.findByRole('group', { name: 'Files of this run' })
    expect(within(files).getAllByRole('button').map((b) => b.textContent)).toEqual(['Download XLSX', 'Download PDF', 'Bill lines for InvoiceNinja (CSV)'])
    fireEvent.click(within(files).getByRole('button', { name: 'Download XLSX' }))
    await waitFor(() => expect(within(files).getByRole('status').textContent).toBe('Saved to /home/tess/run.xlsx'))
    fireEvent.click(within(files).getByRole('button', { name: 'Bill lines for InvoiceNinja (CSV)' }))
    await waitFor(() => expect(within(files).getByRole('status').textContent).toBe('Saved to /home/tess/run.csv'))
    fireEvent.click(within(files).getByRole('button', { name: 'Download PDF' }))
    expect((await within(files).findByRole('alert')).textContent).toBe('The export failed and nothing was written: There is no billing run “run-2”.')
    expect(host.requestsTo('billing.exportRun')).toEqual([
      { id: 'run-2', file: 'xlsx', language: 'en' },
      { id: 'run-2', file: 'invoiceNinja', language: 'en' },
      { id: 'run-2', file: 'pdf', language: 'en' },
    ])
  })
})
