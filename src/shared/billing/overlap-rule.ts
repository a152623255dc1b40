// When two billable timers run at the same time, one wall-clock hour could be billed
// twice. The organisation (or a contract) chooses a rule, applied where billable time is
// computed; raw time is always kept:
//   - full: each timer bills all its time (Stint's behaviour before the rule; stated);
//   - split: overlapping wall-clock time is shared evenly by the billable timers in it;
//   - primary: only the primary timer bills overlapping time (the one the technician
//     marked, else the one started first); the others book it as non-billable.
// Everything works on instants (ms since the epoch), so midnight and a repeated or missing
// DST hour need no special case: an hour is an hour of wall clock, whatever the zone says.
export type OverlapRule = 'full' | 'split' | 'primary'

export const OVERLAP_RULES: readonly OverlapRule[] = ['full', 'split', 'primary']

export interface BillableRun {
  /** The entry this run belongs to: what the answer is keyed by. */
  entryId: string
  startedAt: number
  endedAt: number
  /** The technician marked this entry's timer as the primary one. */
  marked?: boolean
}

export interface EntryBilling {
  /** Raw time of the entry's runs. */
  rawMs: number
  /** Of the raw time, how much another billable entry's runs also covered. */
  overlappedMs: number
  /** What the rule lets this entry bill; the rest of its raw time is non-billable. */
  billableMs: number
}

interface Active {
  run: BillableRun
  /** The order the entries came in: the last tie-breaker, so the answer never depends on sorting. */
  index: number
}

/** Who bills a shared span under `primary`: a marked entry first, then the earliest start, then the earliest given. */
function primaryOf(active: readonly Active[]): Active {
  return active.reduce((best, next) => {
    const markedFirst = Number(next.run.marked === true) - Number(best.run.marked === true)
    if (markedFirst !== 0) return markedFirst > 0 ? next : best
    if (next.run.startedAt !== best.run.startedAt) return next.run.startedAt < best.run.startedAt ? next : best
    return next.index < best.index ? next : best
  })
}

interface Span {
  from: number
  to: number
  /** The entries running in the span, one run each, earliest started first. */
  entries: Active[]
}

/**
 * The spans between consecutive starts and ends of the runs, each with the set of entries
 * running in it (fixed within a span). Runs of one entry never overlap each other; if they
 * did, the entry would count once in a span. Runs that end before they start are ignored.
 */
function* spansOf(runs: readonly BillableRun[]): Generator<Span> {
  const valid = runs.map((run, index) => ({ run, index })).filter(({ run }) => run.endedAt > run.startedAt)
  const instants = [...new Set(valid.flatMap(({ run }) => [run.startedAt, run.endedAt]))].sort((a, b) => a - b)
  const byStart = [...valid].sort((a, b) => a.run.startedAt - b.run.startedAt || a.index - b.index)
  let next = 0
  let active: Active[] = []
  for (let i = 0; i + 1 < instants.length; i++) {
    const from = instants[i] as number
    const to = instants[i + 1] as number
    active = active.filter(({ run }) => run.endedAt > from)
    while (next < byStart.length && (byStart[next] as Active).run.startedAt <= from) active.push(byStart[next++] as Active)
    // One run per entry: the first of its runs in the span stands for it.
    const firstOfEach = new Map<string, Active>()
    for (const a of active) if (!firstOfEach.has(a.run.entryId)) firstOfEach.set(a.run.entryId, a)
    const entries = [...firstOfEach.values()].sort((a, b) => a.run.startedAt - b.run.startedAt || a.index - b.index)
    if (entries.length > 0) yield { from, to, entries }
  }
}

/** Wall-clock time, in ms, during which two or more of the entries ran at once: what the submit summary says overlapped. */
export function overlappedWallMs(runs: readonly BillableRun[]): number {
  let total = 0
  for (const { from, to, entries } of spansOf(runs)) if (entries.length > 1) total += to - from
  return total
}

/**
 * Each entry's raw, overlapped and billable time under the rule: each span is billed by the
 * rule. Under `split` a span of L ms shared by n entries gives each ⌊L/n⌋ and the L mod n ms
 * left one each to the earliest started, so the billed total is exactly the wall-clock time
 * covered.
 */
export function applyOverlapRule(runs: readonly BillableRun[], rule: OverlapRule): Map<string, EntryBilling> {
  const result = new Map<string, EntryBilling>()
  const entry = (id: string) => {
    let found = result.get(id)
    if (!found) {
      found = { rawMs: 0, overlappedMs: 0, billableMs: 0 }
      result.set(id, found)
    }
    return found
  }
  for (const run of runs) if (run.endedAt > run.startedAt) entry(run.entryId).rawMs += run.endedAt - run.startedAt
  for (const { from, to, entries } of spansOf(runs)) {
    const span = to - from
    if (entries.length > 1) for (const a of entries) entry(a.run.entryId).overlappedMs += span
    if (rule === 'full' || entries.length === 1) {
      for (const a of entries) entry(a.run.entryId).billableMs += span
    } else if (rule === 'split') {
      const share = Math.floor(span / entries.length)
      const left = span % entries.length
      entries.forEach((a, k) => (entry(a.run.entryId).billableMs += share + (k < left ? 1 : 0)))
    } else {
      entry(primaryOf(entries).run.entryId).billableMs += span
    }
  }
  return result
}
