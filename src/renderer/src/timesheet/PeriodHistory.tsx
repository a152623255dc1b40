// The period's audit trail, folded away until asked for: every status change, who made
// it, when, from what to what, and the reason given. The table alone serves where the
// trail is already behind a disclosure of its own (a row of the Submissions view).
import { format } from 'date-fns'
import type { PeriodEvent } from '@shared/timesheet'
import { STATUS_WORDS } from './PeriodStatusBanner'
import './history.css'

const word = (status: string): string => STATUS_WORDS[status] ?? status

/** "Open → Submitted"; a move from submitted to submitted can only be a first-level approval of a two-level period. */
function Change({ event }: { event: PeriodEvent }) {
  if (event.from === 'submitted' && event.to === 'submitted') return <>Approved at level 1</>
  return (
    <>
      {word(event.from)}
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> to </span>
      {word(event.to)}
    </>
  )
}

export function PeriodHistoryTable({ history, caption = 'Status changes of this period, oldest first' }: { history: readonly PeriodEvent[]; caption?: string }) {
  return (
    <table className="table ts-history__table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Change</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {history.map((event) => (
          <tr key={event.id}>
            <td className="table__nowrap">{format(event.at, 'EEE d MMM yyyy, HH:mm')}</td>
            <td className="table__nowrap">{event.actor}</td>
            <td className="table__nowrap">
              <Change event={event} />
            </td>
            <td className="ts-history__reason">{event.reason ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

interface PeriodHistoryProps {
  history: readonly PeriodEvent[]
  /** Open from the start (a page about this one period). */
  open?: boolean
}

export function PeriodHistory({ history, open = false }: PeriodHistoryProps) {
  if (history.length === 0) return null
  return (
    <details className="ts-history" open={open}>
      <summary>History ({history.length})</summary>
      <PeriodHistoryTable history={history} />
    </details>
  )
}
