// Which runs of a day's entries share time with another timer's or entry's runs, said
// in words ("overlaps 10:05–10:20 with Timer 2") by the shared findOverlaps. Read again
// whenever entries change, so an edit elsewhere shows up here.
import { useEffect, useState } from 'react'
import type { TimeEntry } from '@shared/entries'
import { describeOverlap, findOverlaps, type TimedRun } from '@shared/overlaps'
import type { Translator } from '@shared/i18n/translator'
import { ENGLISH } from '@shared/i18n/translator'
import type { Timer } from '@shared/timers'
import { useClient } from '../client-context'

/** What another run is called: its timer's label, or the kind of entry. */
function ownerLabel(entry: TimeEntry, timers: readonly Timer[], translator: Pick<Translator, 't'>): string {
  const timer = timers.find((t) => t.id === entry.timerId)
  if (timer) return timer.label
  return translator.t(entry.source === 'manual' ? 'overlap.manualEntry' : 'overlap.otherEntry')
}

/** Overlap sentences per entry id, of the entries on `day` (shown in `zone`). */
export function overlapsByEntry(entries: readonly TimeEntry[], timers: readonly Timer[], zone: string, translator: Pick<Translator, 't'> = ENGLISH): Map<string, string[]> {
  const runs: TimedRun[] = entries.flatMap((e) => e.ranges.map((r, i) => ({ id: `${e.id}#${i}`, group: e.id, label: ownerLabel(e, timers, translator), startedAt: r.startedAt, endedAt: r.endedAt })))
  const sentences = new Map<string, string[]>()
  for (const [runId, overlaps] of findOverlaps(runs)) {
    const entryId = runId.slice(0, runId.lastIndexOf('#'))
    sentences.set(entryId, [...(sentences.get(entryId) ?? []), ...overlaps.map((o) => describeOverlap(o, zone, translator))])
  }
  return sentences
}

export function useDayOverlaps(day: string, zone: string, translator: Pick<Translator, 't'> = ENGLISH): Map<string, string[]> {
  const client = useClient()
  const [found, setFound] = useState<Map<string, string[]>>(new Map())
  useEffect(() => {
    let live = true
    const read = () =>
      void Promise.all([client.entries.list({ from: day, to: day }), client.timers.list({})]).then(
        ([entries, timers]) => live && setFound(overlapsByEntry(entries, timers, zone, translator)),
        // Overlaps are a hint beside the times: without them the details still work.
        () => live && setFound(new Map()),
      )
    read()
    const unsubscribe = client.events['entries.changed'](read)
    return () => {
      live = false
      unsubscribe()
    }
  }, [client, day, zone, translator])
  return found
}
