// Submissions: the person's periods of the last year, newest first — where each stands
// (open, waiting for which approval level, approved, rejected with the reason), what it
// adds up to and where its time is by entry status, its history on demand, and the way
// to it in the timesheet. Follows local changes and every sync round.
import { Fragment, useCallback, useEffect, useId, useState } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { dayRangeLabel } from '@shared/periods'
import type { SubmissionRow } from '@shared/timesheet'
import { useClient } from '../client-context'
import { hrefOf } from '../routes'
import { BucketBar, bucketSum } from '../submissions/BucketBar'
import { onSyncRounds } from '../sync/sync-rounds'
import type { Translator } from '@shared/i18n/translator'
import { useT } from '../i18n/i18n-context'
import { periodHeading } from '@shared/period-heading'
import { PeriodHistoryTable } from '../timesheet/PeriodHistory'
import { useDisplayUnit } from '../timesheet/use-timesheet-settings'
import { useHostQuery } from '../ui/use-host-query'
import '../submissions/submissions.css'

export function SubmissionStatus({ row }: { row: Pick<SubmissionRow, 'status' | 'level' | 'queued' | 'reason'> }) {
  const { t } = useT()
  switch (row.status) {
    case 'open':
      return <span className="badge subs__badge">{t('timesheet.status.open')}</span>
    case 'approved':
      return <span className="badge ts-status--approved subs__badge">{t('timesheet.status.approved')}</span>
    case 'rejected':
      return <span className="badge ts-status--rejected subs__badge">{t('timesheet.status.rejected')}</span>
    case 'submitted':
      return (
        <>
          <span className="badge ts-status--submitted subs__badge">{t('timesheet.status.submitted')}</span>
          <span className="subs__level">{t('subs.waitingForLevel', { level: row.level ?? 1 })}</span>
          {row.queued && <span className="badge badge--warn subs__badge">{t('banner.queued')}</span>}
        </>
      )
  }
}

/** Newest first, whatever order the host answers in. */
const newestFirst = (rows: SubmissionRow[]): SubmissionRow[] => [...rows].sort((a, b) => b.start.localeCompare(a.start))

function useSubmissions() {
  const client = useClient()
  const fetch = useCallback(async () => newestFirst(await client.submissions.list({})), [client])
  const { value: rows, error: loadError, reload } = useHostQuery(fetch)

  useEffect(() => {
    const offEntries = client.events['entries.changed'](reload)
    // A finished round may bring decisions; the round's start brings nothing yet.
    const offSync = onSyncRounds(client, reload)
    return () => {
      offEntries()
      offSync()
    }
  }, [client, reload])

  return { rows, loadError, reload }
}

function summaryOf(rows: readonly SubmissionRow[], { t }: Pick<Translator, 't'>): string {
  const waiting = rows.filter((r) => r.status === 'submitted').length
  const rejected = rows.filter((r) => r.status === 'rejected').length
  const parts = [waiting > 0 ? t('subs.waiting', { count: waiting }) : null, rejected > 0 ? t('subs.rejected', { count: rejected }) : null].filter(Boolean)
  return parts.length > 0 ? parts.join(' · ') : t('subs.periods', { count: rows.length })
}

export function SubmissionsView() {
  const client = useClient()
  const translator = useT()
  const { t } = translator
  const id = useId()
  const unit = useDisplayUnit(client)
  const { rows, loadError, reload } = useSubmissions()
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())

  const toggle = (start: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (!next.delete(start)) next.add(start)
      return next
    })

  const scale = rows ? Math.max(0, ...rows.map((r) => bucketSum(r.buckets))) : 0

  return (
    <section className="view" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`}>{t('subs.title')}</h1>
          <p className="view__subtitle">{t('subs.subtitle')}</p>
        </div>
        {rows && rows.length > 0 && <p className="view__summary">{summaryOf(rows, translator)}</p>}
      </header>

      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>{t('subs.loadFailed', { reason: loadError })}</span>
          <button type="button" className="button button--ghost button--compact" onClick={reload}>
            {t('subs.tryAgain')}
          </button>
        </div>
      )}
      {!rows && !loadError && <p className="muted">{t('subs.loading')}</p>}
      {rows && rows.length === 0 && (
        <p className="empty">
          {t('subs.none')} <a href={hrefOf('timesheet')}>{t('subs.openTimesheet')}</a>
        </p>
      )}

      {rows && rows.length > 0 && (
        <div className="panel subs">
          <div className="table-scroll">
            <table className="table subs__table">
              <caption className="visually-hidden">{t('subs.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('subs.period')}</th>
                  <th scope="col">{t('subs.status')}</th>
                  <th scope="col">{t('subs.where')}</th>
                  <th scope="col" className="num">
                    {t('subs.total')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('subs.historyAndTimesheet')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <SubmissionRowView key={row.start} row={row} unit={unit} scale={scale} expanded={open.has(row.start)} onToggle={() => toggle(row.start)} historyId={`${id}-history-${row.start}`} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  )
}

interface SubmissionRowViewProps {
  row: SubmissionRow
  unit: DurationUnit
  scale: number
  expanded: boolean
  onToggle: () => void
  historyId: string
}

function SubmissionRowView({ row, unit, scale, expanded, onToggle, historyId }: SubmissionRowViewProps) {
  const translator = useT()
  const { t, locale } = translator
  const label = periodHeading(row, translator)
  const range = dayRangeLabel(row, locale)
  const hasHistory = row.history.length > 0
  return (
    <Fragment>
      <tr className={`subs__row subs__row--${row.status}${expanded ? ' is-expanded' : ''}`}>
        <th scope="row" className="subs__period">
          <span className="subs__label">{label}</span>
          {range !== label && <span className="subs__range">{range}</span>}
        </th>
        <td className="subs__status">
          <span className="subs__badges">
            <SubmissionStatus row={row} />
          </span>
          {row.status === 'rejected' && row.reason && <q className="subs__reason">{row.reason}</q>}
        </td>
        <td className="subs__buckets">
          <BucketBar buckets={row.buckets} unit={unit} scale={scale} />
        </td>
        <td className="num subs__total">{formatDuration(row.totalSeconds, unit, locale)}</td>
        <td className="table__actions subs__actions">
          {hasHistory && (
            <button type="button" className="button button--secondary button--compact subs__toggle" aria-expanded={expanded} aria-controls={expanded ? historyId : undefined} onClick={onToggle}>
              <span className="subs__chevron" aria-hidden="true" />
              {t('subs.history', { count: row.history.length })}
              <span className="visually-hidden">{t('subs.historyOf', { label })}</span>
            </button>
          )}
          <a className="button button--ghost button--compact subs__open" href={hrefOf('timesheet', row.start)}>
            {t('subs.open')}
            <span className="visually-hidden">{t('subs.openIn', { label })}</span>
          </a>
        </td>
      </tr>
      {expanded && hasHistory && (
        <tr className="subs__history" id={historyId}>
          <td colSpan={5}>
            <PeriodHistoryTable history={row.history} caption={t('subs.historyCaption', { label })} />
          </td>
        </tr>
      )}
    </Fragment>
  )
}
