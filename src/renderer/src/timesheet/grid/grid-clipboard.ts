// Blocks of cells as spreadsheet text: copying the selection (always h:mm, see EDIT_UNIT),
// pasting a block from the active cell, and clearing the typed time of a selection. A
// paste that does not fit changes nothing and says why.
import type { Translator } from '@shared/i18n/translator'
import type { CellChange, Timesheet, TimesheetCell, TimesheetRow } from '@shared/timesheet'
import { formatDay } from '../../format'
import { formatBlock, parseBlock } from '../clipboard-block'
import { toRowKey } from '../use-timesheet'
import type { Selection } from './grid-model'

interface ClipboardDeps {
  /** The person's language, for why a paste was refused. */
  translator: Translator
  rows: readonly TimesheetRow[]
  days: Timesheet['days']
  r: number
  c: number
  selection: Selection
  shownTotal: (row: TimesheetRow, cell: TimesheetCell) => number
  refuseLocked: () => boolean
  onSetCells: (changes: CellChange[]) => Promise<string | null>
  onMessage: (message: string | null) => void
  /** After a paste: the pasted block becomes the selection. */
  selectBlock: (bottom: number, right: number) => void
}

export function gridClipboard({ translator, rows, days, r, c, selection, shownTotal, refuseLocked, onSetCells, onMessage, selectBlock }: ClipboardDeps) {
  const { t, locale } = translator
  const dayCount = days.length

  const clearSelection = () => {
    if (refuseLocked()) return
    const changes: CellChange[] = []
    for (let row = selection.top; row <= selection.bottom; row++) {
      for (let col = Math.max(1, selection.left); col <= Math.min(dayCount, selection.right); col++) {
        const rowData = rows[row]
        const cell = rowData?.cells[col - 1]
        if (rowData && cell && shownTotal(rowData, cell) !== cell.fixedSeconds) changes.push({ day: cell.day, row: toRowKey(rowData), totalSeconds: cell.fixedSeconds })
      }
    }
    if (changes.length > 0) void onSetCells(changes)
    else if (rows[r]?.cells[c - 1]?.fixedSeconds) onMessage(t('grid.onlyTypedCleared'))
  }

  const copyText = (): string | undefined => {
    if (selection.left < 1 || selection.right > dayCount) return undefined
    const block: number[][] = []
    for (let row = selection.top; row <= selection.bottom; row++) {
      const rowData = rows[row]
      if (!rowData) continue
      block.push(rowData.cells.slice(selection.left - 1, selection.right).map((cell) => shownTotal(rowData, cell)))
    }
    return formatBlock(block) // h:mm, never the display unit: see EDIT_UNIT
  }

  const paste = (text: string) => {
    if (refuseLocked()) return
    const start = days[c - 1]
    const activeRow = rows[r]
    if (!activeRow || !start) {
      onMessage(t('grid.pasteWhere'))
      return
    }
    const parsed = parseBlock(text, translator)
    if (!parsed.ok) {
      onMessage(t('grid.nothingPasted', { reason: parsed.error }))
      return
    }
    const daysLeft = dayCount - (c - 1)
    const rowsLeft = rows.length - r
    if (parsed.width > daysLeft) {
      onMessage(t('grid.pasteTooWide', { width: parsed.width, count: daysLeft, day: formatDay(start.day, locale) }))
      return
    }
    if (parsed.height > rowsLeft) {
      onMessage(t('grid.pasteTooHigh', { height: parsed.height, count: rowsLeft }))
      return
    }
    const changes: CellChange[] = []
    parsed.seconds.forEach((values, i) => {
      const rowData = rows[r + i]
      values.forEach((value, j) => {
        const cell = rowData?.cells[c - 1 + j]
        if (rowData && cell) changes.push({ day: cell.day, row: toRowKey(rowData), totalSeconds: value ?? cell.fixedSeconds })
      })
    })
    onMessage(null)
    void onSetCells(changes)
    selectBlock(r + parsed.height - 1, c + parsed.width - 1)
  }

  return { clearSelection, copyText, paste }
}
