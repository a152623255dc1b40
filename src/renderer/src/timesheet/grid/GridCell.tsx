// One day cell of a row: the shown total with its markers (timer time, a note, saving),
// or, while it is being edited, the editor with the reason a value was refused.
import { memo } from 'react'
import type { DurationUnit } from '@shared/duration'
import type { TimesheetCell } from '@shared/timesheet'
import { formatShownDuration } from '../../format'
import { useT } from '../../i18n/i18n-context'
import type { GridActions } from './grid-actions'
import type { Editing } from './grid-model'
import './grid.css'
import './editor.css'

interface GridCellProps {
  cell: TimesheetCell
  rowIndex: number
  col: number
  /** Weekend and today, as the column header marks them. */
  dayClass: string
  /** A typed total on its way to the host, shown instead of the saved one. */
  typed: number | undefined
  refused: boolean
  refusalId: string | undefined
  selected: boolean
  /** Whether this cell is the one in the tab order (roving tabindex). */
  active: boolean
  locked: boolean
  unit: DurationUnit
  /** The editor, when it is open on this cell. */
  editing: Editing | null
  /** The editor's accessible name: the day and the row. */
  editorLabel: string
  editErrorId: string
  /** Puts a refusal on the start side, so it stays inside the grid on the last days. */
  errorAtEnd: boolean
  actions: GridActions
}

export const GridCell = memo(function GridCell(props: GridCellProps) {
  const { cell, rowIndex, col, dayClass, typed, refused, refusalId, selected, active, locked, unit, editing, editorLabel, editErrorId, errorAtEnd, actions } = props
  const { t, locale } = useT()
  const total = typed ?? cell.totalSeconds
  const timerTime = formatShownDuration(cell.fixedSeconds, unit, locale)
  // Said as one phrase ("0:15, of which 0:15 from timers, has a note"): the parts are separate
  // elements, which a browser would otherwise run together into one word.
  const empty = total === 0 && cell.entryCount === 0
  const spoken = [
    formatShownDuration(total, unit, locale),
    cell.fixedSeconds > 0 ? t('grid.ofWhichFromTimers', { duration: timerTime }) : null,
    cell.note ? t('grid.hasNote') : null,
    typed !== undefined ? t('grid.saving') : null,
  ]
    .filter(Boolean)
    .join(', ')
  const classes = ['ts-cell', 'ts-day', dayClass.trim(), total === 0 ? 'is-zero' : '', typed !== undefined ? 'is-saving' : '', refused ? 'is-refused' : '', selected ? 'is-selected' : '', editing ? 'is-editing' : '']
  return (
    <div
      role="gridcell"
      aria-colindex={col + 1}
      aria-label={editing || empty ? undefined : spoken}
      aria-readonly={locked ? true : undefined}
      aria-selected={selected || undefined}
      aria-busy={typed !== undefined || undefined}
      aria-describedby={refused ? refusalId : undefined}
      tabIndex={editing ? -1 : active ? 0 : -1}
      data-r={rowIndex}
      data-c={col}
      className={classes.filter(Boolean).join(' ')}
      onFocus={(event) => {
        if (event.target === event.currentTarget) actions.focusDay(rowIndex, col)
      }}
      onDoubleClick={() => actions.editAt(rowIndex, col, total)}
    >
      {editing ? (
        <>
          <input
            className="ts-editor"
            aria-label={editorLabel}
            value={editing.text}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={editing.error ? true : undefined}
            aria-describedby={editing.error ? editErrorId : undefined}
            onChange={(event) => actions.editorChange(event.target.value)}
            onKeyDown={actions.editorKeyDown}
            onBlur={actions.editorBlur}
          />
          {editing.error && (
            <span id={editErrorId} role="alert" className={`ts-edit-error${errorAtEnd ? ' ts-edit-error--end' : ''}`}>
              {editing.error}
            </span>
          )}
        </>
      ) : (
        <>
          <span className="ts-day__value">{empty ? '' : formatShownDuration(total, unit, locale)}</span>
          {cell.fixedSeconds > 0 && (
            <span className="ts-marker ts-marker--timer" title={t('grid.fromTimers', { duration: timerTime })}>
              <span className="visually-hidden">, {t('grid.ofWhichFromTimers', { duration: timerTime })}</span>
            </span>
          )}
          {cell.note && (
            <span className="ts-marker ts-marker--note" title={cell.note}>
              <span className="visually-hidden">, {t('grid.hasNote')}</span>
            </span>
          )}
          {typed !== undefined && <span className="visually-hidden">, {t('grid.saving')}</span>}
        </>
      )}
    </div>
  )
})
