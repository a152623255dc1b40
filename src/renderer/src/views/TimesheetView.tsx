// The period timesheet: navigate periods, fill the grid from the keyboard, paste from a
// spreadsheet, see what timers booked, add and remove rows. Every change is saved by the
// host (SQLite) before it is shown as saved; a submitted or approved period is read-only.
import { useCallback, useId, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { isValidDay } from '@shared/periods'
import type { MessageId } from '@shared/i18n/catalogue'
import { rowKeyId, type PeriodStatus, type RowKey, type TimesheetRow } from '@shared/timesheet'
import { useClient } from '../client-context'
import { todayLocal } from '../format'
import { AddRowDialog } from '../timesheet/AddRowDialog'
import { CellDetailsDialog } from '../timesheet/CellDetailsDialog'
import { PeriodBar } from '../timesheet/PeriodBar'
import { PeriodHistory } from '../timesheet/PeriodHistory'
import { PeriodStatusBanner } from '../timesheet/PeriodStatusBanner'
import { ReopenDialog } from '../timesheet/ReopenDialog'
import { rowNamer } from '../timesheet/row-names'
import { TimesheetGrid, type CellAddress } from '../timesheet/TimesheetGrid'
import { SubmitDialog } from '../timesheet/SubmitDialog'
import { TimesheetKeysHelp, TimesheetToolbar } from '../timesheet/TimesheetToolbar'
import { usePrintPdf } from '../timesheet/use-print-pdf'
import { useDisplayUnit } from '../timesheet/use-timesheet-settings'
import { usePeriodMoves } from '../timesheet/use-period-moves'
import { useTimesheet } from '../timesheet/use-timesheet'
import { useSyncStatus } from '../sync/use-sync-status'
import type { WorkStore } from '../work/work-store'
import { endSentence } from '@shared/sentence'
import { useT } from '../i18n/i18n-context'
import { sentenceWithKeys } from '../i18n/sentence-with'
import { lockSentence } from '../i18n/lock-sentence'
import { periodHeading } from '@shared/period-heading'
import '../timesheet/timesheet.css'

/** Why the Submit button does nothing for a period in this status, or null when it can be submitted. */
const NOT_SUBMITTABLE: Partial<Record<PeriodStatus, MessageId>> = {
  submitted: 'timesheet.alreadySubmitted',
  approved: 'timesheet.alreadyApproved',
}

interface TimesheetViewProps {
  work: WorkStore
  today?: string
  /** The day whose period opens first (from #timesheet/YYYY-MM-DD); today's period without it. */
  day?: string | null
}

export function TimesheetView({ work, today = todayLocal(), day = null }: TimesheetViewProps) {
  const client = useClient()
  const translator = useT()
  const { t } = translator
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
  const [focusRequest, setFocusRequest] = useState<{ rowKey: string; seq: number } | undefined>(undefined)
  const gridWrap = useRef<HTMLDivElement>(null)

  const names = useMemo(() => rowNamer(workItems, activityTypes, translator), [workItems, activityTypes, translator])
  const titleId = `${id}-period`
  const refusalId = `${id}-refusal`
  const lockId = `${id}-lock`
  const mode = sync ? (sync.state === 'standalone' ? 'standalone' : 'server') : null
  const locked = sheet ? lockSentence(sheet.lock, translator) : null
  const notSubmittableId = sheet ? (NOT_SUBMITTABLE[sheet.status] ?? null) : 'timesheet.stillLoading'
  const notSubmittable = notSubmittableId === null ? null : t(notSubmittableId)

  const focusGrid = () => requestAnimationFrame(() => gridWrap.current?.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')?.focus())

  const { canUndo, undo: undoLast } = model
  const undo = useCallback(() => {
    if (!canUndo) {
      setMessage(t('timesheet.nothingToUndo'))
      return
    }
    void undoLast().then((done) => done && setAnnouncement(done))
  }, [canUndo, undoLast, t])

  const addRow = async (row: RowKey): Promise<string | null> => {
    const ok = await model.addRow(row)
    if (!ok) return t('timesheet.rowNotAdded')
    setAdding(false)
    setAnnouncement(endSentence(t('timesheet.rowAdded', { name: names(row).full })))
    setFocusRequest((current) => ({ rowKey: rowKeyId(row), seq: (current?.seq ?? 0) + 1 }))
    return null
  }

  const removeRow = (row: TimesheetRow) => {
    void model.removeRow(row).then((ok) => {
      if (ok) setAnnouncement(endSentence(t('timesheet.rowRemoved', { name: names(row).full })))
      focusGrid()
    })
  }

  const copyRows = () => {
    void model.copyPreviousRows().then((ok) => ok && setAnnouncement(t('timesheet.rowsCopied')))
  }

  const pdf = usePrintPdf({ client, day: sheet?.start ?? null, announce: setAnnouncement, showMessage: setMessage })
  const { submitting, setSubmitting, reopening, setReopening, moving, submit, withdraw, reopen } = usePeriodMoves({ client, periodMove: model.periodMove, mode, announce: setAnnouncement, showMessage: setMessage, focusGrid })

  const saveText = save.state === 'saving' ? t('timesheet.saving') : save.state === 'saved' ? t('timesheet.allSaved') : save.state === 'failed' ? t('timesheet.notSaved') : ''
  const label = sheet ? periodHeading(sheet, translator) : ''

  return (
    <section className="view view--wide" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`}>{t('timesheet.title')}</h1>
          <p className="view__subtitle">{sentenceWithKeys(t, 'timesheet.subtitle', { enter: 'Enter', tab: 'Tab', alt: 'Alt' })}</p>
        </div>
        <div className="view__tools">
          <p className={`ts-save ts-save--${save.state}`} role="status" aria-live="polite">
            {saveText}
          </p>
        </div>
      </header>

      <PeriodBar
        sheet={sheet}
        label={label}
        titleId={titleId}
        lockId={lockId}
        notSubmittable={notSubmittable}
        day={model.day}
        today={today}
        onGoTo={model.goTo}
        onSubmit={() => {
          if (notSubmittable) setMessage(notSubmittable)
          else {
            setMessage(null)
            setSubmitting(true)
          }
        }}
      />

      {sheet && (
        <PeriodStatusBanner
          sheet={sheet}
          lockedReason={locked}
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
          <span>{t('timesheet.loadFailed', { reason: model.loadError })}</span>
          <button type="button" className="button button--ghost" onClick={() => void model.reload()}>
            {t('timesheet.tryAgain')}
          </button>
        </div>
      )}

      <TimesheetToolbar
        locked={locked}
        hasActiveCell={active !== null}
        canUndo={model.canUndo}
        onAddRow={() => setAdding(true)}
        onCopyRows={copyRows}
        onDetails={() => active && setDetails(active)}
        onUndo={undo}
        onMessage={setMessage}
        printing={pdf.printing}
        onPrint={pdf.print}
      />

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
            {t('timesheet.dismiss')}
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
            lockedReason={locked}
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
            {locked ? t('timesheet.emptyLocked') : t('timesheet.empty')}
          </p>
        )}
      </div>
      {sheet && <PeriodHistory history={sheet.history} />}
      <TimesheetKeysHelp />

      {submitting && sheet && (
        <SubmitDialog day={sheet.start} label={label} unit={unit} sync={sync} onConfirm={submit} onClose={() => setSubmitting(false)} />
      )}
      {reopening && sheet && <ReopenDialog label={label} onConfirm={reopen} onClose={() => setReopening(false)} />}
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
