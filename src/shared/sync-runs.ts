// The timer runs of an entry on the wire: when each run started and ended (UTC
// milliseconds), the IANA zone it ran in and whether it was the primary timer. The team
// server bills from them (its overlap rule and rate classes); an entry change that leaves
// them out keeps what the server has, an empty list says the entry has no runs now.
// What is wrong with a change's runs is said by a catalogue refusal (runsRefusal), so the
// sender reads it in its language and only that change is refused, never its push.
import { z } from 'zod'
import { isTimeZone } from './days'
import type { Refusal } from './i18n/refusal-text'

/** At most this many runs on one entry (a day of work, paused and resumed far less often). */
export const MAX_ENTRY_RUNS = 200

const Instant = z.number().int().nonnegative()

export const EntryRunWireSchema = z.object({
  startedAt: Instant,
  endedAt: Instant,
  zone: z.string().min(1).max(64),
  primary: z.boolean(),
})
export type EntryRunWire = z.infer<typeof EntryRunWireSchema>

/** Why `runs` (as sent, unread) cannot be taken, or null when they can. Runs are numbered from 1 for the reader. */
export function runsRefusal(runs: unknown): Refusal | null {
  if (!Array.isArray(runs)) return { id: 'refusal.sync.runsUnreadable' }
  if (runs.length > MAX_ENTRY_RUNS) return { id: 'refusal.sync.runsTooMany', values: { count: runs.length, max: MAX_ENTRY_RUNS } }
  const starts = new Set<number>()
  for (const [index, raw] of runs.entries()) {
    const run = EntryRunWireSchema.safeParse(raw)
    if (!run.success) return { id: 'refusal.sync.runsUnreadable' }
    const { startedAt, endedAt, zone } = run.data
    if (endedAt < startedAt) return { id: 'refusal.sync.runEndsBeforeStart', values: { number: index + 1 } }
    if (!isTimeZone(zone)) return { id: 'refusal.sync.runZoneUnknown', values: { zone } }
    if (starts.has(startedAt)) return { id: 'refusal.sync.runsStartTogether', values: { number: index + 1 } }
    starts.add(startedAt)
  }
  return null
}
