// Before a period goes: what it adds up to (total, billable share, expected and the
// difference), what may be missing (days without time, timers still counting), and what
// submitting will do here — approve and lock at once without a team server, or send it
// for approval (queued while the server cannot be reached).
import { useEffect, useState } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { SyncStatus } from '@shared/sync'
import type { PeriodSummary } from '@shared/timesheet'
import { useClient } from '../client-context'
import { formatDay } from '../format'
import { plural } from '../sync/sync-status-text'
import { Dialog } from '../ui/Dialog'
import { difference, share as shareOf } from './difference'
import './grid/grid.css'
import './summary.css'

interface SubmitDialogProps {
  day: string
  label: string
  unit: DurationUnit
  /** Where sync stands, to say whether a submission goes now or waits. */
  sync: SyncStatus | null
  /** Submits; resolves with the host's refusal, or null once the period is submitted. */
  onConfirm: () => Promise<string | null>
  onClose: () => void
}

function outcome(summary: PeriodSummary, sync: SyncStatus | null): string {
  if (summary.mode === 'standalone') {
    return 'Without a team server, submitting approves and locks this period at once. You can reopen it later, with a reason, if something needs to change.'
  }
  const sent = 'The period is sent for approval and stays read-only while it waits; you can withdraw it until the first approver acts.'
  if (sync?.state === 'offline') return `${sent} The team server cannot be reached now, so the submission is queued and sent when the server can be reached.`
  if (sync?.state === 'problem') return `${sent} The team server has a problem now, so the submission is queued and sent once the server takes changes again.`
  if (sync?.state === 'unauthorized') return `${sent} This device is not signed in to the team server, so the submission is queued and sent once you sign in again in Settings.`
  return sent
}

export function SubmitDialog({ day, label, unit, sync, onConfirm, onClose }: SubmitDialogProps) {
  const client = useClient()
  const [summary, setSummary] = useState<PeriodSummary | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    client.timesheet
      .summary({ day })
      .then((loaded) => live && setSummary(loaded))
      .catch((error: unknown) => live && setLoadError((error as Error).message))
    return () => {
      live = false
    }
  }, [client, day])

  const confirm = async () => {
    if (!summary || busy) return
    setBusy(true)
    setSubmitError(null)
    const problem = await onConfirm()
    // On success the view closes the dialog; a refusal stays here, beside the button.
    setBusy(false)
    setSubmitError(problem)
  }

  const standalone = summary?.mode === 'standalone'
  const diff = summary ? difference(summary.totalSeconds - summary.expectedSeconds, unit) : null
  const share = summary ? shareOf(summary.billableSeconds, summary.totalSeconds) : null

  return (
    <Dialog
      title={`Submit ${label}?`}
      description={summary ? `${formatDay(summary.start)} – ${formatDay(summary.end)}` : 'Adding up the period…'}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" className="button button--start" onClick={() => void confirm()} aria-disabled={!summary || busy || undefined}>
            {busy ? 'Submitting…' : standalone ? 'Submit and lock' : 'Submit for approval'}
          </button>
        </>
      }
    >
      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>The summary could not be made: {loadError}</span>
        </div>
      )}
      {!summary && !loadError && <p className="muted">Loading the summary…</p>}
      {summary && diff && (
        <div className="summary">
          <dl className="summary__stats">
            <div className="summary__stat">
              <dt>Total</dt>
              <dd>{formatDuration(summary.totalSeconds, unit)}</dd>
            </div>
            <div className="summary__stat">
              <dt>Billable</dt>
              <dd>
                {formatDuration(summary.billableSeconds, unit)}
                {share && <span className="summary__share"> · {share}</span>}
              </dd>
            </div>
            <div className="summary__stat">
              <dt>Expected</dt>
              <dd>{formatDuration(summary.expectedSeconds, unit)}</dd>
            </div>
            <div className="summary__stat">
              <dt>Difference</dt>
              <dd className={`ts-diff ts-diff--${diff.kind}`}>
                {diff.value}
                {diff.kind !== 'even' && <span className="summary__word"> {diff.kind}</span>}
              </dd>
            </div>
          </dl>

          {summary.totalSeconds === 0 && <p className="summary__warning">No time is booked in this period.</p>}
          {summary.emptyDays.length > 0 && (
            <div className="summary__warning">
              <p>
                <strong>{plural(summary.emptyDays.length, 'working day has', 'working days have')} no time:</strong>
              </p>
              <ul className="summary__days" aria-label="Days with no time">
                {summary.emptyDays.map((d) => (
                  <li key={d}>{formatDay(d)}</li>
                ))}
              </ul>
            </div>
          )}
          {summary.activeTimers.length > 0 && (
            <div className="summary__warning">
              <p>
                <strong>{summary.activeTimers.length === 1 ? 'A timer is still counting' : `${summary.activeTimers.length} timers are still counting`}:</strong> their time is not in this period. Once it is locked, the
                time they counted in it is not added when they stop: Stint asks whether to book it today, keep it aside or discard it.
              </p>
              <ul className="summary__timers" aria-label="Timers still running or paused">
                {summary.activeTimers.map((t) => (
                  <li key={t.slot}>
                    {t.label} <span className="badge">{t.state === 'running' ? 'Running' : 'Paused'}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="note summary__outcome">{outcome(summary, sync)}</p>
        </div>
      )}
      {submitError && (
        <div className="banner banner--error summary__error" role="alert">
          <span>{submitError}</span>
        </div>
      )}
    </Dialog>
  )
}
