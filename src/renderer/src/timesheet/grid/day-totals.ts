// What each day column adds up to, as the grid shows it: the saved totals, plus the
// difference each typed value still on its way makes.
import type { Timesheet, TimesheetRow } from '@shared/timesheet'
import { splitCellId } from '../use-timesheet'

/** Each day's saved total over all rows, in the order of `days`. */
export function savedDayTotals(days: Timesheet['days'], rows: readonly TimesheetRow[]): number[] {
  const totals = days.map(() => 0)
  for (const row of rows) row.cells.forEach((cell, i) => (totals[i] = (totals[i] ?? 0) + cell.totalSeconds))
  return totals
}

/** `saved`, with each typed value (by cellId "rowKey@day") in place of its cell's saved total. */
export function withTyped(saved: readonly number[], rows: readonly TimesheetRow[], typed: ReadonlyMap<string, number>): readonly number[] {
  if (typed.size === 0) return saved
  const totals = [...saved]
  const byKey = new Map(rows.map((row) => [row.key, row]))
  for (const [id, seconds] of typed) {
    const { rowKey, day } = splitCellId(id)
    const row = byKey.get(rowKey)
    const i = row ? row.cells.findIndex((cell) => cell.day === day) : -1
    const cell = row?.cells[i]
    if (cell) totals[i] = (totals[i] ?? 0) + seconds - cell.totalSeconds
  }
  return totals
}
