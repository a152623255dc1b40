// The period grid, keyboard first: one cell in the tab order (roving tabindex), arrows
// to move, typing to edit, Enter/Tab to commit and move, blocks copied and pasted as
// spreadsheet text. Rows are virtualised (a div grid with ARIA row/column indexes), and
// the focused row is always rendered so the focus never falls out of the page.
// The parts live in grid/: header, rows, cells, totals, focus, editor, keys, clipboard.
import { startTransition, useEffect, useId, useLayoutEffect, useMemo, useRef, type ClipboardEvent } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { CellChange, Timesheet, TimesheetCell, TimesheetRow } from '@shared/timesheet'
import { useT } from '../i18n/i18n-context'
import type { RowName } from './row-names'
import { cellId } from './use-timesheet'
import { GridHeader } from './grid/GridHeader'
import { GridBody } from './grid/GridBody'
import { GridTotals } from './grid/GridTotals'
import { gridClipboard } from './grid/grid-clipboard'
import { gridKeyDown } from './grid/grid-keyboard'
import { EDIT_UNIT, type CellAddress } from './grid/grid-model'
import { useCellEditor } from './grid/use-cell-editor'
import { useGridFocus } from './grid/use-grid-focus'
import { useStableActions } from './grid/use-stable-actions'
import { savedDayTotals, withTyped } from './grid/day-totals'
import './grid/grid.css'

export type { CellAddress } from './grid/grid-model'

interface GridProps {
  sheet: Timesheet
  /** Why the period is read-only, in the person's language; null when it can be changed. */
  lockedReason: string | null
  /**
   * How durations are shown: cells, totals, expected and difference rows. Display only:
   * the editor, the clipboard and error messages stay h:mm (see EDIT_UNIT).
   */
  unit: DurationUnit
  pending: ReadonlyMap<string, number>
  /** Cells the host just refused, and the alert that says why. */
  refused: readonly string[]
  refusalId: string | undefined
  names: (row: TimesheetRow) => RowName
  today: string
  labelledBy: string
  /**
   * Saves changes; resolves null once saved, else the host's reason. With `fromEditor` the
   * caller leaves the reason to the grid, which shows it beside the reopened editor.
   */
  onSetCells: (changes: CellChange[], options?: { fromEditor?: boolean }) => Promise<string | null>
  onUndo: () => void
  onDetails: (cell: CellAddress) => void
  onRemoveRow: (row: TimesheetRow) => void
  /** A message for the person: why a paste or an edit was refused, or what was copied. */
  onMessage: (message: string | null) => void
  onActiveChange: (cell: CellAddress | null) => void
  /** Puts the focus on the first day of a row (a row just added); `seq` makes each request new. */
  focusRequest?: { rowKey: string; seq: number }
}

