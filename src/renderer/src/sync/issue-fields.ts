// The fields of a sync issue worth comparing, as text: for a time entry its day,
// duration, work item, activity, billable and description; for other rows their names
// and flags. Ids, versions and other bookkeeping are left out, and a field that differs
// between my version and the server's is marked so the eye (and a screen reader) finds it.
import { format } from 'date-fns'
import { formatDuration } from '@shared/duration'
import type { SyncIssue } from '@shared/sync'
import { workItemDisplayName, type ActivityType, type WorkItem } from '@shared/work'
import { formatDay } from '../format'

export interface IssueField {
  label: string
  mine: string | null
  server: string | null
  differs: boolean
}

export interface Lookups {
  workItems: readonly WorkItem[]
  activityTypes: readonly ActivityType[]
}

type Copy = Record<string, unknown>
type Formatter = (copy: Copy, lookups: Lookups) => string | null

const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null)
const yesNo = (value: unknown, yes: string, no: string): string | null => (typeof value === 'boolean' ? (value ? yes : no) : null)
const day = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${formatDay(value)} ${value.slice(0, 4)}` : text(value))
const instant = (value: unknown): string | null => (typeof value === 'number' ? format(value, 'd MMM yyyy, HH:mm') : null)

function duration(copy: Copy): string | null {
  const rounded = copy['roundedSeconds']
  const raw = copy['rawSeconds']
  if (typeof rounded !== 'number') return null
  const shown = formatDuration(rounded)
  return typeof raw === 'number' && formatDuration(raw) !== shown ? `${shown} (${formatDuration(raw)} recorded)` : shown
}

function workItem(copy: Copy, { workItems }: Lookups): string | null {
  const id = copy['workItemId']
  if (id === null) return 'No work item'
  if (typeof id !== 'string') return null
  const item = workItems.find((w) => w.id === id)
  return item ? workItemDisplayName(item) : `Unknown work item (${id})`
}

function activity(copy: Copy, { activityTypes }: Lookups): string | null {
  const id = copy['activityTypeId']
  if (id === null) return 'No activity type'
  if (typeof id !== 'string') return null
  return activityTypes.find((t) => t.id === id)?.name ?? `Unknown activity type (${id})`
}

const STATUS_WORDS: Record<string, string> = { open: 'Open', submitted: 'Submitted', approved: 'Approved', rejected: 'Rejected' }

// Shown only when a side deleted the row; the other side then reads "—".
const deleted: [string, Formatter] = ['Deleted', (c) => (typeof c['deletedAt'] === 'number' ? `Deleted ${instant(c['deletedAt']) ?? ''}`.trim() : null)]
const changed: [string, Formatter] = ['Last changed', (c) => instant(c['updatedAt'])]

const FIELDS: Record<string, [string, Formatter][]> = {
  entry: [
    ['Day', (c) => day(c['day'])],
    ['Duration', (c) => duration(c)],
    ['Work item', workItem],
    ['Activity', activity],
    ['Billable', (c) => yesNo(c['billable'], 'Billable', 'Non-billable')],
    ['Description', (c) => (typeof c['description'] === 'string' ? c['description'].trim() || '(none)' : null)],
    deleted,
    changed,
  ],
  workItem: [
    ['Reference', (c) => text(c['reference']) ?? (c['reference'] === null ? '(none)' : null)],
    ['Title', (c) => text(c['title'])],
    ['Billable', (c) => yesNo(c['billable'], 'Billable', 'Non-billable')],
    ['Active', (c) => yesNo(c['active'], 'Active', 'Inactive')],
    deleted,
    changed,
  ],
  activityType: [
    ['Name', (c) => text(c['name'])],
    ['Active', (c) => yesNo(c['active'], 'Active', 'Inactive')],
    ['Default', (c) => yesNo(c['isDefault'], 'Yes', 'No')],
    deleted,
    changed,
  ],
  customer: [['Name', (c) => text(c['name'])], deleted, changed],
  contract: [
    ['Name', (c) => text(c['name'])],
    ['Included time', (c) => (typeof c['includedMinutes'] === 'number' ? formatDuration(c['includedMinutes'] * 60) : c['includedMinutes'] === null ? 'None' : null)],
    deleted,
    changed,
  ],
  period: [
    ['Period from', (c) => day(c['start'])],
    ['Status', (c) => (typeof c['status'] === 'string' ? (STATUS_WORDS[c['status']] ?? c['status']) : null)],
    ['Approval level', (c) => (typeof c['level'] === 'number' ? `Level ${c['level']}` : null)],
    ['Reason', (c) => text(c['reason'])],
    changed,
  ],
}

/** The fields to show for an issue, in a fixed order; rows neither side has are left out. */
export function issueFields(issue: SyncIssue, lookups: Lookups): IssueField[] {
  const kind = issue.entity.startsWith('period.') ? 'period' : issue.entity
  const fields = FIELDS[kind]
  if (!fields) return genericFields(issue)
  return fields
    .map(([label, show]) => {
      const mine = issue.mine ? show(issue.mine, lookups) : null
      const server = issue.server ? show(issue.server, lookups) : null
      return { label, mine, server, differs: issue.mine !== null && issue.server !== null && mine !== server }
    })
    .filter((f) => f.mine !== null || f.server !== null)
    // "Last changed" always differs and says nothing about the content.
    .map((f) => (f.label === 'Last changed' ? { ...f, differs: false } : f))
}

const BOOKKEEPING = new Set(['id', 'version', 'updatedAt', 'createdAt', 'deletedAt', 'baseVersion'])

/** An entity this version of the app does not know: its plain fields, as they are. */
function genericFields(issue: SyncIssue): IssueField[] {
  const keys = [...new Set([...Object.keys(issue.mine ?? {}), ...Object.keys(issue.server ?? {})])].filter((k) => !BOOKKEEPING.has(k))
  const show = (copy: Copy | null, key: string): string | null => {
    const value = copy?.[key]
    return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : text(value)
  }
  return keys
    .map((key) => {
      const mine = show(issue.mine, key)
      const server = show(issue.server, key)
      return { label: key, mine, server, differs: issue.mine !== null && issue.server !== null && mine !== server }
    })
    .filter((f) => f.mine !== null || f.server !== null)
}
