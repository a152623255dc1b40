// The one home of time entries on this device: reading them, writing them and the
// period lock. The timer engine, the timesheet, the timer prompts and sync write entries
// only through this module (tests/lint/entries-boundary.test.ts proves no other module
// does), and every local write asks the lock here first. Functions take the caller's
// transaction, so a timer stop and its booking commit together.
import type { Kysely, Transaction } from 'kysely'
import type { TimeEntry } from '@shared/entries'
import type { RoundingRule } from '@shared/rounding'
import type { ManualTime } from '@shared/entry-create'
import type { RunInput } from '@shared/run-times'
import type { CellChange, PeriodStatus, RowKey } from '@shared/timesheet'
import type { HeldTime, PromptResolution } from '@shared/timers'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { ClosedSegment } from '../timers/booking'
import { bookOrHold, type Booked } from './book-or-hold'
import { clearEmptyRow, setCellTotals } from './cell-totals'
import { deleteEntry, describeEntry, setEntryDuration, setEntryRuns, type EditContext, type EditedEntry } from './entry-edits'
import { liveEntries, loadEntries, loadEntryRows, recentStopped, type RecentEntry } from './entry-reads'
import { listHeld, resolveHeld, type HeldContext } from './held-time'
import { createManualEntries } from './manual-entries'
import { checkDays, lockKind, requireOpen, type LockKind, type LockMode } from './period-lock'
import type { BookingTarget, HeldOrigin } from './timer-time'

type Db = Kysely<Database> | Transaction<Database>

export type { BookingTarget, HeldOrigin } from './timer-time'
export type { Booked } from './book-or-hold'
export type { LockMode } from './period-lock'
export type { RecentEntry } from './entry-reads'

export interface EntriesDeps {
  db: Kysely<Database>
  clock: Clock
  /** Whose time this is (see profile.ts). */
  userId: () => string
  /** standalone, or 'server' once a team server is configured: who reopens a locked period. */
  mode: () => LockMode
  /** Billing rounding of timer time. */
  rounding: () => RoundingRule
}

export class Entries {
  constructor(private readonly deps: EntriesDeps) {}

  // ---- reads and the lock's words ------------------------------------------------------

  load(where: { ids: readonly string[] } | { from: string; to: string }, db: Db = this.deps.db): Promise<TimeEntry[]> {
    return loadEntries(db, this.deps.userId(), where)
  }

  /** Entries with the zone each was booked in, for a cell's details and the calendar. */
  loadWithZones(where: readonly string[] | { from: string; to: string }, db: Db = this.deps.db): Promise<{ entry: TimeEntry; timeZone: string | null }[]> {
    return loadEntryRows(db, this.deps.userId(), Array.isArray(where) ? { ids: where } : (where as { from: string; to: string }))
  }

  /** The grid's hot query (see its plan test). */
  live(from: string, to: string, db: Db = this.deps.db) {
    return liveEntries(db, this.deps.userId(), from, to)
  }

  /** The last few distinct entries stopped timers booked, newest first: the tray's Recent list. */
  recentStopped(limit = 5, db: Db = this.deps.db): Promise<RecentEntry[]> {
    return recentStopped(db, this.deps.userId(), limit)
  }

  /** Which lock a period in this status is under on this device; null when it can be changed. */
  lockOf(status: PeriodStatus): LockKind | null {
    return lockKind(status, this.deps.mode())
  }

  /** The locked days among `days`, each with the lock it is under. */
  async lockedDays(days: readonly string[], db: Db = this.deps.db): Promise<Map<string, LockKind>> {
    const { locked } = await checkDays(db, this.deps.userId(), days)
    const mode = this.deps.mode()
    return new Map([...locked].flatMap(([day, status]) => {
      const lock = lockKind(status, mode)
      return lock === null ? [] : [[day, lock] as const]
    }))
  }

  /** The lock for what goes with entries (added rows, cell notes): refused with the reason when any day is locked. */
  async refuseIfLocked(db: Db, days: Iterable<string>): Promise<void> {
    await requireOpen(db, this.deps.userId(), days, this.deps.mode())
  }

  // ---- timer time ------------------------------------------------------------------------

  /** Books a run's open days as drafts and holds the part a locked period cannot take, as a question. */
  bookTimerTime(trx: Transaction<Database>, segments: readonly ClosedSegment[], target: BookingTarget, origin: HeldOrigin, now: number): Promise<Booked> {
    return bookOrHold(trx, this.deps.userId(), segments, target, origin, this.deps.rounding(), now)
  }

  /** Held time: the questions waiting (asking), or what the user kept aside. */
  held(which: 'asking' | 'aside', db: Db = this.deps.db): Promise<HeldTime[]> {
    return listHeld(db, this.heldContext(), which)
  }

  /** Answers held time; undefined when `id` is not held time. */
  resolveHeld(trx: Transaction<Database>, id: string, resolution: PromptResolution, now: number): Promise<{ booked: boolean } | undefined> {
    return resolveHeld(trx, { ...this.heldContext(), now }, id, resolution)
  }

  // ---- the grid and a cell's details -------------------------------------------------------

  setCellTotals(trx: Transaction<Database>, changes: readonly CellChange[], now: number): Promise<void> {
    return setCellTotals(trx, this.deps.userId(), this.deps.mode(), changes, now)
  }

  clearEmptyRow(trx: Transaction<Database>, span: { from: string; to: string }, row: RowKey, now: number): Promise<void> {
    return clearEmptyRow(trx, this.deps.userId(), this.deps.mode(), span, row, now)
  }

  /** A manual entry with a duration or with times (one per local day); returns the new ids. */
  createManual(trx: Transaction<Database>, row: RowKey, description: string, time: ManualTime): Promise<string[]> {
    return createManualEntries(trx, this.editContext(), row, description, time)
  }

  describe(trx: Transaction<Database>, id: string, description: string): Promise<EditedEntry> {
    return describeEntry(trx, this.editContext(), id, description)
  }

  setDuration(trx: Transaction<Database>, id: string, seconds: number): Promise<EditedEntry> {
    return setEntryDuration(trx, this.editContext(), id, seconds)
  }

  setRuns(trx: Transaction<Database>, id: string, runs: readonly RunInput[]): Promise<EditedEntry> {
    return setEntryRuns(trx, this.editContext(), id, runs)
  }

  delete(trx: Transaction<Database>, id: string): Promise<EditedEntry> {
    return deleteEntry(trx, this.editContext(), id)
  }

  private heldContext(): HeldContext {
    const { clock } = this.deps
    return { user: this.deps.userId(), mode: this.deps.mode(), rounding: this.deps.rounding(), now: clock.now(), timeZone: clock.timeZone() }
  }

  private editContext(): EditContext {
    const { clock } = this.deps
    return { user: this.deps.userId(), mode: this.deps.mode(), rounding: this.deps.rounding(), timeZone: clock.timeZone(), now: clock.now() }
  }
}
