// The approver's queue: every submitted period of their teams waiting at a level they
// approve, oldest submission first, with what a decision needs at a glance (total,
// billable share, over or under the expected hours, resubmitted after a rejection).
// Several can be approved at once; each period is decided on its own and reported so.
import { useEffect, useId, useRef, useState } from 'react'
import type { ApprovalQueueItem } from '@shared/approvals'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { dayRangeLabel } from '@shared/periods'
import { useClient } from '../client-context'
import { hrefOf } from '../routes'
import { plural } from '../sync/sync-status-text'
import { difference, share } from '../timesheet/difference'
import { DecisionOutcomeView, type DecisionOutcome } from './DecisionOutcome'
import { formatMoment, periodName } from './names'
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
      setProblem('Select the periods to approve first: tick their boxes in the first column.')
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
          return { ...r, name: item ? periodName(item.member, item) : r.periodId }
        }),
      })
      setSelected(new Set(results.filter((r) => !r.ok).map((r) => r.periodId)))
      reload()
    } catch (failure) {
      setProblem(`Nothing was approved: ${(failure as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="view approvals" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
            Approvals
          </h1>
          <p className="view__subtitle">Periods your teams submitted that wait for your approval, oldest submission first.</p>
        </div>
        <div className="view__tools">
          {items && <p className="view__summary">{items.length === 0 ? 'Nothing waiting' : `${plural(items.length, 'period', 'periods')} waiting`}</p>}
          <button type="button" className="button button--secondary button--compact" onClick={reload} aria-disabled={loading || undefined}>
            {loading && items ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </header>

      <DecisionOutcomeView outcome={outcome} onDismiss={() => onOutcome(null)} />

      {error && (
        <div className="banner banner--error approvals__unavailable" role="alert">
          <span>
            <strong>The approvals queue could not be loaded.</strong> {error}
          </span>
          <button type="button" className="button button--ghost button--compact" onClick={reload} aria-disabled={loading || undefined}>
            {loading ? 'Trying…' : 'Try again'}
          </button>
        </div>
      )}
      {!items && !error && <p className="muted">Loading the queue from the team server…</p>}
      {items && items.length === 0 && <p className="empty">Nothing waits for your approval. Periods your teams submit show up here.</p>}

      {items && items.length > 0 && (
        <div className="panel approvals__panel">
          <div className="approvals__bar">
            <button type="button" className="button button--start button--compact" onClick={() => void approveSelected()} aria-disabled={busy || chosen.length === 0 || undefined} aria-describedby={`${id}-selection`}>
              {busy ? 'Approving…' : chosen.length > 0 ? `Approve ${plural(chosen.length, 'period', 'periods')}` : 'Approve selected'}
            </button>
            <span id={`${id}-selection`} className="approvals__hint">
              {chosen.length === 0 ? 'Tick periods to approve several at once, or review one first.' : `${plural(chosen.length, 'period', 'periods')} selected`}
            </span>
          </div>
          {problem && (
            <div className="banner banner--error" role="alert">
              <span>{problem}</span>
            </div>
          )}
          <div className="table-scroll">
            <table className="table approvals__table">
              <caption className="visually-hidden">Periods waiting for your approval, oldest submission first</caption>
              <thead>
                <tr>
                  <th scope="col" className="approvals__check">
                    <input
                      type="checkbox"
                      aria-label="Select all periods"
                      checked={allChosen}
                      ref={(box) => {
                        if (box) box.indeterminate = chosen.length > 0 && !allChosen
                      }}
                      onChange={(e) => setSelected(new Set(e.target.checked ? items.map((i) => i.periodId) : []))}
                    />
                  </th>
                  <th scope="col">Member</th>
                  <th scope="col">Period</th>
                  <th scope="col">Level</th>
                  <th scope="col">Submitted</th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col" className="num">
                    Billable
                  </th>
                  <th scope="col" className="num">
                    vs expected
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Review</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <QueueRow key={item.periodId} item={item} unit={unit} checked={selected.has(item.periodId)} onCheck={(on) => toggle(item.periodId, on)} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  )
}

function QueueRow({ item, unit, checked, onCheck }: { item: ApprovalQueueItem; unit: DurationUnit; checked: boolean; onCheck: (on: boolean) => void }) {
  const name = periodName(item.member, item)
  const diff = difference(item.totalSeconds - item.expectedSeconds, unit)
  const billableShare = share(item.billableSeconds, item.totalSeconds)
  return (
    <tr className={checked ? 'is-selected' : undefined}>
      <td className="approvals__check">
        <input type="checkbox" aria-label={`Select ${name}`} checked={checked} onChange={(e) => onCheck(e.target.checked)} />
      </td>
      <th scope="row" className="approvals__member">
        <span className="approvals__name">{item.member.name}</span>
        <span className="approvals__sub">{item.teams.join(', ') || item.member.email}</span>
      </th>
      <td className="approvals__period">
        <span className="table__nowrap">{dayRangeLabel(item)}</span>
        {item.resubmitted && <span className="badge badge--warn approvals__resubmitted">Resubmitted</span>}
      </td>
      <td className="table__nowrap">Level {item.level}</td>
      <td className="table__nowrap">{item.submittedAt === null ? <span className="muted">—</span> : formatMoment(item.submittedAt)}</td>
      <td className="num approvals__total">{formatDuration(item.totalSeconds, unit)}</td>
      <td className="num table__nowrap">
        {formatDuration(item.billableSeconds, unit)}
        {billableShare && <span className="approvals__share"> · {billableShare}</span>}
      </td>
      <td className={`num table__nowrap ts-diff ts-diff--${diff.kind}`}>
        {diff.value}
        {diff.kind !== 'even' && <span className="approvals__word"> {diff.kind}</span>}
      </td>
      <td className="table__actions">
        <a className="button button--secondary button--compact" href={hrefOf('approvals', item.periodId)}>
          Review<span className="visually-hidden"> {name}</span>
        </a>
      </td>
    </tr>
  )
}
