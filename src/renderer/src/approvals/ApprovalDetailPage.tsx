// One member's period as the approver reviews it: what it adds up to, the period
// read-only (day by day, work item by activity), what changed since it was last
// rejected, every entry with its description, the history — and the decision: approve,
// or reject with a reason. Refusals are the server's own sentences, shown where asked.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { ApprovalDetail, ApprovalQueueItem } from '@shared/approvals'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { readableSentence } from '@shared/errors'
import { formatMoment } from '@shared/i18n/formats'
import { dayRangeLabel } from '@shared/periods'
import type { Translator } from '@shared/i18n/translator'
import type { PeriodEventWire } from '@shared/sync'
import type { PeriodEvent } from '@shared/timesheet'
import { useClient } from '../client-context'
import { hrefOf } from '../routes'
import { useT } from '../i18n/i18n-context'
import { difference, share } from '../timesheet/difference'
import { PeriodHistory } from '../timesheet/PeriodHistory'
import type { DecisionOutcome } from './DecisionOutcome'
import { periodName } from './names'
import { EntryList, RemovedEntries } from './EntryLists'
import { buildReviewGrid } from './period-grid'
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

function statusLine(detail: ApprovalDetail, t: Translator['t']): string {
  const { period } = detail
  switch (period.status) {
    case 'submitted':
      return t('approvals.status.submitted', { level: period.level ?? 1 })
    case 'approved':
      return t('approvals.status.approved')
    case 'rejected':
      return t('approvals.status.rejected')
    case 'open':
      return t('approvals.status.open')
  }
}

/** Why the caller sees no decision buttons. */
function readOnlyReason(detail: ApprovalDetail, t: Translator['t']): string {
  const { period } = detail
  if (period.status === 'submitted') return t('approvals.readOnlyLevel', { level: period.level ?? 1, member: detail.member.name })
  return t('approvals.readOnlyStatus', { status: period.status })
}

