// The grid's rows, virtualised: only the rows in view (and a few either side) are in the
// page, plus the active row, so the focus never falls out of it. Each row gets only what
// it shows, so a memoised row skips rendering when nothing of its own changed.
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Rect, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useMemo, type RefObject } from 'react'
import type { DurationUnit } from '@shared/duration'
import type { Timesheet, TimesheetRow } from '@shared/timesheet'
import type { RowName } from '../row-names'
import { splitCellId } from '../use-timesheet'
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

/** Values keyed by cellId ("rowKey@day"), grouped by row key, then day. */
function byRow<T>(byCell: ReadonlyMap<string, T>): Map<string, Map<string, T>> {
  const rows = new Map<string, Map<string, T>>()
  for (const [id, value] of byCell) {
    const { rowKey, day } = splitCellId(id)
    let days = rows.get(rowKey)
    if (!days) rows.set(rowKey, (days = new Map<string, T>()))
    days.set(day, value)
  }
  return rows
}

export function GridBody(props: GridBodyProps) {
  const { scrollRef, rows, days, r, c, anchor, selection, editing, pending, refused, refusalId, names, today, unit, locked, editErrorId, actions } = props

  // Per row, so a row's props change only when its own typed values or refusals do.
  const typedByRow = useMemo(() => byRow(pending), [pending])
  const refusedByRow = useMemo(() => byRow(new Map(refused.map((id) => [id, true]))), [refused])

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
            typed={typedByRow.get(row.key)}
            refusedDays={refusedByRow.get(row.key)}
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
