// One change the team server did not take: what it is about, the server's reason, both
// versions side by side for a conflict, and the choices the host accepts for it.
import { useId } from 'react'
import { readableDays } from '@shared/day-words'
import type { SyncIssue } from '@shared/sync'
import { issueFields, type Lookups } from './issue-fields'
import { syncTime } from './sync-status-text'
import './issues.css'

export type IssueChoice = 'mine' | 'server' | 'discard'

interface IssueCardProps {
  issue: SyncIssue
  lookups: Lookups
  /** This issue's choice is on its way to the host. */
  busy: boolean
  error: string | null
  onResolve: (choice: IssueChoice) => void
}

/** Periods have no local row to send again: their status is the server's to decide. */
const isPeriod = (issue: SyncIssue) => issue.entity.startsWith('period.')

export function IssueCard({ issue, lookups, busy, error, onResolve }: IssueCardProps) {
  const id = useId()
  const fields = issueFields(issue, lookups)
  const conflict = issue.kind === 'conflict'
  const canKeepMine = conflict && issue.server !== null && !isPeriod(issue)
  const canUseServer = conflict && issue.server !== null
  const showServer = issue.server !== null
  const headingId = `${id}-subject`
  const hintId = `${id}-hint`

  const choice = (which: IssueChoice, label: string, className = 'button button--secondary') => (
    <button type="button" className={className} aria-disabled={busy || undefined} aria-describedby={headingId} onClick={() => !busy && onResolve(which)}>
      {label}
    </button>
  )

  return (
    <article className="panel issue" aria-labelledby={headingId} data-issue={issue.id}>
      <div className="issue__head">
        <h2 id={headingId} className="panel__title" tabIndex={-1}>
          {issue.subject}
        </h2>
        <span className={`badge ${conflict ? 'badge--warn' : 'badge--danger'}`}>{conflict ? 'Conflict' : 'Refused'}</span>
      </div>
      <p className="issue__reason">
        <strong>{conflict ? 'Changed on the server as well. ' : 'The server refused this change. '}</strong>
        {readableDays(issue.reason)}
      </p>
      <p className="issue__when">Waiting since {syncTime(issue.createdAt)}</p>

      {fields.length > 0 && (
        <div className="table-scroll">
          <table className={`table issue__compare${showServer ? '' : ' issue__compare--single'}`}>
            <caption className="visually-hidden">{showServer ? 'Your version and the server’s version' : 'Your change'}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Field</span>
                </th>
                <th scope="col">{conflict ? 'Your version' : 'Your change'}</th>
                {showServer && <th scope="col">Server’s version</th>}
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.label} className={f.differs ? 'is-different' : undefined}>
                  <th scope="row">
                    {f.label}
                    {f.differs && <span className="issue__differs"> · differs</span>}
                  </th>
                  <td>{f.mine ?? '—'}</td>
                  {showServer && <td>{f.server ?? '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {error && (
        <div className="banner banner--error" role="alert">
          <span>{error}</span>
        </div>
      )}

      <div className="issue__actions">
        {canKeepMine && choice('mine', 'Keep mine')}
        {canUseServer && choice('server', 'Use the server’s')}
        {!conflict && choice('mine', 'Send again')}
        {!canUseServer && choice('discard', 'Discard my change', 'button button--ghost button--danger-text')}
        {!conflict && (
          <p id={hintId} className="issue__hint">
            {issue.entity === 'entry' ? (
              <>
                Or fix the row in the <a href="#timesheet">timesheet</a>: the corrected change is sent again.
              </>
            ) : issue.entity.startsWith('period.') ? (
              'Discarding takes the period’s status from the server.'
            ) : (
              <>
                Or fix it in <a href="#work">Work items</a>: the corrected change is sent again.
              </>
            )}
          </p>
        )}
      </div>
    </article>
  )
}
