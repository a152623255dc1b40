// Two changes to a timer that the person asks for in words: "I started this ten minutes
// ago" (a new start for the current run) and "continue that entry" (a timer with the
// entry's work item, activity type, billable flag and note). Each runs inside the
// engine's write transaction; a refusal says what was wrong and that nothing changed.
import type { Transaction } from 'kysely'
import { shortDayLabel } from '@shared/day-words'
import { localDay, splitIntoLocalDayRanges } from '@shared/days'
import { StintError } from '@shared/errors'
import { wallTimeOn } from '@shared/run-times'
import { SLOT_COUNT } from '@shared/timers'
import type { Database, TimerRow } from '../db/schema'
import type { Entries } from '../entries/entries'
import { liveSegments, timerAt } from './timer-rows'

const UNCHANGED = 'Nothing was changed.'

/** "09:05", or "Sun 15 Nov 23:30" when it is not today in the zone (the grid's words for a day). */
function when(ms: number, zone: string, now: number): string {
  const day = localDay(ms, zone)
  const time = wallTimeOn(day, ms, zone)
  return day === localDay(now, zone) ? time : `${shortDayLabel(day)} ${time}`
}

/**
 * Moves the start of a running or paused timer's current run to `startedAt`: its first
 * segment begins there instead. Not in the future, not before the end of that timer's
 * previous segment (the previous stop), not at or after the end of the run's first
 * segment (its first pause), and not into a submitted or approved period.
 */
export async function moveRunStart(trx: Transaction<Database>, entries: Entries, slot: number, startedAt: number, now: number): Promise<void> {
  const timer = await timerAt(trx, slot)
  if (timer.state === 'idle') throw new StintError('conflict', `${timer.label} is not running, so it has no start to change. ${UNCHANGED}`)
  const [first] = await liveSegments(trx, timer.id)
  if (!first) throw new StintError('conflict', `${timer.label} has no time in its current run. ${UNCHANGED}`)
  const zone = first.time_zone
  if (startedAt > now) throw new StintError('invalid_request', `A timer cannot start in the future (${when(startedAt, zone, now)} is later than now). ${UNCHANGED}`)
  const firstEnd = first.ended_at ?? now
  if (startedAt >= firstEnd && first.ended_at !== null) {
    throw new StintError('invalid_request', `${timer.label} was first paused at ${when(firstEnd, zone, now)}: its start must be before that. ${UNCHANGED}`)
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
    throw new StintError('invalid_request', `${timer.label} last stopped at ${when(previousStop, zone, now)}: its new run cannot start before that. ${UNCHANGED}`)
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
  if (!entry) throw new StintError('not_found', `That entry does not exist (any more). ${UNCHANGED}`)
  const idle = await trx.selectFrom('timers').select('slot').where('state', '=', 'idle').where('deleted_at', 'is', null).orderBy('slot').executeTakeFirst()
  const item = entry.workItemId === null ? undefined : await trx.selectFrom('work_items').select(['reference', 'title']).where('id', '=', entry.workItemId).where('deleted_at', 'is', null).executeTakeFirst()
  const name = item ? (item.reference ?? item.title) : 'this entry'
  if (!idle) throw new StintError('conflict', `All ${SLOT_COUNT} timers are in use. Stop one to continue ${name}. ${UNCHANGED}`)
  if (entry.workItemId !== null && !item) throw new StintError('not_found', `The work item of that entry does not exist any more. ${UNCHANGED}`)
  await trx
    .updateTable('timers')
    .set((eb) => ({
      work_item_id: entry.workItemId,
      activity_type_id: entry.activityTypeId,
      billable: entry.billable ? 1 : 0,
      note: entry.description,
      label: (item ? name : `Timer ${idle.slot}`).slice(0, 60),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('slot', '=', idle.slot)
    .execute()
  return timerAt(trx, idle.slot)
}
