// What one cell is made of: its entries (timer runs with their times, typed time), each
// description editable, and a note for the cell. Opened with the Details button or
// Alt+Enter / Ctrl+Enter on a cell. Everything is saved by the host before it is shown saved.
import { useEffect, useId, useState } from 'react'
import type { TimeEntry } from '@shared/entries'
import type { CellDetails } from '@shared/timesheet'
import { useClient } from '../client-context'
import { formatDuration } from '@shared/duration'
import { formatDay, formatTime } from '../format'
import { Dialog } from '../ui/Dialog'
import type { CellAddress } from './TimesheetGrid'
import { toRowKey } from './use-timesheet'

const SOURCE_LABELS: Record<TimeEntry['source'], string> = { timer: 'Timer', grid: 'Typed in the grid', manual: 'Manual entry' }

interface CellDetailsDialogProps {
  cell: CellAddress
  rowName: string
  locked: string | null
  onChanged: () => void
  onClose: () => void
}

export function CellDetailsDialog({ cell, rowName, locked, onChanged, onClose }: CellDetailsDialogProps) {
  const client = useClient()
  const id = useId()
  const [details, setDetails] = useState<CellDetails | null>(null)
  const [note, setNote] = useState('')
  const [status, setStatus] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

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

  const saveNote = async () => {
    setProblem(null)
    setStatus('Saving…')
    try {
      const saved = await client.timesheet.setCellNote({ day: cell.day, row: toRowKey(cell.row), note })
      setDetails(saved)
      setNote(saved.note ?? '')
      setStatus('Note saved')
      onChanged()
    } catch (error) {
      setStatus('')
      setProblem((error as Error).message)
    }
  }

  const describe = async (entry: TimeEntry, description: string) => {
    if (description.trim() === entry.description) return
    setProblem(null)
    setStatus('Saving…')
    try {
      await client.timesheet.describeEntry({ id: entry.id, description })
      const reloaded = await client.timesheet.cellDetails({ day: cell.day, row: toRowKey(cell.row) })
      setDetails(reloaded)
      setStatus('Description saved')
      onChanged()
    } catch (error) {
      setStatus('')
      setProblem((error as Error).message)
    }
  }

  const entries = details?.entries.filter((e) => e.source !== 'grid' || e.roundedSeconds > 0) ?? []

  return (
    <Dialog
      title={`${formatDay(cell.day)} · details`}
      description={rowName}
      onClose={onClose}
      actions={
        <>
          <p className="ts-details__status" role="status">
            {status}
          </p>
          <button type="button" className="button button--secondary" data-autofocus onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <div className="form">
        {locked && <p className="note">{locked} Entries and notes cannot be changed.</p>}
        {details === null && !problem && <p className="muted">Loading…</p>}
        {details && entries.length === 0 && <p className="muted">No time in this cell yet.</p>}
        {entries.length > 0 && (
          <table className="table ts-details__table">
            <caption className="visually-hidden">Entries in this cell</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Time</th>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Duration
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className="table__nowrap">
                    {SOURCE_LABELS[entry.source]}
                    <span className="table__sub">{entry.billable ? 'Billable' : 'Non-billable'}</span>
                  </th>
                  <td className="table__nowrap ts-details__ranges">
                    {entry.ranges.length === 0 ? <span className="muted">—</span> : entry.ranges.map((range) => <span key={range.startedAt}>{`${formatTime(range.startedAt)}–${formatTime(range.endedAt)}`}</span>)}
                  </td>
                  <td>
                    <input
                      className="input ts-details__description"
                      aria-label={`Description of the ${SOURCE_LABELS[entry.source].toLowerCase()} entry${entry.ranges[0] ? ` from ${formatTime(entry.ranges[0].startedAt)}` : ''}`}
                      defaultValue={entry.description}
                      placeholder="What was done"
                      maxLength={2000}
                      readOnly={locked !== null}
                      onBlur={(e) => void describe(entry, e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault()
                          void describe(entry, e.currentTarget.value)
                        }
                      }}
                    />
                  </td>
                  <td className="num">{formatDuration(entry.roundedSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <label className="field" htmlFor={`${id}-note`}>
          <span>Note for this cell</span>
          <textarea id={`${id}-note`} rows={3} maxLength={2000} value={note} readOnly={locked !== null} onChange={(e) => setNote(e.target.value)} />
        </label>
        {!locked && (
          <div>
            <button type="button" className="button button--secondary button--compact" onClick={() => void saveNote()} aria-disabled={note.trim() === (details?.note ?? '') || undefined}>
              Save note
            </button>
          </div>
        )}
        {problem && (
          <div className="banner banner--error" role="alert">
            <span>{problem}</span>
          </div>
        )}
      </div>
    </Dialog>
  )
}
