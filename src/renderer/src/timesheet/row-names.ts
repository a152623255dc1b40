// What a timesheet row is called: the work item (reference · title), the activity type,
// and whether it is billable — on screen, in button names and in messages.
import type { RowKey } from '@shared/timesheet'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { workItemDisplayName, type ActivityType, type WorkItem } from '@shared/work'

export interface RowName {
  reference: string | null
  title: string
  activity: string
  billable: boolean
  /** One line for accessible names and messages: "TICKET-1 · Printer, Remote support". */
  full: string
  /** The row header as a screen reader says it, the parts as words: "TICKET-1, Printer, Remote support, Non-billable". */
  spoken: string
}

export function rowNamer(workItems: readonly WorkItem[], activityTypes: readonly ActivityType[], translator: Pick<Translator, 't'> = ENGLISH): (row: RowKey) => RowName {
  const { t } = translator
  const items = new Map(workItems.map((w) => [w.id, w]))
  const types = new Map(activityTypes.map((t) => [t.id, t]))
  return (row) => {
    const item = row.workItemId ? items.get(row.workItemId) : undefined
    const title = item ? item.title : row.workItemId ? t('rows.unknownItem') : t('rows.noItem')
    const activity = row.activityTypeId ? (types.get(row.activityTypeId)?.name ?? t('rows.unknownActivity')) : t('rows.noActivity')
    const itemName = item ? workItemDisplayName(item) : title
    return { reference: item?.reference ?? null, title, activity, billable: row.billable, full: t(row.billable ? 'rows.full' : 'rows.fullNonBillable', { item: itemName, activity }),
      spoken: [item?.reference, title, activity, row.billable ? null : t('grid.nonBillable')].filter(Boolean).join(', '),
    }
  }
}
