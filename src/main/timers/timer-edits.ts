// Two changes to a timer that the person asks for in words: "I started this ten minutes
// ago" (a new start for the current run) and "continue that entry" (a timer with the
// entry's work item, activity type, billable flag and note). Each runs inside the
// engine's write transaction; a refusal says what was wrong and that nothing changed.
import type { Transaction } from 'kysely'
import { localDay, splitIntoLocalDayRanges } from '@shared/days'
import { refuse } from '@shared/errors'
import { wallTimeOn } from '@shared/run-times'
import { SLOT_COUNT } from '@shared/timers'
import type { Database, TimerRow } from '../db/schema'
import type { Entries } from '../entries/entries'
import { liveSegments, timerAt } from './timer-rows'

/** A refusal's moment: "09:05", or with its day ("Sun 15 Nov 23:30") when it is not today in the zone. */
function when(ms: number, zone: string, now: number): { when: 'today' | 'other'; day: string; time: string } {
  const day = localDay(ms, zone)
  return { when: day === localDay(now, zone) ? 'today' : 'other', day, time: wallTimeOn(day, ms, zone) }
}

/**
 * Moves the start of a running or paused timer's current run to `startedAt`: its first
 * segment begins there instead. Not in the future, not before the end of that timer's
 * previous segment (the previous stop), not at or after the end of the run's first
 * segment (its first pause), and not into a submitted or approved period.
 */
export async function moveRunStart(trx: Transaction<Database>, entries: Entries, slot: number, startedAt: number, now: number): Promise<void> {
  const timer = await timerAt(trx, slot)
  if (timer.state === 'idle') throw refuse('conflict', 'refusal.idleHasNoStart', { label: timer.label })
  const [first] = await liveSegments(trx, timer.id)
  if (!first) throw refuse('conflict', 'refusal.noCurrentRun', { label: timer.label })
  const zone = first.time_zone
  if (startedAt > now) throw refuse('invalid_request', 'refusal.startInFuture', when(startedAt, zone, now))
  const firstEnd = first.ended_at ?? now
  if (startedAt >= firstEnd && first.ended_at !== null) {
    throw refuse('invalid_request', 'refusal.startAfterPause', { label: timer.label, ...when(firstEnd, zone, now) })
  }
  const previous = await trx
    .selectFrom('timer_segments')
    .select((eb) => eb.fn.max('ended_at').as('ended_at'))
    .where('timer_id', '=', timer.id)
    .where('id', '!=', first.id)
    .where('ended_at', '<=', first.started_at)
    .where((eb) => eb.or([eb('booked_at', 'is not', null), eb('discarded_at', 'is not', null)]))
    .executeTakeFirst()
  const previousStop = previous?.ended_at ?? null
  if (previousStop !== null && startedAt < previousStop) {
    throw refuse('invalid_request', 'refusal.startBeforeLastStop', { label: timer.label, ...when(previousStop, zone, now) })
  }
  // Only an earlier start adds time, and only that added time can fall into a locked period.
  if (startedAt < first.started_at) {
    await entries.refuseIfLocked(
      trx,
      splitIntoLocalDayRanges(startedAt, first.started_at, zone).map((r) => r.day),
    )
  }
  await trx.updateTable('timer_segments').set({ started_at: startedAt, updated_at: now }).where('id', '=', first.id).execute()
  await trx
    .updateTable('timers')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', timer.id)
    .execute()
}

/**
 * The first idle timer, set up as the entry was (work item, activity type, billable
 * flag, note) and ready to run; the caller starts it in the same transaction.
 */
export async function timerForEntry(trx: Transaction<Database>, entries: Entries, entryId: string, now: number): Promise<TimerRow> {
  const [entry] = await entries.load({ ids: [entryId] }, trx)
  if (!entry) throw refuse('not_found', 'refusal.entryGoneTimer')
  const idle = await trx.selectFrom('timers').select('slot').where('state', '=', 'idle').where('deleted_at', 'is', null).orderBy('slot').executeTakeFirst()
  const item = entry.workItemId === null ? undefined : await trx.selectFrom('work_items').select(['reference', 'title']).where('id', '=', entry.workItemId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!idle) {
    throw item ? refuse('conflict', 'refusal.allTimersInUseToContinue', { count: SLOT_COUNT, name: item.reference ?? item.title }) : refuse('conflict', 'refusal.allTimersInUseToContinueEntry', { count: SLOT_COUNT })
  }
  if (entry.workItemId !== null && !item) throw refuse('not_found', 'refusal.entryWorkItemGone')
  await trx
    .updateTable('timers')
    .set((eb) => ({
      work_item_id: entry.workItemId,
      activity_type_id: entry.activityTypeId,
      billable: entry.billable ? 1 : 0,
      note: entry.description,
      label: (item ? (item.reference ?? item.title) : `Timer ${idle.slot}`).slice(0, 60),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('slot', '=', idle.slot)
    .execute()
  return timerAt(trx, idle.slot)
}
