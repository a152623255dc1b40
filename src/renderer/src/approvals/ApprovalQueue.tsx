// The approver's queue: every submitted period of their teams waiting at a level they
// approve, oldest submission first, with what a decision needs at a glance (total,
// billable share, over or under the expected hours, resubmitted after a rejection).
// Several can be approved at once; each period is decided on its own and reported so.
import { useEffect, useId, useRef, useState } from 'react'
import type { ApprovalQueueItem } from '@shared/approvals'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { formatMoment } from '@shared/i18n/formats'
import { dayRangeLabel } from '@shared/periods'
import type { Translator } from '@shared/i18n/translator'
import { useClient } from '../client-context'
import { hrefOf } from '../routes'
import { useT } from '../i18n/i18n-context'
import { difference, share } from '../timesheet/difference'
import { DecisionOutcomeView, type DecisionOutcome } from './DecisionOutcome'
import { periodName } from './names'
import type { ApprovalQueueModel } from './use-approval-queue'
import '../timesheet/grid/grid.css'
import './approvals.css'

interface ApprovalQueueProps {
  queue: ApprovalQueueModel
  unit: DurationUnit
  /** What the last decision did (made here or on a period's page). */
  outcome: DecisionOutcome | null
  onOutcome: (outcome: DecisionOutcome | null) => void
}