export function TimesheetGrid(props: GridProps) {
  const { sheet, lockedReason, unit, pending, refused, refusalId, names, today, labelledBy, onSetCells, onUndo, onDetails, onRemoveRow, onMessage, onActiveChange, focusRequest } = props
  const translator = useT()
  const { t } = translator
  const id = useId()
  const rows = sheet.rows
  const days = sheet.days
  const dayCount = days.length
  const lastCol = dayCount + 2
  const locked = lockedReason
  const scrollRef = useRef<HTMLDivElement>(null)
  const focus = useGridFocus(scrollRef, rows, dayCount, focusRequest)
  const { r, c, anchor, selection } = focus
  const activeRow = rows[r]
  const activeDay = c >= 1 && c <= dayCount ? days[c - 1]?.day : undefined

  // The view only needs the active cell for its Details button: that update may wait for
  // the frame, so a move or a commit paints without the whole view rendering first.
  useEffect(() => {
    startTransition(() => onActiveChange(activeRow && activeDay ? { row: activeRow, day: activeDay } : null))
  }, [activeRow, activeDay, onActiveChange])

  const shownTotal = (row: TimesheetRow, cell: TimesheetCell): number => pending.get(cellId(row.key, cell.day)) ?? cell.totalSeconds

  const refuseLocked = (): boolean => {
    if (!locked) return false
    onMessage(t('grid.locked', { reason: locked }))
    return true
  }

  const editor = useCellEditor({ rows, focus, shownTotal, refuseLocked, onSetCells, onMessage, translator })
  const { editing } = editor
  const clipboard = gridClipboard({ translator, rows, days, r, c, selection, shownTotal, refuseLocked, onSetCells, onMessage, selectBlock: (bottom, right) => focus.setAnchor({ r: bottom, c: right }) })

  const startEditing = (text: string | null) => {
    if (refuseLocked() || !activeRow || !activeDay) return
    const cell = activeRow.cells[c - 1]
    onMessage(null)
    editor.open(r, c, text ?? (cell ? formatDuration(shownTotal(activeRow, cell), EDIT_UNIT) : ''))
  }

  const onKeyDown = gridKeyDown({
    focus,
    rowCount: rows.length,
    dayCount,
    activeCell: activeRow && activeDay ? { row: activeRow, day: activeDay } : null,
    refuseLocked,
    startEditing,
    clearSelection: clipboard.clearSelection,
    copyText: clipboard.copyText,
    onUndo,
    onDetails,
    onMessage,
  })

  const actions = useStableActions({
    focusDay: (row, col) => {
      if (row !== r || col !== c) focus.setAnchor(null)
      focus.setActive({ r: row, c: col })
    },
    focusOther: (row, col) => focus.setActive({ r: row, c: col }),
    editAt: (row, col, shownSeconds) => editor.editAt(row, col, formatDuration(shownSeconds, EDIT_UNIT)),
    removeRow: (row, fullName) => {
      if (refuseLocked()) return
      if (row.totalSeconds > 0) onMessage(t('grid.rowHasTime', { name: fullName }))
      else onRemoveRow(row)
    },
    editorChange: editor.onChange,
    editorKeyDown: editor.onKeyDown,
    editorBlur: editor.onBlur,
  })

  // A move put the focus on the active cell once it is rendered; never while editing.
  useLayoutEffect(() => {
    if (editing || !focus.takeFocusWish()) return
    focus.focusNow({ r, c })
  })

  // Starting to edit puts the caret in the editor; what was already there (Enter/F2) is selected.
  useLayoutEffect(() => {
    const input = scrollRef.current?.querySelector<HTMLInputElement>('input.ts-editor')
    if (!input || document.activeElement === input) return
    input.focus()
    if (input.value.length > 1) input.select()
  }, [editing])

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return
    event.preventDefault()
    clipboard.paste(event.clipboardData.getData('text/plain'))
  }

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return
    const text = clipboard.copyText()
    if (text === undefined) return
    event.preventDefault()
    event.clipboardData.setData('text/plain', text)
  }

  // The saved day totals change only with the host's answer; a typed value adds its
  // difference from the saved one, so a keystroke costs a step per typed cell (and finding
  // rows by key), not a sum over every cell of every row.
  const savedTotals = useMemo(() => savedDayTotals(days, rows), [days, rows])
  const dayTotals = useMemo(() => withTyped(savedTotals, rows, pending), [savedTotals, rows, pending])
  const editErrorId = `${id}-edit-error`
  const columns = `minmax(232px, 1fr) repeat(${dayCount}, var(--ts-day-width)) var(--ts-total-width) var(--ts-action-width)`

  return (
    <div
      ref={scrollRef}
      className={`ts-grid${locked ? ' ts-grid--locked' : ''}`}
      role="grid"
      // With no rows there is no cell to focus, yet the grid may still scroll sideways:
      // the grid itself takes focus so the keyboard can scroll it.
      tabIndex={rows.length === 0 ? 0 : undefined}
      aria-labelledby={labelledBy}
      aria-rowcount={rows.length + 4}
      aria-colcount={lastCol + 1}
      aria-readonly={locked ? true : undefined}
      aria-multiselectable="true"
      style={{ ['--ts-columns' as string]: columns, ['--ts-days' as string]: dayCount }}
      onKeyDown={(event) => {
        if (!editing) onKeyDown(event)
      }}
      onPaste={onPaste}
      onCopy={onCopy}
    >
      <GridHeader days={days} today={today} />
      <GridBody
        scrollRef={scrollRef}
        rows={rows}
        days={days}
        r={r}
        c={c}
        anchor={anchor}
        selection={selection}
        editing={editing}
        pending={pending}
        refused={refused}
        refusalId={refusalId}
        names={names}
        today={today}
        unit={unit}
        locked={locked !== null}
        editErrorId={editErrorId}
        actions={actions}
      />
      <GridTotals days={days} dayTotals={dayTotals} rowCount={rows.length} unit={unit} />
    </div>
  )
}
