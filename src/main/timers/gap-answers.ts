// Answers to the questions about time a timer may not have worked: a crash gap (keep it,
// discard it, stop the run at the last sign of life) and idle time (keep it, discard it,
// move it to another timer, book it to a work item). Nothing is deleted: removed time
// becomes discarded segments. Time that gets booked goes through src/main/entries, which
// holds what falls into a submitted or approved period as a question of its own.
import type { Transaction } from 'kysely'
import { newId } from '@shared/ids'
import { refuse } from '@shared/errors'
import type { PromptResolution } from '@shared/timers'
import type { Database, TimerPromptRow, TimerRow } from '../db/schema'
import type { Booked, Entries } from '../entries/entries'
import type { ClosedSegment } from './booking'
import { asClosed, cutSegments, defaultActivityTypeId, liveSegments, setState, timerAt } from './timer-rows'

export interface GapAnswerDeps {
  entries: Entries
  /** The machine's zone now, for time whose timer has no segment left to say where it ran. */
  timeZone: () => string
  /** The engine's stop: books a timer's run (or holds it) and makes the timer idle. */
  bookRunAndReset: (trx: Transaction<Database>, timer: TimerRow, segments: ClosedSegment[], now: number) => Promise<Booked>
}

/** Carries out the answer to an open crash-gap or idle question; resolves whether entries were booked. */
export async function answerGap(trx: Transaction<Database>, deps: GapAnswerDeps, prompt: TimerPromptRow, resolution: PromptResolution, now: number): Promise<boolean> {
  if (prompt.resolved_at !== null) throw refuse('conflict', 'refusal.questionAnswered')
  const allowed = prompt.kind === 'crash-gap' ? ['keep', 'discard', 'stop-at-start'] : ['keep', 'discard', 'move-to-timer', 'book-to-work-item']
  if (!allowed.includes(resolution.action)) {
    throw refuse('invalid_request', 'refusal.notAnAnswer', { action: resolution.action })
  }
  const timer = await trx.selectFrom('timers').selectAll().where('id', '=', prompt.timer_id).executeTakeFirstOrThrow()
  const from = prompt.from_at
  const to = Math.min(prompt.to_at, now)

  if (resolution.action === 'discard') await cutSegments(trx, timer.id, from, to, now)
  if (resolution.action === 'stop-at-start') {
    // Everything after the last sign of life goes; the run ends there and is booked.
    await cutSegments(trx, timer.id, from, now, now)
    if (timer.state !== 'idle') {
      const segments = (await liveSegments(trx, timer.id)).map(asClosed)
      return (await deps.bookRunAndReset(trx, timer, segments, now)).entryIds.length > 0
    }
  }
  if (resolution.action === 'move-to-timer') {
    const target = await timerAt(trx, resolution.slot)
    if (target.id === timer.id) throw refuse('invalid_request', 'refusal.moveToOtherTimer')
    const zone = (await liveSegments(trx, timer.id))[0]?.time_zone ?? deps.timeZone()
    await cutSegments(trx, timer.id, from, to, now)
    // Moved time becomes the other timer's run, with that timer's primary mark.
    await trx.insertInto('timer_segments').values({ id: newId(), timer_id: target.id, started_at: from, ended_at: to, time_zone: zone, is_primary: target.is_primary, created_at: now, updated_at: now }).execute()
    if (target.state === 'idle') await setState(trx, target.id, 'paused', now)
  }
  if (resolution.action === 'book-to-work-item') {
    const item = await trx.selectFrom('work_items').select(['id', 'billable']).where('id', '=', resolution.workItemId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!item) throw refuse('not_found', 'refusal.workItemGone')
    const zone = (await liveSegments(trx, timer.id))[0]?.time_zone ?? deps.timeZone()
    await cutSegments(trx, timer.id, from, to, now)
    const target = { workItemId: item.id, activityTypeId: await defaultActivityTypeId(trx), billable: item.billable, description: '', timerId: null }
    // Given to a work item, not to a timer: no timer's run, so not a primary one.
    const booked = await deps.entries.bookTimerTime(trx, [{ startedAt: from, endedAt: to, timeZone: zone, primary: false }], target, { timerId: timer.id, label: timer.label }, now)
    return booked.entryIds.length > 0
  }
  return false
}
