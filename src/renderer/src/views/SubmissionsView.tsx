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
import { plural } from '../sync/sync-status-text'
import { PeriodHistoryTable } from '../timesheet/PeriodHistory'
import { useDisplayUnit } from '../timesheet/use-timesheet-settings'
import { useHostQuery } from '../ui/use-host-query'
import '../submissions/submissions.css'

export function SubmissionStatus({ row }: { row: Pick<SubmissionRow, 'status' | 'level' | 'queued' | 'reason'> }) {
  switch (row.status) {
    case 'open':
      return <span className="badge subs__badge">Open</span>
    case 'approved':
      return <span className="badge ts-status--approved subs__badge">Approved</span>
    case 'rejected':
      return <span className="badge ts-status--rejected subs__badge">Rejected</span>
    case 'submitted':
      return (
        <>
          <span className="badge ts-status--submitted subs__badge">Submitted</span>
          <span className="subs__level">waiting for level {row.level ?? 1}</span>
          {row.queued && <span className="badge badge--warn subs__badge">Queued — not sent yet</span>}
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

function summaryOf(rows: readonly SubmissionRow[]): string {
  const waiting = rows.filter((r) => r.status === 'submitted').length
  const rejected = rows.filter((r) => r.status === 'rejected').length
  const parts = [waiting > 0 ? `${waiting} waiting for approval` : null, rejected > 0 ? plural(rejected, 'rejected', 'rejected') : null].filter(Boolean)
  return parts.length > 0 ? parts.join(' · ') : plural(rows.length, 'period', 'periods')
}

export function SubmissionsView() {
  const client = useClient()
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
          <h1 id={`${id}-title`}>Submissions</h1>
          <p className="view__subtitle">Your periods of the last year, newest first: where each one stands and where its time is.</p>
        </div>
        {rows && rows.length > 0 && <p className="view__summary">{summaryOf(rows)}</p>}
      </header>

      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>Your periods could not be loaded: {loadError}</span>
          <button type="button" className="button button--ghost button--compact" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {!rows && !loadError && <p className="muted">Loading your periods…</p>}
      {rows && rows.length === 0 && (
        <p className="empty">
          No periods yet. Time you book shows up here by period. <a href={hrefOf('timesheet')}>Open the timesheet</a>
        </p>
      )}

      {rows && rows.length > 0 && (
        <div className="panel subs">
          <div className="table-scroll">
            <table className="table subs__table">
              <caption className="visually-hidden">Your periods, newest first, with their status and time by entry status</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Status</th>
                  <th scope="col">Where the time is</th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">History and timesheet</span>
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
  const range = dayRangeLabel(row)
  const hasHistory = row.history.length > 0
  return (
    <Fragment>
      <tr className={`subs__row subs__row--${row.status}${expanded ? ' is-expanded' : ''}`}>
        <th scope="row" className="subs__period">
          <span className="subs__label">{row.label}</span>
          {range !== row.label && <span className="subs__range">{range}</span>}
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
        <td className="num subs__total">{formatDuration(row.totalSeconds, unit)}</td>
        <td className="table__actions subs__actions">
          {hasHistory && (
            <button type="button" className="button button--secondary button--compact subs__toggle" aria-expanded={expanded} aria-controls={expanded ? historyId : undefined} onClick={onToggle}>
              <span className="subs__chevron" aria-hidden="true" />
              History ({row.history.length})<span className="visually-hidden"> of {row.label}</span>
            </button>
          )}
          <a className="button button--ghost button--compact subs__open" href={hrefOf('timesheet', row.start)}>
            Open<span className="visually-hidden"> {row.label} in the timesheet</span>
          </a>
        </td>
      </tr>
      {expanded && hasHistory && (
        <tr className="subs__history" id={historyId}>
          <td colSpan={5}>
            <PeriodHistoryTable history={row.history} caption={`Status changes of ${row.label}, oldest first`} />
          </td>
        </tr>
      )}
    </Fragment>
  )
}
