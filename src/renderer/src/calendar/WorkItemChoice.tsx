// The work item of a new calendar entry: one small component on its own so the
// searchable picker (issue 16 §3) can take its place without touching the dialog.
// Favourites first, then the other active items by name.
import { workItemDisplayName, type WorkItem } from '@shared/work'

interface WorkItemChoiceProps {
  id: string
  workItems: readonly WorkItem[]
  value: string | null
  onChange: (id: string | null) => void
}

const NONE = ''

export function WorkItemChoice({ id, workItems, value, onChange }: WorkItemChoiceProps) {
  const active = workItems.filter((w) => w.active).sort((a, b) => Number(b.favourite) - Number(a.favourite) || workItemDisplayName(a).localeCompare(workItemDisplayName(b)))
  return (
    <select id={id} className="input" value={value ?? NONE} onChange={(e) => onChange(e.target.value === NONE ? null : e.target.value)}>
      <option value={NONE}>No work item</option>
      {active.map((w) => (
        <option key={w.id} value={w.id}>
          {w.favourite ? '★ ' : ''}
          {workItemDisplayName(w)}
          {w.customerName ? ` (${w.customerName})` : ''}
        </option>
      ))}
    </select>
  )
}
