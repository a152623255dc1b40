// The period's audit trail, folded away until asked for: every status change, who made
// it, when, from what to what, and the reason given.
import { format } from 'date-fns'
import type { PeriodEvent } from '@shared/timesheet'
import { STATUS_WORDS } from './PeriodStatusBanner'

const word = (status: string): string => STATUS_WORDS[status] ?? status

export function PeriodHistory({ history }: { history: readonly PeriodEvent[] }) {
  if (history.length === 0) return null
  return (
    <details className="ts-history">
      <summary>History ({history.length})</summary>
      <table className="table ts-history__table">
        <caption className="visually-hidden">Status changes of this period, oldest first</caption>
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
              <td>{event.actor}</td>
              <td className="table__nowrap">
                {word(event.from)}
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> to </span>
                {word(event.to)}
              </td>
              <td>{event.reason ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
