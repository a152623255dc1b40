// Reading time entries with their exact ranges, as the renderer sees them.
import type { Kysely, Transaction } from 'kysely'
import type { TimeEntry } from '@shared/entries'
import { entryFields } from '@shared/sync-rows'
import type { Database } from '../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export async function loadEntries(db: Db, userId: string, where: { ids: readonly string[] } | { from: string; to: string }): Promise<TimeEntry[]> {
  let query = db.selectFrom('time_entries').selectAll().where('user_id', '=', userId).where('deleted_at', 'is', null)
  if ('ids' in where) {
    if (where.ids.length === 0) return []
    query = query.where('id', 'in', where.ids)
  } else {
    query = query.where('day', '>=', where.from).where('day', '<=', where.to)
  }
  const rows = await query.orderBy('day').orderBy('created_at').execute()
  if (rows.length === 0) return []
  const ranges = await db
    .selectFrom('time_entry_ranges')
    .selectAll()
    .where(
      'entry_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('started_at')
    .execute()
  return rows.map((row) => ({
    // The sync stamps (updatedAt, deletedAt) ride along; the contract's response schema drops them.
    ...entryFields(row),
    status: row.status,
    timerId: row.timer_id,
    ranges: ranges.filter((r) => r.entry_id === row.id).map((r) => ({ startedAt: r.started_at, endedAt: r.ended_at })),
  }))
}

