// The period grid, keyboard first: one cell in the tab order (roving tabindex), arrows
// to move, typing to edit, Enter/Tab to commit and move, blocks copied and pasted as
// spreadsheet text. Rows are virtualised (a div grid with ARIA row/column indexes), and
// the focused row is always rendered so the focus never falls out of the page.
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Rect, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { formatDuration, parseDuration, parseDurationDelta, type DurationUnit } from '@shared/duration'
import { MAX_DAY_SECONDS, type CellChange, type Timesheet, type TimesheetCell, type TimesheetRow } from '@shared/timesheet'
import { formatDay, formatShownDuration } from '../format'
import { formatBlock, parseBlock } from './clipboard-block'
import type { RowName } from './row-names'
import { cellId, toRowKey } from './use-timesheet'

const HEADER_HEIGHT = 52
const ROW_HEIGHT = 48
const PAGE_ROWS = 10

export interface CellAddress {
  row: TimesheetRow
  day: string
}

interface GridProps {
  sheet: Timesheet
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

interface Position {
  r: number
  c: number
}

interface Editing extends Position {
  text: string
  error: string | null
}

// What the cell editor starts with, what is copied, and what messages quote stay h:mm
// whatever the display unit: '1.50' or '6' typed back would be read as hours, and a
// custom label not at all, so only h:mm keeps typed and pasted values unambiguous.
const EDIT_UNIT: DurationUnit = 'hmm'

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** happy-dom and hidden windows measure 0 × 0; render a screenful rather than nothing. */
function observeWithFallback(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 1000, height: 640 }))
}

/** What was typed, as the cell's new total: a duration, a +/- change, or blank to clear. */
export function typedTotal(text: string, current: number, fixed: number): { ok: true; seconds: number } | { ok: false; error: string } {
  const shown = text.trim()
  if (shown === '') return { ok: true, seconds: fixed }
  if (/^[+\-\u2212]/.test(shown)) {
    const delta = parseDurationDelta(shown)
    if (!delta.ok) return delta
    const seconds = current + delta.sign * delta.seconds
    if (seconds < 0) return { ok: false, error: `That takes the cell below zero: it holds ${formatDuration(current, EDIT_UNIT)}` }
    if (seconds > MAX_DAY_SECONDS) return { ok: false, error: 'A day has at most 24 hours' }
    return { ok: true, seconds }
  }
  return parseDuration(shown)
}

