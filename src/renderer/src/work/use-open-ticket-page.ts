// Opens a work item's ticket page: the host opens it in the system's browser (Electron's
// shell, after checking the stored address); the browser host cannot, so the page opens the
// address the host checked and answered, in a new tab with no way back to Stint's window.
import { useCallback } from 'react'
import { useClient } from '../client-context'

export function useOpenTicketPage(onProblem: (message: string) => void): (workItemId: string) => Promise<void> {
  const client = useClient()
  return useCallback(
    async (workItemId: string) => {
      try {
        const { url, opened } = await client.work.openTicketPage({ id: workItemId })
        if (!opened) window.open(url, '_blank', 'noopener,noreferrer')
      } catch (error) {
        onProblem((error as Error).message)
      }
    },
    [client, onProblem],
  )
}
