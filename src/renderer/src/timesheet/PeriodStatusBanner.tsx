// Where the period stands, said on the period itself: submitted (waiting for which
// approval level, and whether the submission has left this device), approved and
// locked, rejected with the approver's reason, or reopened with the reason given —
// with the move the person can make from there (withdraw, reopen).
import type { PeriodEvent, Timesheet } from '@shared/timesheet'
import { syncTime } from '../sync/sync-status-text'
import './period-banner.css'

export const STATUS_WORDS: Record<string, string> = { open: 'Open', submitted: 'Submitted', approved: 'Approved', rejected: 'Rejected' }

interface PeriodStatusBannerProps {
  sheet: Timesheet
  /** standalone: the person is their own administrator; null while unknown. */
  mode: 'standalone' | 'server' | null
  /** The id of the sentence that says why the period is read-only (for the Submit button). */
  reasonId: string
  busy: boolean
  onWithdraw: () => void
  onReopen: () => void
}

/** The event that brought the period to its current status (the last one to it). */
function lastMove(sheet: Timesheet): PeriodEvent | undefined {
  return sheet.history.findLast((e) => e.to === sheet.status)
}

function byline(event: PeriodEvent | undefined): string {
  // Standalone moves are made by "You", which reads as "by you" mid-sentence.
  return event ? ` by ${event.actor === 'You' ? 'you' : event.actor}, ${syncTime(event.at)}` : ''
}

export function PeriodStatusBanner({ sheet, mode, reasonId, busy, onWithdraw, onReopen }: PeriodStatusBannerProps) {
  const move = lastMove(sheet)

  if (sheet.status === 'submitted') {
    return (
      <div className="banner period-banner period-banner--submitted" role="note" aria-label="Read-only period">
        <div className="period-banner__text">
          <p className="period-banner__title">
            Submitted — waiting for level {sheet.level ?? 1} approval
            {sheet.queued && <span className="badge badge--warn">Queued — not sent yet</span>}
          </p>
          <p id={reasonId}>
            {sheet.queued && 'The submission is on this device and goes to the team server when it can be reached. '}
            {sheet.lockedReason}
          </p>
        </div>
        {sheet.level === 1 && (
          <button type="button" className="button button--secondary button--compact" onClick={onWithdraw} aria-disabled={busy || undefined}>
            Withdraw submission
          </button>
        )}
      </div>
    )
  }

  if (sheet.status === 'approved') {
    return (
      <div className="banner period-banner period-banner--approved" role="note" aria-label="Read-only period">
        <div className="period-banner__text">
          <p className="period-banner__title">
            <span aria-hidden="true">✓ </span>Approved and locked{byline(move)}
          </p>
          <p id={reasonId}>
            {sheet.lockedReason}
          </p>
        </div>
        {mode === 'standalone' && (
          <button type="button" className="button button--secondary button--compact" onClick={onReopen} aria-disabled={busy || undefined}>
            Reopen…
          </button>
        )}
      </div>
    )
  }

  if (sheet.status === 'rejected') {
    return (
      <div className="banner period-banner period-banner--rejected" role="note" aria-label="Rejected period">
        <div className="period-banner__text">
          <p className="period-banner__title">Rejected{byline(move)}</p>
          {sheet.reason && <blockquote className="period-banner__reason">{sheet.reason}</blockquote>}
          <p>The period is open again: change what the reason asks for, then submit it again.</p>
        </div>
      </div>
    )
  }

  // Open: worth a word only when it was reopened (or sent back) with a reason.
  if (sheet.reason && move && move.reason) {
    return (
      <div className="banner period-banner period-banner--reopened" role="note" aria-label="Reopened period">
        <div className="period-banner__text">
          <p className="period-banner__title">Reopened{byline(move)}</p>
          <blockquote className="period-banner__reason">{sheet.reason}</blockquote>
          <p>The period can be edited again; submit it when it is ready.</p>
        </div>
      </div>
    )
  }
  return null
}