export function TimesheetGrid(props: GridProps) {
  const { sheet, unit, pending, refused, refusalId, names, today, labelledBy, onSetCells, onUndo, onDetails, onRemoveRow, onMessage, onActiveChange, focusRequest } = props
  const id = useId()
  const rows = sheet.rows
  const days = sheet.days
  const dayCount = days.length
  const lastCol = dayCount + 2
  const locked = sheet.lockedReason
  const [active, setActive] = useState<Position>({ r: 0, c: 1 })
  const [anchor, setAnchor] = useState<Position | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const focusWanted = useRef(false)
  const editorRef = useRef<HTMLInputElement>(null)
  // Set once an edit is committed or cancelled, so the editor's blur on the way out does nothing.
  const closing = useRef(false)
  // What an answer arriving later needs to see: the rows and the editor as they are then.
  const rowsNow = useRef(rows)
  rowsNow.current = rows
  const editingNow = useRef(editing)
  editingNow.current = editing

  // Rows come and go (added, removed, another period): keep the active cell inside the grid.
  const r = Math.min(active.r, Math.max(rows.length - 1, 0))
  const c = Math.min(active.c, lastCol)
  const activeRow = rows[r]
  const activeDay = c >= 1 && c <= dayCount ? days[c - 1]?.day : undefined

  useEffect(() => {
    onActiveChange(activeRow && activeDay ? { row: activeRow, day: activeDay } : null)
  }, [activeRow, activeDay, onActiveChange])

  const handledRequest = useRef(0)
  useEffect(() => {
    if (!focusRequest || focusRequest.seq === handledRequest.current) return
    const index = rows.findIndex((row) => row.key === focusRequest.rowKey)
    if (index < 0) return
    handledRequest.current = focusRequest.seq
    focusWanted.current = true
    setAnchor(null)
    setActive({ r: index, c: 1 })
  }, [focusRequest, rows])

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      return rows.length > 0 && !indexes.includes(r) ? [...indexes, r].sort((a, b) => a - b) : indexes
    },
    [r, rows.length],
  )

  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on every render; nothing here memoizes its functions
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    rangeExtractor,
    observeElementRect: observeWithFallback,
    initialRect: { width: 1000, height: 640 },
  })

  useLayoutEffect(() => {
    if (!focusWanted.current || editing) return
    focusWanted.current = false
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)
    const target = cell?.querySelector<HTMLElement>('button') ?? cell
    target?.focus()
  })

  const cellOf = (row: number, col: number): TimesheetCell | undefined => rows[row]?.cells[col - 1]
  const shownTotal = (row: TimesheetRow, cell: TimesheetCell): number => pending.get(cellId(row.key, cell.day)) ?? cell.totalSeconds

  const moveTo = (next: Position, extend = false) => {
    const clamped = { r: Math.max(0, Math.min(rows.length - 1, next.r)), c: Math.max(0, Math.min(lastCol, next.c)) }
    if (extend && c >= 1 && c <= dayCount) {
      setAnchor((current) => current ?? { r, c })
      clamped.c = Math.max(1, Math.min(dayCount, clamped.c))
    } else {
      setAnchor(null)
    }
    focusWanted.current = true
    setActive(clamped)
  }

  /** The selected block of day cells: the Shift+arrow range, or the focused cell. */
  const selection = useMemo(() => {
    const from = anchor ?? { r, c }
    return { top: Math.min(from.r, r), bottom: Math.max(from.r, r), left: Math.min(from.c, c), right: Math.max(from.c, c) }
  }, [anchor, r, c])
  const inSelection = (row: number, col: number) => anchor !== null && row >= selection.top && row <= selection.bottom && col >= selection.left && col <= selection.right

  const refuseLocked = (): boolean => {
    if (!locked) return false
    onMessage(`${locked} Cells cannot be changed.`)
    return true
  }

  const startEditing = (text: string) => {
    if (refuseLocked() || !activeDay) return
    onMessage(null)
    closing.current = false
    setEditing({ r, c, text, error: null })
  }

  const commitEditing = (move: 'down' | 'right' | 'left' | 'none'): boolean => {
    if (!editing) return true
    const row = rows[editing.r]
    const cell = cellOf(editing.r, editing.c)
    if (!row || !cell) {
      setEditing(null)
      return true
    }
    const current = shownTotal(row, cell)
    const result = typedTotal(editing.text, current, cell.fixedSeconds)
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
    focusWanted.current = true
    if (move === 'down') moveTo({ r: editing.r + 1, c: editing.c })
    else if (move === 'right' || move === 'left') moveTo(tabStep(editing, move === 'right' ? 1 : -1) ?? editing)
    else setActive({ r: editing.r, c: editing.c })
    return true
  }

  /** Puts the editor back on a refused cell; if another cell is being edited by then, the reason goes to the banner. */
  const reopenRefused = (rowKey: string, col: number, text: string, reason: string) => {
    const rowIndex = rowsNow.current.findIndex((candidate) => candidate.key === rowKey)
    if (rowIndex < 0 || editingNow.current !== null) {
      onMessage(`"${text.trim()}" was not saved. ${reason}`)
      return
    }
    closing.current = false
    setAnchor(null)
    setActive({ r: rowIndex, c: col })
    setEditing({ r: rowIndex, c: col, text, error: reason })
  }

  /** The next day cell in reading order (Tab), or undefined past either end of the grid. */
  const tabStep = (from: Position, step: 1 | -1): Position | undefined => {
    let col = from.c < 1 ? (step === 1 ? 0 : 1) : from.c > dayCount ? (step === 1 ? dayCount : dayCount + 1) : from.c
    let row = from.r
    col += step
    if (col > dayCount) {
      row += 1
      col = 1
    } else if (col < 1) {
      row -= 1
      col = dayCount
    }
    return row < 0 || row >= rows.length ? undefined : { r: row, c: col }
  }

  const clearSelection = () => {
    if (refuseLocked()) return
    const changes: CellChange[] = []
    for (let row = selection.top; row <= selection.bottom; row++) {
      for (let col = Math.max(1, selection.left); col <= Math.min(dayCount, selection.right); col++) {
        const rowData = rows[row]
        const cell = cellOf(row, col)
        if (rowData && cell && shownTotal(rowData, cell) !== cell.fixedSeconds) changes.push({ day: cell.day, row: toRowKey(rowData), totalSeconds: cell.fixedSeconds })
      }
    }
    if (changes.length > 0) void onSetCells(changes)
    else if (cellOf(r, c)?.fixedSeconds) onMessage('Only typed time can be cleared here; timer time stays. Open the details (Alt+Enter) to see its entries.')
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
    if (!activeRow || !start) {
      onMessage('Move to a day cell, then paste: the block fills the grid from there.')
      return
    }
    const parsed = parseBlock(text)
    if (!parsed.ok) {
      onMessage(`Nothing was pasted. ${parsed.error}`)
      return
    }
    const daysLeft = dayCount - (c - 1)
    const rowsLeft = rows.length - r
    if (parsed.width > daysLeft) {
      onMessage(`Nothing was pasted: the block is ${parsed.width} columns wide, but only ${daysLeft} day${daysLeft === 1 ? ' is' : 's are'} left from ${formatDay(start.day)} to the end of the period.`)
      return
    }
    if (parsed.height > rowsLeft) {
      onMessage(`Nothing was pasted: the block has ${parsed.height} rows, but only ${rowsLeft} row${rowsLeft === 1 ? ' is' : 's are'} left from here. Add rows first.`)
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
    setAnchor({ r: r + parsed.height - 1, c: c + parsed.width - 1 })
  }

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return
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
      if (activeRow && activeDay) onDetails({ row: activeRow, day: activeDay })
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
        moveTo({ r: mod ? rows.length - 1 : r, c: mod ? dayCount : c === dayCount ? dayCount + 1 : dayCount })
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
        if (activeRow && activeDay) {
          const cell = cellOf(r, c)
          startEditing(cell ? formatDuration(shownTotal(activeRow, cell), EDIT_UNIT) : '')
        }
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

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation()
    if (event.key === 'Enter') {
      event.preventDefault()
      commitEditing('down')
    } else if (event.key === 'Tab') {
      event.preventDefault()
      commitEditing(event.shiftKey ? 'left' : 'right')
    } else if (event.key === 'Escape') {
      event.preventDefault()
      closing.current = true
      focusWanted.current = true
      setEditing(null)
    }
  }

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return
    event.preventDefault()
    paste(event.clipboardData.getData('text/plain'))
  }

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return
    const text = copyText()
    if (text === undefined) return
    event.preventDefault()
    event.clipboardData.setData('text/plain', text)
  }

  // Starting to edit puts the caret in the editor; what was already there (Enter/F2) is selected.
  useLayoutEffect(() => {
    const input = editorRef.current
    if (!input || document.activeElement === input) return
    input.focus()
    if (input.value.length > 1) input.select()
  }, [editing])

  const dayTotals = days.map((_, i) => rows.reduce((sum, row) => sum + (row.cells[i] ? shownTotal(row, row.cells[i]) : 0), 0))
  const periodTotal = dayTotals.reduce((a, b) => a + b, 0)
  const expectedTotal = days.reduce((sum, d) => sum + d.expectedSeconds, 0)
  const rowCount = rows.length + 4
  const editErrorId = `${id}-edit-error`
  const items = virtualizer.getVirtualItems()
  const columns = `minmax(232px, 1fr) repeat(${dayCount}, var(--ts-day-width)) var(--ts-total-width) var(--ts-action-width)`

  const dayHeaderClass = (day: string, weekday: number) => `${weekday === 0 || weekday === 6 ? ' is-weekend' : ''}${day === today ? ' is-today' : ''}`

  return (
    <div
      ref={scrollRef}
      className="ts-grid"
      role="grid"
      // With no rows there is no cell to focus, yet the grid may still scroll sideways:
      // the grid itself takes focus so the keyboard can scroll it.
      tabIndex={rows.length === 0 ? 0 : undefined}
      aria-labelledby={labelledBy}
      aria-rowcount={rowCount}
      aria-colcount={lastCol + 1}
      aria-readonly={locked ? true : undefined}
      aria-multiselectable="true"
      style={{ ['--ts-columns' as string]: columns, ['--ts-days' as string]: dayCount }}
      onKeyDown={onGridKeyDown}
      onPaste={onPaste}
      onCopy={onCopy}
    >
      <div role="rowgroup" className="ts-head">
        <div role="row" aria-rowindex={1} className="ts-row ts-row--head">
          <div role="columnheader" aria-colindex={1} className="ts-cell ts-rowhead">
            Work item · activity
          </div>
          {days.map((d, i) => (
            <div key={d.day} role="columnheader" aria-colindex={i + 2} className={`ts-cell ts-colhead${dayHeaderClass(d.day, d.weekday)}`}>
              <span className="ts-colhead__weekday">{WEEKDAY_SHORT[d.weekday]}</span>
              <span className="ts-colhead__date">{formatDay(d.day).split(' ').slice(1).join(' ')}</span>
              {d.day === today && <span className="visually-hidden"> (today)</span>}
            </div>
          ))}
          <div role="columnheader" aria-colindex={dayCount + 2} className="ts-cell ts-colhead ts-total">
            Total
          </div>
          <div role="columnheader" aria-colindex={dayCount + 3} className="ts-cell ts-colhead">
            <span className="visually-hidden">Remove</span>
          </div>
        </div>
      </div>

      <div role="rowgroup" className="ts-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]
          if (!row) return null
          const name = names(row)
          const rowIndex = item.index
          const tab = (col: number) => (rowIndex === r && col === c ? 0 : -1)
          return (
            <div
              key={row.key}
              role="row"
              aria-rowindex={rowIndex + 2}
              className={`ts-row${editing?.r === rowIndex ? ' is-editing' : ''}${rowIndex === r ? ' is-active-row' : ''}`}
              style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
            >
              <div role="rowheader" aria-colindex={1} tabIndex={tab(0)} data-r={rowIndex} data-c={0} className="ts-cell ts-rowhead" onFocus={() => setActive({ r: rowIndex, c: 0 })}>
                <span className="ts-rowhead__item" title={name.full}>
                  {name.reference && <span className="ts-rowhead__ref">{name.reference}</span>}
                  <span className="ts-rowhead__title">{name.title}</span>
                </span>
                <span className="ts-rowhead__meta">
                  {name.activity}
                  {!row.billable && <span className="badge ts-badge">Non-billable</span>}
                </span>
              </div>
              {row.cells.map((cell, i) => {
                const col = i + 1
                const id = cellId(row.key, cell.day)
                const typed = pending.get(id)
                const total = typed ?? cell.totalSeconds
                const isEditing = editing?.r === rowIndex && editing.c === col
                const wasRefused = refused.includes(id)
                const d = days[i]
                const classes = [
                  'ts-cell',
                  'ts-day',
                  d ? dayHeaderClass(d.day, d.weekday).trim() : '',
                  total === 0 ? 'is-zero' : '',
                  typed !== undefined ? 'is-saving' : '',
                  wasRefused ? 'is-refused' : '',
                  inSelection(rowIndex, col) ? 'is-selected' : '',
                  isEditing ? 'is-editing' : '',
                ]
                return (
                  <div
                    key={cell.day}
                    role="gridcell"
                    aria-colindex={col + 1}
                    aria-readonly={locked ? true : undefined}
                    aria-selected={inSelection(rowIndex, col) || undefined}
                    aria-busy={typed !== undefined || undefined}
                    aria-describedby={wasRefused ? refusalId : undefined}
                    tabIndex={isEditing ? -1 : tab(col)}
                    data-r={rowIndex}
                    data-c={col}
                    className={classes.filter(Boolean).join(' ')}
                    onFocus={(event) => {
                      if (event.target !== event.currentTarget) return
                      if (rowIndex !== r || col !== c) setAnchor(null)
                      setActive({ r: rowIndex, c: col })
                    }}
                    onDoubleClick={() => {
                      setActive({ r: rowIndex, c: col })
                      closing.current = false
                      if (!refuseLocked()) setEditing({ r: rowIndex, c: col, text: formatDuration(total, EDIT_UNIT), error: null })
                    }}
                  >
                    {isEditing ? (
                      <>
                        <input
                          ref={editorRef}
                          className="ts-editor"
                          aria-label={`${d ? formatDay(d.day) : ''}, ${name.full}`}
                          value={editing.text}
                          autoComplete="off"
                          spellCheck={false}
                          aria-invalid={editing.error ? true : undefined}
                          aria-describedby={editing.error ? editErrorId : undefined}
                          onChange={(event) => setEditing({ ...editing, text: event.target.value, error: null })}
                          onKeyDown={onEditorKeyDown}
                          onBlur={() => {
                            if (closing.current) return
                            // Clicking elsewhere keeps a good value; a bad one is dropped with the reason shown.
                            if (!editing.error && !commitEditing('none')) return
                            if (editing.error) {
                              onMessage(`"${editing.text.trim()}" was not saved: ${editing.error}.`)
                              setEditing(null)
                            }
                          }}
                        />
                        {editing.error && (
                          <span id={editErrorId} role="alert" className={`ts-edit-error${col > dayCount / 2 ? ' ts-edit-error--end' : ''}`}>
                            {editing.error}
                          </span>
                        )}
                      </>
                    ) : (
                      <>
                        <span className="ts-day__value">{total === 0 && cell.entryCount === 0 ? '' : formatShownDuration(total, unit)}</span>
                        {cell.fixedSeconds > 0 && (
                          <span className="ts-marker ts-marker--timer" title={`${formatShownDuration(cell.fixedSeconds, unit)} from timers`}>
                            <span className="visually-hidden">, {formatShownDuration(cell.fixedSeconds, unit)} from timers</span>
                          </span>
                        )}
                        {cell.note && (
                          <span className="ts-marker ts-marker--note" title={cell.note}>
                            <span className="visually-hidden">, has a note</span>
                          </span>
                        )}
                        {typed !== undefined && <span className="visually-hidden">, saving</span>}
                      </>
                    )}
                  </div>
                )
              })}
              <div role="gridcell" aria-colindex={dayCount + 2} aria-readonly="true" tabIndex={tab(dayCount + 1)} data-r={rowIndex} data-c={dayCount + 1} className="ts-cell ts-total" onFocus={() => setActive({ r: rowIndex, c: dayCount + 1 })}>
                {formatShownDuration(row.cells.reduce((sum, cell) => sum + shownTotal(row, cell), 0), unit)}
              </div>
              <div role="gridcell" aria-colindex={dayCount + 3} data-r={rowIndex} data-c={dayCount + 2} className="ts-cell ts-actions">
                <button
                  type="button"
                  className="ts-remove"
                  tabIndex={tab(dayCount + 2)}
                  aria-label={`Remove row ${name.full}`}
                  aria-disabled={row.totalSeconds > 0 || locked ? true : undefined}
                  title={row.totalSeconds > 0 ? 'Only an empty row can be removed' : 'Remove row'}
                  onFocus={() => setActive({ r: rowIndex, c: dayCount + 2 })}
                  onClick={() => {
                    if (refuseLocked()) return
                    if (row.totalSeconds > 0) onMessage(`${name.full} has time in it. Clear its cells first; only an empty row can be removed.`)
                    else onRemoveRow(row)
                  }}
                >
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
                  </svg>
                </button>
              </div>
            </div>
          )
        })}
      </div>

      <div role="rowgroup" className="ts-foot">
        <div role="row" aria-rowindex={rows.length + 2} className="ts-row ts-row--foot ts-row--total">
          <div role="rowheader" aria-colindex={1} className="ts-cell ts-rowhead">
            Total
          </div>
          {dayTotals.map((total, i) => (
            <div key={days[i]?.day ?? i} role="gridcell" aria-colindex={i + 2} className={`ts-cell ts-day${total === 0 ? ' is-zero' : ''}`}>
              {formatShownDuration(total, unit)}
            </div>
          ))}
          <div role="gridcell" aria-colindex={dayCount + 2} className="ts-cell ts-total">
            {formatShownDuration(periodTotal, unit)}
          </div>
          <div role="gridcell" aria-colindex={dayCount + 3} className="ts-cell" />
        </div>
        <div role="row" aria-rowindex={rows.length + 3} className="ts-row ts-row--foot">
          <div role="rowheader" aria-colindex={1} className="ts-cell ts-rowhead">
            Expected
          </div>
          {days.map((d, i) => (
            <div key={d.day} role="gridcell" aria-colindex={i + 2} className={`ts-cell ts-day ts-muted${d.expectedSeconds === 0 ? ' is-zero' : ''}`}>
              {formatDuration(d.expectedSeconds, unit)}
            </div>
          ))}
          <div role="gridcell" aria-colindex={dayCount + 2} className="ts-cell ts-total ts-muted">
            {formatDuration(expectedTotal, unit)}
          </div>
          <div role="gridcell" aria-colindex={dayCount + 3} className="ts-cell" />
        </div>
        <div role="row" aria-rowindex={rows.length + 4} className="ts-row ts-row--foot">
          <div role="rowheader" aria-colindex={1} className="ts-cell ts-rowhead">
            Difference
          </div>
          {days.map((d, i) => (
            <Difference key={d.day} col={i + 2} seconds={(dayTotals[i] ?? 0) - d.expectedSeconds} unit={unit} />
          ))}
          <Difference col={dayCount + 2} seconds={periodTotal - expectedTotal} unit={unit} total />
          <div role="gridcell" aria-colindex={dayCount + 3} className="ts-cell" />
        </div>
      </div>
    </div>
  )
}

/** Over or under the expected hours: a sign and a word, not colour alone. */
function Difference({ seconds, col, unit, total = false }: { seconds: number; col: number; unit: DurationUnit; total?: boolean }) {
  const minutes = Math.round(seconds / 60)
  const kind = minutes > 0 ? 'over' : minutes < 0 ? 'under' : 'even'
  const text = kind === 'even' ? formatDuration(0, unit) : `${kind === 'over' ? '+' : '\u2212'}${formatDuration(Math.abs(seconds), unit)}`
  return (
    <div role="gridcell" aria-colindex={col} className={`ts-cell ts-day${total ? ' ts-total' : ''} ts-diff ts-diff--${kind}`}>
      {text}
      {kind !== 'even' && <span className="visually-hidden"> {kind}</span>}
    </div>
  )
}
