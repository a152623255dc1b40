// The Work items list's search: every word typed must appear in the reference, the
// title or the customer, in any case, so "acme print" finds ACME's printer ticket.
import type { WorkItem } from '@shared/work'

export interface WorkFilter {
  text: string
  showInactive: boolean
}

export function filterWorkItems(items: readonly WorkItem[], { text, showInactive }: WorkFilter): WorkItem[] {
  const words = text.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  return items.filter((item) => {
    if (!showInactive && !item.active) return false
    const haystack = [item.reference ?? '', item.title, item.customerName ?? ''].join('\n').toLocaleLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}
