// How a timer's work item reads under the timer's own label (card, kept-aside time): a
// timer is usually named after its ticket, so the part the label already says is left out
// ("TICKET-1234" over "Printer on 2nd floor jams", not over "TICKET-1234 · Printer…").
import { workItemDisplayName, type WorkItem } from '@shared/work'
import { foldForSearch } from '../work/picker/picker-options'

export function workItemUnderLabel(label: string, item: Pick<WorkItem, 'reference' | 'title'>): string {
  const same = (text: string | null) => text !== null && foldForSearch(text.trim()) === foldForSearch(label.trim())
  if (same(workItemDisplayName(item))) return item.reference ? item.title : ''
  if (same(item.reference)) return item.title
  if (same(item.title)) return item.reference ?? ''
  return workItemDisplayName(item)
}
