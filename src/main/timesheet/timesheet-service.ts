// The period grid over the local database: its layout, rows, notes and a cell's
// details. The entries in it are read and written through src/main/entries (typing a
// total only ever changes the cell's one hand-entered entry, never what timers
// recorded), which asks the period lock for every change; rows and notes ask it too.
// Each change is checked as a whole and committed before it is answered.
import type SqliteDatabase from 'better-sqlite3'
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely'
import { refuse } from '@shared/errors'
import { newId } from '@shared/ids'
import { addDays, daysOf, periodContaining, periodLabel, weekdayOf, type Period, type PeriodRule, type Weekday } from '@shared/periods'
import type { TimeEntry } from '@shared/entries'
import type { ManualTime } from '@shared/entry-create'
import type { RunInput } from '@shared/run-times'
import {
  type CellChange,
  type CellDetails,
  type RowKey,
  type Timesheet,
  type TimesheetSettings,
} from '@shared/timesheet'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { EventHub } from '../events'
import type { Entries } from '../entries/entries'
import { matchesRow } from '../entries/cell-totals'
import { periodRecord } from '../entries/period-records'
import { overlappedSecondsOf } from '../reports/report-overlap'
import { GridReader } from './grid-read'
import { inRowOrder, readRowNames, type RowNames } from './row-order'

type Db = Kysely<Database> | Transaction<Database>

export interface TimesheetDeps {
  db: Kysely<Database>
  /** The same connection as `db`, for the grid's hot read (see grid-read.ts). */
  sqlite: SqliteDatabase.Database
  clock: Clock
  events: EventHub
  settings: () => TimesheetSettings
  /** Whose timesheet this is (see profile.ts). */
  userId: () => string
  /** The entries and the period lock. */
  entries: Entries
}

function addedRows(db: Db, userId: string, periodStart: string) {
  return db.selectFrom('timesheet_rows').selectAll().where('user_id', '=', userId).where('period_start', '=', periodStart).where('deleted_at', 'is', null)
}

function notesOn(db: Db, userId: string, day: string) {
  return db.selectFrom('cell_notes').selectAll().where('user_id', '=', userId).where('day', '=', day).where('deleted_at', 'is', null)
}

/** Rows are never deleted (sync needs the tombstone); removing one is a change like any other. */
function tombstone(now: number) {
  return (eb: ExpressionBuilder<Database, 'timesheet_rows' | 'cell_notes'>) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) })
}

const LAYOUTS_KEPT = 4096

interface PeriodLayout {
  period: Period
  label: string
  days: { day: string; weekday: Weekday }[]
  dayList: string[]
}

interface RowFields {
  work_item_id: string | null
  activity_type_id: string | null
  billable: number
}

export class TimesheetService {
  /** Sort names of work items and activity types, read once and dropped on every work.changed. */
  private names: Promise<RowNames> | null = null
  private readonly layouts = new Map<string, PeriodLayout>()
  private rule: { of: PeriodRule | null; key: string } = { of: null, key: '' }
  private readonly grid: GridReader

  constructor(private readonly deps: TimesheetDeps) {
    this.grid = new GridReader(deps.db, deps.sqlite)
    deps.events.subscribe((name) => {
      if (name === 'work.changed') this.names = null
    })
  }

  periodOf(day: string): Period {
    return this.layoutOf(day).period
  }

  /**
   * The period of a day with its label and weekdays. Kept by day and by the period's first
   * day (a day's key and its period's start key hold the same layout, so they never
   * clash), keyed by the rule too (a settings change is a new key): a new day of a known
   * period costs finding its period, a few microseconds, and a new period its days and
   * label once. Dropped whole past LAYOUTS_KEPT keys, about eleven years of days.
   */
  private layoutOf(day: string): PeriodLayout {
    const rule = this.deps.settings().periodRule
    // Settings are replaced, never changed in place: the same rule object has the same text.
    if (rule !== this.rule.of) this.rule = { of: rule, key: JSON.stringify(rule) }
    const ruleKey = this.rule.key
    let layout = this.layouts.get(`${ruleKey}|${day}`)
    if (layout) return layout
    const period = periodContaining(day, rule)
    layout = this.layouts.get(`${ruleKey}|${period.start}`)
    if (!layout) {
      const dayList = daysOf(period)
      layout = { period, label: periodLabel(period, rule), days: dayList.map((d) => ({ day: d, weekday: weekdayOf(d) })), dayList }
    }
    if (this.layouts.size >= LAYOUTS_KEPT) this.layouts.clear()
    this.layouts.set(`${ruleKey}|${period.start}`, layout)
    this.layouts.set(`${ruleKey}|${day}`, layout)
    return layout
  }

