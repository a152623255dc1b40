// The grid's row order: by work item (its reference, else its title), then activity type,
// then billable before non-billable; rows without a work item last. Names compare
// lower-cased, code unit by code unit, so the order is the same on every machine.
import type { Kysely } from 'kysely'
import type { RowKey } from '@shared/timesheet'
import type { Database } from '../db/schema'

export interface RowNames {
  items: ReadonlyMap<string, string>
  types: ReadonlyMap<string, string>
}

export async function readRowNames(db: Kysely<Database>): Promise<RowNames> {
  const items = new Map((await db.selectFrom('work_items').select(['id', 'reference', 'title']).execute()).map((w) => [w.id, (w.reference ?? w.title).toLowerCase()]))
  const types = new Map((await db.selectFrom('activity_types').select(['id', 'name']).execute()).map((t) => [t.id, t.name.toLowerCase()]))
  return { items, types }
}

/** Sorts after every name: a row without a work item. */
const NO_ITEM = '\uffff'

interface Named<T> {
  row: T
  item: string
  type: string
  billable: boolean
}

/**
 * The rows in order, a new array; rows that compare equal keep their order. Each row's
 * names are looked up once, not twice per comparison (the grid sorts on every load).
 */
export function inRowOrder<T extends RowKey>(rows: readonly T[], names: RowNames): T[] {
  const named = rows.map(
    (row): Named<T> => ({
      row,
      item: row.workItemId ? (names.items.get(row.workItemId) ?? '') : NO_ITEM,
      type: row.activityTypeId ? (names.types.get(row.activityTypeId) ?? '') : '',
      billable: row.billable,
    }),
  )
  named.sort((a, b) => {
    if (a.item !== b.item) return a.item < b.item ? -1 : 1
    if (a.type !== b.type) return a.type < b.type ? -1 : 1
    return a.billable === b.billable ? 0 : a.billable ? -1 : 1
  })
  return named.map((n) => n.row)
}
