// The grid's rows, virtualised: only the rows in view (and a few either side) are in the
// page, plus the active row, so the focus never falls out of it. Each row gets only what
// it shows, so a memoised row skips rendering when nothing of its own changed.
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Rect, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, type RefObject } from 'react'
import type { DurationUnit } from '@shared/duration'
import type { Timesheet, TimesheetRow } from '@shared/timesheet'
import type { RowName } from '../row-names'
import { cellId } from '../use-timesheet'
import { GridRow } from './GridRow'
import type { GridActions } from './grid-actions'
import { HEADER_HEIGHT, ROW_HEIGHT, type Editing, type Position, type Selection } from './grid-model'

interface GridBodyProps {
  scrollRef: RefObject<HTMLDivElement | null>
  rows: readonly TimesheetRow[]
  days: Timesheet['days']
  r: number
  c: number
  anchor: Position | null
  selection: Selection
  editing: Editing | null
  pending: ReadonlyMap<string, number>
  refused: readonly string[]
  refusalId: string | undefined
  names: (row: TimesheetRow) => RowName
  today: string
  unit: DurationUnit
  locked: boolean
  editErrorId: string
  actions: GridActions
}

/** happy-dom and hidden windows measure 0 × 0; render a screenful rather than nothing. */
function observeWithFallback(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 1000, height: 640 }))
}

export function GridBody(props: GridBodyProps) {
  const { scrollRef, rows, days, r, c, anchor, selection, editing, pending, refused, refusalId, names, today, unit, locked, editErrorId, actions } = props

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

  return (
    <div role="rowgroup" className="ts-body" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index]
        if (!row) return null
        const rowIndex = item.index
        const inBlock = anchor !== null && rowIndex >= selection.top && rowIndex <= selection.bottom
        const rowTyped = new Map<string, number>()
        for (const cell of row.cells) {
          const typed = pending.get(cellId(row.key, cell.day))
          if (typed !== undefined) rowTyped.set(cell.day, typed)
        }
        const refusedDays = row.cells.filter((cell) => refused.includes(cellId(row.key, cell.day))).map((cell) => cell.day)
        return (
          <GridRow
            key={row.key}
            row={row}
            rowIndex={rowIndex}
            top={item.start}
            names={names}
            days={days}
            today={today}
            unit={unit}
            locked={locked}
            typed={rowTyped.size > 0 ? rowTyped : undefined}
            refusedDays={refusedDays.length > 0 ? refusedDays : undefined}
            refusalId={refusalId}
            activeCol={rowIndex === r ? c : -1}
            selectedFrom={inBlock ? selection.left : -1}
            selectedTo={inBlock ? selection.right : -1}
            editing={editing?.r === rowIndex ? editing : null}
            editErrorId={editErrorId}
            actions={actions}
          />
        )
      })}
    </div>
  )
}