export function ApprovalQueue({ queue, unit, outcome, onOutcome }: ApprovalQueueProps) {
  const client = useClient()
  const id = useId()
  const translator = useT()
  const { t } = translator
  const { items, error, loading, reload } = queue
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)

  // Arriving here (from the navigation, or back from a period) puts the keyboard at the top.
  useEffect(() => {
    heading.current?.focus()
  }, [])

  // Only periods still in the queue stay selected.
  const waiting = new Set(items?.map((i) => i.periodId) ?? [])
  const chosen = [...selected].filter((periodId) => waiting.has(periodId))
  const allChosen = items !== null && items.length > 0 && chosen.length === items.length

  const toggle = (periodId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      if (on) next.add(periodId)
      else next.delete(periodId)
      return next
    })

  const approveSelected = async () => {
    if (busy) return
    if (chosen.length === 0) {
      setProblem(t('approvals.selectFirst'))
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const { results } = await client.approvals.approve({ periodIds: chosen })
      const byId = new Map(items?.map((i) => [i.periodId, i]) ?? [])
      onOutcome({
        kind: 'approve',
        at: Date.now(),
        results: results.map((r) => {
          const item = byId.get(r.periodId)
          return { ...r, name: item ? periodName(item.member, item, translator) : r.periodId }
        }),
      })
      setSelected(new Set(results.filter((r) => !r.ok).map((r) => r.periodId)))
      reload()
    } catch (failure) {
      setProblem(t('approvals.nothingApproved', { reason: (failure as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="view approvals" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
            {t('approvals.title')}
          </h1>
          <p className="view__subtitle">{t('approvals.subtitle')}</p>
        </div>
        <div className="view__tools">
          {items && <p className="view__summary">{items.length === 0 ? t('approvals.nothingWaiting') : t('approvals.waiting', { count: items.length })}</p>}
          <button type="button" className="button button--secondary button--compact" onClick={reload} aria-disabled={loading || undefined}>
            {loading && items ? t('approvals.refreshing') : t('approvals.refresh')}
          </button>
        </div>
      </header>

      <DecisionOutcomeView outcome={outcome} onDismiss={() => onOutcome(null)} />

      {error && (
        <div className="banner banner--error approvals__unavailable" role="alert">
          <span>
            <strong>{t('approvals.queueFailed')}</strong> {error}
          </span>
          <button type="button" className="button button--ghost button--compact" onClick={reload} aria-disabled={loading || undefined}>
            {loading ? t('approvals.trying') : t('approvals.tryAgain')}
          </button>
        </div>
      )}
      {!items && !error && <p className="muted">{t('approvals.loadingQueue')}</p>}
      {items && items.length === 0 && <p className="empty">{t('approvals.empty')}</p>}

      {items && items.length > 0 && (
        <div className="panel approvals__panel">
          <div className="approvals__bar">
            <button type="button" className="button button--start button--compact" onClick={() => void approveSelected()} aria-disabled={busy || chosen.length === 0 || undefined} aria-describedby={`${id}-selection`}>
              {busy ? t('approvals.approving') : chosen.length > 0 ? t('approvals.approveCount', { count: chosen.length }) : t('approvals.approveSelected')}
            </button>
            <span id={`${id}-selection`} className="approvals__hint">
              {chosen.length === 0 ? t('approvals.tickHint') : t('approvals.selected', { count: chosen.length })}
            </span>
          </div>
          {problem && (
            <div className="banner banner--error" role="alert">
              <span>{problem}</span>
            </div>
          )}
          <div className="table-scroll">
            <table className="table approvals__table">
              <caption className="visually-hidden">{t('approvals.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="approvals__check">
                    <input
                      type="checkbox"
                      aria-label={t('approvals.selectAll')}
                      checked={allChosen}
                      ref={(box) => {
                        if (box) box.indeterminate = chosen.length > 0 && !allChosen
                      }}
                      onChange={(e) => setSelected(new Set(e.target.checked ? items.map((i) => i.periodId) : []))}
                    />
                  </th>
                  <th scope="col">{t('approvals.member')}</th>
                  <th scope="col">{t('approvals.period')}</th>
                  <th scope="col">{t('approvals.level')}</th>
                  <th scope="col">{t('approvals.submitted')}</th>
                  <th scope="col" className="num">
                    {t('approvals.total')}
                  </th>
                  <th scope="col" className="num">
                    {t('approvals.billable')}
                  </th>
                  <th scope="col" className="num">
                    {t('approvals.vsExpected')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('approvals.review')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <QueueRow key={item.periodId} item={item} unit={unit} translator={translator} checked={selected.has(item.periodId)} onCheck={(on) => toggle(item.periodId, on)} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  )
}

interface QueueRowProps {
  item: ApprovalQueueItem
  unit: DurationUnit
  translator: Translator
  checked: boolean
  onCheck: (on: boolean) => void
}

function QueueRow({ item, unit, translator, checked, onCheck }: QueueRowProps) {
  const { t, locale } = translator
  const name = periodName(item.member, item, translator)
  const diff = difference(item.totalSeconds - item.expectedSeconds, unit, locale)
  const billableShare = share(item.billableSeconds, item.totalSeconds, locale)
  return (
    <tr className={checked ? 'is-selected' : undefined}>
      <td className="approvals__check">
        <input type="checkbox" aria-label={t('approvals.select', { name })} checked={checked} onChange={(e) => onCheck(e.target.checked)} />
      </td>
      <th scope="row" className="approvals__member">
        <span className="approvals__name">{item.member.name}</span>
        <span className="approvals__sub">{item.teams.join(', ') || item.member.email}</span>
      </th>
      <td className="approvals__period">
        <span className="table__nowrap">{dayRangeLabel(item, locale)}</span>
        {item.resubmitted && <span className="badge badge--warn approvals__resubmitted">{t('approvals.resubmitted')}</span>}
      </td>
      <td className="table__nowrap">{t('approvals.levelN', { level: item.level })}</td>
      <td className="table__nowrap">{item.submittedAt === null ? <span className="muted">—</span> : formatMoment(item.submittedAt, locale)}</td>
      <td className="num approvals__total">{formatDuration(item.totalSeconds, unit, locale)}</td>
      <td className="num table__nowrap">
        {formatDuration(item.billableSeconds, unit, locale)}
        {billableShare && <span className="approvals__share"> · {billableShare}</span>}
      </td>
      <td className={`num table__nowrap ts-diff ts-diff--${diff.kind}`}>
        {diff.value}
        {diff.kind !== 'even' && <span className="approvals__word"> {t(diff.kind === 'over' ? 'approvals.over' : 'approvals.under')}</span>}
      </td>
      <td className="table__actions">
        <a className="button button--secondary button--compact" href={hrefOf('approvals', item.periodId)}>
          {t('approvals.review')}
          <span className="visually-hidden"> {name}</span>
        </a>
      </td>
    </tr>
  )
}
