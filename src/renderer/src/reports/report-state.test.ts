import { describe, expect, it } from 'vitest'
import type { ReportRow } from '@shared/reports'
import { axisStep, hoursBars, percentText, shareBars } from './chart-data'
import { chartBucketOf, decodeState, defaultState, encodeState, filtersOf, queryOf, queryProblem, rangeOf } from './report-state'

const H = 3600
const WEEKLY = { kind: 'weekly', weekStartsOn: 1 } as const

describe('Report ranges', () => {
  it('finds this and last period from the period rule, and this and last month from the calendar', () => {
    expect(rangeOf({ preset: 'thisPeriod', from: '', to: '' }, '2026-11-18', WEEKLY)).toEqual({ from: '2026-11-16', to: '2026-11-22' })
    expect(rangeOf({ preset: 'lastPeriod', from: '', to: '' }, '2026-11-18', WEEKLY)).toEqual({ from: '2026-11-09', to: '2026-11-15' })
    expect(rangeOf({ preset: 'thisPeriod', from: '', to: '' }, '2026-11-18', { kind: 'semimonthly' })).toEqual({ from: '2026-11-16', to: '2026-11-30' })
    expect(rangeOf({ preset: 'lastPeriod', from: '', to: '' }, '2026-11-18', { kind: 'semimonthly' })).toEqual({ from: '2026-11-01', to: '2026-11-15' })
    expect(rangeOf({ preset: 'thisMonth', from: '', to: '' }, '2028-02-10', WEEKLY)).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(rangeOf({ preset: 'lastMonth', from: '', to: '' }, '2027-01-31', WEEKLY)).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(rangeOf({ preset: 'custom', from: '2026-01-05', to: '2026-02-01' }, '2026-11-18', WEEKLY)).toEqual({ from: '2026-01-05', to: '2026-02-01' })
  })

  it('checks a query with the engine’s own schema: reversed, too long, empty', () => {
    const state = { ...defaultState('2026-11-18'), preset: 'custom' as const }
    const problem = (from: string, to: string) => queryProblem(queryOf(state, { from, to }, undefined, 1))
    expect(problem('2026-11-01', '2026-11-30')).toBeNull()
    expect(problem('2026-11-30', '2026-11-01')).toBe('The range ends (2026-11-01) before it starts (2026-11-30): the last day must be on or after the first.')
    expect(problem('2016-01-01', '2025-12-31')).toMatch(/^A report covers at most three years/)
    expect(problem('', '2026-11-30')).toMatch(/needs its first day/)
  })

  it('draws days for up to two months, then weeks, then months', () => {
    expect(chartBucketOf('2026-11-01', '2026-12-31')).toBe('day')
    expect(chartBucketOf('2026-11-01', '2027-01-05')).toBe('week')
    expect(chartBucketOf('2026-01-01', '2026-12-31')).toBe('month')
  })
})

describe('Report state in the address', () => {
  it('survives a round trip, the "(none)" id and ids with commas’ neighbours included', () => {
    const state = {
      ...defaultState('2026-11-18'),
      tab: 'month' as const,
      scope: 'team' as const,
      preset: 'custom' as const,
      from: '2026-10-01',
      to: '2026-10-31',
      groupBy: ['workItem' as const, 'day' as const],
      filters: { customerIds: ['c-1', null], activityTypeIds: ['a&b=c'] },
      statuses: ['approved' as const, 'voided' as const],
      billable: 'nonBillable' as const,
      share: 'activityType' as const,
    }
    expect(decodeState(encodeState(state), '2026-11-18')).toEqual(state)
  })

  it('keeps organisation names with commas, tildes and percent signs whole in the address', () => {
    const state = { ...defaultState('2026-11-18'), filters: { organisations: ['Acme, Inc.', '~', '100% Ltd', null] } }
    const text = encodeState(state)
    expect(new URLSearchParams(text).get('organisations')?.split(',')).toHaveLength(4)
    expect(decodeState(text, '2026-11-18')).toEqual(state)
    expect(filtersOf(decodeState(text, '2026-11-18'))).toMatchObject({ organisations: ['Acme, Inc.', '~', '100% Ltd', null] })
    // A hand-edited stray "%" is kept as typed rather than breaking the view.
    expect(decodeState('organisations=50%25', '2026-11-18').filters.organisations).toEqual(['50%'])
  })

  it('falls back to the defaults for what it cannot read', () => {
    expect(decodeState('range=nonsense&by=planet,customer,customer&status=lost&billable=maybe', '2026-11-18')).toEqual({ ...defaultState('2026-11-18'), groupBy: ['customer'] })
    expect(decodeState(null, '2026-11-18')).toEqual(defaultState('2026-11-18'))
  })

  it('leaves out empty filters, and people and teams outside team scope', () => {
    const state = { ...defaultState('2026-11-18'), filters: { customerIds: [], userIds: ['u-1'], contractIds: [null] }, billable: 'billable' as const }
    expect(filtersOf(state)).toEqual({ statuses: ['draft', 'submitted', 'approved', 'rejected'], contractIds: [null], billable: true })
    expect(filtersOf({ ...state, scope: 'team' })).toEqual({ statuses: ['draft', 'submitted', 'approved', 'rejected'], contractIds: [null], userIds: ['u-1'], billable: true })
  })
})

