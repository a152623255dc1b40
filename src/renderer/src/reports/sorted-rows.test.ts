import { describe, expect, it } from 'vitest'
import type { ReportRow } from '@shared/reports'
import { sortedRows } from './ReportTable'

const row = (label: string, total: number, expected: number | null): ReportRow => ({
  keys: [{ dimension: 'customer', id: label, label }],
  totalSeconds: total,
  billableSeconds: total,
  nonBillableSeconds: 0,
  entryCount: 1,
  expectedSeconds: expected,
})

describe('sortedRows', () => {
  const rows = [row('a', 5, 10), row('b', 9, null), row('c', 5, 30), row('d', 1, 20)]
  const labels = (sorted: ReportRow[]) => sorted.map((r) => r.keys[0]?.label)

  it('keeps the engine’s order, or reverses it', () => {
    expect(labels(sortedRows(rows, { column: 'keys', descending: false }))).toEqual(['a', 'b', 'c', 'd'])
    expect(labels(sortedRows(rows, { column: 'keys', descending: true }))).toEqual(['d', 'c', 'b', 'a'])
  })

  it('sorts by a figure with ties in the engine’s order, whichever the direction', () => {
    expect(labels(sortedRows(rows, { column: 'totalSeconds', descending: true }))).toEqual(['b', 'a', 'c', 'd'])
    expect(labels(sortedRows(rows, { column: 'totalSeconds', descending: false }))).toEqual(['d', 'a', 'c', 'b'])
  })

  it('puts rows without expected hours last in both directions, and leaves its input alone', () => {
    expect(labels(sortedRows(rows, { column: 'expectedSeconds', descending: true }))).toEqual(['c', 'd', 'a', 'b'])
    expect(labels(sortedRows(rows, { column: 'expectedSeconds', descending: false }))).toEqual(['a', 'd', 'c', 'b'])
    expect(labels(rows)).toEqual(['a', 'b', 'c', 'd'])
  })
})
