// The only code that writes a time entry made on this device. Each writer takes the
// period lock's key (OpenDays) for the entry's day and changes the row only where that
// day is stored, so a write can neither skip the lock nor slip onto another day. Rows
// are never deleted (sync needs the tombstone); every change bumps the version.
import type { Transaction } from 'kysely'
import { newId } from '@shared/ids'
import type { Database, EntrySource, Flag } from '../db/schema'
import { assertOpen, type OpenDays } from './period-lock'

export interface NewEntry {
  day: string
  workItemId: string | null
  activityTypeId: string | null
  billable: Flag
  description: string
  source: EntrySource
  rawSeconds: number
  roundedSeconds: number
  timerId: string | null
  /** The zone a timer ran in; null for typed time. */
  timeZone: string | null
  ranges: readonly RangeRow[]
}

/** A run of an entry; `primary`: its timer was marked primary while it ran (absent: not). */
export interface RangeRow {
  startedAt: number
  endedAt: number
  primary?: boolean
}

export async function insertEntry(trx: Transaction<Database>, open: OpenDays, user: string, entry: NewEntry, now: number): Promise<string> {
  assertOpen(open, entry.day)
  const id = newId()
  await trx
    .insertInto('time_entries')
    .values({
      id,
      user_id: user,
      day: entry.day,
      work_item_id: entry.workItemId,
      activity_type_id: entry.activityTypeId,
      billable: entry.billable,
      description: entry.description,
      source: entry.source,
      raw_seconds: entry.rawSeconds,
      rounded_seconds: entry.roundedSeconds,
      status: 'draft',
      timer_id: entry.timerId,
      time_zone: entry.timeZone,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute()
  await insertRanges(trx, id, entry.ranges)
  return id
}

/** Where the entry is: its id on the day the lock was asked about, for its user, not deleted. */
type EntryAt = { id: string; day: string; user: string }

async function update(trx: Transaction<Database>, open: OpenDays, at: EntryAt, now: number, changes: { raw_seconds?: number; rounded_seconds?: number; description?: string; deleted_at?: number }): Promise<void> {
  assertOpen(open, at.day)
  const result = await trx
    .updateTable('time_entries')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', at.id)
    .where('day', '=', at.day)
    .where('user_id', '=', at.user)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) throw new Error(`entry ${at.id} is not on ${at.day} (or is gone): nothing was written`)
}

export function setSeconds(trx: Transaction<Database>, open: OpenDays, at: EntryAt, raw: number, rounded: number, now: number): Promise<void> {
  return update(trx, open, at, now, { raw_seconds: raw, rounded_seconds: rounded })
}

export function setDescription(trx: Transaction<Database>, open: OpenDays, at: EntryAt, description: string, now: number): Promise<void> {
  return update(trx, open, at, now, { description })
}

export function tombstone(trx: Transaction<Database>, open: OpenDays, at: EntryAt, now: number): Promise<void> {
  return update(trx, open, at, now, { deleted_at: now })
}

/** New runs of a timer entry with its new seconds. Ranges are the entry's detail, so the old ones go. */
export async function setRuns(trx: Transaction<Database>, open: OpenDays, at: EntryAt, ranges: readonly RangeRow[], raw: number, rounded: number, now: number): Promise<void> {
  await setSeconds(trx, open, at, raw, rounded, now)
  await trx.deleteFrom('time_entry_ranges').where('entry_id', '=', at.id).execute()
  await insertRanges(trx, at.id, ranges)
}

async function insertRanges(trx: Transaction<Database>, entryId: string, ranges: readonly RangeRow[]): Promise<void> {
  if (ranges.length === 0) return
  await trx
    .insertInto('time_entry_ranges')
    .values(ranges.map((r) => ({ id: newId(), entry_id: entryId, started_at: r.startedAt, ended_at: r.endedAt, is_primary: r.primary === true ? 1 : 0 })))
    .execute()
}
