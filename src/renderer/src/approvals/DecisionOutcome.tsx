// What a decision did, period by period: approving several at once reports each on its
// own (one refusal stops none of the others), in the server's own sentences. A polite
// live region, present before anything is in it, so the outcome is read out.
import type { DecisionResult } from '@shared/approvals'
import { formatTime } from '../format'
import './outcome.css'

export interface DecisionOutcome {
  kind: 'approve' | 'reject'
  /** When it was decided: the report stays until dismissed, so it says when. */
  at: number
  /** The server's result per period, with the period's name for the list. */
  results: (DecisionResult['results'][number] & { name: string })[]
}

export function DecisionOutcomeView({ outcome, onDismiss }: { outcome: DecisionOutcome | null; onDismiss: () => void }) {
  const refused = outcome?.results.filter((r) => !r.ok).length ?? 0
  const done = (outcome?.results.length ?? 0) - refused
  const verb = outcome?.kind === 'reject' ? 'Rejected' : 'Approved'
  return (
    <div role="status" className="outcome-region">
      {outcome && outcome.results.length > 0 && (
        <div className={`banner outcome${refused > 0 ? ' outcome--mixed' : ''}`}>
          <div className="outcome__text">
            <p className="outcome__title">
              {refused === 0 ? `${verb} ${done === 1 ? 'the period' : `${done} periods`}.` : done === 0 ? `Nothing was ${verb.toLowerCase()}.` : `${verb} ${done} of ${outcome.results.length} periods.`}
              <span className="outcome__when"> {formatTime(outcome.at)}</span>
            </p>
            <ul className="outcome__list">
              {outcome.results.map((r) => (
                <li key={r.periodId} className={r.ok ? 'outcome__item is-ok' : 'outcome__item is-refused'}>
                  <span className="outcome__mark" aria-hidden="true">
                    {r.ok ? '✓' : '✕'}
                  </span>
                  <span>
                    {!r.ok && <strong>Refused: </strong>}
                    {r.message}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <button type="button" className="button button--ghost button--compact" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
