// The report request and result shapes, utilisation and contract warning levels: pure rules, no database.
import { describe, expect, it } from 'vitest'
import { ReportQuerySchema, ReportResultSchema, contractUsageLevel, reportRangeDays, utilisationOf } from '../reports'

describe('a report request', () => {
  it('fills in what may be left out: every status but voided, weeks from Monday', () => {
    expect(ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['customer'] })).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: ['customer'],
      filters: { statuses: ['draft', 'submitted', 'approved', 'rejected'] },
      weekStartsOn: 1,
    })
  })

  it('reads a one-day range and exactly three years as fine, a day more as too long', () => {
    expect(reportRangeDays('2026-11-16', '2026-11-16')).toBe(1)
    expect(reportRangeDays('2024-01-01', '2026-12-31')).toBe(1096)
    expect(ReportQuerySchema.safeParse({ from: '2026-11-16', to: '2026-11-16', groupBy: ['day'] }).success).toBe(true)
    expect(ReportQuerySchema.safeParse({ from: '2024-01-01', to: '2026-12-31', groupBy: ['day'] }).success).toBe(true)
    const tooLong = ReportQuerySchema.safeParse({ from: '2024-01-01', to: '2027-01-01', groupBy: ['day'] })
    expect(tooLong.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['to', 'A report covers at most three years (1,096 days); 2024-01-01 to 2027-01-01 is 1,097 days. Choose a shorter range, or report one year at a time.'],
    ])
  })

  it('keeps "time without a customer" apart from "every customer": null in a filter, the filter left out', () => {
    const parsed = ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['customer'], filters: { customerIds: [null, 'c1'] } })
    expect(parsed.filters.customerIds).toEqual([null, 'c1'])
    expect(ReportQuerySchema.safeParse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['customer'], filters: { userIds: [null] } }).success).toBe(false)
  })

  it('a result carries its own request and parses as the contract would check it', () => {
    const query = ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['month'] })
    const result = { query, rows: [], totals: { totalSeconds: 0, billableSeconds: 0, nonBillableSeconds: 0, entryCount: 0 }, people: 1, expectedSeconds: null, utilisation: utilisationOf({ totalSeconds: 0, billableSeconds: 0 }, null) }
    expect(ReportResultSchema.parse(result)).toEqual(result)
  })
})

describe('utilisation', () => {
  it('is the billable share of the time, and the time and billable time against the expected', () => {
    expect(utilisationOf({ totalSeconds: 40 * 3600, billableSeconds: 30 * 3600 }, 32 * 3600)).toEqual({ billableShare: 0.75, ofExpected: 1.25, billableOfExpected: 0.9375 })
    expect(utilisationOf({ totalSeconds: 0, billableSeconds: 0 }, 0)).toEqual({ billableShare: null, ofExpected: null, billableOfExpected: null })
  })
})

describe('contract usage levels', () => {
  it('warns from exactly 80 % of the included hours and is over from exactly 100 %', () => {
    expect(contractUsageLevel(28_440, 36_000)).toBe('ok') // 79 %
    expect(contractUsageLevel(28_799, 36_000)).toBe('ok')
    expect(contractUsageLevel(28_800, 36_000)).toBe('warning') // 80 %
    expect(contractUsageLevel(35_999, 36_000)).toBe('warning')
    expect(contractUsageLevel(36_000, 36_000)).toBe('over') // 100 %
  })

  it('never warns for a contract without included hours; zero included hours are over with any billable time', () => {
    expect(contractUsageLevel(1_000_000, null)).toBe('ok')
    expect(contractUsageLevel(0, 0)).toBe('ok')
    expect(contractUsageLevel(1, 0)).toBe('over')
  })
})
