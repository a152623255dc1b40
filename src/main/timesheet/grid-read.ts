// Reading a period's grid in one statement: the cells grouped by SQLite (total, the
// hand-entered part, the entry count), the rows added by hand, the cell notes and the
// period's head (status, outbox, history) as one list of lines, folded here into rows of
// one cell per day. The grid opens on every period change and after every save, so this
// is the app's hottest read. Measured on the 1M-entry bench (bench/timesheet-load.bench.ts):
// - one statement, not two: each statement on its own costs a read transaction of its
//   own (about 0.07 ms here, a sixth of a week's whole read);
// - prepared once and run directly on better-sqlite3, not through Kysely: its compile and
//   promise pipeline cost as much again as a week's SQL;
// - lines as arrays (better-sqlite3's raw mode), not objects: no object with nine named
//   keys made per line only to be read once.
// Only while a transaction is open on the one connection does the read wait for it (the
// connection is taken through Kysely, which hands it over once the transaction ends): a
// direct read then would see its uncommitted half.
import type SqliteDatabase from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { rowKeyId, type RowKey, type TimesheetCell } from '@shared/timesheet'
import type { Database } from '../db/schema'
import { PERIOD_HEAD_JSON_SQL, periodHeadOf, periodHeadParameters, type PeriodHead } from '../entries/period-records'

/** What a line of GRID_SQL is: a cell with time, a row added by hand, a cell's note, or the period's head. */
const CELL = 0
const ADDED = 1
const NOTE = 2
const HEAD = 3

/**
 * A cell counts an entry when it is timer time (or any source typing cannot change) or
 * typed time above zero: a cleared cell leaves a zero-length grid entry that is no entry
 * to the user. Voided and deleted entries are not in the grid. The head's line carries
 * its JSON in the last column.
 */
export const GRID_SQL = `
SELECT ${CELL} AS kind, work_item_id, activity_type_id, billable, day,
       sum(rounded_seconds) AS total,
       sum(CASE WHEN source = 'grid' THEN rounded_seconds ELSE 0 END) AS grid,
       sum(source != 'grid' OR rounded_seconds > 0) AS entries,
       NULL AS text
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
 WHERE user_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL
UNION ALL
SELECT ${HEAD}, NULL, NULL, 0, NULL, 0, 0, 0, (${PERIOD_HEAD_JSON_SQL})`

/** A line of GRID_SQL as better-sqlite3 returns it in raw mode: its columns in order. */
export type GridLine = [
  kind: typeof CELL | typeof ADDED | typeof NOTE | typeof HEAD,
  workItemId: string | null,
  activityTypeId: string | null,
  billable: 0 | 1,
  day: string | null,
  total: number,
  grid: number,
  entries: number,
  /** A note's text, the head's JSON; null otherwise. */
  text: string | null,
]

/** The parameters of GRID_SQL, in its order. */
export function gridParameters(user: string, start: string, end: string): string[] {
  return [user, start, end, user, start, user, start, end, ...periodHeadParameters(user, start)]
}

export interface GridRowCells extends RowKey {
  key: string
  added: boolean
  cells: TimesheetCell[]
  totalSeconds: number
}

export interface GridRead {
  head: PeriodHead
  /** The period's rows, unsorted: a row has time in the period or was added by hand; a note alone makes no row. */
  rows: GridRowCells[]
}

/** A row's non-billable and billable versions. */
type RowPair = [nonBillable?: GridRowCells, billable?: GridRowCells]

/**
 * The period's rows, found by work item, then activity type, then billable, through maps
 * keyed by the very strings SQLite returned: a key joined from them (rowKeyId) would be
 * a new string to build and hash for every line, which measured three times the cost of
 * the rest of the fold. rowKeyId is made once per row, for the row's key.
 */
class RowsByKey {
  readonly rows: GridRowCells[] = []
  private readonly byItem = new Map<string | null, Map<string | null, RowPair>>()

  constructor(private readonly days: readonly string[]) {}

  find(line: GridLine): GridRowCells | undefined {
    return this.byItem.get(line[1])?.get(line[2])?.[line[3] === 1 ? 1 : 0]
  }

  findOrAdd(line: GridLine): GridRowCells {
    const [, workItemId, activityTypeId] = line
    let byType = this.byItem.get(workItemId)
    if (!byType) this.byItem.set(workItemId, (byType = new Map<string | null, RowPair>()))
    let pair = byType.get(activityTypeId)
    if (!pair) byType.set(activityTypeId, (pair = []))
    const billable = line[3] === 1
    let row = pair[billable ? 1 : 0]
    if (!row) {
      const cells = this.days.map((day): TimesheetCell => ({ day, totalSeconds: 0, fixedSeconds: 0, gridSeconds: 0, entryCount: 0, note: null }))
      row = { key: rowKeyId({ workItemId, activityTypeId, billable }), workItemId, activityTypeId, billable, added: false, cells, totalSeconds: 0 }
      pair[billable ? 1 : 0] = row
      this.rows.push(row)
    }
    return row
  }
}

export function foldGridLines(lines: readonly GridLine[], days: readonly string[]): GridRead {
  const rows = new RowsByKey(days)
  let head: PeriodHead | null = null
  const notes: GridLine[] = []
  for (const line of lines) {
    const kind = line[0]
    if (kind === CELL) {
      const row = rows.findOrAdd(line)
      const cell = row.cells[days.indexOf(line[4] ?? '')]
      if (!cell) continue // a day outside the period cannot come back from the query
      cell.totalSeconds = line[5]
      cell.gridSeconds = line[6]
      cell.fixedSeconds = line[5] - line[6]
      cell.entryCount = line[7]
      row.totalSeconds += line[5]
    } else if (kind === ADDED) {
      rows.findOrAdd(line).added = true
    } else if (kind === NOTE) {
      notes.push(line)
    } else {
      head = periodHeadOf(line[8] ?? '')
    }
  }
  if (!head) throw new Error('the grid query returned no head line') // its last SELECT has no FROM: always one line
  // Notes only on rows the period has; the first note of a cell is its note.
  for (const line of notes) {
    const cell = rows.find(line)?.cells[days.indexOf(line[4] ?? '')]
    if (cell && cell.note === null) cell.note = line[8]
  }
  return { head, rows: rows.rows }
}

export class GridReader {
  private statement: SqliteDatabase.Statement<string[], GridLine> | null = null

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: SqliteDatabase.Database,
  ) {}

  read(user: string, start: string, end: string, days: readonly string[]): GridRead | Promise<GridRead> {
    const read = () => {
      this.statement ??= this.sqlite.prepare<string[], GridLine>(GRID_SQL).raw(true)
      return foldGridLines(this.statement.all(...gridParameters(user, start, end)), days)
    }
    // A write is half done on the connection: wait for it like every other query does. Once
    // Kysely hands the connection over, no transaction is open and the read is synchronous.
    if (this.sqlite.inTransaction) return this.db.connection().execute(() => Promise.resolve(read()))
    return read()
  }
}