export function ApprovalDetailPage({ periodId, item, unit, onDecided }: ApprovalDetailPageProps) {
  const client = useClient()
  const id = useId()
  const translator = useT()
  const { t, locale } = translator
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

  const grid = useMemo(() => (detail ? buildReviewGrid(detail, t) : null), [detail, t])
  const name = detail ? periodName(detail.member, detail.period, translator) : item ? periodName(item.member, item, translator) : t('approvals.period')
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
      setProblem(result ? readableSentence(result.message, result, translator) : t('approvals.noAnswerApprove'))
      reload() // the period may have moved on meanwhile
    } catch (error) {
      setProblem(t('approvals.nothingApproved', { reason: (error as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  const reject = async (reason: string): Promise<string | null> => {
    try {
      const { results } = await client.approvals.reject({ periodId, reason })
      const result = results.find((r) => r.periodId === periodId)
      if (!result?.ok) return result ? readableSentence(result.message, result, translator) : t('approvals.noAnswerReject')
      setRejecting(false)
      onDecided({ kind: 'reject', at: Date.now(), results: [{ ...result, name }] })
      return null
    } catch (error) {
      return t('approvals.nothingRejected', { reason: (error as Error).message })
    }
  }

  const back = (
    <nav aria-label={t('approvals.breadcrumb')} className="crumbs">
      <a href={hrefOf('approvals')}>
        <span aria-hidden="true">‹ </span>
        {t('approvals.title')}
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
            {who ? who.name : t('approvals.period')}
            {span && <span className="approvals__title-period"> · {dayRangeLabel(span, locale)}</span>}
          </h1>
          {detail && (
            <p className="view__subtitle">
              {detail.member.email}
              {item && item.teams.length > 0 && ` · ${item.teams.join(', ')}`}
              {submittedAt !== null && ` · ${t('approvals.submittedWhen', { when: formatMoment(submittedAt, locale) })}`}
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
              <strong>{t('approvals.openFailed')}</strong> {loadError}
            </span>
            <button type="button" className="button button--ghost button--compact" onClick={reload} aria-disabled={loading || undefined}>
              {loading ? t('approvals.trying') : t('approvals.tryAgain')}
            </button>
          </div>
        )}
        {!loadError && <p className="muted">{t('approvals.loadingPeriod')}</p>}
      </section>
    )
  }

  const { member, period } = detail
  const expected = detail.expectedSeconds
  const diff = difference(grid.totalSeconds - expected, unit, locale)
  const billableShare = share(grid.billableSeconds, grid.totalSeconds, locale)
  const rejection = detail.changedSinceRejection ? period.events.findLast((e) => e.to === 'rejected') : undefined

  return (
    <section className="view approvals" aria-labelledby={titleId}>
      {header}

      <div className="ts-bar approvals__decide">
        <div className="ts-period">
          <span className={`badge ts-status ts-status--${period.status}`}>{statusLine(detail, t)}</span>
          {detail.changedSinceRejection && <span className="badge badge--warn">{t('approvals.resubmitted')}</span>}
        </div>
        {detail.canDecide ? (
          <div className="approvals__actions">
            <button type="button" className="button button--stop" onClick={() => !busy && setRejecting(true)} aria-disabled={busy || undefined}>
              {t('approvals.rejectMore')}
            </button>
            <button type="button" className="button button--start" onClick={() => void approve()} aria-disabled={busy || undefined}>
              {busy ? t('approvals.approving') : (period.level === 1 && period.status === 'submitted') || period.level === 2 ? t('approvals.approveLevel', { level: period.level }) : t('approvals.approve')}
            </button>
          </div>
        ) : (
          <p className="approvals__readonly">{readOnlyReason(detail, t)}</p>
        )}
      </div>

      {problem && (
        <div className="banner banner--error" role="alert">
          <span>{problem}</span>
          <button type="button" className="button button--ghost button--compact" onClick={() => setProblem(null)}>
            {t('approvals.dismiss')}
          </button>
        </div>
      )}

      <dl className="summary__stats approvals__stats">
        <div className="summary__stat">
          <dt>{t('approvals.total')}</dt>
          <dd>{formatDuration(grid.totalSeconds, unit, locale)}</dd>
        </div>
        <div className="summary__stat">
          <dt>{t('approvals.billable')}</dt>
          <dd>
            {formatDuration(grid.billableSeconds, unit, locale)}
            {billableShare && <span className="summary__share"> · {billableShare}</span>}
          </dd>
        </div>
        <div className="summary__stat">
          <dt>{t('approvals.expected')}</dt>
          <dd>{formatDuration(expected, unit, locale)}</dd>
        </div>
        <div className="summary__stat">
          <dt>{t('approvals.difference')}</dt>
          <dd className={diff ? `ts-diff ts-diff--${diff.kind}` : undefined}>
            {diff ? diff.value : <span className="summary__share">—</span>}
            {diff && diff.kind !== 'even' && <span className="summary__word"> {t(diff.kind === 'over' ? 'approvals.over' : 'approvals.under')}</span>}
          </dd>
        </div>
      </dl>

      {detail.changedSinceRejection && (
        <section className="changes" aria-labelledby={`${id}-changes`}>
          <h2 id={`${id}-changes`} className="changes__title">
            {t('approvals.changedSince')}
          </h2>
          {rejection && (
            <p className="changes__rejection">
              {t('approvals.rejectedBy', { name: rejection.actorName, when: formatMoment(rejection.at, locale) })}
              {rejection.reason && (
                <>
                  : <q>{rejection.reason}</q>
                </>
              )}
            </p>
          )}
          <p>
            {grid.changedCells === 0 && detail.changedSinceRejection.removed.length === 0
              ? t('approvals.unchanged')
              : [
                  grid.changedCells > 0 ? t('approvals.cellsChanged', { count: grid.changedCells }) : null,
                  detail.changedSinceRejection.removed.length > 0 ? t('approvals.entriesRemoved', { count: detail.changedSinceRejection.removed.length }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ') + '.'}
          </p>
          {detail.changedSinceRejection.removed.length > 0 && <RemovedEntries detail={detail} unit={unit} />}
        </section>
      )}

      <div className="panel review__panel">
        <ReviewTable grid={grid} unit={unit} caption={t('approvals.tableCaption', { member: member.name, range: dayRangeLabel(period, locale) })} />
      </div>
      <ul className="review__legend">
        {detail.changedSinceRejection && (
          <li>
            <span className="review__swatch review__swatch--changed" aria-hidden="true" />
            {t('approvals.changedSince')}
          </li>
        )}
        {grid.voidedCount > 0 && (
          <li>
            <del>{formatDuration(3600, unit, locale)}</del> {t('approvals.legendVoided', { count: grid.voidedCount, duration: formatDuration(grid.voidedSeconds, unit, locale) })}
          </li>
        )}
        <li>{t('approvals.legendRounded')}</li>
      </ul>

      <EntryList detail={detail} unit={unit} />
      <PeriodHistory history={toHistory(period.events)} open />

      {rejecting && <RejectDialog name={name} memberName={member.name} onConfirm={reject} onClose={() => setRejecting(false)} />}
    </section>
  )
}
