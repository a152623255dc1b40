// Timer time the user kept aside because its period is submitted or approved. It stays
// here, across restarts, until it is booked (into its days once the period is reopened,
// or today) or discarded; nothing else books it.
import { useId, useState } from 'react'
import { formatDuration } from '@shared/duration'
import type { HeldTime, PromptResolution } from '@shared/timers'
import type { WorkItem } from '@shared/work'
import { spokenDuration } from '../format'
import { Dialog } from '../ui/Dialog'
import { heldDays } from './LockedTimeDialog'
import { workItemUnderLabel } from './work-under-label'
import './held-time.css'

interface KeptAsidePanelProps {
  items: readonly HeldTime[]
  workItems: readonly WorkItem[]
  onResolve: (id: string, resolution: PromptResolution) => void
}

export function KeptAsidePanel({ items, workItems, onResolve }: KeptAsidePanelProps) {
  const titleId = useId()
  const [discarding, setDiscarding] = useState<HeldTime | null>(null)
  if (items.length === 0) return null
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        Kept aside for locked periods
      </h2>
      <p className="muted">Timer time that fell into a submitted or approved period. Reopen the period to book it into its days, or book it today.</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Timer and work item</th>
            <th scope="col">Worked on</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((held) => {
            const item = workItems.find((w) => w.id === held.workItemId)
            const what = `${spokenDuration(held.seconds)} of ${held.timerLabel}`
            const reasonId = `${titleId}-${held.id}`
            return (
              <tr key={held.id}>
                <th scope="row">
                  {held.timerLabel}{' '}
                  <span className="table__sub">{item ? [workItemUnderLabel(held.timerLabel, item), item.customerName].filter(Boolean).join(' — ') : 'No work item'}</span>
                </th>
                <td className="table__nowrap">
                  {heldDays(held)}
                  <span id={reasonId} className="table__sub">
                    {held.lockedReason ? 'Still locked' : 'Open again'}
                  </span>
                </td>
                <td className="num">{formatDuration(held.seconds)}</td>
                <td className="kept-aside__actions">
                  <button
                    type="button"
                    className="button button--secondary button--compact"
                    aria-label={`Book ${what} into ${heldDays(held)}`}
                    aria-disabled={held.lockedReason !== null || undefined}
                    aria-describedby={reasonId}
                    onClick={() => held.lockedReason === null && onResolve(held.id, { action: 'book-into-days' })}
                  >
                    Book into its days
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--compact"
                    aria-label={`Book ${what} today`}
                    aria-disabled={!held.todayOpen || undefined}
                    onClick={() => held.todayOpen && onResolve(held.id, { action: 'book-today' })}
                  >
                    Book today
                  </button>
                  <button type="button" className="button button--ghost button--compact" aria-label={`Discard ${what}`} onClick={() => setDiscarding(held)}>
                    Discard…
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {discarding && (
        <Dialog
          title={`Discard ${formatDuration(discarding.seconds)} of ${discarding.timerLabel}?`}
          description={`The time worked on ${heldDays(discarding)} will not be booked anywhere. This cannot be undone.`}
          onClose={() => setDiscarding(null)}
          actions={
            <>
              <button type="button" className="button button--ghost" onClick={() => setDiscarding(null)} data-autofocus>
                Cancel
              </button>
              <button
                type="button"
                className="button button--stop"
                onClick={() => {
                  setDiscarding(null)
                  onResolve(discarding.id, { action: 'discard' })
                }}
              >
                Discard
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </section>
  )
}
