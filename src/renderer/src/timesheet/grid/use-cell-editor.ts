// The cell editor: opening it on the active cell, committing what was typed (Enter, Tab
// or a click elsewhere), and reopening it with the host's reason when a save is refused,
// exactly like a value that does not parse.
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Translator } from '@shared/i18n/translator'
import type { CellChange, TimesheetCell, TimesheetRow } from '@shared/timesheet'
import { toRowKey } from '../use-timesheet'
import type { Editing } from './grid-model'
import { typedTotal } from './typed-total'
import type { GridFocus } from './use-grid-focus'

interface CellEditorDeps {
  rows: readonly TimesheetRow[]
  focus: GridFocus
  /** The total a cell shows now: a typed value on its way, else the saved one. */
  shownTotal: (row: TimesheetRow, cell: TimesheetCell) => number
  /** Says why the period cannot be changed, and answers true, when it is locked. */
  refuseLocked: () => boolean
  onSetCells: (changes: CellChange[], options?: { fromEditor?: boolean }) => Promise<string | null>
  onMessage: (message: string | null) => void
  /** The person's language, for the reasons said beside the editor. */
  translator: Translator
}

export function useCellEditor({ rows, focus, shownTotal, refuseLocked, onSetCells, onMessage, translator }: CellEditorDeps) {
  const { t } = translator
  const [editing, setEditing] = useState<Editing | null>(null)
  // Set once an edit is committed or cancelled, so the editor's blur on the way out does nothing.
  const closing = useRef(false)
  // What an answer arriving later needs to see: the rows and the editor as they are then.
  const rowsNow = useRef(rows)
  const editingNow = useRef(editing)
  useLayoutEffect(() => {
    rowsNow.current = rows
    editingNow.current = editing
  })

  const open = (r: number, c: number, text: string) => {
    closing.current = false
    setEditing({ r, c, text, error: null })
  }

  /** Commits the typed value and moves; answers false (the editor stays, with the error) when it does not parse. */
  const commit = (move: 'down' | 'right' | 'left' | 'none'): boolean => {
    if (!editing) return true
    const row = rows[editing.r]
    const cell = row?.cells[editing.c - 1]
    if (!row || !cell) {
      setEditing(null)
      return true
    }
    const current = shownTotal(row, cell)
    const result = typedTotal(editing.text, current, cell.fixedSeconds, translator)
    if (!result.ok) {
      setEditing({ ...editing, error: result.error })
      return false
    }
    closing.current = true
    setEditing(null)
    if (result.seconds !== current) {
      // Enter/Tab: a refusal reopens the editor with what was typed and the reason beside it,
      // exactly like a value that does not parse. A click elsewhere (blur) gets the banner.
      const fromEditor = move !== 'none'
      const typed = editing.text
      void onSetCells([{ day: cell.day, row: toRowKey(row), totalSeconds: result.seconds }], { fromEditor }).then((refusal) => {
        if (refusal !== null && fromEditor) reopenRefused(row.key, editing.c, typed, refusal)
      })
    }
    focus.wantFocus()
    if (move === 'down') focus.focusNow(focus.moveTo({ r: editing.r + 1, c: editing.c }))
    else if (move === 'right' || move === 'left') focus.focusNow(focus.moveTo(focus.tabStep(editing, move === 'right' ? 1 : -1) ?? editing))
    else focus.setActive({ r: editing.r, c: editing.c })
    return true
  }

  /** Puts the editor back on a refused cell; if another cell is being edited by then, the reason goes to the banner. */
  const reopenRefused = (rowKey: string, col: number, text: string, reason: string) => {
    const rowIndex = rowsNow.current.findIndex((candidate) => candidate.key === rowKey)
    if (rowIndex < 0 || editingNow.current !== null) {
      onMessage(t('grid.notSavedBecause', { text: text.trim(), reason }))
      return
    }
    closing.current = false
    focus.setAnchor(null)
    focus.setActive({ r: rowIndex, c: col })
    setEditing({ r: rowIndex, c: col, text, error: reason })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation()
    if (event.key === 'Enter') {
      event.preventDefault()
      commit('down')
    } else if (event.key === 'Tab') {
      event.preventDefault()
      commit(event.shiftKey ? 'left' : 'right')
    } else if (event.key === 'Escape') {
      event.preventDefault()
      closing.current = true
      focus.wantFocus()
      focus.focusNow(editing ?? { r: focus.r, c: focus.c })
      setEditing(null)
    }
  }

  const onBlur = () => {
    if (closing.current || !editing) return
    // Clicking elsewhere keeps a good value; a bad one is dropped with the reason shown.
    if (!editing.error && !commit('none')) return
    if (editing.error) {
      onMessage(t('grid.notSavedError', { text: editing.text.trim(), error: editing.error }))
      setEditing(null)
    }
  }

  const onChange = (text: string) => {
    if (editing) setEditing({ ...editing, text, error: null })
  }

  /** A double click: the cell becomes active and, unless the period is locked, opens its editor. */
  const editAt = (r: number, c: number, text: string) => {
    focus.setActive({ r, c })
    closing.current = false
    if (!refuseLocked()) setEditing({ r, c, text, error: null })
  }

  return { editing, open, editAt, onKeyDown, onBlur, onChange }
}
