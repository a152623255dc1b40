// Manual entries: time a person adds by hand with a duration, or with a start and an
// end. Times are split at local midnight exactly as a timer's run is (timer-time.ts),
// one entry per day with its range, so the entry has a start and an end wherever it is
// shown. Typed time is billed as typed (no rounding), and unlike a timer's late stop
// nothing is held for a question: a manual entry into a locked period is refused whole.
import type { Transaction } from 'kysely'
import type { ManualTime } from '@shared/entry-create'
import type { RowKey } from '@shared/timesheet'
import type { Database } from '../db/schema'
import { bookRun } from '../timers/booking'
import { checkDayLimits } from './cell-totals'
import type { EditContext } from './entry-edits'
import { insertEntry } from './entry-rows'
import { requireOpen } from './period-lock'
import { piecesOf } from './timer-time'

const NO_ROUNDING = { mode: 'none', minutes: 1 } as const

/** Creates the manual entries (one per local day touched) and returns their ids, oldest day first. */
export async function createManualEntries(trx: Transaction<Database>, ctx: EditContext, row: RowKey, description: string, time: ManualTime): Promise<string[]> {
  const target = { workItemId: row.workItemId, activityTypeId: row.activityTypeId, billable: row.billable ? (1 as const) : (0 as const), description, source: 'manual' as const, timerId: null }
  const days =
    'day' in time
      ? [{ day: time.day, rawSeconds: time.seconds, timeZone: null, ranges: [] }]
      : bookRun(piecesOf([{ startedAt: time.startedAt, endedAt: time.endedAt, timeZone: ctx.timeZone, primary: false }]), NO_ROUNDING)
  const open = await requireOpen(
    trx,
    ctx.user,
    days.map((d) => d.day),
    ctx.mode,
  )
  const ids: string[] = []
  for (const day of days) {
    ids.push(await insertEntry(trx, open, ctx.user, { ...target, day: day.day, rawSeconds: day.rawSeconds, roundedSeconds: day.rawSeconds, timeZone: day.timeZone, ranges: day.ranges }, ctx.now))
  }
  await checkDayLimits(
    trx,
    ctx.user,
    days.map((d) => d.day),
  )
  return ids
}
