// The period grid over the local database. A cell holds entries; typing a total only
// ever creates, changes or removes the one hand-entered ("grid") entry of that cell,
// never what timers recorded. Each change is checked as a whole (a pasted block is
// all or nothing) and committed before it is answered. Submitted or approved periods
// refuse every change with the reason.
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely'
import { formatDuration } from '@shared/duration'
import { StintError } from '@shared/errors'
import { newId } from '@shared/ids'
import { addDays, daysOf, periodContaining, periodLabel, weekdayOf, type Period, type Weekday } from '@shared/periods'
import {
  MAX_DAY_SECONDS,
  rowKeyId,
  type CellChange,
  type CellDetails,
  type PeriodStatus,
  type RowKey,
  type Timesheet,
  type TimesheetCell,
  type TimesheetRow,
  type TimesheetSettings,
} from '@shared/timesheet'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { EventHub } from '../events'
import { loadEntries } from './entry-queries'
import { moveQueued, periodHistory, periodRecord } from './period-records'

type Db = Kysely<Database> | Transaction<Database>

export interface TimesheetDeps {
  db: Kysely<Database>
  clock: Clock
  events: EventHub
  settings: () => TimesheetSettings
  /** Whose timesheet this is (see profile.ts). */
  userId: () => string
}

const LOCKED_BECAUSE: Partial<Record<PeriodStatus, string>> = {
  submitted: 'This period has been submitted for approval, so it is read-only. Withdraw the submission to change it.',
  approved: 'This period is approved and locked. An administrator can reopen it.',
}

/** Entries in the grid: everything not voided or deleted (the grid's hot query; see its plan test). */
export function liveEntries(db: Db, userId: string, from: string, to: string) {
  return db
    .selectFrom('time_entries')
    .select(['id', 'day', 'work_item_id', 'activity_type_id', 'billable', 'source', 'rounded_seconds', 'created_at'])
    .where('user_id', '=', userId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'voided')
}

function addedRows(db: Db, userId: string, periodStart: string) {
  return db.selectFrom('timesheet_rows').selectAll().where('user_id', '=', userId).where('period_start', '=', periodStart).where('deleted_at', 'is', null)
}

function notesOn(db: Db, userId: string, day: string) {
  return db.selectFrom('cell_notes').selectAll().where('user_id', '=', userId).where('day', '=', day).where('deleted_at', 'is', null)
}

/** Rows are never deleted (sync needs the tombstone); removing one is a change like any other. */
function tombstone(now: number) {
  return (eb: ExpressionBuilder<Database, 'time_entries' | 'timesheet_rows' | 'cell_notes'>) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) })
}

interface PeriodLayout {
  period: Period
  label: string
  days: { day: string; weekday: Weekday }[]
}

interface RowFields {
  work_item_id: string | null
  activity_type_id: string | null
  billable: number
}

function matchesRow(row: RowKey) {
  return (e: RowFields) => e.work_item_id === row.workItemId && e.activity_type_id === row.activityTypeId && (e.billable === 1) === row.billable
}

export class TimesheetService {
  /** Sort names of work items and activity types, read once and dropped on every work.changed. */
  private names: Promise<(row: RowKey) => string> | null = null
  private readonly layouts = new Map<string, PeriodLayout>()

  constructor(private readonly deps: TimesheetDeps) {
    deps.events.subscribe((name) => {
      if (name === 'work.changed') this.names = null
    })
  }

  periodOf(day: string): Period {
    return this.layoutOf(day).period
  }

  /**
   * The period of a day with its label and weekdays. Calendar maths through date-fns in
   * a fixed zone costs about half a millisecond a period, more than reading the period's
   * entries, so recent answers are kept (keyed by the rule too: a settings change is a
   * new key).
   */
  private layoutOf(day: string): PeriodLayout {
    const rule = this.deps.settings().periodRule
    const key = `${day}|${JSON.stringify(rule)}`
    let layout = this.layouts.get(key)
    if (!layout) {
      const period = periodContaining(day, rule)
      layout = { period, label: periodLabel(period, rule), days: daysOf(period).map((d) => ({ day: d, weekday: weekdayOf(d) })) }
      if (this.layouts.size >= 256) this.layouts.clear()
      this.layouts.set(key, layout)
    }
    return layout
  }

