// Needs attention: every change the team server refused or found in conflict, each
// waiting for the person's choice. Nothing here is lost by waiting; the list follows
// sync as it runs, and after a choice the focus moves on to the next issue.
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { SyncIssue } from '@shared/sync'
import { useClient } from '../client-context'
import { IssueCard, type IssueChoice } from '../sync/IssueCard'
import { useT } from '../i18n/i18n-context'
import type { MessageId } from '@shared/i18n/catalogue'
import type { WorkStore } from '../work/work-store'
import '../sync/issues.css'

const DONE: Record<IssueChoice, MessageId> = {
  mine: 'attention.kept',
  server: 'attention.tookServer',
  discard: 'attention.discarded',
}
/** "Send again" on a refusal: the change as it stands goes up once more. */
const SENT_AGAIN: MessageId = 'attention.sentAgain'

export function AttentionView({ work }: { work: WorkStore }) {
  const client = useClient()
  const id = useId()
  const { t } = useT()
  const { workItems, activityTypes } = useStore(work)
  const [issues, setIssues] = useState<SyncIssue[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [announcement, setAnnouncement] = useState('')
  const count = useRef<number | null>(null)
  const list = useRef<HTMLDivElement>(null)
  const title = useRef<HTMLHeadingElement>(null)

  const show = useCallback((next: SyncIssue[]) => {
    count.current = next.length
    setIssues(next)
    setLoadError(null)
  }, [])

  const load = useCallback(async () => {
    try {
      show(await client.sync.issues({}))
    } catch (error) {
      setLoadError((error as Error).message)
    }
  }, [client, show])

  useEffect(() => {
    let live = true
    client.sync
      .issues({})
      .then((loaded) => live && show(loaded))
      .catch((error: unknown) => live && setLoadError((error as Error).message))
    // A sync round may bring new issues (or settle some): reload when the count moves.
    const off = client.events['sync.changed'](({ status }) => {
      if (status.issues !== count.current) void load()
    })
    return () => {
      live = false
      off()
    }
  }, [client, load, show])

  const resolve = async (issue: SyncIssue, choice: IssueChoice) => {
    const index = issues?.findIndex((i) => i.id === issue.id) ?? 0
    setBusy(issue.id)
    try {
      const next = await client.sync.resolveIssue({ id: issue.id, choice })
      show(next)
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== issue.id)))
      const done = choice === 'mine' && issue.kind === 'refused' ? SENT_AGAIN : DONE[choice]
      setAnnouncement(`${t(done)} ${next.length === 0 ? t('attention.nothingElse') : t('attention.left', { count: next.length })}`)
      // The focus goes where the settled issue was: the next one, or the heading when none is left.
      requestAnimationFrame(() => {
        const headings = list.current?.querySelectorAll<HTMLElement>('.issue h2')
        const target = headings && headings.length > 0 ? headings[Math.min(index, headings.length - 1)] : title.current
        target?.focus()
      })
    } catch (error) {
      setErrors((current) => ({ ...current, [issue.id]: (error as Error).message }))
    } finally {
      setBusy(null)
    }
  }

  const lookups = { workItems, activityTypes }

  return (
    <section className="view view--narrow" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`} ref={title} tabIndex={-1}>
            {t('attention.title')}
          </h1>
          <p className="view__subtitle">{t('attention.subtitle')}</p>
        </div>
        {issues && issues.length > 0 && <p className="view__summary">{t('attention.count', { count: issues.length })}</p>}
      </header>

      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>{t('attention.loadFailed', { reason: loadError })}</span>
          <button type="button" className="button button--ghost" onClick={() => void load()}>
            {t('attention.tryAgain')}
          </button>
        </div>
      )}
      {!issues && !loadError && <p className="muted">{t('attention.loading')}</p>}
      {issues && issues.length === 0 && (
        <p className="empty">
          {t('attention.empty')} <a href="#timesheet">{t('attention.backToTimesheet')}</a>
        </p>
      )}
      <div className="issues" ref={list}>
        {issues?.map((issue) => (
          <IssueCard key={issue.id} issue={issue} lookups={lookups} busy={busy === issue.id} error={errors[issue.id] ?? null} onResolve={(choice) => void resolve(issue, choice)} />
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  )
}
