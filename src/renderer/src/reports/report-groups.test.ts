import { describe, expect, it } from 'vitest'
import type { ReportRow } from '@shared/reports'
import { groupByFirstKey } from './report-groups'

const H = 3600
const row = (customer: string | null, type: string, billable: number, expected: number | null = null): ReportRow => ({
  keys: [
    { dimension: 'customer', id: customer, label: customer ?? 'No customer' },
    { dimension: 'activityType', id: type, label: type },
  ],
  totalSeconds: billable + H,
  billableSeconds: billable,
  nonBillableSeconds: H,
  entryCount: 2,
  expectedSeconds: expected,
})

describe('a report grouped by two fields, nested', () => {
  it('gives each first value once, its rows beneath and their subtotal', () => {
    const groups = groupByFirstKey([row('acme', 'dev', 2 * H), row('acme', 'meet', H), row(null, 'meet', 0)])
    expect(groups.map((g) => [g.key.label, g.rows.length, g.subtotal.totalSeconds, g.subtotal.billableSeconds, g.subtotal.entryCount])).toEqual([
      ['acme', 2, 5 * H, 3 * H, 4],
      ['No customer', 1, H, 0, 2],
    ])
  })

  it('sums expected hours only when every row of the group has them', () => {
    expect(groupByFirstKey([row('acme', 'dev', H, 8 * H), row('acme', 'meet', H, 8 * H)])[0]?.subtotal.expectedSeconds).toBe(16 * H)
    expect(groupByFirstKey([row('acme', 'dev', H, 8 * H), row('acme', 'meet', H, null)])[0]?.subtotal.expectedSeconds).toBeNull()
  })
})
