// The question about timer time that fell into a submitted or approved period: it was
// not booked there, and waits here until the user books it today, keeps it aside until
// the period is reopened, or discards it. Keeping it aside is the safe default.
import { useId } from 'react'
import { formatDuration } from '@shared/duration'
import type { HeldTime, PromptResolution } from '@shared/timers'
import { formatDay, formatTime } from '../format'
import { Dialog } from '../ui/Dialog'
import './held-time.css'

/** "Sun 15 Nov" or "Sun 15 Nov and Mon 16 Nov". */
export function heldDays(held: HeldTime): string {
  const names = held.days.map((d) => formatDay(d.day))
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
}

interface LockedTimeDialogProps {
  held: HeldTime
  remaining: number
  onResolve: (resolution: PromptResolution) => void
}

export function LockedTimeDialog({ held, remaining, onResolve }: LockedTimeDialogProps) {
  const todayNote = useId()
  const more = remaining > 1 ? ` (${remaining - 1} more question${remaining > 2 ? 's' : ''} after this one)` : ''
  const reopened = held.lockedReason === null
  return (
    <Dialog
      title={`Time in a locked period: ${held.timerLabel}`}
      description={`${formatDuration(held.seconds)} of ${held.timerLabel} (${formatTime(held.fromAt)}–${formatTime(held.toAt)}) fell on ${heldDays(held)}, in a period that is submitted or approved. It was not booked there and nothing is lost: what should happen to it?${more}`}
      onClose={() => undefined}
      dismissable={false}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={() => onResolve({ action: 'discard' })}>
            Discard it
          </button>
          <button type="button" className="button button--secondary" onClick={() => onResolve({ action: 'keep-aside' })} data-autofocus>
            Keep it aside
          </button>
          {reopened && (
            <button type="button" className="button button--start" onClick={() => onResolve({ action: 'book-into-days' })}>
              Book it into {heldDays(held)}
            </button>
          )}
          <button
            type="button"
            className="button button--start"
            aria-disabled={!held.todayOpen || undefined}
            aria-describedby={held.todayOpen ? undefined : todayNote}
            onClick={() => held.todayOpen && onResolve({ action: 'book-today' })}
          >
            Book it today
          </button>
        </>
      }
    >
      <ul className="held-days" aria-label="Days the time fell on">
        {held.days.map((d) => (
          <li key={d.day}>
            <span>{formatDay(d.day)}</span>
            <span className="num">{formatDuration(d.seconds)}</span>
            <span className="muted">{d.locked ? 'locked' : 'open again'}</span>
          </li>
        ))}
      </ul>
      {held.lockedReason && <p className="note">{held.lockedReason}</p>}
      <p className="muted">Kept aside, it waits under the timers until the period is reopened; then it can be booked into its days.</p>
      {!held.todayOpen && (
        <p id={todayNote} className="muted">
          Today is in a locked period too, so it cannot take this time.
        </p>
      )}
    </Dialog>
  )
}
