// The grid's writes of time entries. Typing a total only ever creates, changes or removes
// the one hand-entered ("grid") entry of that cell, never what timers recorded; a day has
// at most 24 hours, checked after a whole batch is in so a pasted block is all or nothing.
import type { Transaction } from 'kysely'
import { refuse } from '@shared/errors'
import { MAX_DAY_SECONDS, type CellChange, type RowKey } from '@shared/timesheet'
import type { Database } from '../db/schema'
import { dayTotals, liveEntries } from './entry-reads'
import { insertEntry, setSeconds, tombstone } from './entry-rows'
import { requireOpen, type LockMode, type OpenDays } from './period-lock'

interface RowFields {
  work_item_id: string | null
  activity_type_id: string | null
  billable: number
}

export function matchesRow(row: RowKey) {
  return (e: RowFields) => e.work_item_id === row.workItemId && e.activity_type_id === row.activityTypeId && (e.billable === 1) === row.billable
}

/** Whether a day holding `seconds` has more than the 24 hours a day has: the one test of it, for writes and the import preview alike. */
export function overFullDay(seconds: number): boolean {
  return seconds > MAX_DAY_SECONDS
}

/** Refuses the change (the caller's transaction rolls back) when any of the days now has more than 24 hours. */
export async function checkDayLimits(trx: Transaction<Database>, user: string, days: Iterable<string>): Promise<void> {
  for (const [day, total] of await dayTotals(trx, user, [...new Set(days)])) {
    if (overFullDay(total)) throw refuse('invalid_request', 'refusal.dayOver24h', { day, totalSeconds: total })
  }
}

/** Sets cell totals, all or nothing; every day asked of the lock first. */
export async function setCellTotals(trx: Transaction<Database>, user: string, mode: LockMode, changes: readonly CellChange[], now: number): Promise<void> {
  const open = await requireOpen(
    trx,
    user,
    changes.map((c) => c.day),
    mode,
  )
  for (const change of changes) await applyCellTotal(trx, open, user, change, now)
  await checkDayLimits(
    trx,
    user,
    changes.map((c) => c.day),
  )
}

/** Makes the cell's total what was typed by adjusting only its hand-entered entry. */
async function applyCellTotal(trx: Transaction<Database>, open: OpenDays, user: string, change: CellChange, now: number): Promise<void> {
  const inCell = (await liveEntries(trx, user, change.day, change.day).orderBy('created_at').execute()).filter(matchesRow(change.row))
  const fixed = inCell.filter((e) => e.source !== 'grid').reduce((sum, e) => sum + e.rounded_seconds, 0)
  const grid = inCell.filter((e) => e.source === 'grid')
  const target = change.totalSeconds - fixed
  if (target < 0) {
    throw refuse('invalid_request', 'refusal.belowTimerTime', { seconds: change.totalSeconds, day: change.day, timerSeconds: fixed })
  }
  const at = (id: string) => ({ id, day: change.day, user })
  const [keep, ...extra] = grid
  for (const e of extra) await tombstone(trx, open, at(e.id), now)
  if (keep && target === 0) {
    await tombstone(trx, open, at(keep.id), now)
  } else if (keep) {
    if (keep.rounded_seconds !== target || extra.length > 0) await setSeconds(trx, open, at(keep.id), target, target, now)
  } else if (target > 0) {
    const { workItemId, activityTypeId, billable } = change.row
    await insertEntry(trx, open, user, { day: change.day, workItemId, activityTypeId, billable: billable ? 1 : 0, description: '', source: 'grid', rawSeconds: target, roundedSeconds: target, timerId: null, timeZone: null, ranges: [] }, now)
  }
}

/**
 * The entries' part of removing a row from a period: refused while it holds time; the
 * zero-length grid entries a cleared cell leaves behind go with it.
 */
export async function clearEmptyRow(trx: Transaction<Database>, user: string, mode: LockMode, span: { from: string; to: string }, row: RowKey, now: number): Promise<void> {
  const time = (await liveEntries(trx, user, span.from, span.to).execute()).filter(matchesRow(row))
  if (time.some((e) => e.rounded_seconds > 0)) throw refuse('conflict', 'refusal.rowHasTime')
  const empty = time.filter((t) => t.source === 'grid')
  const open = await requireOpen(
    trx,
    user,
    empty.map((e) => e.day),
    mode,
  )
  for (const e of empty) await tombstone(trx, open, { id: e.id, day: e.day, user }, now)
}
