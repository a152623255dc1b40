// One member's period as an approver reads it: rows of (work item, activity, billable),
// one cell per day holding the sum of its entries' rounded seconds. Voided entries count
// for nothing (their time is kept apart, to be shown struck through), and a cell is
// marked when an entry in it was changed, added or removed since the last rejection.
import type { ApprovalDetail } from '@shared/approvals'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { daysOf, weekdayOf } from '@shared/periods'
import type { EntryWire } from '@shared/sync'
import { rowKeyId } from '@shared/timesheet'

export interface ReviewCell {
  day: string
  seconds: number
  voidedSeconds: number
  /** An entry in it was added or changed since the rejection, or one was removed. */
  changed: boolean
}

export interface ReviewRow {
  key: string
  workItemId: string | null
  activityTypeId: string | null
  billable: boolean
  /** The work item's reference, when it has one. */
  reference: string | null
  title: string
  activity: string
  /** One line for accessible names: "T-1042 · Printer, Remote support, non-billable". */
  name: string
  cells: ReviewCell[]
  totalSeconds: number
  voidedSeconds: number
}

export interface ReviewGrid {
  days: { day: string; weekday: number }[]
  rows: ReviewRow[]
  dayTotals: number[]
  totalSeconds: number
  billableSeconds: number
  voidedSeconds: number
  voidedCount: number
  /** Cells marked as changed since the rejection. */
  changedCells: number
}

type Names = Pick<ApprovalDetail, 'workItems' | 'activityTypes'>

/** Names for an entry's row in the window's language (English without a translator, as the tests of the grid read). */
export function entryNames(detail: Names, t: Translator['t'] = ENGLISH.t): (entry: Pick<EntryWire, 'workItemId' | 'activityTypeId' | 'billable'>) => Pick<ReviewRow, 'reference' | 'title' | 'activity' | 'name'> {
  const items = new Map(detail.workItems.map((w) => [w.id, w]))
  const types = new Map(detail.activityTypes.map((type) => [type.id, type.name]))
  return (entry) => {
    const item = entry.workItemId ? items.get(entry.workItemId) : undefined
    const title = item ? item.title : entry.workItemId ? t('approvals.unknownItem') : t('approvals.noItem')
    const reference = item?.reference ?? null
    const activity = entry.activityTypeId ? (types.get(entry.activityTypeId) ?? t('approvals.unknownActivity')) : t('approvals.noActivity')
    const itemName = reference ? `${reference} · ${title}` : title
    return { reference, title, activity, name: entry.billable ? `${itemName}, ${activity}` : t('approvals.rowNameNonBillable', { item: itemName, activity }) }
  }
}

export function buildReviewGrid(detail: ApprovalDetail, t: Translator['t'] = ENGLISH.t): ReviewGrid {
  const days = daysOf({ start: detail.period.start, end: detail.period.end })
  const dayIndex = new Map(days.map((day, i) => [day, i]))
  const names = entryNames(detail, t)
  const changedIds = new Set(detail.changedSinceRejection?.changed ?? [])
  const removed = detail.changedSinceRejection?.removed ?? []
  const rows = new Map<string, ReviewRow>()

  const rowOf = (entry: EntryWire): ReviewRow => {
    const key = rowKeyId(entry)
    let row = rows.get(key)
    if (!row) {
      row = {
        key,
        workItemId: entry.workItemId,
        activityTypeId: entry.activityTypeId,
        billable: entry.billable,
        ...names(entry),
        cells: days.map((day) => ({ day, seconds: 0, voidedSeconds: 0, changed: false })),
        totalSeconds: 0,
        voidedSeconds: 0,
      }
      rows.set(key, row)
    }
    return row
  }

  let voidedCount = 0
  for (const entry of detail.entries) {
    const i = dayIndex.get(entry.day)
    if (i === undefined || entry.deletedAt !== null) continue
    const row = rowOf(entry)
    const cell = row.cells[i]
    if (!cell) continue
    if (entry.status === 'voided') {
      cell.voidedSeconds += entry.roundedSeconds
      row.voidedSeconds += entry.roundedSeconds
      voidedCount++
    } else {
      cell.seconds += entry.roundedSeconds
      row.totalSeconds += entry.roundedSeconds
    }
    if (changedIds.has(entry.id)) cell.changed = true
  }
  // Time taken out since the rejection changed its cell too, when the row is still there.
  for (const entry of removed) {
    const i = dayIndex.get(entry.day)
    const cell = i === undefined ? undefined : rows.get(rowKeyId(entry))?.cells[i]
    if (cell) cell.changed = true
  }

  const sorted = [...rows.values()].sort(
    (a, b) =>
      (a.reference === null ? 1 : 0) - (b.reference === null ? 1 : 0) ||
      (a.reference ?? '').localeCompare(b.reference ?? '', undefined, { numeric: true }) ||
      a.title.localeCompare(b.title) ||
      a.activity.localeCompare(b.activity) ||
      Number(b.billable) - Number(a.billable),
  )
  const dayTotals = days.map((_, i) => sorted.reduce((sum, row) => sum + (row.cells[i]?.seconds ?? 0), 0))
  return {
    days: days.map((day) => ({ day, weekday: weekdayOf(day) })),
    rows: sorted,
    dayTotals,
    totalSeconds: dayTotals.reduce((a, b) => a + b, 0),
    billableSeconds: sorted.filter((r) => r.billable).reduce((sum, r) => sum + r.totalSeconds, 0),
    voidedSeconds: sorted.reduce((sum, r) => sum + r.voidedSeconds, 0),
    voidedCount,
    changedCells: sorted.reduce((n, r) => n + r.cells.filter((c) => c.changed).length, 0),
  }
}
