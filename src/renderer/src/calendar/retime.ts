// A block moved or resized on the calendar, as the runs `timesheet.setEntryRuns` takes:
// times of day on the entry's own day, in the zone the entry was booked in. The other
// runs are written as they were, so the host keeps their exact instants.
import type { CalendarEntry } from '@shared/calendar'
import { instantAt, wallTimeOn, type RunInput } from '@shared/run-times'
import { DAY_MINUTES, dayStart } from './layout'

/** "09:30" of a wall-clock minute; the minute that ends the day is "24:00". */
export function wallText(minutes: number): string {
  const m = Math.max(0, Math.min(DAY_MINUTES, Math.round(minutes)))
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** The instant at a wall-clock minute of `day` in `zone` (a skipped time counts on from midnight). */
export function instantOfMinute(day: string, minutes: number, zone: string): number {
  return instantAt(day, wallText(minutes), zone) ?? dayStart(day, zone) + minutes * 60_000
}

/** The entry's runs with run `run` drawn from `top` to `bottom` minutes of `day` (in the calendar's zone). */
export function runsAfterRetime(entry: CalendarEntry, run: number, day: string, top: number, bottom: number, zone: string): RunInput[] {
  return entry.ranges.map((r, i) => {
    const startedAt = i === run ? instantOfMinute(day, top, zone) : r.startedAt
    const endedAt = i === run ? instantOfMinute(day, bottom, zone) : r.endedAt
    return { start: wallTimeOn(entry.day, startedAt, entry.timeZone), end: wallTimeOn(entry.day, endedAt, entry.timeZone) }
  })
}
