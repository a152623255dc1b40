// Rows of a report grouped by two or more fields, nested: the first field's value once,
// as a group with its subtotal, and the rows of the next fields beneath it — instead of
// repeating "Acme Corp" on every row. Rows in the engine's order share their first key
// with their neighbours, so a group is a run of consecutive rows.
import type { ReportRow } from '@shared/reports'

export interface ReportGroup {
  /** The first field's key, shared by every row of the group. */
  key: ReportRow['keys'][number]
  rows: ReportRow[]
  /** The group's sums; expected hours only when every row of it has them. */
  subtotal: Pick<ReportRow, 'totalSeconds' | 'billableSeconds' | 'nonBillableSeconds' | 'entryCount' | 'expectedSeconds' | 'overlappedSeconds'>
}

/** Consecutive rows with the same first key, each run one group with its subtotal. */
export function groupByFirstKey(rows: readonly ReportRow[]): ReportGroup[] {
  const groups: ReportGroup[] = []
  for (const row of rows) {
    const key = row.keys[0]
    if (key === undefined) continue
    const last = groups.at(-1)
    if (last !== undefined && last.key.id === key.id && last.key.dimension === key.dimension) {
      last.rows.push(row)
      const sub = last.subtotal
      sub.totalSeconds += row.totalSeconds
      sub.billableSeconds += row.billableSeconds
      sub.nonBillableSeconds += row.nonBillableSeconds
      sub.entryCount += row.entryCount
      if (row.overlappedSeconds !== undefined) sub.overlappedSeconds = (sub.overlappedSeconds ?? 0) + row.overlappedSeconds
      sub.expectedSeconds = sub.expectedSeconds === null || row.expectedSeconds === null ? null : sub.expectedSeconds + row.expectedSeconds
    } else {
      const { totalSeconds, billableSeconds, nonBillableSeconds, entryCount, expectedSeconds, overlappedSeconds } = row
      groups.push({ key, rows: [row], subtotal: { totalSeconds, billableSeconds, nonBillableSeconds, entryCount, expectedSeconds, ...(overlappedSeconds === undefined ? {} : { overlappedSeconds }) } })
    }
  }
  return groups
}
