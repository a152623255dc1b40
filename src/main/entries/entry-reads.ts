// Reading time entries: with their exact ranges as the renderer sees them, and the
// grid's hot query (one user's live entries over a span of days; see its plan test).
import type { Kysely, Transaction } from 'kysely'
import type { TimeEntry } from '@shared/entries'
import { entryFields } from '@shared/sync-rows'
import type { Database } from '../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export async function loadEntries(db: Db, userId: string, where: { ids: readonly string[] } | { from: string; to: string }): Promise<TimeEntry[]> {
  return (await loadEntryRows(db, userId, where)).map(({ entry }) => entry)
}

/** The entries with the zone each was booked in (null for typed time and pulled copies). */
export async function loadEntryRows(db: Db, userId: string, where: { ids: readonly string[] } | { from: string; to: string }): Promise<{ entry: TimeEntry; timeZone: string | null }[]> {
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
    entry: {
      // The sync stamps (updatedAt, deletedAt) ride along; the contract's response schema drops them.
      ...entryFields(row),
      status: row.status,
      timerId: row.timer_id,
      ranges: ranges.filter((r) => r.entry_id === row.id).map((r) => ({ startedAt: r.started_at, endedAt: r.ended_at })),
    },
    timeZone: row.time_zone,
  }))
}

/** Entries in the grid: everything not voided or deleted (the grid's hot query; see its plan test). */
export function liveEntries(db: Db, userId: string, from: string, to: string) {
  return db
    .selectFrom('time_entries')
    .select(['id', 'day', 'work_item_id', 'activity_type_id', 'billable', 'source', 'rounded_seconds', 'created_at'])
    .where('user_id', '=', userId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'voided')
}

/** One of the user's entries, as stored, or undefined when it does not exist (any more). */
export function entryRow(db: Db, userId: string, id: string) {
  return db.selectFrom('time_entries').selectAll().where('id', '=', id).where('user_id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst()
}

/** Rounded seconds on each of the days, of everything not voided or deleted. */
export async function dayTotals(db: Db, userId: string, days: readonly string[]): Promise<Map<string, number>> {
  const totals = new Map(days.map((d) => [d, 0]))
  if (days.length === 0) return totals
  const sorted = [...days].sort()
  for (const e of await liveEntries(db, userId, sorted[0] ?? '', sorted[sorted.length - 1] ?? '').execute()) {
    if (totals.has(e.day)) totals.set(e.day, (totals.get(e.day) ?? 0) + e.rounded_seconds)
  }
  return totals
}

/** Day, status and rounded seconds of every live entry in a span, voided ones included (the Submissions view's buckets). */
export function entryStatuses(db: Db, userId: string, from: string, to: string) {
  return db.selectFrom('time_entries').select(['day', 'status', 'rounded_seconds']).where('user_id', '=', userId).where('day', '>=', from).where('day', '<=', to).where('deleted_at', 'is', null).execute()
}

/** What the tray offers to continue: a stopped timer's entry, and what it is called. */
export interface RecentEntry {
  entryId: string
  /** The work item's reference (or title), or "No work item"; then the note, if any. */
  label: string
}

/**
 * The query behind the Recent list. It runs on every entries.changed (a grid keystroke
 * too), so it walks the (user, day) index from the newest day and stops after a page,
 * never scanning or sorting all of a person's entries.
 */
export function recentStoppedQuery(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('time_entries')
    .leftJoin('work_items', 'work_items.id', 'time_entries.work_item_id')
    .select(['time_entries.id', 'time_entries.work_item_id', 'time_entries.activity_type_id', 'time_entries.billable', 'time_entries.description', 'work_items.reference', 'work_items.title'])
    .where('time_entries.user_id', '=', userId)
    .where('time_entries.source', '=', 'timer')
    .where('time_entries.deleted_at', 'is', null)
    .orderBy('time_entries.day', 'desc')
    .orderBy('time_entries.created_at', 'desc')
    .limit(limit * 20)
}

/**
 * The newest entries stopped timers booked, one per work item, activity type, billable
 * flag and note (continuing two alike would start the same timer), newest first.
 */
export async function recentStopped(db: Db, userId: string, limit: number): Promise<RecentEntry[]> {
  const rows = await recentStoppedQuery(db, userId, limit).execute()
  const seen = new Set<string>()
  const recent: RecentEntry[] = []
  for (const row of rows) {
    const key = JSON.stringify([row.work_item_id, row.activity_type_id, row.billable, row.description])
    if (seen.has(key)) continue
    seen.add(key)
    const name = row.reference ?? row.title ?? 'No work item'
    const note = row.description.split('\n')[0]?.trim() ?? ''
    recent.push({ entryId: row.id, label: note === '' ? name : `${name} · ${note}` })
    if (recent.length === limit) break
  }
  return recent
}
