// Where a day's entries stand on their tickets, asked when a cell's details open: of the team
// server when connected, of this device's own write-back when standalone (the main process
// answers either way). Offline, or nothing written, nothing is shown.
import { useEffect, useState } from 'react'
import type { TicketWriteStatus } from '@shared/ticket-systems/write-status'
import { useClient } from '../client-context'
import { useSyncStatus } from '../sync/use-sync-status'

export function useTicketWrites(day: string): ReadonlyMap<string, TicketWriteStatus> {
  const client = useClient()
  const state = useSyncStatus(client).status?.state
  const known = state !== undefined
  const [writes, setWrites] = useState<ReadonlyMap<string, TicketWriteStatus>>(new Map())
  useEffect(() => {
    if (!known) return
    let live = true
    client.sync.ticketWrites({ from: day, to: day }).then(
      (list) => live && setWrites(new Map(list.map((status) => [status.entryId, status]))),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, day, known])
  return writes
}
