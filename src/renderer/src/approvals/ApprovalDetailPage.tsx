// One member's period as the approver reviews it: what it adds up to, the period
// read-only (day by day, work item by activity), what changed since it was last
// rejected, every entry with its description, the history — and the decision: approve,
// or reject with a reason. Refusals are the server's own sentences, shown where asked.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { ApprovalDetail, ApprovalQueueItem } from '@shared/approvals'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { dayRangeLabel } from '@shared/periods'
import type { PeriodEventWire } from '@shared/sync'
import type { PeriodEvent } from '@shared/timesheet'
import { useClient } from '../client-context'
import { formatDay } from '../format'
import { hrefOf } from '../routes'
import { plural } from '../sync/sync-status-text'
import { difference, share } from '../timesheet/difference'
import { PeriodHistory } from '../timesheet/PeriodHistory'
import type { DecisionOutcome } from './DecisionOutcome'
import { formatMoment, periodName } from './names'
import { buildReviewGrid, entryNames } from './period-grid'
import { RejectDialog } from './RejectDialog'
import { ReviewTable } from './ReviewTable'
import { useHostQuery } from '../ui/use-host-query'
import '../timesheet/grid/grid.css'
import '../timesheet/timesheet.css'
import '../timesheet/history.css'
import '../timesheet/summary.css'
import './approvals.css'
import './review.css'

interface ApprovalDetailPageProps {
  periodId: string
  /** The period's line in the queue, when it is there: it knows the expected hours. */
  item: ApprovalQueueItem | undefined
  unit: DurationUnit
  /** A decision went through: back to the queue, with what it did. */
  onDecided: (outcome: DecisionOutcome) => void
}

const toHistory = (events: readonly PeriodEventWire[]): PeriodEvent[] => events.map((e) => ({ id: e.id, at: e.at, actor: e.actorName, from: e.from, to: e.to, reason: e.reason }))

function statusLine(detail: ApprovalDetail): string {
  const { period } = detail
  switch (period.status) {
    case 'submitted':
      return `Submitted — waiting for level ${period.level ?? 1} approval`
    case 'approved':
      return 'Approved'
    case 'rejected':
      return 'Rejected'
    case 'open':
      return 'Open'
  }
}

/** Why the caller sees no decision buttons. */
function readOnlyReason(detail: ApprovalDetail): string {
  const { period } = detail
  if (period.status === 'submitted') return `This period waits for a level ${period.level ?? 1} approver, and you do not approve at that level for ${detail.member.name}’s team. You can read it.`
  return `This period is ${period.status}, so there is nothing to decide. You can read it.`
}