  async load(day: string): Promise<Timesheet> {
    const { db, settings } = this.deps
    const user = this.deps.userId()
    const layout = this.layoutOf(day)
    const { period } = layout
    const days = layout.days.map((d) => d.day)
    const record = await periodRecord(db, user, period)
    const { status } = record
    const expected = settings().expectedSeconds
    const entries = await liveEntries(db, user, period.start, period.end).execute()
    const added = await addedRows(db, user, period.start).execute()
    const notes = await db.selectFrom('cell_notes').selectAll().where('user_id', '=', user).where('day', '>=', period.start).where('day', '<=', period.end).where('deleted_at', 'is', null).execute()

    // One pass over each list, grouped by row: a month of a busy technician is a few thousand entries.
    const rows = new Map<string, { key: RowKey; added: boolean; entries: typeof entries; notes: typeof notes }>()
    const rowFor = (fields: RowFields) => {
      const key = { workItemId: fields.work_item_id, activityTypeId: fields.activity_type_id, billable: fields.billable === 1 }
      const id = rowKeyId(key)
      let found = rows.get(id)
      if (!found) rows.set(id, (found = { key, added: false, entries: [], notes: [] }))
      return found
    }
    for (const e of entries) rowFor(e).entries.push(e)
    for (const r of added) rowFor(r).added = true
    for (const n of notes) rows.get(rowKeyId({ workItemId: n.work_item_id, activityTypeId: n.activity_type_id, billable: n.billable === 1 }))?.notes.push(n)
    const names = await (this.names ??= this.rowNames())
    const built: TimesheetRow[] = [...rows.entries()].map(([id, row]) => {
      const cells = days.map((d) => toCell(d, row.entries.filter((e) => e.day === d), row.notes.find((n) => n.day === d)?.note ?? null))
      return { key: id, ...row.key, added: row.added, cells, totalSeconds: cells.reduce((sum, c) => sum + c.totalSeconds, 0) }
    })
    const sortKeys = new Map(built.map((r) => [r.key, names(r)]))
    const sortKey = (r: TimesheetRow) => sortKeys.get(r.key) ?? ''
    built.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))

    return {
      start: period.start,
      end: period.end,
      label: layout.label,
      status,
      level: record.level,
      reason: record.reason,
      queued: await moveQueued(db, period),
      history: await periodHistory(db, record.id),
      lockedReason: LOCKED_BECAUSE[status] ?? null,
      days: layout.days.map((d) => ({ ...d, expectedSeconds: expected[d.weekday] ?? 0 })),
      rows: built,
    }
  }

  /** Sets cell totals; a pasted block comes as one call and is applied whole or not at all. */
  async setCells(changes: readonly CellChange[]): Promise<Timesheet> {
    const user = this.deps.userId()
    if (changes.length === 0) throw new StintError('invalid_request', 'There is nothing to change.')
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      for (const period of uniquePeriods(changes.map((c) => this.periodOf(c.day)))) await refuseIfLocked(trx, user, period)
      for (const change of changes) {
        await applyCellTotal(trx, user, change, now)
        await keepRow(trx, user, this.periodOf(change.day).start, change.row, now)
      }
      // Checked after every change of the batch is in: a day over 24 hours undoes the whole batch.
      for (const day of new Set(changes.map((c) => c.day))) {
        const total = (await liveEntries(trx, user, day, day).execute()).reduce((sum, e) => sum + e.rounded_seconds, 0)
        if (total > MAX_DAY_SECONDS) {
          throw new StintError('invalid_request', `A day has at most 24 hours: ${day} would have ${formatDuration(total)}. Nothing was changed.`)
        }
      }
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
      await refuseIfLocked(trx, user, period)
      await this.checkRowRefs(trx, row)
      const added = await addedRows(trx, user, period.start).execute()
      const withTime = await liveEntries(trx, user, period.start, period.end).execute()
      if (added.some(matchesRow(row)) || withTime.some(matchesRow(row))) throw new StintError('conflict', 'That row is already in this period.')
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
      await refuseIfLocked(trx, user, period)
      const time = (await liveEntries(trx, user, period.start, period.end).execute()).filter(matchesRow(row))
      if (time.some((e) => e.rounded_seconds > 0)) throw new StintError('conflict', 'This row has time in it. Clear its cells first; only an empty row can be removed.')
      const added = (await addedRows(trx, user, period.start).execute()).filter(matchesRow(row))
      for (const r of added) await trx.updateTable('timesheet_rows').set(tombstone(now)).where('id', '=', r.id).execute()
      // Zero-length grid entries (a cleared cell) go with the row.
      for (const e of time.filter((t) => t.source === 'grid')) await trx.updateTable('time_entries').set(tombstone(now)).where('id', '=', e.id).execute()
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
      await refuseIfLocked(trx, user, this.periodOf(day))
      for (const row of previous.rows) {
        if (!have.has(row.key)) await keepRow(trx, user, current.start, { workItemId: row.workItemId, activityTypeId: row.activityTypeId, billable: row.billable }, now)
      }
    })
    return this.load(day)
  }

  async cellDetails(day: string, row: RowKey): Promise<CellDetails> {
    const user = this.deps.userId()
    const { db } = this.deps
    const ids = (await liveEntries(db, user, day, day).execute()).filter(matchesRow(row)).map((e) => e.id)
    const note = (await notesOn(db, user, day).execute()).find(matchesRow(row))?.note ?? null
    return { day, row, note, entries: await loadEntries(db, user, { ids }) }
  }

  async setCellNote(day: string, row: RowKey, note: string): Promise<CellDetails> {
    const user = this.deps.userId()
    const { db, clock } = this.deps
    const now = clock.now()
    const text = note.trim()
    await db.transaction().execute(async (trx) => {
      await refuseIfLocked(trx, user, this.periodOf(day))
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
    const user = this.deps.userId()
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      const entry = await trx.selectFrom('time_entries').select(['day']).where('id', '=', id).where('user_id', '=', user).where('deleted_at', 'is', null).executeTakeFirst()
      if (!entry) throw new StintError('not_found', 'That entry does not exist (any more); nothing was changed.')
      await refuseIfLocked(trx, user, this.periodOf(entry.day))
      await trx.updateTable('time_entries').set((eb) => ({ description: description.trim(), updated_at: now, version: eb('version', '+', 1) })).where('id', '=', id).execute()
    })
    this.deps.events.emit('entries.changed', {})
  }

  /** Orders rows by work item reference or title, then activity type. */
  private async rowNames(): Promise<(row: RowKey) => string> {
    const { db } = this.deps
    const items = new Map((await db.selectFrom('work_items').select(['id', 'reference', 'title']).execute()).map((w) => [w.id, (w.reference ?? w.title).toLowerCase()]))
    const types = new Map((await db.selectFrom('activity_types').select(['id', 'name']).execute()).map((t) => [t.id, t.name.toLowerCase()]))
    return (row) => `${row.workItemId ? (items.get(row.workItemId) ?? '') : '\uffff'}\u0000${row.activityTypeId ? (types.get(row.activityTypeId) ?? '') : ''}\u0000${row.billable ? 0 : 1}`
  }

  private async checkRowRefs(db: Db, row: RowKey): Promise<void> {
    if (row.workItemId && !(await db.selectFrom('work_items').select('id').where('id', '=', row.workItemId).where('deleted_at', 'is', null).executeTakeFirst())) {
      throw new StintError('not_found', 'That work item does not exist (any more); nothing was changed.')
    }
    if (row.activityTypeId && !(await db.selectFrom('activity_types').select('id').where('id', '=', row.activityTypeId).where('deleted_at', 'is', null).executeTakeFirst())) {
      throw new StintError('not_found', 'That activity type does not exist (any more); nothing was changed.')
    }
  }
}

