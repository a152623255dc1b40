// The host answers every save with the whole period. Rows and days that came back as they
// were keep their old objects, so the grid's memoised rows see "nothing changed" and only
// the rows a save touched render again (a 200-row period costs one row, not 200).
import type { Timesheet, TimesheetCell, TimesheetRow } from '@shared/timesheet'

function sameCell(a: TimesheetCell, b: TimesheetCell): boolean {
  return a.day === b.day && a.totalSeconds === b.totalSeconds && a.fixedSeconds === b.fixedSeconds && a.gridSeconds === b.gridSeconds && a.entryCount === b.entryCount && a.note === b.note
}

function sameRow(a: TimesheetRow, b: TimesheetRow): boolean {
  if (a.key !== b.key || a.added !== b.added || a.totalSeconds !== b.totalSeconds || a.workItemId !== b.workItemId || a.activityTypeId !== b.activityTypeId || a.billable !== b.billable) return false
  if (a.cells.length !== b.cells.length) return false
  return a.cells.every((cell, i) => {
    const other = b.cells[i]
    return other !== undefined && sameCell(cell, other)
  })
}

function sameDays(a: Timesheet['days'], b: Timesheet['days']): boolean {
  return a.length === b.length && a.every((d, i) => d.day === b[i]?.day && d.weekday === b[i]?.weekday && d.expectedSeconds === b[i]?.expectedSeconds)
}

/** `next`, with every row and the day list that equal `previous`'s replaced by `previous`'s own objects. */
export function reuseUnchanged(previous: Timesheet | null, next: Timesheet): Timesheet {
  if (!previous || previous.start !== next.start || previous.end !== next.end) return next
  const before = new Map(previous.rows.map((row) => [row.key, row]))
  let reused = 0
  const rows = next.rows.map((row) => {
    const old = before.get(row.key)
    if (old && sameRow(old, row)) {
      reused++
      return old
    }
    return row
  })
  const days = sameDays(previous.days, next.days) ? previous.days : next.days
  const allRowsSame = reused === rows.length && rows.length === previous.rows.length && rows.every((row, i) => row === previous.rows[i])
  return { ...next, days, rows: allRowsSame ? previous.rows : rows }
}
