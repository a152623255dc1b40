// The approver's queue, straight from the team server through the host: loaded on
// opening, again after every finished sync round (the sidebar's "Sync now" included)
// and on request. When the server cannot answer, the queue is gone and the host's
// sentence takes its place: an empty list would say that nothing waits, which nobody knows.
import { useCallback, useEffect } from 'react'
import type { ApprovalQueueItem } from '@shared/approvals'
import type { StintClient } from '@shared/bridge'
import { onSyncRounds } from '../sync/sync-rounds'
import { useHostQuery } from '../ui/use-host-query'

export interface ApprovalQueueModel {
  /** Null until the first answer, and whenever the last request failed. */
  items: ApprovalQueueItem[] | null
  error: string | null
  loading: boolean
  reload: () => void
}

export function useApprovalQueue(client: StintClient): ApprovalQueueModel {
  const fetch = useCallback(() => client.approvals.queue({}), [client])
  const { value, error, loading, reload } = useHostQuery(fetch)

  useEffect(() => onSyncRounds(client, reload), [client, reload])

  return { items: value, error, loading, reload }
}