function toCell(day: string, entries: { source: string; rounded_seconds: number }[], note: string | null): TimesheetCell {
  const gridSeconds = entries.filter((e) => e.source === 'grid').reduce((sum, e) => sum + e.rounded_seconds, 0)
  const fixedSeconds = entries.filter((e) => e.source !== 'grid').reduce((sum, e) => sum + e.rounded_seconds, 0)
  return { day, totalSeconds: gridSeconds + fixedSeconds, fixedSeconds, gridSeconds, entryCount: entries.filter((e) => e.source !== 'grid' || e.rounded_seconds > 0).length, note }
}

/** A row someone typed into stays in the grid, even once its cells are cleared, until it is removed. */
async function keepRow(trx: Transaction<Database>, user: string, periodStart: string, row: RowKey, now: number): Promise<void> {
  const rows = await addedRows(trx, user, periodStart).execute()
  if (rows.some(matchesRow(row))) return
  await trx
    .insertInto('timesheet_rows')
    .values({ id: newId(), user_id: user, period_start: periodStart, work_item_id: row.workItemId, activity_type_id: row.activityTypeId, billable: row.billable ? 1 : 0, created_at: now, updated_at: now, deleted_at: null })
    .execute()
}

function uniquePeriods(periods: Period[]): Period[] {
  return [...new Map(periods.map((p) => [p.start, p])).values()]
}

