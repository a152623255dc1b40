// Booking a timer's run, or the part of it a locked period cannot take. The days whose
// period is open get draft entries (one per day, as always); the pieces on days of a
// submitted or approved period are held: they never change that period and are never
// lost, but wait as a question (held-time.ts).
import type { Transaction } from 'kysely'
import type { RoundingRule } from '@shared/rounding'
import type { Database } from '../db/schema'
import type { ClosedSegment } from '../timers/booking'
import { holdTime } from './held-time'
import { checkDays } from './period-lock'
import { bookPieces, piecesOf, type BookingTarget, type HeldOrigin } from './timer-time'

export interface Booked {
  entryIds: string[]
  /** Whole seconds held for a question because their days are locked. */
  heldSeconds: number
}

/** Books the open days of a run and holds the locked ones for a question. */
export async function bookOrHold(
  trx: Transaction<Database>,
  user: string,
  segments: readonly ClosedSegment[],
  target: BookingTarget,
  origin: HeldOrigin,
  rounding: RoundingRule,
  now: number,
): Promise<Booked> {
  const pieces = piecesOf(segments)
  const { locked } = await checkDays(trx, user, pieces.map((p) => p.day))
  const held = pieces.filter((p) => locked.has(p.day))
  const entryIds = await bookPieces(
    trx,
    user,
    pieces.filter((p) => !locked.has(p.day)),
    target,
    rounding,
    now,
  )
  const heldSeconds = held.length > 0 ? await holdTime(trx, user, held, target, origin, now) : 0
  return { entryIds, heldSeconds }
}
