// Concurrent timers are normal in Stint: two runs of the same person may cover the same
// minutes, and both are booked. Wherever times are shown, such overlaps are pointed out
// ("overlaps 10:05–10:20 with Timer 2"), never merged or trimmed. This is the one place
// that finds them, for the cell details, the recent list and the calendar alike.
import { TZDate } from '@date-fns/tz'
import { ENGLISH, type Translator } from './i18n/translator'

export interface TimedRun {
  /** What this run is shown as (a range, an entry, a running timer): the key of the answer. */
  id: string
  /** Runs of the same group (one entry, one timer) never overlap each other on purpose, so they are not compared. */
  group: string
  /** What another run calls this one's owner: "Timer 2", "TICKET-7". */
  label: string
  startedAt: number
  /** Where a running timer's run ends for now: the caller passes the current instant. */
  endedAt: number
}

export interface Overlap {
  /** The other run. */
  withId: string
  withLabel: string
  /** The shared span, ms since the epoch. */
  from: number
  to: number
}

/**
 * For each run that shares time with a run of another group, the spans it shares, in
 * the order of the other runs' starts. Touching runs (one ends as the other starts) do
 * not overlap. Sorted sweep: the cost is the number of runs plus the overlaps found.
 */
export function findOverlaps(runs: readonly TimedRun[]): Map<string, Overlap[]> {
  const found = new Map<string, Overlap[]>()
  const add = (run: TimedRun, other: TimedRun, from: number, to: number) => {
    const list = found.get(run.id) ?? []
    list.push({ withId: other.id, withLabel: other.label, from, to })
    found.set(run.id, list)
  }
  const ordered = runs.filter((r) => r.endedAt > r.startedAt).sort((a, b) => a.startedAt - b.startedAt || a.endedAt - b.endedAt)
  ordered.forEach((run, i) => {
    for (let j = i + 1; j < ordered.length; j++) {
      const other = ordered[j]
      if (other === undefined || other.startedAt >= run.endedAt) break
      if (other.group === run.group) continue
      const to = Math.min(run.endedAt, other.endedAt)
      add(run, other, other.startedAt, to)
      add(other, run, other.startedAt, to)
    }
  })
  for (const list of found.values()) list.sort((a, b) => a.from - b.from || a.to - b.to)
  return found
}

function clockTime(ms: number, zone: string): string {
  const local = new TZDate(ms, zone)
  return `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`
}

/** "overlaps 10:05–10:20 with Timer 2" ("überschneidet sich 10:05–10:20 mit Timer 2"), in the zone the times are shown in. */
export function describeOverlap(overlap: Overlap, zone: string, translator: Pick<Translator, 't'> = ENGLISH): string {
  return translator.t('overlap.describe', { from: clockTime(overlap.from, zone), to: clockTime(overlap.to, zone), other: overlap.withLabel })
}
