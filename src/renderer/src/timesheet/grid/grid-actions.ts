// What a row or a cell can ask of the grid. The grid hands the same object to every row
// for as long as it lives, so memoised rows and cells never re-render for a new callback;
// each call reaches the grid's state as it is at that moment.
import type { KeyboardEvent } from 'react'
import type { TimesheetRow } from '@shared/timesheet'

export interface GridActions {
  /** Focus arrived on a day cell: it becomes the active cell (a block selection ends if it moved). */
  focusDay: (r: number, c: number) => void
  /** Focus arrived on a row header, a row total or a remove button. */
  focusOther: (r: number, c: number) => void
  /** A double click: edit the cell, starting from what it shows. */
  editAt: (r: number, c: number, shownSeconds: number) => void
  removeRow: (row: TimesheetRow, fullName: string) => void
  editorChange: (text: string) => void
  editorKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void
  editorBlur: () => void
}
