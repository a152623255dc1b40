// Pure segment arithmetic. Removing an interval from a timer (idle time, a crash gap)
// never deletes a row: the removed part becomes a discarded segment of exactly that
// span, and what is kept on either side becomes new segments.

export interface Segment {
  id: string
  startedAt: number
  /** null while the segment is open (the timer runs). */
  endedAt: number | null
  timeZone: string
  /** The run was marked primary; the pieces kept of it stay so. */
  primary: boolean
}

export interface CutPlan {
  /** Rows to narrow to exactly the removed span and mark discarded. */
  discard: { id: string; startedAt: number; endedAt: number }[]
  /** Kept pieces to insert: closed, or open (endedAt null) when they continue a running segment. */
  keep: { startedAt: number; endedAt: number | null; timeZone: string; primary: boolean }[]
}

/** Plans the removal of [from, to) from the given live segments; `to` must not be in the future. */
export function planCut(segments: readonly Segment[], from: number, to: number): CutPlan {
  if (to < from) throw new RangeError(`cannot remove a span that ends (${to}) before it starts (${from})`)
  const plan: CutPlan = { discard: [], keep: [] }
  for (const segment of segments) {
    const end = segment.endedAt ?? Number.POSITIVE_INFINITY
    if (end <= from || segment.startedAt >= to) continue
    plan.discard.push({ id: segment.id, startedAt: Math.max(segment.startedAt, from), endedAt: Math.min(end, to) })
    if (segment.startedAt < from) plan.keep.push({ startedAt: segment.startedAt, endedAt: from, timeZone: segment.timeZone, primary: segment.primary })
    if (end > to) plan.keep.push({ startedAt: to, endedAt: segment.endedAt, timeZone: segment.timeZone, primary: segment.primary })
  }
  return plan
}

/** Milliseconds covered by closed segments, plus open ones counted up to `nowMs`. */
export function coveredMs(segments: readonly Segment[], nowMs: number): number {
  return segments.reduce((sum, s) => sum + Math.max(0, (s.endedAt ?? nowMs) - s.startedAt), 0)
}
