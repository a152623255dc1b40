// One change the team server did not take: what it is about, the server's reason (in the
// window's language when it came with its refusal id), both versions side by side for a
// conflict, and the choices the host accepts for it.
import { useId } from 'react'
import { readableSentence } from '@shared/errors'
import type { SyncIssue } from '@shared/sync'
import { useT } from '../i18n/i18n-context'
import { sentenceWith } from '../i18n/sentence-with'
import { issueFields, issueSubject, type Lookups } from './issue-fields'
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
  const translator = useT()
  // English keeps its short "17 Nov 14:05", as the sync status writes it.
  const { t, locale, language } = translator
  const fields = issueFields(issue, lookups, translator)
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
          {issueSubject(issue, translator)}
        </h2>
        <span className={`badge ${conflict ? 'badge--warn' : 'badge--danger'}`}>{conflict ? t('attention.conflict') : t('attention.refused')}</span>
      </div>
      <p className="issue__reason">
        <strong>{conflict ? t('attention.conflictReason') : t('attention.refusedReason')}</strong> {readableSentence(issue.reason, issue, translator)}
      </p>
      <p className="issue__when">{t('attention.waitingSince', { time: syncTime(issue.createdAt, undefined, language === 'en' ? undefined : locale) })}</p>

      {fields.length > 0 && (
        <div className="table-scroll">
          <table className={`table issue__compare${showServer ? '' : ' issue__compare--single'}`}>
            <caption className="visually-hidden">{showServer ? t('attention.compareBoth') : t('attention.yourChange')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('attention.field')}</span>
                </th>
                <th scope="col">{conflict ? t('attention.yourVersion') : t('attention.yourChange')}</th>
                {showServer && <th scope="col">{t('attention.serverVersion')}</th>}
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.label} className={f.differs ? 'is-different' : undefined}>
                  <th scope="row">
                    {f.label}
                    {f.differs && <span className="issue__differs"> · {t('attention.differs')}</span>}
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
        {canKeepMine && choice('mine', t('attention.keepMine'))}
        {canUseServer && choice('server', t('attention.useServer'))}
        {!conflict && choice('mine', t('attention.sendAgain'))}
        {!canUseServer && choice('discard', t('attention.discard'), 'button button--ghost button--danger-text')}
        {!conflict && (
          <p id={hintId} className="issue__hint">
            {issue.entity === 'entry'
              ? sentenceWith(t, 'attention.fixEntry', { timesheet: <a href="#timesheet">{t('attention.timesheetLink')}</a> })
              : issue.entity.startsWith('period.')
                ? t('attention.periodHint')
                : sentenceWith(t, 'attention.fixWork', { work: <a href="#work">{t('nav.work')}</a> })}
          </p>
        )}
      </div>
    </article>
  )
}
