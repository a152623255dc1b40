// "A sync round has ended": the moment to read again what the team server may have
// changed (decisions, the queue, the account's role). Told from the pushed statuses: a
// new lastSyncedAt means a round went through; a settled state other than the one
// before means one ended otherwise (offline, signed out, standalone again). The start
// of a round, and statuses that repeat, say nothing new.
import type { StintClient } from '@shared/bridge'
import type { SyncStatus } from '@shared/sync'

export function roundEnded(previous: SyncStatus | null, next: SyncStatus): boolean {
  if (next.lastSyncedAt !== null && next.lastSyncedAt !== (previous?.lastSyncedAt ?? null)) return true
  return next.state !== 'syncing' && next.state !== previous?.state
}

/** Calls `onRound` after each sync round that has ended; returns the unsubscribe. */
export function onSyncRounds(client: StintClient, onRound: () => void): () => void {
  let previous: SyncStatus | null = null
  return client.events['sync.changed'](({ status }) => {
    const ended = roundEnded(previous, status)
    previous = status
    if (ended) onRound()
  })
}
