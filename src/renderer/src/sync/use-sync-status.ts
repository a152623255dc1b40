// Where sync stands, for whatever shows it: loaded once, then followed through the
// 'sync.changed' event the main process pushes on every change. "Sync now" waits for
// the round and shows its outcome at once.
import { useCallback, useEffect, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import type { SyncStatus } from '@shared/sync'

export interface SyncStatusModel {
  /** Null until the host has answered (or when it could not). */
  status: SyncStatus | null
  /** A "Sync now" round is on its way. */
  syncing: boolean
  /** Runs a round now; resolves with the status after it, or null when the call failed. */
  syncNow: () => Promise<SyncStatus | null>
  /** Asks for the status again (after connecting, before the next event arrives). */
  refresh: () => Promise<void>
}

export function useSyncStatus(client: StintClient): SyncStatusModel {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [syncing, setSyncing] = useState(false)

  useEffect(() => {
    let live = true
    client.sync
      .status({})
      .then((loaded) => {
        if (live) setStatus(loaded)
      })
      .catch(() => undefined) // nothing to show; the event brings the next status
    const off = client.events['sync.changed'](({ status: next }) => {
      live = false // a pushed status is newer than any answer still on its way
      setStatus(next)
    })
    return () => {
      live = false
      off()
    }
  }, [client])

  const syncNow = useCallback(async () => {
    setSyncing(true)
    try {
      const next = await client.sync.now({})
      setStatus(next)
      return next
    } catch {
      return null
    } finally {
      setSyncing(false)
    }
  }, [client])

  const refresh = useCallback(async () => {
    try {
      setStatus(await client.sync.status({}))
    } catch {
      // keep what is shown; the next event corrects it
    }
  }, [client])

  return { status, syncing, syncNow, refresh }
}
