// Turns the closed segments of one timer run into draft entries: one per local day
// touched, each day in the zone its segment ran in, raw seconds kept and a rounded
// value beside them.
import { splitIntoLocalDayRanges } from '@shared/days'
import { roundSeconds, type RoundingRule } from '@shared/rounding'

export interface ClosedSegment {
  startedAt: number
  endedAt: number
  timeZone: string
  /** The run was marked primary (its timer was the primary one while it ran). */
  primary: boolean
}

/** A booked range of a day: where a piece of a run lies, and whether that run was marked primary. */
export interface BookedRange {
  startedAt: number
  endedAt: number
  primary: boolean
}

export interface DayBooking {
  day: string
  rawSeconds: number
  roundedSeconds: number
  /** Zone of the first piece of the day. */
  timeZone: string
  ranges: BookedRange[]
}

export function bookRun(segments: readonly ClosedSegment[], rule: RoundingRule): DayBooking[] {
  const byDay = new Map<string, { ms: number; timeZone: string; ranges: BookedRange[] }>()
  const ordered = [...segments].sort((a, b) => a.startedAt - b.startedAt)
  for (const segment of ordered) {
    for (const piece of splitIntoLocalDayRanges(segment.startedAt, segment.endedAt, segment.timeZone)) {
      const day = byDay.get(piece.day) ?? { ms: 0, timeZone: segment.timeZone, ranges: [] }
      day.ms += piece.endMs - piece.startMs
      day.ranges.push({ startedAt: piece.startMs, endedAt: piece.endMs, primary: segment.primary })
      byDay.set(piece.day, day)
    }
  }
  // Whole seconds per day from the running total, so the days add up exactly to the run's
  // seconds: flooring each day on its own could lose a second at every midnight.
  let totalMs = 0
  let counted = 0
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, { ms, timeZone, ranges }]) => {
      totalMs += ms
      const rawSeconds = Math.floor(totalMs / 1000) - counted
      counted += rawSeconds
      return { day, rawSeconds, roundedSeconds: roundSeconds(rawSeconds, rule), timeZone, ranges }
    })
    .filter((booking) => booking.rawSeconds > 0)
}

/** Seconds of a whole run, before rounding. */
export function runSeconds(segments: readonly ClosedSegment[]): number {
  return Math.floor(segments.reduce((sum, s) => sum + (s.endedAt - s.startedAt), 0) / 1000)
}
