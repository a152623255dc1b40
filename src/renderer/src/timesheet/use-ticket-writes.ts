// Where a day's entries stand on their tickets, asked of the team server when a cell's details
// open. Without a team server (or offline) there is nothing to say, so nothing is shown.
import { useEffect, useState } from 'react'
import type { TicketWriteStatus } from '@shared/ticket-systems/write-status'
import { useClient } from '../client-context'
import { useSyncStatus } from '../sync/use-sync-status'

export function useTicketWrites(day: string): ReadonlyMap<string, TicketWriteStatus> {
  const client = useClient()
  const state = useSyncStatus(client).status?.state
  const connected = state !== undefined && state !== 'standalone'
  const [writes, setWrites] = useState<ReadonlyMap<string, TicketWriteStatus>>(new Map())
  useEffect(() => {
    if (!connected) return
    let live = true
    client.sync.ticketWrites({ from: day, to: day }).then(
      (list) => live && setWrites(new Map(list.map((status) => [status.entryId, status]))),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, day, connected])
  return writes
}
