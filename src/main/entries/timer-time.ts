// Booking what a timer measured: each piece of a run lands on its local day in the zone
// the timer ran in, and each open day gets one draft entry with its exact ranges.
import type { Transaction } from 'kysely'
import { splitIntoLocalDayRanges } from '@shared/days'
import type { RoundingRule } from '@shared/rounding'
import type { Database, Flag } from '../db/schema'
import { bookRun, type ClosedSegment } from '../timers/booking'
import { insertEntry } from './entry-rows'
import { checkDays } from './period-lock'

/** What the time is booked against. */
export interface BookingTarget {
  workItemId: string | null
  activityTypeId: string | null
  billable: Flag
  description: string
  /** The timer whose run this is; null when the time was given to a work item directly. */
  timerId: string | null
}

/** Where held time came from, for the question: the timer it was measured on and its label then. */
export interface HeldOrigin {
  timerId: string | null
  label: string
}

/** A piece of a run on one local day, in the zone it ran in. */
export interface DayPiece {
  day: string
  startedAt: number
  endedAt: number
  timeZone: string
  /** The run it is a piece of was marked primary. */
  primary: boolean
}

export function piecesOf(segments: readonly ClosedSegment[]): DayPiece[] {
  return segments.flatMap((s) => splitIntoLocalDayRanges(s.startedAt, s.endedAt, s.timeZone).map((r) => ({ day: r.day, startedAt: r.startMs, endedAt: r.endMs, timeZone: s.timeZone, primary: s.primary })))
}

/** Draft entries for the open days, one per day with its exact ranges; nothing for the others. */
export async function bookPieces(trx: Transaction<Database>, user: string, pieces: readonly DayPiece[], target: BookingTarget, rounding: RoundingRule, now: number): Promise<string[]> {
  const { open } = await checkDays(trx, user, pieces.map((p) => p.day))
  const ids: string[] = []
  for (const day of bookRun(pieces, rounding)) {
    ids.push(
      await insertEntry(
        trx,
        open,
        user,
        { ...target, day: day.day, source: 'timer', rawSeconds: day.rawSeconds, roundedSeconds: day.roundedSeconds, timeZone: day.timeZone, ranges: day.ranges },
        now,
      ),
    )
  }
  return ids
}
