// What the grid's parts share: a cell's address, the focus and editor positions, the
// layout sizes the virtualiser and the CSS agree on, and how a day column is marked.
import type { DurationUnit } from '@shared/duration'
import type { TimesheetRow } from '@shared/timesheet'

export const HEADER_HEIGHT = 52
export const ROW_HEIGHT = 48
export const PAGE_ROWS = 10

// What the cell editor starts with, what is copied, and what messages quote stay h:mm
// whatever the display unit: '1.50' or '6' typed back would be read as hours, and a
// custom label not at all, so only h:mm keeps typed and pasted values unambiguous.
export const EDIT_UNIT: DurationUnit = 'hmm'

export interface CellAddress {
  row: TimesheetRow
  day: string
}

/** A place in the grid: row index, and column (0 the row header, 1…days the days, then total and remove). */
export interface Position {
  r: number
  c: number
}

/** The open cell editor: where, what is typed, and why it was refused (a parse error or the host's reason). */
export interface Editing extends Position {
  text: string
  error: string | null
}

/** The selected block of day cells, inclusive. */
export interface Selection {
  top: number
  bottom: number
  left: number
  right: number
}

/** The classes a day column carries in every row: weekend and today. */
export function dayColumnClass(day: string, weekday: number, today: string): string {
  return `${weekday === 0 || weekday === 6 ? ' is-weekend' : ''}${day === today ? ' is-today' : ''}`
}
