// What one cell is made of: its entries (timer runs with their times, typed time) and a
// note for the cell. In an open period each entry can be changed or deleted here (see
// CellEntryEditor); in a locked one everything is read-only and the lock says why.
// Opened with the Details button or Alt+Enter / Ctrl+Enter on a cell. Everything is
// saved by the host before it is shown saved; a refusal is shown with its reason.
import { useEffect, useId, useState } from 'react'
import type { TicketWriteStatus } from '@shared/ticket-systems/write-status'
import type { CellDetails, CellEntry, RowKey } from '@shared/timesheet'
import { useClient } from '../client-context'
import { formatDay, formatShownDuration } from '../format'
import { useT } from '../i18n/i18n-context'
import { lockSentence } from '../i18n/lock-sentence'
import { Dialog } from '../ui/Dialog'
import { AddTimeForm } from './AddTimeForm'
import { CellEntryEditor, type EntryEdits } from './CellEntryEditor'
import { TicketWriteNote } from './TicketWriteNote'
import { useDayOverlaps } from './use-day-overlaps'
import { useTicketWrites } from './use-ticket-writes'
import { toRowKey } from './use-timesheet'
import './cell-details.css'

interface CellDetailsDialogProps {
  /** The grid's cell, or any day and row (the Calendar opens it for a block's entry). */
  cell: { day: string; row: RowKey }
  rowName: string
  locked: string | null
  onChanged: () => void
  onClose: () => void
}

/** A key that changes with what the host stored, so an editor starts afresh after a saved change (and keeps what was typed after a refusal). */
const stored = (e: CellEntry) => `${e.id}:${e.rawSeconds}:${e.roundedSeconds}:${e.description}:${e.ranges.map((r) => `${r.startedAt}-${r.endedAt}`).join(',')}`

export function CellDetailsDialog({ cell, rowName, locked, onChanged, onClose }: CellDetailsDialogProps) {
  const client = useClient()
  const translator = useT()
  const { t, locale } = translator
  const id = useId()
  const [details, setDetails] = useState<CellDetails | null>(null)
  const [note, setNote] = useState('')
  const [status, setStatus] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const row = toRowKey(cell.row)

  useEffect(() => {
    let live = true
    client.timesheet.cellDetails({ day: cell.day, row: toRowKey(cell.row) }).then(
      (loaded) => {
        if (!live) return
        setDetails(loaded)
        setNote(loaded.note ?? '')
      },
      (error: unknown) => live && setProblem((error as Error).message),
    )
    return () => {
      live = false
    }
  }, [client, cell])

  /** One change sent to the host; the cell as it answers is shown, or its refusal. */
  const save = async (done: string, call: () => Promise<CellDetails>) => {
    setProblem(null)
    setStatus(t('details.saving'))
    try {
      setDetails(await call())
      setStatus(done)
      onChanged()
    } catch (error) {
      // The refusal says what was wrong and that nothing changed; the typed values stay.
      setStatus('')
      setProblem((error as Error).message)
    }
  }

  const saveNote = () =>
    save(t('details.noteSaved'), async () => {
      const saved = await client.timesheet.setCellNote({ day: cell.day, row, note })
      setNote(saved.note ?? '')
      return saved
    })

  const writes = useTicketWrites(cell.day)
  const overlaps = useDayOverlaps(cell.day, Intl.DateTimeFormat().resolvedOptions().timeZone, translator)

  const edits: EntryEdits & { refuseAsSaid: (message: string) => void } = {
    describe: (entry, description) =>
      void save(t('details.descriptionSaved'), async () => {
        await client.timesheet.describeEntry({ id: entry.id, description })
        return client.timesheet.cellDetails({ day: cell.day, row })
      }),
    setDuration: (entry, seconds) => void save(t('details.durationSaved'), () => client.timesheet.setEntryDuration({ id: entry.id, seconds })),
    setRuns: (entry, runs) => void save(t('details.runsSaved'), () => client.timesheet.setEntryRuns({ id: entry.id, runs })),
    remove: (entry) => void save(t('details.entryDeleted'), () => client.timesheet.deleteEntry({ id: entry.id })),
    continue: (entry) =>
      void client.timers.continue({ entryId: entry.id }).then(
        (timer) => setStatus(t('details.running', { timer: timer.label })),
        (error: unknown) => setProblem((error as Error).message),
      ),
    refuse: (message) => {
      setStatus('')
      setProblem(t('details.nothingChanged', { message }))
    },
    refuseAsSaid: (message) => {
      setStatus('')
      setProblem(message)
    },
  }

  // The host's answer says which lock the cell is under; until it comes, the view's (its period's).
  const lockedReason = lockSentence(details?.lock ?? null, translator) ?? locked
  const entries = details?.entries.filter((e) => e.source !== 'grid' || e.roundedSeconds > 0) ?? []

  return (
    <Dialog
      title={t('details.title', { day: formatDay(cell.day, locale) })}
      description={rowName}
      onClose={onClose}
      actions={
        <>
          <p className="ts-details__status" role="status">
            {status}
          </p>
          <button type="button" className="button button--secondary" data-autofocus onClick={onClose}>
            {t('details.close')}
          </button>
        </>
      }
    >
      <div className="form">
        {lockedReason && <p className="note">{t('details.locked', { reason: lockedReason })}</p>}
        {details === null && !problem && <p className="muted">{t('details.loading')}</p>}
        {details && entries.length === 0 && <p className="muted">{t('details.empty')}</p>}
        {entries.length > 0 && (
          <ul className="cell-entries" aria-label={t('details.entries')}>
            {entries.map((entry) => (
              <CellEntryEditor
                key={stored(entry)}
                entry={entry}
                readOnly={lockedReason !== null}
                edits={edits}
                overlaps={overlaps.get(entry.id)}
                writeBack={writes.has(entry.id) && <TicketWriteNote status={writes.get(entry.id) as TicketWriteStatus} onProblem={edits.refuseAsSaid} />}
              />
            ))}
          </ul>
        )}
        {(details?.overlappedSeconds ?? 0) > 0 && (
          <p className="ts-details__overlap">
            <strong>{t('details.overlapped', { duration: formatShownDuration(details?.overlappedSeconds ?? 0) })}</strong> <span className="muted">{t('details.overlappedExplained')}</span>
          </p>
        )}
        {!lockedReason && details && <AddTimeForm day={cell.day} row={row} onAdded={() => void save(t('details.timeAdded'), () => client.timesheet.cellDetails({ day: cell.day, row }))} onProblem={edits.refuseAsSaid} />}
        {problem && (
          <div className="banner banner--error" role="alert">
            <span>{problem}</span>
          </div>
        )}
        <label className="field" htmlFor={`${id}-note`}>
          <span>{t('details.note')}</span>
          <textarea id={`${id}-note`} rows={3} maxLength={2000} value={note} readOnly={lockedReason !== null} onChange={(e) => setNote(e.target.value)} />
        </label>
        {!lockedReason && (
          <div>
            <button
              type="button"
              className="button button--secondary button--compact"
              onClick={() => void saveNote()}
              aria-disabled={note.trim() === (details?.note ?? '') || undefined}
            >
              {t('details.saveNote')}
            </button>
          </div>
        )}
      </div>
    </Dialog>
  )
}