export async function refuseIfLocked(db: Db, user: string, period: Period): Promise<void> {
  const reason = LOCKED_BECAUSE[(await periodRecord(db, user, period)).status]
  if (reason) throw new StintError('conflict', `${reason} Nothing was changed.`)
}

/** Makes the cell's total what was typed by adjusting only its hand-entered entry. */
async function applyCellTotal(trx: Transaction<Database>, user: string, change: CellChange, now: number): Promise<void> {
  const inCell = (await liveEntries(trx, user, change.day, change.day).orderBy('created_at').execute()).filter(matchesRow(change.row))
  const fixed = inCell.filter((e) => e.source !== 'grid').reduce((sum, e) => sum + e.rounded_seconds, 0)
  const grid = inCell.filter((e) => e.source === 'grid')
  const target = change.totalSeconds - fixed
  if (target < 0) {
    throw new StintError(
      'invalid_request',
      `${formatDuration(change.totalSeconds)} on ${change.day} is less than the ${formatDuration(fixed)} recorded by timers in that cell. Typing cannot change timer time: open the cell's details to edit those entries. Nothing was changed.`,
    )
  }
  const [keep, ...extra] = grid
  for (const e of extra) await trx.updateTable('time_entries').set(tombstone(now)).where('id', '=', e.id).execute()
  if (keep && target === 0) {
    await trx.updateTable('time_entries').set(tombstone(now)).where('id', '=', keep.id).execute()
  } else if (keep) {
    if (keep.rounded_seconds !== target || extra.length > 0) {
      await trx.updateTable('time_entries').set((eb) => ({ raw_seconds: target, rounded_seconds: target, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', keep.id).execute()
    }
  } else if (target > 0) {
    await trx
      .insertInto('time_entries')
      .values({
        id: newId(),
        user_id: user,
        day: change.day,
        work_item_id: change.row.workItemId,
        activity_type_id: change.row.activityTypeId,
        billable: change.row.billable ? 1 : 0,
        description: '',
        source: 'grid',
        raw_seconds: target,
        rounded_seconds: target,
        status: 'draft',
        timer_id: null,
        time_zone: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute()
  }
}
