// Settings → Billing's sections against a scripted main process that keeps what it is
// sent: customer and contract rates, a contract's own rules with a minimum charge, a class
// with a rate of its own, the workdays, an amount that is no amount, and a currency change
// that asks first when rates are stored.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { BillingSettings, BillingSettingsPatch } from '@shared/billing-api'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { BillingSettings as BillingSettingsPanel } from './BillingSettings'

afterEach(cleanup)

const start: BillingSettings = {
  currency: 'EUR',
  overlapRule: 'full',
  rounding: { rule: { mode: 'none', minutes: 1, minimumMinutes: 0 }, scope: 'entry' },
  calendar: { workdays: [1, 2, 3, 4, 5], workStartMinute: 480, workEndMinute: 1080 },
  activityRates: {},
  customerRates: {},
  contractRates: {},
  classes: {},
  contracts: {},
  holidays: [],
}

function renderPanel(initial: Partial<BillingSettings> = {}) {
  let stored: BillingSettings = { ...start, ...initial }
  const host = scriptedHost({
    'billing.settings': () => stored,
    'billing.updateSettings': (patch: BillingSettingsPatch) => {
      stored = { ...stored, ...Object.fromEntries(Object.entries(patch).filter(([key]) => key !== 'keepRateNumbers')) }
      return stored
    },
    'work.listActivityTypes': () => [{ id: 'a1', name: 'Remote support', active: true, isDefault: true }],
    'work.listCustomers': () => [{ id: 'c1', name: 'Harbour Freight', organisation: null }],
    'work.listContracts': () => [{ id: 'k1', customerId: 'c1', name: 'Harbour support 2026', includedMinutes: 60 }],
  })
  render(
    <ClientContext.Provider value={host.client}>
      <BillingSettingsPanel />
    </ClientContext.Provider>,
  )
  return host
}

