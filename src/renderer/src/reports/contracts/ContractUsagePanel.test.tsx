import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StintError } from '@shared/errors'
import type { ContractUsage, ContractUsageQueryInput, ContractUsageRow } from '@shared/reports'
import { ClientContext } from '../../client-context'
import { scriptedHost, type ScriptedHandlers } from '../../testing/scripted-host'
import { ContractUsagePanel } from './ContractUsagePanel'

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

const row = (over: Partial<ContractUsageRow> & Pick<ContractUsageRow, 'contractId' | 'contractName' | 'customerName'>): ContractUsageRow => ({
  customerId: `c-${over.customerName}`,
  includedSeconds: 40 * H,
  usedSeconds: 0,
  billableSeconds: 0,
  nonBillableSeconds: 0,
  entryCount: 0,
  beyondIncludedSeconds: 0,
  share: 0,
  level: 'ok',
  ...over,
})

const CONTRACTS: ContractUsageRow[] = [
  row({ contractId: 'k1', contractName: 'Support 2026', customerName: 'Acme', usedSeconds: 33 * H, billableSeconds: 32 * H, nonBillableSeconds: H, entryCount: 20, share: 0.8, level: 'warning' }),
  row({
    contractId: 'k2',
    contractName: 'Managed desktops',
    customerName: 'Birch & Co',
    includedSeconds: 20 * H,
    usedSeconds: 24 * H + 30 * M,
    billableSeconds: 24 * H + 30 * M,
    entryCount: 12,
    beyondIncludedSeconds: 4 * H + 30 * M,
    share: 1.225,
    level: 'over',
  }),
  row({ contractId: 'k3', contractName: 'Network', customerName: 'Cedar', usedSeconds: 10 * H, billableSeconds: 10 * H, entryCount: 4, share: 0.25 }),
  row({ contractId: 'k4', contractName: 'Projects', customerName: 'Dune', includedSeconds: null, usedSeconds: 6 * H, billableSeconds: 6 * H, entryCount: 3, beyondIncludedSeconds: null, share: null }),
]

const usageOf = (query: ContractUsageQueryInput, contracts = CONTRACTS): ContractUsage => ({
  month: query.month,
  from: `${query.month}-01`,
  to: `${query.month}-30`,
  statuses: ['draft', 'submitted', 'approved', 'rejected'],
  contracts,
})

async function renderPanel(extra: ScriptedHandlers = {}, scope: 'mine' | 'team' = 'mine') {
  const host = scriptedHost({
    'reports.contractUsage': (query) => usageOf(query),
    'settings.get': () => Promise.reject(new StintError('unavailable', 'No settings in this test.')),
    ...extra,
  })
  render(
    <ClientContext.Provider value={host.client}>
      <ContractUsagePanel scope={scope} />
    </ClientContext.Provider>,
  )
  await waitFor(() => expect(screen.queryByText(/^Loading/)).toBeNull())
  return host
}

const rowOf = (contract: string) => screen.getByRole('rowheader', { name: contract }).closest('tr') as HTMLElement

