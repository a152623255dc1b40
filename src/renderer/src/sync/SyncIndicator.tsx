// The sidebar's foot: where this device's time stands with the team server (or that it
// stays on this device), with "Sync now" and the way to what needs the person. A polite
// live region speaks only when sync starts or stops needing them, or after "Sync now":
// the quiet synced ⇄ pending ⇄ syncing churn of normal typing is never read out.
import { useState } from 'react'
import type { SyncStatus } from '@shared/sync'
import { describeSyncStatus, needsPerson, plural, spokenSyncStatus } from './sync-status-text'
import type { SyncStatusModel } from './use-sync-status'

/** A key that changes when the announcement should: entering, leaving or worsening a problem. */
function problemKey(status: SyncStatus | null): string | null {
  if (!status || status.state === 'syncing') return null
  if (!needsPerson(status)) return 'fine'
  return status.state === 'attention' ? `attention:${status.issues}` : status.state
}

const CAN_SYNC: ReadonlySet<SyncStatus['state']> = new Set(['synced', 'pending', 'offline', 'problem', 'attention'])

export function SyncIndicator({ model }: { model: SyncStatusModel }) {
  const { status, syncing, syncNow } = model
  const [announcement, setAnnouncement] = useState('')
  // The last settled key seen; null until the first status, which is never announced.
  const [seen, setSeen] = useState<string | null>(null)
  const key = problemKey(status)
  if (key !== null && key !== seen) {
    setSeen(key)
    if (seen !== null && status) setAnnouncement(key === 'fine' ? `Sync is working again. ${spokenSyncStatus(status)}` : spokenSyncStatus(status))
  }

  const runNow = () => {
    if (syncing) return
    void syncNow().then((next) => setAnnouncement(next ? spokenSyncStatus(next) : 'Sync could not start; try again in a moment.'))
  }

  const text = status ? describeSyncStatus(status) : null
  const tone = syncing ? 'busy' : (text?.tone ?? 'local')

  return (
    <section className={`sync sync--${tone}`} aria-label="Sync status">
      {text && status ? (
        <>
          <p className="sync__title">
            <span className="sync__dot" aria-hidden="true" />
            {syncing ? 'Syncing…' : text.title}
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
                  Review {plural(status.issues, 'issue', 'issues')}
                </a>
              )}
              {status.state === 'unauthorized' && (
                <a className="sync__link" href="#settings">
                  Open Settings
                </a>
              )}
              {CAN_SYNC.has(status.state) && (
                <button type="button" className="sync__button" onClick={runNow} aria-disabled={syncing || undefined}>
                  {syncing ? 'Syncing…' : status.state === 'offline' || status.state === 'problem' ? 'Try now' : 'Sync now'}
                </button>
              )}
            </p>
          )}
        </>
      ) : (
        <p className="sync__detail">Saved on this device · works offline</p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  )
}
