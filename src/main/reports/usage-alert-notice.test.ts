import { describe, expect, it } from 'vitest'
import { usageAlertNotice } from './usage-alert-notice'

const base = { month: '2026-11', contractId: 'c1', contractName: 'Support 2026', customerName: 'Acme', includedSeconds: 40 * 3600 }

describe('the notification of a contract reaching its hours', () => {
  it('at 80 % names the contract and says how much of how much, in which month', () => {
    expect(usageAlertNotice({ ...base, level: 'warning', billableSeconds: 32 * 3600 })).toEqual({
      title: 'Contract at 80 %: Acme · Support 2026',
      body: '32:00 of 40:00 h used in November 2026.',
    })
  })

  it('rounds the percentage down, never claiming a level not reached', () => {
    expect(usageAlertNotice({ ...base, level: 'warning', billableSeconds: 40 * 3600 - 60 }).title).toBe('Contract at 99 %: Acme · Support 2026')
  })

  it('over the hours says how much is beyond them', () => {
    expect(usageAlertNotice({ ...base, level: 'over', billableSeconds: 41.5 * 3600 })).toEqual({
      title: 'Contract hours used up: Acme · Support 2026',
      body: '41:30 of 40:00 h billable in November 2026; 1:30 h beyond what it includes.',
    })
    expect(usageAlertNotice({ ...base, level: 'over', billableSeconds: 40 * 3600 }).body).toBe('40:00 of 40:00 h billable in November 2026.')
  })
})