export function ApprovalDetailPage({ periodId, item, unit, onDecided }: ApprovalDetailPageProps) {
  const client = useClient()
  const id = useId()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  const fetch = useCallback(() => client.approvals.detail({ periodId }), [client, periodId])
  const { value: detail, error: loadError, loading, reload } = useHostQuery(fetch)

  // Opening a period puts the keyboard at its top, where its name is read.
  useEffect(() => {
    heading.current?.focus()
  }, [periodId])

  const grid = useMemo(() => (detail ? buildReviewGrid(detail) : null), [detail])
  const name = detail ? periodName(detail.member, detail.period) : item ? periodName(item.member, item) : 'Period'
  const who = detail?.member ?? item?.member
  const span = detail?.period ?? item
  const submittedAt = detail?.period.events.findLast((e) => e.to === 'submitted' && e.from !== 'submitted')?.at ?? null

  const approve = async () => {
    if (busy || !detail) return
    setBusy(true)
    setProblem(null)
    try {
      const { results } = await client.approvals.approve({ periodIds: [periodId] })
      const result = results.find((r) => r.periodId === periodId)
      if (result?.ok) {
        onDecided({ kind: 'approve', at: Date.now(), results: [{ ...result, name }] })
        return
      }
      setProblem(result?.message ?? 'The server gave no answer for this period; nothing was approved.')
      reload() // the period may have moved on meanwhile
    } catch (error) {
      setProblem(`Nothing was approved: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  const reject = async (reason: string): Promise<string | null> => {
    try {
      const { results } = await client.approvals.reject({ periodId, reason })
      const result = results.find((r) => r.periodId === periodId)
      if (!result?.ok) return result?.message ?? 'The server gave no answer for this period; nothing was rejected.'
      setRejecting(false)
      onDecided({ kind: 'reject', at: Date.now(), results: [{ ...result, name }] })
      return null
    } catch (error) {
      return `Nothing was rejected: ${(error as Error).message}`
    }
  }

  const back = (
    <nav aria-label="Breadcrumb" className="crumbs">
      <a href={hrefOf('approvals')}>
        <span aria-hidden="true">‹ </span>Approvals
      </a>
    </nav>
  )

  const titleId = `${id}-title`
  const header = (
    <>
      {back}
      <header className="view__head">
        <div>
          <h1 id={titleId} ref={heading} tabIndex={-1}>
            {who ? who.name : 'Period'}
            {span && <span className="approvals__title-period"> · {dayRangeLabel(span)}</span>}
          </h1>
          {detail && (
            <p className="view__subtitle">
              {detail.member.email}
              {item && item.teams.length > 0 && ` · ${item.teams.join(', ')}`}
              {submittedAt !== null && ` · submitted ${formatMoment(submittedAt)}`}
            </p>
          )}
        </div>
      </header>
    </>
  )

  if (!detail || !grid) {
    return (
      <section className="view approvals" aria-labelledby={titleId}>
        {header}
        {loadError && (
          <div className="banner banner--error approvals__unavailable" role="alert">
            <span>
              <strong>The period could not be opened.</strong> {loadError}
            </span>
            <button type="button" className="button button--ghost button--compact" onClick={reload} aria-disabled={loading || undefined}>
              {loading ? 'Trying…' : 'Try again'}
            </button>
          </div>
        )}
        {!loadError && <p className="muted">Loading the period from the team server…</p>}
      </section>
    )
  }

  const { member, period } = detail
  const expected = detail.expectedSeconds
  const diff = difference(grid.totalSeconds - expected, unit)
  const billableShare = share(grid.billableSeconds, grid.totalSeconds)
  const rejection = detail.changedSinceRejection ? period.events.findLast((e) => e.to === 'rejected') : undefined

  return (
    <section className="view approvals" aria-labelledby={titleId}>
      {header}

      <div className="ts-bar approvals__decide">
        <div className="ts-period">
          <span className={`badge ts-status ts-status--${period.status}`}>{statusLine(detail)}</span>
          {detail.changedSinceRejection && <span className="badge badge--warn">Resubmitted</span>}
        </div>
        {detail.canDecide ? (
          <div className="approvals__actions">
            <button type="button" className="button button--stop" onClick={() => !busy && setRejecting(true)} aria-disabled={busy || undefined}>
              Reject…
            </button>
            <button type="button" className="button button--start" onClick={() => void approve()} aria-disabled={busy || undefined}>
              {busy ? 'Approving…' : period.level === 1 && period.status === 'submitted' ? 'Approve level 1' : period.level === 2 ? 'Approve level 2' : 'Approve'}
            </button>
          </div>
        ) : (
          <p className="approvals__readonly">{readOnlyReason(detail)}</p>
        )}
      </div>

      {problem && (
        <div className="banner banner--error" role="alert">
          <span>{problem}</span>
          <button type="button" className="button button--ghost button--compact" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </div>
      )}

      <dl className="summary__stats approvals__stats">
        <div className="summary__stat">
          <dt>Total</dt>
          <dd>{formatDuration(grid.totalSeconds, unit)}</dd>
        </div>
        <div className="summary__stat">
          <dt>Billable</dt>
          <dd>
            {formatDuration(grid.billableSeconds, unit)}
            {billableShare && <span className="summary__share"> · {billableShare}</span>}
          </dd>
        </div>
        <div className="summary__stat">
          <dt>Expected</dt>
          <dd>{formatDuration(expected, unit)}</dd>
        </div>
        <div className="summary__stat">
          <dt>Difference</dt>
          <dd className={diff ? `ts-diff ts-diff--${diff.kind}` : undefined}>
            {diff ? diff.value : <span className="summary__share">—</span>}
            {diff && diff.kind !== 'even' && <span className="summary__word"> {diff.kind}</span>}
          </dd>
        </div>
      </dl>

      {detail.changedSinceRejection && (
        <section className="changes" aria-labelledby={`${id}-changes`}>
          <h2 id={`${id}-changes`} className="changes__title">
            Changed since the rejection
          </h2>
          {rejection && (
            <p className="changes__rejection">
              Rejected by {rejection.actorName}, {formatMoment(rejection.at)}
              {rejection.reason && (
                <>
                  : <q>{rejection.reason}</q>
                </>
              )}
            </p>
          )}
          <p>
            {grid.changedCells === 0 && detail.changedSinceRejection.removed.length === 0
              ? 'Nothing was changed: the period was submitted again as it was.'
              : [grid.changedCells > 0 ? `${plural(grid.changedCells, 'cell', 'cells')} changed, marked in the table` : null, detail.changedSinceRejection.removed.length > 0 ? `${plural(detail.changedSinceRejection.removed.length, 'entry', 'entries')} removed` : null]
                  .filter(Boolean)
                  .join(' · ') + '.'}
          </p>
          {detail.changedSinceRejection.removed.length > 0 && <RemovedEntries detail={detail} unit={unit} />}
        </section>
      )}

      <div className="panel review__panel">
        <ReviewTable grid={grid} unit={unit} caption={`Time booked by ${member.name}, ${dayRangeLabel(period)}: a row per work item and activity, a column per day`} />
      </div>
      <ul className="review__legend">
        {detail.changedSinceRejection && (
          <li>
            <span className="review__swatch review__swatch--changed" aria-hidden="true" />
            Changed since the rejection
          </li>
        )}
        {grid.voidedCount > 0 && (
          <li>
            <del>1:00</del> Voided by an administrator: kept for the record, not counted ({plural(grid.voidedCount, 'entry', 'entries')}, {formatDuration(grid.voidedSeconds, unit)})
          </li>
        )}
        <li>Rounded time, as it counts; weekends shaded.</li>
      </ul>

      <EntryList detail={detail} unit={unit} />
      <PeriodHistory history={toHistory(period.events)} open />

      {rejecting && <RejectDialog name={name} memberName={member.name} onConfirm={reject} onClose={() => setRejecting(false)} />}
    </section>
  )
}

function RemovedEntries({ detail, unit }: { detail: ApprovalDetail; unit: DurationUnit }) {
  const names = entryNames(detail)
  return (
    <ul className="changes__removed" aria-label="Entries removed since the rejection">
      {detail.changedSinceRejection?.removed.map((entry) => (
        <li key={entry.id}>
          <span className="changes__day">{formatDay(entry.day)}</span> {names(entry).name} · <del>{formatDuration(entry.roundedSeconds, unit)}</del>
          {entry.description && <span className="muted"> — {entry.description}</span>}
        </li>
      ))}
    </ul>
  )
}

function EntryList({ detail, unit }: { detail: ApprovalDetail; unit: DurationUnit }) {
  const names = entryNames(detail)
  const changed = new Set(detail.changedSinceRejection?.changed ?? [])
  const entries = detail.entries.filter((e) => e.deletedAt === null)
  if (entries.length === 0) return null
  return (
    <details className="ts-history">
      <summary>Entries and descriptions ({entries.length})</summary>
      <table className="table ts-history__table review__entries">
        <caption className="visually-hidden">Every entry of the period with its description, by day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Work item · activity</th>
            <th scope="col" className="num">
              Time
            </th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className={changed.has(entry.id) ? 'is-changed' : undefined}>
              <td className="table__nowrap">{formatDay(entry.day)}</td>
              <td>
                {names(entry).name}
                {changed.has(entry.id) && <span className="badge badge--warn review__badge">Changed</span>}
                {entry.status === 'voided' && <span className="badge review__badge">Voided</span>}
              </td>
              <td className="num table__nowrap">{entry.status === 'voided' ? <del>{formatDuration(entry.roundedSeconds, unit)}</del> : formatDuration(entry.roundedSeconds, unit)}</td>
              <td>{entry.description || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
