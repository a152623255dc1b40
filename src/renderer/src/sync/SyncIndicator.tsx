// The sidebar's foot: where this device's time stands with the team server (or that it
// stays on this device), with "Sync now" and the way to what needs the person. A polite
// live region speaks only when sync starts or stops needing them, or after "Sync now":
// the quiet synced ⇄ pending ⇄ syncing churn of normal typing is never read out.
import { useState } from 'react'
import type { SyncStatus } from '@shared/sync'
import { useT } from '../i18n/i18n-context'
import { describeSyncStatus, needsPerson, spokenSyncStatus } from './sync-status-text'
import type { SyncStatusModel } from './use-sync-status'
import './sync.css'

/** A key that changes when the announcement should: entering, leaving or worsening a problem. */
function problemKey(status: SyncStatus | null): string | null {
  if (!status || status.state === 'syncing') return null
  if (!needsPerson(status)) return 'fine'
  return status.state === 'attention' ? `attention:${status.issues}` : status.state
}

const CAN_SYNC: ReadonlySet<SyncStatus['state']> = new Set(['synced', 'pending', 'offline', 'problem', 'attention'])

export function SyncIndicator({ model }: { model: SyncStatusModel }) {
  const { status, syncing, syncNow } = model
  const translator = useT()
  const { t } = translator
  const [announcement, setAnnouncement] = useState('')
  // The last settled key seen; null until the first status, which is never announced.
  const [seen, setSeen] = useState<string | null>(null)
  const key = problemKey(status)
  if (key !== null && key !== seen) {
    setSeen(key)
    if (seen !== null && status) setAnnouncement(key === 'fine' ? t('sync.workingAgain', { status: spokenSyncStatus(status, translator) }) : spokenSyncStatus(status, translator))
  }

  const runNow = () => {
    if (syncing) return
    void syncNow().then((next) => setAnnouncement(next ? spokenSyncStatus(next, translator) : t('sync.couldNotStart')))
  }

  const text = status ? describeSyncStatus(status, undefined, translator) : null
  const tone = syncing ? 'busy' : (text?.tone ?? 'local')

  return (
    <section className={`sync sync--${tone}`} aria-label={t('sync.label')}>
      {text && status ? (
        <>
          <p className="sync__title">
            <span className="sync__dot" aria-hidden="true" />
            {syncing ? t('sync.syncing') : text.title}
          </p>
          {text.details.map((line) => (
            <p key={line} className="sync__detail">
              {line}
            </p>
          ))}
          {(status.state === 'attention' || status.state === 'unauthorized' || CAN_SYNC.has(status.state)) && (
            <p className="sync__actions">
              {status.state === 'attention' && (
                <a className="sync__link" href="#attention">
                  {t('sync.review', { count: status.issues })}
                </a>
              )}
              {status.state === 'unauthorized' && (
                <a className="sync__link" href="#settings">
                  {t('sync.openSettings')}
                </a>
              )}
              {CAN_SYNC.has(status.state) && (
                <button type="button" className="sync__button" onClick={runNow} aria-disabled={syncing || undefined}>
                  {syncing ? t('sync.syncing') : status.state === 'offline' || status.state === 'problem' ? t('sync.tryNow') : t('sync.syncNow')}
                </button>
              )}
            </p>
          )}
        </>
      ) : (
        <p className="sync__detail">{t('sync.local')}</p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  )
}
