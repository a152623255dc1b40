// The period timesheet: navigate periods, fill the grid from the keyboard, paste from a
// spreadsheet, see what timers booked, add and remove rows. Every change is saved by the
// host (SQLite) before it is shown as saved; a submitted or approved period is read-only.
import { useCallback, useId, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { addDays, isValidDay } from '@shared/periods'
import { rowKeyId, type PeriodStatus, type RowKey, type TimesheetRow } from '@shared/timesheet'
import { useClient } from '../client-context'
import { todayLocal } from '../format'
import { AddRowDialog } from '../timesheet/AddRowDialog'
import { CellDetailsDialog } from '../timesheet/CellDetailsDialog'
import { PeriodHistory } from '../timesheet/PeriodHistory'
import { PeriodStatusBanner } from '../timesheet/PeriodStatusBanner'
import { ReopenDialog } from '../timesheet/ReopenDialog'
import { rowNamer } from '../timesheet/row-names'
import { TimesheetGrid, type CellAddress } from '../timesheet/TimesheetGrid'
import { SubmitDialog } from '../timesheet/SubmitDialog'
import { useDisplayUnit } from '../timesheet/use-timesheet-settings'
import { useTimesheet } from '../timesheet/use-timesheet'
import { useSyncStatus } from '../sync/use-sync-status'
import { StepNav } from '../ui/StepNav'
import type { WorkStore } from '../work/work-store'
import { endSentence } from '@shared/sentence'
import '../timesheet/timesheet.css'

const STATUS_LABELS: Record<PeriodStatus, string> = { open: 'Open', submitted: 'Submitted', approved: 'Approved', rejected: 'Rejected' }

/** Why the Submit button does nothing for a period in this status, or null when it can be submitted. */
const NOT_SUBMITTABLE: Partial<Record<PeriodStatus, string>> = {
  submitted: 'This period is already submitted and waiting for approval.',
  approved: 'This period is already approved and locked.',
}

interface TimesheetViewProps {
  work: WorkStore
  today?: string
  /** The day whose period opens first (from #timesheet/YYYY-MM-DD); today's period without it. */
  day?: string | null
}

export function TimesheetView({ work, today = todayLocal(), day = null }: TimesheetViewProps) {
  const client = useClient()
  const id = useId()
  const { workItems, activityTypes } = useStore(work)
  const model = useTimesheet(client, day && isValidDay(day) ? day : today)
  const unit = useDisplayUnit(client)
  const sync = useSyncStatus(client).status
  const { sheet, save, hostError } = model
  const [message, setMessage] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const [details, setDetails] = useState<CellAddress | null>(null)
  const [active, setActive] = useState<CellAddress | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [reopening, setReopening] = useState(false)
  const [moving, setMoving] = useState(false)
  const [focusRequest, setFocusRequest] = useState<{ rowKey: string; seq: number } | undefined>(undefined)
  const gridWrap = useRef<HTMLDivElement>(null)

  const names = useMemo(() => rowNamer(workItems, activityTypes), [workItems, activityTypes])
  const locked = sheet?.lockedReason ?? null
  const titleId = `${id}-period`
  const refusalId = `${id}-refusal`
  const lockId = `${id}-lock`
  const mode = sync ? (sync.state === 'standalone' ? 'standalone' : 'server') : null
  const notSubmittable = sheet ? (NOT_SUBMITTABLE[sheet.status] ?? null) : 'The period is still loading.'

  const focusGrid = () => requestAnimationFrame(() => gridWrap.current?.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')?.focus())

  const { canUndo, undo: undoLast } = model
  const undo = useCallback(() => {
    if (!canUndo) {
      setMessage('There is nothing to undo in this period.')
      return
    }
    void undoLast().then((done) => done && setAnnouncement(done))
  }, [canUndo, undoLast])

  const addRow = async (row: RowKey): Promise<string | null> => {
    const ok = await model.addRow(row)
    if (!ok) return 'That row could not be added; see the message on the page.'
    setAdding(false)
    setAnnouncement(endSentence(`Added row ${names(row).full}`))
    setFocusRequest((current) => ({ rowKey: rowKeyId(row), seq: (current?.seq ?? 0) + 1 }))
    return null
  }

  const removeRow = (row: TimesheetRow) => {
    void model.removeRow(row).then((ok) => {
      if (ok) setAnnouncement(endSentence(`Removed row ${names(row).full}`))
      focusGrid()
    })
  }

  const copyRows = () => {
    void model.copyPreviousRows().then((ok) => ok && setAnnouncement('Rows copied from the previous period.'))
  }

  const { periodMove } = model
  const submit = async (): Promise<string | null> => {
    const problem = await periodMove((day) => client.timesheet.submit({ day }))
    if (problem) return problem
    setSubmitting(false)
    setAnnouncement(mode === 'standalone' ? 'Submitted: the period is approved and locked.' : 'Submitted for approval: the period is read-only while it waits.')
    return null
  }

  const withdraw = async () => {
    if (moving) return
    setMoving(true)
    setMessage(null)
    const problem = await periodMove((day) => client.timesheet.withdraw({ day }))
    setMoving(false)
    if (problem) setMessage(problem)
    else {
      setAnnouncement('Submission withdrawn: the period is open again.')
      focusGrid() // the button went with the banner
    }
  }

  const reopen = async (reason: string): Promise<string | null> => {
    const problem = await periodMove((day) => client.timesheet.reopen({ day, reason }))
    if (problem) return problem
    setReopening(false)
    setAnnouncement('Reopened: the period can be edited again.')
    focusGrid()
    return null
  }

  const saveText = save.state === 'saving' ? 'Saving…' : save.state === 'saved' ? 'All changes saved' : save.state === 'failed' ? 'Not saved' : ''
  const notAllowed = locked !== null || undefined

  return (
    <section className="view view--wide" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`}>Timesheet</h1>
          <p className="view__subtitle">
            Type to fill a cell, <kbd>Enter</kbd> or <kbd>Tab</kbd> to save and move, <kbd>Alt</kbd>+<kbd>Enter</kbd> for a cell’s details.
          </p>
        </div>
        <div className="view__tools">
          <p className={`ts-save ts-save--${save.state}`} role="status" aria-live="polite">
            {saveText}
          </p>
        </div>
      </header>

      <div className="ts-bar">
        <div className="ts-period">
          <h2 id={titleId} className="ts-period__label">
            {sheet?.label ?? 'Loading…'}
          </h2>
          {sheet && <span className={`badge ts-status ts-status--${sheet.status}`}>{STATUS_LABELS[sheet.status]}</span>}
          <button
            type="button"
            className="button button--start button--compact ts-submit"
            aria-disabled={notSubmittable !== null || undefined}
            aria-describedby={sheet && notSubmittable ? lockId : undefined}
            onClick={() => {
              if (notSubmittable) setMessage(notSubmittable)
              else {
                setMessage(null)
                setSubmitting(true)
              }
            }}
          >
            Submit period…
          </button>
        </div>
        <StepNav
          label="Periods"
          unit="period"
          dateLabel="Go to the period containing"
          day={model.day}
          todayShown={sheet !== null && today >= sheet.start && today <= sheet.end}
          onStep={(direction) => sheet && model.goTo(direction < 0 ? addDays(sheet.start, -1) : addDays(sheet.end, 1))}
          onToday={() => model.goTo(today)}
          onGoTo={model.goTo}
        />
      </div>

      {sheet && (
        <PeriodStatusBanner
          sheet={sheet}
          mode={mode}
          reasonId={lockId}
          busy={moving}
          onWithdraw={() => void withdraw()}
          onReopen={() => {
            setMessage(null)
            setReopening(true)
          }}
        />
      )}
      {model.loadError && (
        <div className="banner banner--error" role="alert">
          <span>The timesheet could not be loaded: {model.loadError}</span>
          <button type="button" className="button button--ghost" onClick={() => void model.reload()}>
            Try again
          </button>
        </div>
      )}

      <div className="ts-toolbar">
        <button type="button" className="button button--start button--compact" aria-disabled={notAllowed} onClick={() => (locked ? setMessage(`${locked} Rows cannot be added.`) : setAdding(true))}>
          Add row
        </button>
        <button type="button" className="button button--secondary button--compact" aria-disabled={notAllowed} onClick={() => (locked ? setMessage(`${locked} Rows cannot be added.`) : copyRows())}>
          Copy rows from previous period
        </button>
        <span className="ts-toolbar__spacer" />
        <button
          type="button"
          className="button button--secondary button--compact"
          aria-disabled={active === null || undefined}
          aria-keyshortcuts="Alt+Enter"
          onClick={() => (active ? setDetails(active) : setMessage('Move to a day cell first; Details shows what that cell is made of.'))}
        >
          Details
        </button>
        <button type="button" className="button button--secondary button--compact" aria-disabled={!model.canUndo || notAllowed} aria-keyshortcuts="Control+Z Meta+Z" onClick={undo}>
          Undo
        </button>
      </div>

      {(message || hostError) && (
        <div className="banner banner--error ts-message" role="alert" id={hostError ? refusalId : undefined}>
          <span>{hostError ? hostError.message : message}</span>
          <button
            type="button"
            className="button button--ghost button--compact"
            onClick={() => {
              setMessage(null)
              model.dismissError()
              focusGrid()
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      <div className="panel ts-panel" ref={gridWrap}>
        {sheet && (
          <TimesheetGrid
            sheet={sheet}
            unit={unit}
            pending={model.pending}
            refused={hostError?.cells ?? []}
            refusalId={hostError ? refusalId : undefined}
            names={names}
            today={today}
            labelledBy={titleId}
            onSetCells={(changes, options) => {
              setMessage(null)
              return model.setCells(changes, { quiet: options?.fromEditor === true })
            }}
            onUndo={undo}
            onDetails={setDetails}
            onRemoveRow={removeRow}
            onMessage={setMessage}
            onActiveChange={setActive}
            focusRequest={focusRequest}
          />
        )}
        {sheet && sheet.rows.length === 0 && (
          <p className="empty ts-empty">
            {locked ? 'No time was booked in this period.' : 'No rows yet. Add a row, copy the rows of the previous period, or stop a timer: its time shows up here.'}
          </p>
        )}
      </div>
      {sheet && <PeriodHistory history={sheet.history} />}
      <p className="ts-help">
        <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Shift</kbd>+arrows select · <kbd>Enter</kbd>/<kbd>F2</kbd> edit · <kbd>Esc</kbd> cancel · <kbd>Delete</kbd> clears typed time ·{' '}
        <kbd>+0:30</kbd>/<kbd>-0:15</kbd> add or subtract · <kbd>Ctrl</kbd>+<kbd>C</kbd>/<kbd>V</kbd> copy and paste blocks · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo
      </p>

      {submitting && sheet && (
        <SubmitDialog day={sheet.start} label={sheet.label} unit={unit} sync={sync} onConfirm={submit} onClose={() => setSubmitting(false)} />
      )}
      {reopening && sheet && <ReopenDialog label={sheet.label} onConfirm={reopen} onClose={() => setReopening(false)} />}
      {adding && <AddRowDialog workItems={workItems} activityTypes={activityTypes} rows={sheet?.rows ?? []} onAdd={addRow} onClose={() => setAdding(false)} />}
      {details && (
        <CellDetailsDialog
          cell={details}
          rowName={names(details.row).full}
          locked={locked}
          onChanged={() => void model.reload()}
          onClose={() => {
            setDetails(null)
            focusGrid()
          }}
        />
      )}
    </section>
  )
}
