// The fields of a sync issue worth comparing, as text: for a time entry its day,
// duration, work item, activity, billable and description; for other rows their names
// and flags. Ids, versions and other bookkeeping are left out, and a field that differs
// between my version and the server's is marked so the eye (and a screen reader) finds it.
// Also the line naming what the issue is about, written here from the change itself so
// its day reads as the window writes days.
import { formatDuration } from '@shared/duration'
import type { MessageId } from '@shared/i18n/catalogue'
import { formatInstant } from '@shared/i18n/formats'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
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
type Formatter = (copy: Copy, lookups: Lookups, translator: Translator) => string | null

const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null)
const yesNo = (value: unknown, yes: string, no: string): string | null => (typeof value === 'boolean' ? (value ? yes : no) : null)
/** A day with its year: "Mon 16 Nov 2026" in English, "Mo 16. Nov. 2026" in German. */
function day(value: unknown, { language, locale }: Translator): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return text(value)
  return `${formatDay(value, language === 'en' ? undefined : locale)} ${value.slice(0, 4)}`
}
const instant = (value: unknown, { locale }: Translator): string | null => (typeof value === 'number' ? formatInstant(value, locale) : null)

function duration(copy: Copy, { t, locale }: Translator): string | null {
  const rounded = copy['roundedSeconds']
  const raw = copy['rawSeconds']
  if (typeof rounded !== 'number') return null
  const shown = formatDuration(rounded, undefined, locale)
  const recorded = typeof raw === 'number' ? formatDuration(raw, undefined, locale) : shown
  return recorded !== shown ? t('issue.recorded', { shown, raw: recorded }) : shown
}

function workItem(copy: Copy, { workItems }: Lookups, { t }: Translator): string | null {
  const id = copy['workItemId']
  if (id === null) return t('issue.noWorkItem')
  if (typeof id !== 'string') return null
  const item = workItems.find((w) => w.id === id)
  return item ? workItemDisplayName(item) : t('issue.unknownWorkItem', { id })
}

function activity(copy: Copy, { activityTypes }: Lookups, { t }: Translator): string | null {
  const id = copy['activityTypeId']
  if (id === null) return t('issue.noActivity')
  if (typeof id !== 'string') return null
  return activityTypes.find((type) => type.id === id)?.name ?? t('issue.unknownActivity', { id })
}

const STATUS_WORDS: Record<string, MessageId> = { open: 'issue.status.open', submitted: 'issue.status.submitted', approved: 'issue.status.approved', rejected: 'issue.status.rejected' }

/** A period's status in words; one this version does not know, as the server wrote it. */
function status(value: unknown, t: Translator['t']): string | null {
  if (typeof value !== 'string') return null
  const word = STATUS_WORDS[value]
  return word ? t(word) : value
}

const billable: Formatter = (c, _, { t }) => yesNo(c['billable'], t('issue.isBillable'), t('issue.nonBillable'))
const active: Formatter = (c, _, { t }) => yesNo(c['active'], t('issue.isActive'), t('issue.inactive'))
const name: Formatter = (c) => text(c['name'])

// Shown only when a side deleted the row; the other side then reads "—".
const deleted: [MessageId, Formatter] = ['issue.deleted', (c, _, tr) => (typeof c['deletedAt'] === 'number' ? tr.t('issue.deletedAt', { when: instant(c['deletedAt'], tr) ?? '' }).trim() : null)]
const LAST_CHANGED: MessageId = 'issue.lastChanged'
const changed: [MessageId, Formatter] = [LAST_CHANGED, (c, _, tr) => instant(c['updatedAt'], tr)]

