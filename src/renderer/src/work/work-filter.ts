// The Work items list's search: the picker's matching (every word typed appears in the
// reference, the title or the customer, ignoring case and accents), so both find the same.
import type { WorkItem } from '@shared/work'
import { queryWords, workItemMatches } from './picker/picker-options'

export interface WorkFilter {
  text: string
  showInactive: boolean
}

export function filterWorkItems(items: readonly WorkItem[], { text, showInactive }: WorkFilter): WorkItem[] {
  const words = queryWords(text)
  return items.filter((item) => (showInactive || item.active) && workItemMatches(item, words))
}
