// The team account this device is connected with, or null: asked at once and again after
// each sync round, which is when a role given or taken on the server reaches this device.
import { useEffect, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import type { TeamAccount } from '@shared/sync'
import { onSyncRounds } from './sync-rounds'

/**
 * The account, or null (standalone, or not known yet). A failed question keeps what was
 * known: the next round asks again. An answer that arrives after a newer question was
 * asked, or after unmounting, is dropped.
 */
export function useTeamAccount(client: StintClient): TeamAccount | null {
  const [account, setAccount] = useState<TeamAccount | null>(null)
  useEffect(() => {
    let latest = 0
    const load = () => {
      const ticket = ++latest
      client.sync
        .account({})
        .then((answer) => ticket === latest && setAccount(answer))
        .catch(() => undefined)
    }
    load()
    const off = onSyncRounds(client, load)
    return () => {
      latest = -1
      off()
    }
  }, [client])
  return account
}
