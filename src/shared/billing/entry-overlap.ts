// "Overlapped seconds of an entry": the part of its runs during which at least one OTHER
// billable entry of the same person also ran. Only billable entries take part: time a
// non-billable timer shares with a billable one bills nothing twice, so it is no overlap,
// on either side. The same wall-clock reading as the submit summary's overlappedWallMs,
// told per entry (three entries sharing a quarter hour each have a quarter hour overlapped;
// the summary counts that quarter hour once). Instants, not local times: midnight and DST
// need no special case.
import { applyOverlapRule, type BillableRun } from './overlap-rule'

export interface EntryRun extends BillableRun {
  /** Whether the run's entry is billable; non-billable runs neither overlap nor are overlapped. */
  billable: boolean
}

/** Overlapped ms per entry id, for the billable entries with any; entries without overlap are left out. Runs of one person. */
export function overlappedMsByEntry(runs: readonly EntryRun[]): Map<string, number> {
  const billable = runs.filter((run) => run.billable)
  const found = new Map<string, number>()
  for (const [entryId, { overlappedMs }] of applyOverlapRule(billable, 'full')) if (overlappedMs > 0) found.set(entryId, overlappedMs)
  return found
}

/** The same in whole seconds (rounded down, as the submit summary's), the unit reports and views show. */
export function overlappedSecondsByEntry(runs: readonly EntryRun[]): Map<string, number> {
  const found = new Map<string, number>()
  for (const [entryId, ms] of overlappedMsByEntry(runs)) {
    const seconds = Math.floor(ms / 1000)
    if (seconds > 0) found.set(entryId, seconds)
  }
  return found
}
