// The grid's keys when no editor is open: arrows, Home/End, Page Up/Down and Tab move;
// Shift extends a block; Enter/F2 or typing opens the editor; Delete clears typed time;
// Ctrl+Z undoes; Ctrl/Alt+Enter opens the cell's details. Copy and paste are events.
import type { KeyboardEvent } from 'react'
import type { CellAddress } from './grid-model'
import { PAGE_ROWS } from './grid-model'
import type { GridFocus } from './use-grid-focus'

interface KeyboardDeps {
  focus: GridFocus
  rowCount: number
  dayCount: number
  /** The active cell as a day cell, or null on a row header, a total or a button. */
  activeCell: CellAddress | null
  refuseLocked: () => boolean
  /** Opens the editor on the active cell with `text`; with null, with what the cell shows (Enter/F2). */
  startEditing: (text: string | null) => void
  clearSelection: () => void
  copyText: () => string | undefined
  onUndo: () => void
  onDetails: (cell: CellAddress) => void
  onMessage: (message: string | null) => void
}

export function gridKeyDown(deps: KeyboardDeps) {
  const { focus, rowCount, dayCount, activeCell, refuseLocked, startEditing, clearSelection, copyText, onUndo, onDetails, onMessage } = deps
  const { r, c, anchor, moveTo, tabStep, setAnchor } = focus
  return (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey
    const key = event.key
    const onDay = c >= 1 && c <= dayCount
    if (mod && !event.altKey && key.toLowerCase() === 'z' && !event.shiftKey) {
      event.preventDefault()
      if (!refuseLocked()) onUndo()
      return
    }
    if (mod && key.toLowerCase() === 'c') {
      const text = copyText()
      if (text !== undefined) {
        void navigator.clipboard?.writeText(text).catch(() => undefined)
        onMessage(null)
      }
      return // the copy event fills the clipboard too
    }
    if (mod && key.toLowerCase() === 'v') return // handled by the paste event
    if (key === 'Enter' && (mod || event.altKey)) {
      event.preventDefault()
      if (activeCell) onDetails(activeCell)
      return
    }
    if (mod && !['Home', 'End'].includes(key)) return
    const target = event.target as HTMLElement
    const onButton = target.tagName === 'BUTTON'
    switch (key) {
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight': {
        event.preventDefault()
        const dr = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0
        const dc = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0
        moveTo({ r: r + dr, c: c + dc }, event.shiftKey)
        return
      }
      case 'Home':
        event.preventDefault()
        moveTo({ r: mod ? 0 : r, c: mod ? 1 : c === 1 ? 0 : 1 })
        return
      case 'End':
        event.preventDefault()
        moveTo({ r: mod ? rowCount - 1 : r, c: mod ? dayCount : c === dayCount ? dayCount + 1 : dayCount })
        return
      case 'PageUp':
      case 'PageDown':
        event.preventDefault()
        moveTo({ r: r + (key === 'PageUp' ? -PAGE_ROWS : PAGE_ROWS), c })
        return
      case 'Tab': {
        const next = tabStep({ r, c }, event.shiftKey ? -1 : 1)
        if (next) {
          event.preventDefault()
          moveTo(next)
        }
        return
      }
      case 'Enter':
      case 'F2':
        if (onButton || !onDay) return
        event.preventDefault()
        if (activeCell) startEditing(null)
        return
      case 'Delete':
      case 'Backspace':
        if (!onDay) return
        event.preventDefault()
        clearSelection()
        return
      case 'Escape':
        if (anchor) {
          event.preventDefault()
          setAnchor(null)
        }
        return
      default:
        if (onDay && !onButton && !event.altKey && key.length === 1 && key !== ' ') {
          event.preventDefault()
          startEditing(key)
        }
    }
  }
}
