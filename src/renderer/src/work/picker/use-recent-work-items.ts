// The ids of recently used work items, most recent first, read once per picker. Only an
// ordering hint: if the host cannot answer, the picker simply has no "Recently used" group.
import { useEffect, useState } from 'react'
import { useClient } from '../../client-context'

export function useRecentWorkItems(): readonly string[] {
  const client = useClient()
  const [recentIds, setRecentIds] = useState<readonly string[]>([])
  useEffect(() => {
    let current = true
    client.work.recentItems({}).then(
      (ids) => current && setRecentIds(ids),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [client])
  return recentIds
}
