// A timer's run begins and ends here: a new segment when it starts (pausing the others when
// timers are exclusive), and its booking into draft entries when it stops.
import type { Transaction } from 'kysely'
import { newId } from '@shared/ids'
import type { Database, TimerRow } from '../db/schema'
import type { Booked, Entries } from '../entries/entries'
import type { ClosedSegment } from './booking'
import { closeOpenSegment, defaultActivityTypeId, setState } from './timer-rows'

/** Starts a run of `timer` now; with `exclusive`, every other running timer pauses first. */
export async function startRun(trx: Transaction<Database>, timer: TimerRow, now: number, options: { exclusive: boolean; timeZone: string }): Promise<void> {
  if (options.exclusive) {
    const others = await trx.selectFrom('timers').select('id').where('state', '=', 'running').where('id', '!=', timer.id).execute()
    for (const other of others) {
      await closeOpenSegment(trx, other.id, now)
      await setState(trx, other.id, 'paused', now)
    }
  }
  // The run carries its timer's primary mark from its first instant (markTimer cuts it when the mark changes).
  await trx.insertInto('timer_segments').values({ id: newId(), timer_id: timer.id, started_at: now, ended_at: null, time_zone: options.timeZone, is_primary: timer.is_primary, created_at: now, updated_at: now }).execute()
  await setState(trx, timer.id, 'running', now)
}

/**
 * Books a timer's run (holding what a locked period cannot take), marks its segments
 * booked and makes it idle: held time lives on in held_time, not in the timer.
 */
export async function bookRunAndReset(trx: Transaction<Database>, entries: Entries, timer: TimerRow, segments: ClosedSegment[], now: number): Promise<Booked> {
  const target = {
    workItemId: timer.work_item_id,
    activityTypeId: timer.activity_type_id ?? (await defaultActivityTypeId(trx)),
    billable: timer.billable,
    description: timer.note,
    timerId: timer.id,
  }
  const booked = await entries.bookTimerTime(trx, segments, target, { timerId: timer.id, label: timer.label }, now)
  await trx.updateTable('timer_segments').set({ booked_at: now, updated_at: now }).where('timer_id', '=', timer.id).where('booked_at', 'is', null).where('discarded_at', 'is', null).execute()
  await setState(trx, timer.id, 'idle', now, { note: '' })
  return booked
}
