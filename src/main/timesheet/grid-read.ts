// Reading a period's grid in two statements: the cells grouped by SQLite (total, the
// hand-entered part, the entry count), the rows added by hand and the cell notes as one
// list of lines, folded here into rows of one cell per day; and the period's status,
// outbox and history. The grid opens on every period change and after every save, so
// this is the app's hottest read: both statements are prepared once and run directly on
// better-sqlite3 (measured: Kysely's promise pipeline cost as much again as a week's SQL).
// Only while a transaction is open on the one connection do they go through Kysely, which
// waits for it to commit: a direct read then would see its uncommitted half.
import type SqliteDatabase from 'better-sqlite3'
import { CompiledQuery, type Kysely } from 'kysely'
import { rowKeyId, type RowKey, type TimesheetCell } from '@shared/timesheet'
import type { Database } from '../db/schema'
import { PERIOD_HEAD_SQL, periodHeadOf, type PeriodHead, type PeriodHeadLine } from '../entries/period-records'

/** What a line of GRID_SQL is: a cell with time, a row added by hand, or a cell's note. */
const CELL = 0
const ADDED = 1
const NOTE = 2

/**
 * A cell counts an entry when it is timer time (or any source typing cannot change) or
 * typed time above zero: a cleared cell leaves a zero-length grid entry that is no entry
 * to the user. Voided and deleted entries are not in the grid.
 */
export const GRID_SQL = `
SELECT ${CELL} AS kind, work_item_id, activity_type_id, billable, day,
       sum(rounded_seconds) AS total,
       sum(CASE WHEN source = 'grid' THEN rounded_seconds ELSE 0 END) AS grid,
       sum(source != 'grid' OR rounded_seconds > 0) AS entries,
       NULL AS note
  FROM time_entries
 WHERE user_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL AND status != 'voided'
 GROUP BY day, work_item_id, activity_type_id, billable
UNION ALL
SELECT ${ADDED}, work_item_id, activity_type_id, billable, NULL, 0, 0, 0, NULL
  FROM timesheet_rows
 WHERE user_id = ? AND period_start = ? AND deleted_at IS NULL
UNION ALL
SELECT ${NOTE}, work_item_id, activity_type_id, billable, day, 0, 0, 0, note
  FROM cell_notes
 WHERE user_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL`

export interface GridLine {
  kind: typeof CELL | typeof ADDED | typeof NOTE
  work_item_id: string | null
  activity_type_id: string | null
  billable: 0 | 1
  day: string | null
  total: number
  grid: number
  entries: number
  note: string | null
}

/** The parameters of GRID_SQL, in its order. */
export function gridParameters(user: string, start: string, end: string): unknown[] {
  return [user, start, end, user, start, user, start, end]
}

export interface GridRowCells extends RowKey {
  key: string
  added: boolean
  cells: TimesheetCell[]
  totalSeconds: number
}

export function foldGridLines(lines: readonly GridLine[], days: readonly string[]): GridRowCells[] {
  const rows = new Map<string, GridRowCells>()
  const rowOf = (line: GridLine): GridRowCells => {
    const key: RowKey = { workItemId: line.work_item_id, activityTypeId: line.activity_type_id, billable: line.billable === 1 }
    const id = rowKeyId(key)
    let row = rows.get(id)
    if (!row) {
      const cells = days.map((day): TimesheetCell => ({ day, totalSeconds: 0, fixedSeconds: 0, gridSeconds: 0, entryCount: 0, note: null }))
      rows.set(id, (row = { key: id, ...key, added: false, cells, totalSeconds: 0 }))
    }
    return row
  }
  const notes: GridLine[] = []
  for (const line of lines) {
    if (line.kind === NOTE) {
      notes.push(line)
    } else if (line.kind === ADDED) {
      rowOf(line).added = true
    } else {
      const row = rowOf(line)
      const cell = row.cells[days.indexOf(line.day ?? '')]
      if (!cell) continue // a day outside the period cannot come back from the query
      cell.totalSeconds = line.total
      cell.gridSeconds = line.grid
      cell.fixedSeconds = line.total - line.grid
      cell.entryCount = line.entries
      row.totalSeconds += line.total
    }
  }
  // Notes only on rows the period has; the first note of a cell is its note.
  for (const line of notes) {
    const cell = rows.get(rowKeyId({ workItemId: line.work_item_id, activityTypeId: line.activity_type_id, billable: line.billable === 1 }))?.cells[days.indexOf(line.day ?? '')]
    if (cell && cell.note === null) cell.note = line.note
  }
  return [...rows.values()]
}

export interface GridRead {
  head: PeriodHead
  /** The period's rows, unsorted: a row has time in the period or was added by hand; a note alone makes no row. */
  rows: GridRowCells[]
}

export class GridReader {
  private statements: { grid: SqliteDatabase.Statement; period: SqliteDatabase.Statement } | null = null

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: SqliteDatabase.Database,
  ) {}

  async read(user: string, start: string, end: string, days: readonly string[]): Promise<GridRead> {
    const grid = gridParameters(user, start, end)
    const period = [start, user, start]
    if (this.sqlite.inTransaction) {
      // A write is half done on the connection: wait for it like every other query does.
      const [cells, head] = await Promise.all([this.db.executeQuery<GridLine>(CompiledQuery.raw(GRID_SQL, grid)), this.db.executeQuery<PeriodHeadLine>(CompiledQuery.raw(PERIOD_HEAD_SQL, period))])
      return { head: periodHeadOf(head.rows), rows: foldGridLines(cells.rows, days) }
    }
    // Synchronous, so no transaction can begin between the two reads.
    this.statements ??= { grid: this.sqlite.prepare(GRID_SQL), period: this.sqlite.prepare(PERIOD_HEAD_SQL) }
    return { head: periodHeadOf(this.statements.period.all(period) as PeriodHeadLine[]), rows: foldGridLines(this.statements.grid.all(grid) as GridLine[], days) }
  }
}
