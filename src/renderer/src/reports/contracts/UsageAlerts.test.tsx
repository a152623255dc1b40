import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventPayload } from '@shared/contract'
import { StintError } from '@shared/errors'
import { ClientContext } from '../../client-context'
import { scriptedHost } from '../../testing/scripted-host'
import { UsageAlerts } from './UsageAlerts'

const H = 3600

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-16T10:00:00'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const WARNING: EventPayload<'contracts.usageAlert'> = { month: '2026-11', contractId: 'k1', contractName: 'Support 2026', customerName: 'Acme', level: 'warning', includedSeconds: 40 * H, billableSeconds: 32 * H }

function renderAlerts() {
  const host = scriptedHost({ 'settings.get': () => Promise.reject(new StintError('unavailable', 'No settings in this test.')) })
  render(
    <ClientContext.Provider value={host.client}>
      <UsageAlerts />
    </ClientContext.Provider>,
  )
  return host
}

const region = () => screen.getByRole('region', { name: 'Contract usage alerts' })

describe('Contract usage alerts', () => {
  it('shows nothing until the main process warns', () => {
    renderAlerts()
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0)
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('says a contract has used 80 % this month, politely, with the way to contract usage', () => {
    const host = renderAlerts()
    act(() => host.emit('contracts.usageAlert', WARNING))
    const [alert] = within(region()).getAllByRole('listitem')
    expect(alert?.textContent).toContain('Acme · Support 2026 has used 80 % of its 40 included hours this month.')
    expect(screen.getByRole('status').textContent).toBe('Acme · Support 2026 has used 80 % of its 40 included hours this month.')
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite')
    const link = within(alert as HTMLElement).getByRole('link', { name: 'Open contract usage of Acme · Support 2026' })
    expect(link.getAttribute('href')).toBe('#reports/tab%3Dcontracts')
    fireEvent.click(link)
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0)
  })

  it('replaces the warning of a contract by its over alert, and keeps other contracts’ alerts', () => {
    const host = renderAlerts()
    act(() => host.emit('contracts.usageAlert', WARNING))
    act(() => host.emit('contracts.usageAlert', { ...WARNING, contractId: 'k2', contractName: 'Desktops', customerName: 'Birch', includedSeconds: 20 * H, billableSeconds: 16 * H }))
    act(() => host.emit('contracts.usageAlert', { ...WARNING, level: 'over', billableSeconds: 44 * H + 30 * 60 }))
    const texts = within(region())
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.usage-alert__text')?.textContent)
    expect(texts).toEqual(['Birch · Desktops has used 80 % of its 20 included hours this month.', 'Acme · Support 2026 is over its included hours this month: 4:30 beyond its 40 included hours.'])
  })

  it('is dismissed by its button or by Escape, and focus stays among the alerts', () => {
    const host = renderAlerts()
    act(() => host.emit('contracts.usageAlert', WARNING))
    act(() => host.emit('contracts.usageAlert', { ...WARNING, contractId: 'k2', contractName: 'Desktops', customerName: 'Birch', month: '2026-10' }))
    expect(within(region()).getAllByRole('listitem')[1]?.textContent).toContain('in October 2026')

    const first = screen.getByRole('button', { name: 'Dismiss the alert about Acme · Support 2026' })
    first.focus()
    fireEvent.keyDown(first, { key: 'Escape' })
    expect(within(region()).getAllByRole('listitem')).toHaveLength(1)
    const second = screen.getByRole('button', { name: 'Dismiss the alert about Birch · Desktops' })
    expect(document.activeElement).toBe(second)
    fireEvent.click(second)
    expect(within(region()).queryAllByRole('listitem')).toHaveLength(0)
    expect(screen.getByRole('status').textContent).toBe('')
  })
})
