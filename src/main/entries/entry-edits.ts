// Changing one entry from a cell's details: its description, its duration, the start and
// end of a timer entry's runs (or of a manual entry made with times), or deleting it. Each asks the period lock for the entry's
// day first, re-rounds timer time from the raw seconds (typed time is billed as typed),
// and keeps the day within 24 hours; a refusal says why and changes nothing.
import type { Transaction } from 'kysely'
import { refuse } from '@shared/errors'
import { roundSeconds, type RoundingRule } from '@shared/rounding'
import { localDay } from '@shared/days'
import { instantAt, wallTimeOn, type RunInput } from '@shared/run-times'
import type { Database } from '../db/schema'
import { checkDayLimits } from './cell-totals'
import { entryRow } from './entry-reads'
import { setDescription, setRuns, setSeconds, tombstone } from './entry-rows'
import { requireOpen, type LockMode } from './period-lock'

export interface EditContext {
  user: string
  mode: LockMode
  rounding: RoundingRule
  /** The machine's zone, for entries that carry none. */
  timeZone: string
  now: number
}

/** The entry, checked editable: the user's, live, not voided, its day open. */
async function editable(trx: Transaction<Database>, ctx: EditContext, id: string) {
  const row = await entryRow(trx, ctx.user, id)
  if (!row) throw refuse('not_found', 'refusal.entryGone')
  if (row.status === 'voided') throw refuse('conflict', 'refusal.entryVoided')
  const open = await requireOpen(trx, ctx.user, [row.day], ctx.mode)
  return { row, open, at: { id: row.id, day: row.day, user: ctx.user } }
}

/** Day and row of the changed entry, so the caller can show its cell again. */
export type EditedEntry = Awaited<ReturnType<typeof editable>>['row']

export async function describeEntry(trx: Transaction<Database>, ctx: EditContext, id: string, description: string): Promise<EditedEntry> {
  const { row, open, at } = await editable(trx, ctx, id)
  await setDescription(trx, open, at, description.trim(), ctx.now)
  return row
}

export async function deleteEntry(trx: Transaction<Database>, ctx: EditContext, id: string): Promise<EditedEntry> {
  const { row, open, at } = await editable(trx, ctx, id)
  await tombstone(trx, open, at, ctx.now)
  return row
}

/** Typed time is billed as typed; timer time is rounded again from the new raw seconds. */
function rounded(source: string, raw: number, rule: RoundingRule): number {
  return source === 'timer' ? roundSeconds(raw, rule) : raw
}

export async function setEntryDuration(trx: Transaction<Database>, ctx: EditContext, id: string, seconds: number): Promise<EditedEntry> {
  const { row, open, at } = await editable(trx, ctx, id)
  if (seconds <= 0) throw refuse('invalid_request', 'refusal.durationNotPositive')
  const ranges = await rangesOf(trx, id)
  const last = ranges.at(-1)
  if (row.source === 'manual' && last) {
    // A manual entry with times is its start and end: a new duration keeps the start and moves the end.
    // (A timer entry's runs are the record of what it measured and stay as they are.)
    const zone = row.time_zone ?? ctx.timeZone
    const others = ranges.slice(0, -1).reduce((sum, r) => sum + (r.ended_at - r.started_at), 0)
    const endedAt = last.started_at + seconds * 1000 - others
    if (endedAt <= last.started_at || localDay(endedAt - 1, zone) !== row.day) {
      throw refuse('invalid_request', 'refusal.pastMidnight', { seconds, start: wallTimeOn(row.day, last.started_at, zone) })
    }
    const moved = ranges.map((r) => ({ startedAt: r.started_at, endedAt: r === last ? endedAt : r.ended_at, primary: r.is_primary === 1 }))
    await setRuns(trx, open, at, moved, seconds, seconds, ctx.now)
  } else {
    await setSeconds(trx, open, at, seconds, rounded(row.source, seconds, ctx.rounding), ctx.now)
  }
  await checkDayLimits(trx, ctx.user, [row.day])
  return row
}

function rangesOf(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('time_entry_ranges').select(['started_at', 'ended_at', 'is_primary']).where('entry_id', '=', id).orderBy('started_at').execute()
}

/**
 * New runs for a timer entry (or the start and end of a manual entry with times), as times of day on its day in the zone it was booked in.
 * A time left as it was keeps its exact instant (seconds included), so changing one end
 * does not shave the seconds off the others.
 */
export async function setEntryRuns(trx: Transaction<Database>, ctx: EditContext, id: string, runs: readonly RunInput[]): Promise<EditedEntry> {
  const { row, open, at } = await editable(trx, ctx, id)
  const before = await rangesOf(trx, id)
  // Timer entries and manual entries made with times have a start and end; typed totals (grid) and durations do not.
  if (row.source === 'grid' || before.length === 0) throw refuse('invalid_request', 'refusal.typedHasNoRuns')
  if (runs.length === 0) throw refuse('invalid_request', 'refusal.entryNeedsRun')
  const zone = row.time_zone ?? ctx.timeZone
  const instant = (time: string, kept: number | undefined): number => {
    if (kept !== undefined && wallTimeOn(row.day, kept, zone) === time.trim().padStart(5, '0')) return kept
    const at = instantAt(row.day, time, zone)
    if (at === null) throw refuse('invalid_request', 'refusal.clockSkips', { time, day: row.day, zone })
    return at
  }
  const ranges = runs
    .map((run, i) => {
      // A run keeps the primary mark of the run it was at that place; one added after them takes the last one's.
      const range = { startedAt: instant(run.start, before[i]?.started_at), endedAt: instant(run.end, before[i]?.ended_at), primary: (before[i] ?? before.at(-1))?.is_primary === 1 }
      if (range.endedAt <= range.startedAt) throw refuse('invalid_request', 'refusal.runEndsBeforeStart', { run: i + 1, end: run.end, start: run.start })
      return { ...range, label: `${run.start}–${run.end}` }
    })
    .sort((a, b) => a.startedAt - b.startedAt)
  ranges.forEach((range, i) => {
    const next = ranges[i + 1]
    if (next && next.startedAt < range.endedAt) throw refuse('invalid_request', 'refusal.runsOverlap', { first: range.label, second: next.label })
  })
  const raw = Math.floor(ranges.reduce((sum, r) => sum + (r.endedAt - r.startedAt), 0) / 1000)
  await setRuns(
    trx,
    open,
    at,
    ranges.map(({ startedAt, endedAt, primary }) => ({ startedAt, endedAt, primary })),
    raw,
    rounded(row.source, raw, ctx.rounding),
    ctx.now,
  )
  await checkDayLimits(trx, ctx.user, [row.day])
  return row
}