describe('Settings → Billing', () => {
  it('adds a customer rate for all activity types and changes it in place', async () => {
    const host = renderPanel()
    const form = await screen.findByRole('form', { name: 'Add rate' })
    await within(form).findByRole('option', { name: 'Harbour Freight' })
    fireEvent.change(within(form).getByLabelText('For'), { target: { value: 'customer:c1' } })
    fireEvent.change(within(form).getByLabelText('Hourly rate (EUR)'), { target: { value: '110' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add rate' }))
    await waitFor(() => expect(host.requestsTo('billing.updateSettings')).toEqual([{ customerRates: { c1: { '*': 11000 } } }]))
    const rate = await screen.findByLabelText('Customer Harbour Freight, all activity types (EUR)')
    expect((rate as HTMLInputElement).value).toBe('110.00')
    fireEvent.blur(rate, { target: { value: '120.50' } })
    await waitFor(() => expect(host.requestsTo('billing.updateSettings').at(-1)).toEqual({ customerRates: { c1: { '*': 12050 } } }))
    fireEvent.click(screen.getByRole('button', { name: 'Remove the rate: Customer Harbour Freight, all activity types' }))
    await waitFor(() => expect(host.requestsTo('billing.updateSettings').at(-1)).toEqual({ customerRates: {} }))
  })

  it('says inline what was wrong with an amount and what was kept, and saves nothing', async () => {
    const host = renderPanel({ contractRates: { k1: { a1: 10000 } } })
    const rate = await screen.findByLabelText('Contract Harbour support 2026, Remote support (EUR)')
    fireEvent.blur(rate, { target: { value: '12x' } })
    expect((await screen.findByRole('alert')).textContent).toBe('“12x” is not an amount; type one such as 95.00, or leave it empty for none. Kept: 100.00 EUR.')
    expect(rate.getAttribute('aria-invalid')).toBe('true')
    expect(host.requestsTo('billing.updateSettings')).toEqual([])
  })

  it('gives a contract rules of its own with a minimum charge per entry, and refuses a minimum that is none', async () => {
    const host = renderPanel()
    await screen.findAllByRole('option', { name: 'Harbour support 2026' })
    fireEvent.change(screen.getByLabelText('Contract'), { target: { value: 'k1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Give it rules of its own' }))
    const group = await screen.findByRole('group', { name: 'Harbour support 2026' })
    fireEvent.blur(within(group).getByLabelText('Minimum charge per entry (minutes)'), { target: { value: '-5' } })
    expect((await within(group).findByRole('alert')).textContent).toBe('“-5” is not a minimum; type whole minutes from 0 to 480. Kept: 0 min.')
    fireEvent.blur(within(group).getByLabelText('Minimum charge per entry (minutes)'), { target: { value: '30' } })
    await waitFor(() => expect(host.requestsTo('billing.updateSettings')).toHaveLength(2))
    await waitFor(() => expect(within(group).queryByRole('alert')).toBeNull())
    fireEvent.change(within(group).getByLabelText('Billable timers that ran at the same time'), { target: { value: 'split' } })
    await waitFor(() =>
      expect(host.requestsTo('billing.updateSettings')).toEqual([
        { contracts: { k1: { overlapRule: null, rounding: start.rounding } } },
        { contracts: { k1: { overlapRule: null, rounding: { rule: { mode: 'none', minutes: 1, minimumMinutes: 30 }, scope: 'entry' } } } },
        { contracts: { k1: { overlapRule: 'split', rounding: { rule: { mode: 'none', minutes: 1, minimumMinutes: 30 }, scope: 'entry' } } } },
      ]),
    )
  })

  it('refuses a device minimum that is none as a contract’s is refused, saving nothing, and saves one that is', async () => {
    const host = renderPanel()
    const minimum = await screen.findByLabelText('Minimum charge per entry (minutes)')
    fireEvent.blur(minimum, { target: { value: '-5' } })
    expect((await screen.findByRole('alert')).textContent).toBe('“-5” is not a minimum; type whole minutes from 0 to 480. Kept: 0 min.')
    expect(minimum.getAttribute('aria-invalid')).toBe('true')
    expect(host.requestsTo('billing.updateSettings')).toEqual([])
    fireEvent.blur(minimum, { target: { value: '15' } })
    await waitFor(() => expect(host.requestsTo('billing.updateSettings')).toEqual([{ rounding: { rule: { mode: 'none', minutes: 1, minimumMinutes: 15 }, scope: 'entry' } }]))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  })

  it('sets the rounding step and scope, the device’s and a contract’s own, each keeping the rest of its rule', async () => {
    const host = renderPanel({ rounding: { rule: { mode: 'up', minutes: 1, minimumMinutes: 15 }, scope: 'entry' } })
    await screen.findAllByRole('option', { name: 'Harbour support 2026' })
    fireEvent.change(screen.getByLabelText('Step'), { target: { value: '15' } })
    await waitFor(() => expect(host.requestsTo('billing.updateSettings')).toHaveLength(1))
    fireEvent.change(screen.getByLabelText('Round'), { target: { value: 'dayWorkItem' } })
    await waitFor(() => expect(host.requestsTo('billing.updateSettings')).toHaveLength(2))

    fireEvent.change(screen.getByLabelText('Contract'), { target: { value: 'k1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Give it rules of its own' }))
    const group = await screen.findByRole('group', { name: 'Harbour support 2026' })
    await waitFor(() => expect(host.requestsTo('billing.updateSettings')).toHaveLength(3))
    fireEvent.change(within(group).getByLabelText('Step'), { target: { value: '30' } })
    await waitFor(() => expect(host.requestsTo('billing.updateSettings')).toHaveLength(4))
    fireEvent.change(within(group).getByLabelText('Round'), { target: { value: 'entry' } })
    await waitFor(() =>
      expect(host.requestsTo('billing.updateSettings')).toEqual([
        { rounding: { rule: { mode: 'up', minutes: 15, minimumMinutes: 15 }, scope: 'entry' } },
        { rounding: { rule: { mode: 'up', minutes: 15, minimumMinutes: 15 }, scope: 'dayWorkItem' } },
        { contracts: { k1: { overlapRule: null, rounding: { rule: { mode: 'up', minutes: 15, minimumMinutes: 15 }, scope: 'dayWorkItem' } } } },
        { contracts: { k1: { overlapRule: null, rounding: { rule: { mode: 'up', minutes: 30, minimumMinutes: 15 }, scope: 'dayWorkItem' } } } },
        { contracts: { k1: { overlapRule: null, rounding: { rule: { mode: 'up', minutes: 30, minimumMinutes: 15 }, scope: 'entry' } } } },
      ]),
    )
  })

  it('bills public holidays at a rate of their own and keeps Saturday as a workday', async () => {
    const host = renderPanel()
    const holidays = await screen.findByRole('group', { name: 'Public holidays' })
    fireEvent.change(within(holidays).getByLabelText('Bills'), { target: { value: 'rate' } })
    fireEvent.blur(within(holidays).getByLabelText('Public holidays: hourly rate (EUR)'), { target: { value: '180' } })
    fireEvent.click(screen.getByRole('checkbox', { name: 'Saturday' }))
    await waitFor(() =>
      expect(host.requestsTo('billing.updateSettings')).toEqual([
        { classes: { holiday: { kind: 'rate', hourlyMinor: 18000 } } },
        { calendar: { ...start.calendar, workdays: [1, 2, 3, 4, 5, 6] } },
      ]),
    )
  })

  it('asks before a new currency re-labels stored rates, listing each with the number it keeps', async () => {
    const host = renderPanel({ activityRates: { a1: 9500 } })
    const currency = await screen.findByLabelText('Currency (ISO code, like EUR)')
    await screen.findByLabelText('Hourly rate for Remote support (EUR)')
    fireEvent.blur(currency, { target: { value: 'jpy' } })
    const dialog = await screen.findByRole('dialog', { name: 'Change the currency to JPY?' })
    expect(within(dialog).getByRole('listitem').textContent).toBe('Remote support: 95.00 EUR → 95 JPY')
    expect(host.requestsTo('billing.updateSettings')).toEqual([])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Change to JPY, keep the numbers' }))
    await waitFor(() => expect(host.requestsTo('billing.updateSettings')).toEqual([{ currency: 'JPY', keepRateNumbers: true }]))
  })
})