const row = (id: string | null, label: string, billable: number, nonBillable: number): ReportRow => ({
  keys: [{ dimension: 'day', id, label }],
  totalSeconds: billable + nonBillable,
  billableSeconds: billable,
  nonBillableSeconds: nonBillable,
  entryCount: 1,
  expectedSeconds: null,
})

describe('Chart numbers', () => {
  it('gives every day of the range a bar, empty ones too, with the weekday’s expected hours times the people', () => {
    const bars = hoursBars([row('2026-11-02', '2026-11-02', 4 * H, H)], { from: '2026-11-01', to: '2026-11-03' }, 'day', 1, [0, 8 * H, 8 * H, 8 * H, 8 * H, 8 * H, 0], 2)
    expect(bars.map((b) => [b.id, b.short, b.billableSeconds, b.nonBillableSeconds, b.expectedSeconds])).toEqual([
      ['2026-11-01', 'Sun 1', 0, 0, 0],
      ['2026-11-02', 'Mon 2', 4 * H, H, 16 * H],
      ['2026-11-03', 'Tue 3', 0, 0, 16 * H],
    ])
  })

  it('folds a range cut mid-week into weeks that expect only the range’s own days', () => {
    const bars = hoursBars([row('2026-11-16', 'Week of 16 Nov 2026', 10 * H, 0)], { from: '2026-11-12', to: '2026-11-17' }, 'week', 1, [0, H, H, H, H, H, 0], 1)
    expect(bars.map((b) => [b.id, b.long, b.billableSeconds, b.expectedSeconds])).toEqual([
      ['2026-11-09', 'Week of 9 Nov 2026', 0, 2 * H],
      ['2026-11-16', 'Week of 16 Nov 2026', 10 * H, 2 * H],
    ])
    expect(hoursBars([], { from: '2026-11-30', to: '2026-12-01' }, 'month', 1, null, 1).map((b) => [b.id, b.long, b.expectedSeconds])).toEqual([
      ['2026-11', 'November 2026', null],
      ['2026-12', 'December 2026', null],
    ])
  })

  it('shows the largest groups by share and folds the rest into “Other”', () => {
    const rows = [row('a', 'A', H, 0), row('b', 'B', 5 * H, 0), row(null, '(none)', 2 * H, 0), row('c', 'C', 2 * H, 0)]
    expect(shareBars(rows, 3).map((b) => [b.label, b.totalSeconds, percentText(b.share)])).toEqual([
      ['B', 5 * H, '50 %'],
      ['(none)', 2 * H, '20 %'],
      ['Other (2)', 3 * H, '30 %'],
    ])
    expect(shareBars([])).toEqual([])
    expect(percentText(0.004)).toBe('<1 %')
  })

  it('picks round axis steps', () => {
    expect([axisStep(8), axisStep(10.8), axisStep(40), axisStep(0.2), axisStep(0)]).toEqual([2, 5, 10, 0.5, 1])
  })
})
