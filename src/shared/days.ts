// Local work days of a span of time. A timer segment is two UTC instants plus the
// IANA zone it ran in; timesheet entries are booked per local day, so a segment
// across midnight (or across a DST change) has to be cut at that zone's midnights.
import { TZDate } from '@date-fns/tz'

export interface DayShare {
  /** Local day in the segment's zone, `YYYY-MM-DD`. */
  day: string
  /** Whole seconds of the segment on that day. */
  seconds: number
}

const knownZones = new Set<string>()

/** Whether `timeZone` is an IANA zone this runtime knows: Intl throws for one it does not, so it is asked once per zone. */
export function isTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true
  if (timeZone.length === 0 || timeZone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
  } catch {
    return false
  }
  knownZones.add(timeZone)
  return true
}

/** TZDate quietly yields NaN for a zone it does not know, so every day split checks it first. */
function checkTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}": expected an IANA name such as "Europe/Berlin"`)
}

/** Beyond ±8.64e15 ms a Date is invalid and every local-time answer would be NaN. */
function checkInstant(ms: number, name: string): void {
  if (Number.isNaN(new Date(ms).getTime())) {
    throw new RangeError(`${name} must be milliseconds since the epoch within the range of a Date, got ${String(ms)}`)
  }
}

function dayText(date: TZDate): string {
  const year = String(date.getFullYear()).padStart(4, '0')
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${year}-${month}-${day}`
}

/** The local day (`YYYY-MM-DD`) an instant falls on in `timeZone`. */
export function localDay(ms: number, timeZone: string): string {
  checkInstant(ms, 'instant')
  checkTimeZone(timeZone)
  return dayText(new TZDate(ms, timeZone))
}

/** A piece of a span that lies on one local day, in milliseconds since the epoch. */
export interface DayRange {
  /** Local day in the span's zone, `YYYY-MM-DD`. */
  day: string
  startMs: number
  endMs: number
}

/**
 * The span from `startMs` to `endMs` cut at the local midnights of `timeZone`:
 * consecutive, non-empty pieces in day order that exactly cover the span. Each
 * midnight is the first real instant of its day, so a DST day is 23 or 25 hours.
 */
export function splitIntoLocalDayRanges(startMs: number, endMs: number, timeZone: string): DayRange[] {
  checkInstant(startMs, 'start')
  checkInstant(endMs, 'end')
  if (endMs < startMs) {
    throw new RangeError(`end is before start: ${new Date(endMs).toISOString()} < ${new Date(startMs).toISOString()}`)
  }
  checkTimeZone(timeZone)

  const ranges: DayRange[] = []
  let cursor = startMs
  while (cursor < endMs) {
    const local = new TZDate(cursor, timeZone)
    // Midnight of the next calendar day; TZDate moves a midnight that a DST jump skips to
    // the first real instant of the day, and picks the earlier of two repeated midnights.
    let next = nextMidnight(local, 1, timeZone)
    // Next midnight is a day ahead in any real zone, even around a skipped day (Samoa,
    // 2011-12-30); this only guards against an endless loop if zone data ever says otherwise.
    for (let ahead = 2; next <= cursor; ahead++) next = nextMidnight(local, ahead, timeZone)
    // Not Math.min: should `next` ever be NaN, the rest of the span still lands on this day.
    const until = next < endMs ? next : endMs
    ranges.push({ day: dayText(local), startMs: cursor, endMs: until })
    cursor = until
  }
  return ranges
}

function nextMidnight(local: TZDate, daysAhead: number, timeZone: string): number {
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + daysAhead, timeZone).getTime()
}

/**
 * The whole seconds from `startMs` to `endMs` on each local day of `timeZone`, in
 * day order. Flooring each day on its own could lose a second per day, so each
 * share is the difference of the floored seconds elapsed at its two ends: the
 * shares always add up to exactly the floored length of the span.
 */
export function splitIntoLocalDays(startMs: number, endMs: number, timeZone: string): DayShare[] {
  const elapsedAt = (ms: number): number => Math.floor((ms - startMs) / 1000)
  const shares: DayShare[] = []
  for (const range of splitIntoLocalDayRanges(startMs, endMs, timeZone)) {
    const seconds = elapsedAt(range.endMs) - elapsedAt(range.startMs)
    // A sliver shorter than a second can floor to nothing; such a day is left out.
    if (seconds > 0) shares.push({ day: range.day, seconds })
  }
  return shares
}