const FIELDS: Record<string, [MessageId, Formatter][]> = {
  entry: [
    ['issue.day', (c, _, tr) => day(c['day'], tr)],
    ['issue.duration', (c, _, tr) => duration(c, tr)],
    ['issue.workItem', workItem],
    ['issue.activity', activity],
    ['issue.billable', billable],
    ['issue.description', (c, _, { t }) => (typeof c['description'] === 'string' ? c['description'].trim() || t('issue.none') : null)],
    deleted,
    changed,
  ],
  workItem: [
    ['issue.reference', (c, _, { t }) => text(c['reference']) ?? (c['reference'] === null ? t('issue.none') : null)],
    ['issue.title', (c) => text(c['title'])],
    ['issue.billable', billable],
    ['issue.active', active],
    deleted,
    changed,
  ],
  activityType: [
    ['issue.name', name],
    ['issue.active', active],
    ['issue.default', (c, _, { t }) => yesNo(c['isDefault'], t('issue.yes'), t('issue.no'))],
    deleted,
    changed,
  ],
  customer: [['issue.name', name], deleted, changed],
  contract: [
    ['issue.name', name],
    ['issue.includedTime', (c, _, { t, locale }) => (typeof c['includedMinutes'] === 'number' ? formatDuration(c['includedMinutes'] * 60, undefined, locale) : c['includedMinutes'] === null ? t('issue.noHours') : null)],
    deleted,
    changed,
  ],
  period: [
    ['issue.periodFrom', (c, _, tr) => day(c['start'], tr)],
    ['issue.status', (c, _, { t }) => status(c['status'], t)],
    ['issue.level', (c, _, { t }) => (typeof c['level'] === 'number' ? t('issue.levelN', { level: c['level'] }) : null)],
    ['issue.reason', (c) => text(c['reason'])],
    changed,
  ],
}

/** The fields to show for an issue, in a fixed order, named in the translator's language; rows neither side has are left out. */
export function issueFields(issue: SyncIssue, lookups: Lookups, translator: Translator = ENGLISH): IssueField[] {
  const kind = issue.entity.startsWith('period.') ? 'period' : issue.entity
  const fields = FIELDS[kind]
  if (!fields) return genericFields(issue, translator)
  return (
    fields
      .map(([id, show]) => {
        const mine = issue.mine ? show(issue.mine, lookups, translator) : null
        const server = issue.server ? show(issue.server, lookups, translator) : null
        // "Last changed" always differs and says nothing about the content.
        const differs = id !== LAST_CHANGED && issue.mine !== null && issue.server !== null && mine !== server
        return { label: translator.t(id), mine, server, differs }
      })
      .filter((f) => f.mine !== null || f.server !== null)
  )
}

const BOOKKEEPING = new Set(['id', 'version', 'updatedAt', 'createdAt', 'deletedAt', 'baseVersion'])

/** An entity this version of the app does not know: its plain fields, as they are. */
function genericFields(issue: SyncIssue, { t }: Translator): IssueField[] {
  const keys = [...new Set([...Object.keys(issue.mine ?? {}), ...Object.keys(issue.server ?? {})])].filter((k) => !BOOKKEEPING.has(k))
  const show = (copy: Copy | null, key: string): string | null => {
    const value = copy?.[key]
    return typeof value === 'boolean' ? (value ? t('issue.yes') : t('issue.no')) : text(value)
  }
  return keys
    .map((key) => {
      const mine = show(issue.mine, key)
      const server = show(issue.server, key)
      return { label: key, mine, server, differs: issue.mine !== null && issue.server !== null && mine !== server }
    })
    .filter((f) => f.mine !== null || f.server !== null)
}

/** What the issue is about in one line: "Entry on Tue 17 Nov 2026", "Work item T-1042", "Customer Acme"; the entity's name when my version is unknown. */
export function issueSubject(issue: SyncIssue, translator: Translator = ENGLISH): string {
  const { t } = translator
  const mine = issue.mine
  if (!mine) return issue.entity
  switch (issue.entity) {
    case 'entry':
      return t('issue.subject.entry', { day: day(mine['day'], translator) ?? '' })
    case 'workItem':
      return t('issue.subject.workItem', { name: text(mine['reference']) ?? text(mine['title']) ?? '' })
    case 'period.submit':
    case 'period.withdraw':
      return t(issue.entity === 'period.submit' ? 'issue.subject.submit' : 'issue.subject.withdraw', { day: day(mine['start'], translator) ?? '' })
    default: {
      const named = text(mine['name'])
      return named === null ? issue.entity : t('issue.subject.named', { kind: issue.entity, name: named })
    }
  }
}
