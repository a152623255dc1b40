// Before a period goes: what it adds up to (total, billable share, expected and the
// difference), what may be missing (days without time, timers still counting), and what
// submitting will do here — approve and lock at once without a team server, or send it
// for approval (queued while the server cannot be reached).
import { useEffect, useState } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { SyncStatus } from '@shared/sync'
import type { PeriodSummary } from '@shared/timesheet'
import { useClient } from '../client-context'
import type { Translator } from '@shared/i18n/translator'
import { formatDay } from '../format'
import { useT } from '../i18n/i18n-context'
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

function outcome(summary: PeriodSummary, sync: SyncStatus | null, { t }: Pick<Translator, 't'>): string {
  if (summary.mode === 'standalone') return t('submit.standalone')
  const sent = t('submit.sent')
  if (sync?.state === 'offline') return t('submit.offline', { sent })
  if (sync?.state === 'problem') return t('submit.problem', { sent })
  if (sync?.state === 'unauthorized') return t('submit.unauthorized', { sent })
  return sent
}

export function SubmitDialog({ day, label, unit, sync, onConfirm, onClose }: SubmitDialogProps) {
  const client = useClient()
  const translator = useT()
  const { t, locale } = translator
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
  const diff = summary ? difference(summary.totalSeconds - summary.expectedSeconds, unit, locale) : null
  const share = summary ? shareOf(summary.billableSeconds, summary.totalSeconds) : null

  return (
    <Dialog
      title={t('submit.title', { label })}
      description={summary ? `${formatDay(summary.start, locale)} – ${formatDay(summary.end, locale)}` : t('submit.adding')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
            {t('submit.cancel')}
          </button>
          <button type="button" className="button button--start" onClick={() => void confirm()} aria-disabled={!summary || busy || undefined}>
            {busy ? t('submit.submitting') : standalone ? t('submit.andLock') : t('submit.forApproval')}
          </button>
        </>
      }
    >
      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>{t('submit.loadFailed', { reason: loadError })}</span>
        </div>
      )}
      {!summary && !loadError && <p className="muted">{t('submit.loading')}</p>}
      {summary && diff && (
        <div className="summary">
          <dl className="summary__stats">
            <div className="summary__stat">
              <dt>{t('submit.total')}</dt>
              <dd>{formatDuration(summary.totalSeconds, unit, locale)}</dd>
            </div>
            <div className="summary__stat">
              <dt>{t('submit.billable')}</dt>
              <dd>
                {formatDuration(summary.billableSeconds, unit, locale)}
                {share && <span className="summary__share"> · {share}</span>}
              </dd>
            </div>
            <div className="summary__stat">
              <dt>{t('submit.expected')}</dt>
              <dd>{formatDuration(summary.expectedSeconds, unit, locale)}</dd>
            </div>
            <div className="summary__stat">
              <dt>{t('submit.difference')}</dt>
              <dd className={`ts-diff ts-diff--${diff.kind}`}>
                {diff.value}
                {diff.kind !== 'even' && <span className="summary__word"> {t(diff.kind === 'over' ? 'grid.over' : 'grid.under')}</span>}
              </dd>
            </div>
          </dl>

          {summary.totalSeconds === 0 && <p className="summary__warning">{t('submit.noTime')}</p>}
          {summary.overlappedSeconds > 0 && <p className="note">{t('submit.overlapped', { duration: formatDuration(summary.overlappedSeconds, unit, locale) })}</p>}
          {summary.emptyDays.length > 0 && (
            <div className="summary__warning">
              <p>
                <strong>{t('submit.emptyDays', { count: summary.emptyDays.length })}</strong>
              </p>
              <ul className="summary__days" aria-label={t('submit.emptyDaysLabel')}>
                {summary.emptyDays.map((d) => (
                  <li key={d}>{formatDay(d, locale)}</li>
                ))}
              </ul>
            </div>
          )}
          {summary.activeTimers.length > 0 && (
            <div className="summary__warning">
              <p>
                <strong>{t('submit.timersCounting', { count: summary.activeTimers.length })}</strong>
                {t('submit.timersText')}
              </p>
              <ul className="summary__timers" aria-label={t('submit.timersLabel')}>
                {summary.activeTimers.map((timer) => (
                  <li key={timer.slot}>
                    {timer.label} <span className="badge">{timer.state === 'running' ? t('submit.running') : t('submit.paused')}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="note summary__outcome">{outcome(summary, sync, translator)}</p>
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
