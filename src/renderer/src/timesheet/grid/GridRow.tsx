// One row of the grid: its name (work item, activity, billable), a cell per day, the row
// total and the remove button. Memoised: a row renders again only when something it
// shows changes (its cells, its typed values, the focus, the selection or the editor).
import { memo } from 'react'
import type { DurationUnit } from '@shared/duration'
import type { Timesheet, TimesheetRow } from '@shared/timesheet'
import { formatDay, formatShownDuration } from '../../format'
import { useT } from '../../i18n/i18n-context'
import type { RowName } from '../row-names'
import { GridCell } from './GridCell'
import type { GridActions } from './grid-actions'
import { HEADER_HEIGHT, dayColumnClass, type Editing } from './grid-model'

interface GridRowProps {
  row: TimesheetRow
  rowIndex: number
  /** Where the virtualiser places the row, from the top of the grid. */
  top: number
  names: (row: TimesheetRow) => RowName
  days: Timesheet['days']
  today: string
  unit: DurationUnit
  locked: boolean
  /** Typed totals on their way to the host, by day; undefined when the row has none. */
  typed: ReadonlyMap<string, number> | undefined
  /** Days the host just refused; undefined when none in this row. */
  refusedDays: ReadonlyMap<string, boolean> | undefined
  refusalId: string | undefined
  /** The column in the tab order when this row holds the active cell, else -1. */
  activeCol: number
  /** The selected day columns in this row (inclusive), or -1 … -1 when none. */
  selectedFrom: number
  selectedTo: number
  /** The editor, when it is open in this row. */
  editing: Editing | null
  editErrorId: string
  actions: GridActions
}

export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { row, rowIndex, top, names, days, today, unit, locked, typed, refusedDays, refusalId, activeCol, selectedFrom, selectedTo, editing, editErrorId, actions } = props
  const { t, locale } = useT()
  const name = names(row)
  const dayCount = days.length
  const tab = (col: number) => (col === activeCol ? 0 : -1)
  const shown = row.cells.map((cell) => typed?.get(cell.day) ?? cell.totalSeconds)
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      className={`ts-row${editing ? ' is-editing' : ''}${activeCol >= 0 ? ' is-active-row' : ''}`}
      style={{ transform: `translateY(${top - HEADER_HEIGHT}px)` }}
    >
      <div role="rowheader" aria-colindex={1} tabIndex={tab(0)} data-r={rowIndex} data-c={0} className="ts-cell ts-rowhead" aria-label={name.spoken} onFocus={() => actions.focusOther(rowIndex, 0)}>
        <span className="ts-rowhead__item" title={name.full}>
          {name.reference && <span className="ts-rowhead__ref">{name.reference}</span>}
          <span className="ts-rowhead__title">{name.title}</span>
        </span>
        <span className="ts-rowhead__meta">
          {name.activity}
          {!row.billable && <span className="badge ts-badge">{t('grid.nonBillable')}</span>}
        </span>
      </div>
      {row.cells.map((cell, i) => {
        const col = i + 1
        const d = days[i]
        const isEditing = editing !== null && editing.c === col
        return (
          <GridCell
            key={cell.day}
            cell={cell}
            rowIndex={rowIndex}
            col={col}
            dayClass={d ? dayColumnClass(d.day, d.weekday, today) : ''}
            typed={typed?.get(cell.day)}
            refused={refusedDays?.has(cell.day) ?? false}
            refusalId={refusalId}
            selected={col >= selectedFrom && col <= selectedTo}
            active={col === activeCol}
            locked={locked}
            unit={unit}
            editing={isEditing ? editing : null}
            editorLabel={isEditing ? `${d ? formatDay(d.day, locale) : ''}, ${name.full}` : ''}
            editErrorId={editErrorId}
            errorAtEnd={col > dayCount / 2}
            actions={actions}
          />
        )
      })}
      <div role="gridcell" aria-colindex={dayCount + 2} aria-readonly="true" tabIndex={tab(dayCount + 1)} data-r={rowIndex} data-c={dayCount + 1} className="ts-cell ts-total" onFocus={() => actions.focusOther(rowIndex, dayCount + 1)}>
        {formatShownDuration(
          shown.reduce((sum, seconds) => sum + seconds, 0),
          unit,
          locale,
        )}
      </div>
      <div role="gridcell" aria-colindex={dayCount + 3} data-r={rowIndex} data-c={dayCount + 2} className="ts-cell ts-actions">
        <button
          type="button"
          className="ts-remove"
          tabIndex={tab(dayCount + 2)}
          aria-label={t('grid.removeRow', { name: name.full })}
          aria-disabled={row.totalSeconds > 0 || locked ? true : undefined}
          title={row.totalSeconds > 0 ? t('grid.onlyEmptyRemoved') : t('grid.removeRowTitle')}
          onFocus={() => actions.focusOther(rowIndex, dayCount + 2)}
          onClick={() => actions.removeRow(row, name.full)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </div>
    </div>
  )
})
