// Where the calendar draws its blocks: each run cut to the days it lies on, placed by
// wall-clock minutes in the zone the days are counted in, and runs that share time set
// side by side in lanes (concurrent timers are normal in Stint: never merged, never
// drawn over each other). Pure, so midnight and DST are tested with a fixed zone.
import { TZDate } from '@date-fns/tz'
import { addDays } from '@shared/periods'

export const DAY_MINUTES = 24 * 60

export interface Span {
  startedAt: number
  endedAt: number
}

export interface Placed<T extends Span> {
  item: T
  /** Minutes after the day's midnight on the wall clock, 0 to 1440. */
  top: number
  bottom: number
  /** 0-based lane and how many lanes its group of touching blocks needs. */
  lane: number
  lanes: number
  /** The run began on an earlier day / goes on into a later one. */
  fromBefore: boolean
  intoAfter: boolean
}

/** The first instant of a local day in `zone`. */
export function dayStart(day: string, zone: string): number {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number)
  return new TZDate(y, m - 1, d, zone).getTime()
}

/** Wall-clock minutes after midnight of an instant in `zone`. */
export function wallMinutes(ms: number, zone: string): number {
  const local = new TZDate(ms, zone)
  return local.getHours() * 60 + local.getMinutes() + local.getSeconds() / 60
}

/**
 * The runs that lie on `day`, cut to it and laid out in lanes. `minMinutes` is the
 * shortest a block is drawn: a two-minute run still needs room for its name, and lanes
 * are decided on what is drawn, so a short block never hides under the next.
 */
export function layoutDay<T extends Span>(items: readonly T[], day: string, zone: string, minMinutes = 0): Placed<T>[] {
  const from = dayStart(day, zone)
  const to = dayStart(addDays(day, 1), zone)
  const placed = items
    .filter((item) => item.startedAt < to && item.endedAt > from)
    .map((item) => {
      const start = Math.max(item.startedAt, from)
      const end = Math.min(item.endedAt, to)
      const top = start === from ? 0 : wallMinutes(start, zone)
      // Clocks going back repeat an hour: on the wall a run in it is shorter than it was
      // (or ends "before" it starts), so it is drawn at least as long as it really ran.
      const wallEnd = end === to ? DAY_MINUTES : wallMinutes(end, zone)
      const bottom = Math.min(DAY_MINUTES, Math.max(wallEnd, top + (end - start) / 60_000))
      return { item, top, bottom, lane: 0, lanes: 1, fromBefore: item.startedAt < from, intoAfter: item.endedAt > to }
    })
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom)
  assignLanes(placed, minMinutes)
  return placed
}

/** Greedy lanes within each group of blocks that touch one another (as drawn). */
function assignLanes<T extends Span>(placed: Placed<T>[], minMinutes: number): void {
  const drawnEnd = (p: Placed<T>) => Math.max(p.bottom, p.top + minMinutes)
  let group: Placed<T>[] = []
  let laneEnds: number[] = []
  let groupEnd = -1
  const close = () => {
    for (const p of group) p.lanes = laneEnds.length
    group = []
    laneEnds = []
  }
  for (const p of placed) {
    if (p.top >= groupEnd) close()
    let lane = laneEnds.findIndex((end) => end <= p.top)
    if (lane < 0) lane = laneEnds.length
    laneEnds[lane] = drawnEnd(p)
    p.lane = lane
    group.push(p)
    groupEnd = Math.max(groupEnd, drawnEnd(p))
  }
  close()
}
