// Wall-clock times of a timer entry's runs, as people type them ("09:30", "24:00" for the
// midnight that ends the day), read and written in the zone the entry was booked in, on
// the entry's own day. A time the clocks skipped (spring forward) does not exist.
import { TZDate } from '@date-fns/tz'
import { z } from 'zod'
import { localDay } from './days'

const WALL_TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/
const TIME_MESSAGE = 'a time of day is written like 09:30 (24:00 is the end of the day)'

export const WallTimeSchema = z.string().trim().regex(WALL_TIME, TIME_MESSAGE)
export const RunInputSchema = z.object({ start: WallTimeSchema, end: WallTimeSchema }).strict()
export type RunInput = z.infer<typeof RunInputSchema>

/** The instant `time` names on `day` in `zone`; null when that time does not exist there (or is not a time). */
export function instantAt(day: string, time: string, zone: string): number | null {
  const match = WALL_TIME.exec(time.trim())
  const [y, m, d] = day.split('-').map(Number)
  if (!match || y === undefined || m === undefined || d === undefined) return null
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (hours === 24) return minutes === 0 ? new TZDate(y, m - 1, d + 1, zone).getTime() : null
  const instant = new TZDate(y, m - 1, d, hours, minutes, zone).getTime()
  // A skipped time comes back moved by the jump: it is not on the clock that day.
  return wallTimeOn(day, instant, zone) === `${String(hours).padStart(2, '0')}:${match[2] ?? ''}` ? instant : null
}

/** `HH:MM` of an instant on `day` in `zone`; the midnight that ends the day is "24:00". */
export function wallTimeOn(day: string, ms: number, zone: string): string {
  if (localDay(ms, zone) > day) return '24:00'
  const local = new TZDate(ms, zone)
  return `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`
}
