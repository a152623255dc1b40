// What a decision did, period by period: approving several at once reports each on its
// own (one refusal stops none of the others), in the server's own sentences (in the window's
// language when they came with their ids). A polite live region, present before anything is
// in it, so the outcome is read out.
import type { DecisionResult } from '@shared/approvals'
import { readableSentence } from '@shared/errors'
import type { MessageId } from '@shared/i18n/catalogue'
import { formatClock } from '@shared/i18n/formats'
import { useT } from '../i18n/i18n-context'
import './outcome.css'

export interface DecisionOutcome {
  kind: 'approve' | 'reject'
  /** When it was decided: the report stays until dismissed, so it says when. */
  at: number
  /** The server's result per period, with the period's name for the list. */
  results: (DecisionResult['results'][number] & { name: string })[]
}

/** The headline's messages: all done, none done, some done, for each kind of decision. */
const HEADLINES: Record<DecisionOutcome['kind'], { all: MessageId; none: MessageId; some: MessageId }> = {
  approve: { all: 'approvals.outcome.approvedAll', none: 'approvals.outcome.approvedNone', some: 'approvals.outcome.approvedSome' },
  reject: { all: 'approvals.outcome.rejectedAll', none: 'approvals.outcome.rejectedNone', some: 'approvals.outcome.rejectedSome' },
}

export function DecisionOutcomeView({ outcome, onDismiss }: { outcome: DecisionOutcome | null; onDismiss: () => void }) {
  const translator = useT()
  const { t, locale } = translator
  const refused = outcome?.results.filter((r) => !r.ok).length ?? 0
  const done = (outcome?.results.length ?? 0) - refused
  const headline = HEADLINES[outcome?.kind ?? 'approve']
  return (
    <div role="status" className="outcome-region">
      {outcome && outcome.results.length > 0 && (
        <div className={`banner outcome${refused > 0 ? ' outcome--mixed' : ''}`}>
          <div className="outcome__text">
            <p className="outcome__title">
              {refused === 0 ? t(headline.all, { count: done }) : done === 0 ? t(headline.none) : t(headline.some, { done, total: outcome.results.length })}
              <span className="outcome__when"> {formatClock(outcome.at, locale)}</span>
            </p>
            <ul className="outcome__list">
              {outcome.results.map((r) => (
                <li key={r.periodId} className={r.ok ? 'outcome__item is-ok' : 'outcome__item is-refused'}>
                  <span className="outcome__mark" aria-hidden="true">
                    {r.ok ? '✓' : '✕'}
                  </span>
                  <span>
                    {!r.ok && <strong>{t('approvals.outcome.refused')}</strong>}
                    {readableSentence(r.message, r, translator)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <button type="button" className="button button--ghost button--compact" onClick={onDismiss}>
            {t('approvals.dismiss')}
          </button>
        </div>
      )}
    </div>
  )
}