  /**
   * The whole grid of the period in one statement: cells, added rows, notes and the
   * period's status, outbox and history (see grid-read.ts).
   */
  async load(day: string): Promise<Timesheet> {
    const { settings } = this.deps
    const user = this.deps.userId()
    const layout = this.layoutOf(day)
    const { period } = layout
    const { head, rows } = await this.grid.read(user, period.start, period.end, layout.dayList)
    const names = await (this.names ??= readRowNames(this.deps.db))
    const expected = settings().expectedSeconds

    return {
      start: period.start,
      end: period.end,
      label: layout.label,
      status: head.status,
      level: head.level,
      reason: head.reason,
      queued: head.queued,
      history: head.history,
      lock: this.deps.entries.lockOf(head.status),
      days: layout.days.map((d) => ({ ...d, expectedSeconds: expected[d.weekday] ?? 0 })),
      rows: inRowOrder(rows, names),
    }
  }

  /** Sets cell totals; a pasted block comes as one call and is applied whole or not at all. */
  async setCells(changes: readonly CellChange[]): Promise<Timesheet> {
    const user = this.deps.userId()
    if (changes.length === 0) throw refuse('invalid_request', 'refusal.nothingToChange')
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      // The lock, the timer time that typing cannot change and the 24-hour day: all in there, for the whole batch.
      await this.deps.entries.setCellTotals(trx, changes, now)
      for (const change of changes) await keepRow(trx, user, this.periodOf(change.day).start, change.row, now)
    })
    this.deps.events.emit('entries.changed', {})
    return this.load(changes[0]?.day ?? '')
  }

  async addRow(day: string, row: RowKey): Promise<Timesheet> {
    const user = this.deps.userId()
    const { db, clock } = this.deps
    const period = this.periodOf(day)
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      await this.refuseIfLocked(trx, period)
      await this.checkRowRefs(trx, row)
      const added = await addedRows(trx, user, period.start).execute()
      const withTime = await this.deps.entries.live(period.start, period.end, trx).execute()
      if (added.some(matchesRow(row)) || withTime.some(matchesRow(row))) throw refuse('conflict', 'refusal.rowInPeriod')
      await trx
        .insertInto('timesheet_rows')
        .values({ id: newId(), user_id: user, period_start: period.start, work_item_id: row.workItemId, activity_type_id: row.activityTypeId, billable: row.billable ? 1 : 0, created_at: now, updated_at: now, deleted_at: null })
        .execute()
    })
    return this.load(day)
  }

  /** Removes a row that holds no time; a row with time in it is refused (clear its cells first). */
  async removeRow(day: string, row: RowKey): Promise<Timesheet> {
    const user = this.deps.userId()
    const { db, clock } = this.deps
    const period = this.periodOf(day)
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      await this.refuseIfLocked(trx, period)
      // Refused while the row holds time; zero-length grid entries (a cleared cell) go with the row.
      await this.deps.entries.clearEmptyRow(trx, { from: period.start, to: period.end }, row, now)
      const added = (await addedRows(trx, user, period.start).execute()).filter(matchesRow(row))
      for (const r of added) await trx.updateTable('timesheet_rows').set(tombstone(now)).where('id', '=', r.id).execute()
    })
    return this.load(day)
  }

  /** Adds the rows of the previous period (with time or added by hand) to this one, empty; all or none. */
  async copyPreviousRows(day: string): Promise<Timesheet> {
    const user = this.deps.userId()
    const { db, clock } = this.deps
    const current = await this.load(day)
    const previous = await this.load(addDays(current.start, -1))
    const have = new Set(current.rows.map((r) => r.key))
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      await this.refuseIfLocked(trx, this.periodOf(day))
      for (const row of previous.rows) {
        if (!have.has(row.key)) await keepRow(trx, user, current.start, { workItemId: row.workItemId, activityTypeId: row.activityTypeId, billable: row.billable }, now)
      }
    })
    return this.load(day)
  }

  async cellDetails(day: string, row: RowKey): Promise<CellDetails> {
    const user = this.deps.userId()
    const { db, clock, entries } = this.deps
    const ids = (await entries.live(day, day).execute()).filter(matchesRow(row)).map((e) => e.id)
    const note = (await notesOn(db, user, day).execute()).find(matchesRow(row))?.note ?? null
    const withZones = await entries.loadWithZones(ids)
    const status = (await periodRecord(db, user, this.periodOf(day))).status
    const overlapped = await overlappedSecondsOf(db, user, day, day)
    return {
      day,
      row,
      note,
      lock: entries.lockOf(status),
      // Runs are read and typed in the zone the entry was booked in; typed time has none, so the machine's.
      entries: withZones.map(({ entry, timeZone }) => ({ ...entry, timeZone: timeZone ?? clock.timeZone() })),
      // Of the cell's time, how much ran beside another billable timer (its details say so).
      overlappedSeconds: ids.reduce((sum, id) => sum + (overlapped.get(id) ?? 0), 0),
    }
  }

  async setCellNote(day: string, row: RowKey, note: string): Promise<CellDetails> {
    const user = this.deps.userId()
    const { db, clock } = this.deps
    const now = clock.now()
    const text = note.trim()
    await db.transaction().execute(async (trx) => {
      await this.deps.entries.refuseIfLocked(trx, [day])
      const existing = (await notesOn(trx, user, day).execute()).find(matchesRow(row))
      if (existing && text === '') await trx.updateTable('cell_notes').set(tombstone(now)).where('id', '=', existing.id).execute()
      else if (existing) await trx.updateTable('cell_notes').set((eb) => ({ note: text, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', existing.id).execute()
      else if (text !== '')
        await trx
          .insertInto('cell_notes')
          .values({ id: newId(), user_id: user, day, work_item_id: row.workItemId, activity_type_id: row.activityTypeId, billable: row.billable ? 1 : 0, note: text, created_at: now, updated_at: now, deleted_at: null })
          .execute()
    })
    return this.cellDetails(day, row)
  }

  /** Edits one entry's description from the details panel. */
  async describeEntry(id: string, description: string): Promise<void> {
    await this.editEntry((trx) => this.deps.entries.describe(trx, id, description))
  }

  /** Adds manual time to a row: a duration on a day, or a start and an end split at local midnight. */
  async createEntries(row: RowKey, description: string, time: ManualTime): Promise<TimeEntry[]> {
    const ids = await this.deps.db.transaction().execute(async (trx) => {
      await this.checkRowRefs(trx, row)
      return this.deps.entries.createManual(trx, row, description, time)
    })
    this.deps.events.emit('entries.changed', {})
    return this.deps.entries.load({ ids })
  }

  /** Changes one entry's duration from the details panel; timer time is rounded again from it. */
  setEntryDuration(id: string, seconds: number): Promise<CellDetails> {
    return this.editEntry((trx) => this.deps.entries.setDuration(trx, id, seconds))
  }

  /** Changes the runs of a timer entry from the details panel; its duration follows them. */
  setEntryRuns(id: string, runs: readonly RunInput[]): Promise<CellDetails> {
    return this.editEntry((trx) => this.deps.entries.setRuns(trx, id, runs))
  }

  deleteEntry(id: string): Promise<CellDetails> {
    return this.editEntry((trx) => this.deps.entries.delete(trx, id))
  }

  /** One edit of one entry, committed, announced, and its cell shown again. */
  private async editEntry(edit: (trx: Transaction<Database>) => Promise<RowFields & { day: string }>): Promise<CellDetails> {
    const entry = await this.deps.db.transaction().execute(edit)
    this.deps.events.emit('entries.changed', {})
    return this.cellDetails(entry.day, { workItemId: entry.work_item_id, activityTypeId: entry.activity_type_id, billable: entry.billable === 1 })
  }

  /** Rows and notes go with the entries: the same lock, asked for every day of the period. */
  private refuseIfLocked(db: Db, period: Period): Promise<void> {
    return this.deps.entries.refuseIfLocked(db, daysOf(period))
  }

  private async checkRowRefs(db: Db, row: RowKey): Promise<void> {
    if (row.workItemId && !(await db.selectFrom('work_items').select('id').where('id', '=', row.workItemId).where('deleted_at', 'is', null).executeTakeFirst())) {
      throw refuse('not_found', 'refusal.workItemGone')
    }
    if (row.activityTypeId && !(await db.selectFrom('activity_types').select('id').where('id', '=', row.activityTypeId).where('deleted_at', 'is', null).executeTakeFirst())) {
      throw refuse('not_found', 'refusal.activityTypeGone')
    }
  }
}

/** A row someone typed into stays in the grid, even once its cells are cleared, until it is removed. */
async function keepRow(trx: Transaction<Database>, user: string, periodStart: string, row: RowKey, now: number): Promise<void> {
  // Only this row is looked for (IS: a null key matches null), not every added row of the period.
  const kept = await addedRows(trx, user, periodStart).select('id').where('work_item_id', 'is', row.workItemId).where('activity_type_id', 'is', row.activityTypeId).where('billable', '=', row.billable ? 1 : 0).executeTakeFirst()
  if (kept) return
  await trx
    .insertInto('timesheet_rows')
    .values({ id: newId(), user_id: user, period_start: periodStart, work_item_id: row.workItemId, activity_type_id: row.activityTypeId, billable: row.billable ? 1 : 0, created_at: now, updated_at: now, deleted_at: null })
    .execute()
}