describe('Contract usage', () => {
  it('lists each contract’s included hours, time used, billable and beyond included, with a usage meter that says its value', async () => {
    const host = await renderPanel()
    expect(host.requestsTo('reports.contractUsage')).toEqual([{ month: '2026-11' }])
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers).toEqual(['Customer', 'Contract', 'Included', 'Booked', 'Billable', 'Beyond included', 'Usage'])

    const support = rowOf('Support 2026')
    expect(within(support).getAllByRole('cell').map((c) => c.textContent).slice(0, 5)).toEqual(['Acme', '40:00', '33:00', '32:00', '0:00'])
    const meter = within(support).getByRole('meter', { name: 'Included hours used by Acme · Support 2026' })
    expect(meter.getAttribute('aria-valuetext')).toBe('32 h of 40 h, 80 %')
    expect(meter.getAttribute('aria-valuenow')).toBe('80')
    expect(support.textContent).toContain('80 % used')
    expect(support.className).toContain('cu-row--warning')

    const desktops = rowOf('Managed desktops')
    expect(within(desktops).getAllByRole('cell')[4]?.textContent).toBe('4:30')
    expect(within(desktops).getByRole('meter').getAttribute('aria-valuetext')).toBe('24 h 30 min of 20 h, 122 %, over by 4 h 30 min')
    expect(within(desktops).getByRole('meter').getAttribute('aria-valuemax')).toBe('122')
    expect(desktops.textContent).toContain('Over by 4:30')
    expect(desktops.className).toContain('cu-row--over')

    expect(rowOf('Network').textContent).toContain('25 % used')
    expect(rowOf('Network').className).toContain('cu-row--ok')

    // Time and material: no hours included, so nothing to measure and nothing beyond.
    const projects = rowOf('Projects')
    expect(within(projects).queryByRole('meter')).toBeNull()
    expect(projects.textContent).toContain('No included hours')
    expect(within(projects).getAllByRole('cell')[1]?.textContent).toBe('None')

    expect(screen.getByText(/beyond included hours, to invoice/).textContent).toBe('4:30 beyond included hours, to invoice')
  })

  it('calls out the contracts at 80 % or over as soon as it opens', async () => {
    await renderPanel()
    const callout = screen.getByText('2 contracts need attention in November 2026').closest('.cu-attention') as HTMLElement
    expect(within(callout).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Acme · Support 2026: 80 % used of 40:00', 'Birch & Co · Managed desktops: Over by 4:30'])
  })

  it('has no call-out when every contract is within its hours', async () => {
    await renderPanel({ 'reports.contractUsage': (query) => usageOf(query, CONTRACTS.slice(2)) })
    expect(screen.queryByText(/need attention|needs attention/)).toBeNull()
  })

  it('steps through months, and reads again when an alert or booked time comes in', async () => {
    let contracts = CONTRACTS.slice(2)
    const host = await renderPanel({ 'reports.contractUsage': (query) => usageOf(query, contracts) })
    fireEvent.click(screen.getByRole('button', { name: 'Previous month, October 2026' }))
    await waitFor(() => expect(host.requestsTo('reports.contractUsage').at(-1)).toEqual({ month: '2026-10' }))
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Contract usage in October 2026' })).toBeTruthy())

    contracts = CONTRACTS
    act(() => host.emit('contracts.usageAlert', { month: '2026-10', contractId: 'k1', contractName: 'Support 2026', customerName: 'Acme', level: 'warning', includedSeconds: 40 * H, billableSeconds: 32 * H }))
    await waitFor(() => expect(screen.getByText('2 contracts need attention in October 2026')).toBeTruthy())
    const asked = host.requestsTo('reports.contractUsage').length
    act(() => host.emit('entries.changed', {}))
    await waitFor(() => expect(host.requestsTo('reports.contractUsage')).toHaveLength(asked + 1))
  })

  it('asks the team server in team scope, and shows its reason when it cannot answer', async () => {
    let fail = true
    const host = await renderPanel(
      {
        'reports.teamContractUsage': (query) => {
          if (fail) throw new StintError('unavailable', 'The team server cannot be reached; your own time is still here.')
          return usageOf(query)
        },
      },
      'team',
    )
    expect(host.requestsTo('reports.contractUsage')).toHaveLength(0)
    expect(screen.getByRole('alert').textContent).toBe('Contract usage of November 2026 could not be loaded: The team server cannot be reached; your own time is still here.Try again')
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy())
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('exports the month’s contract usage as CSV, in the panel’s scope', async () => {
    const host = await renderPanel(
      { 'reports.teamContractUsage': (query) => usageOf(query), 'export.csv': () => ({ status: 'download', url: '/api/download/x', fileName: 'stint-contract-usage-2026-10.csv' }) },
      'team',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Previous month, October 2026' }))
    fireEvent.click(screen.getByRole('button', { name: 'Export contract usage (CSV)' }))
    await waitFor(() => expect(host.requestsTo('export.csv')).toHaveLength(1))
    expect(host.requestsTo('export.csv')[0]).toMatchObject({ what: { kind: 'contractUsage', query: { month: '2026-10' } }, scope: 'team' })
  })

  it('says so when there are no contracts', async () => {
    await renderPanel({ 'reports.contractUsage': (query) => usageOf(query, []) })
    expect(screen.getByText(/No contracts with time or hours in November 2026/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Work items' }).getAttribute('href')).toBe('#work')
  })
})
