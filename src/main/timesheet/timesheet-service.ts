// The period grid over the local database. A cell holds entries; typing a total only
// ever creates, changes or removes the one hand-entered ("grid") entry of that cell,
// never what timers recorded. Each change is checked as a whole (a pasted block is
// all or nothing) and committed before it is answered. Submitted or approved periods
// refuse every change with the reason.
import type { Kysely, Transaction } from 'kysely'
import { formatDuration } from '@shared/duration'
import { StintError } from '@shared/errors'
import { newId } from '@shared/ids'
import { addDays, daysOf, periodContaining, periodLabel, weekdayOf, type Period } from '@shared/periods'
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

type Db = Kysely<Database> | Transaction<Database>

export interface TimesheetDeps {
  db: Kysely<Database>
  clock: Clock
  events: EventHub
  settings: () => TimesheetSettings
}

const LOCKED_BECAUSE: Partial<Record<PeriodStatus, string>> = {
  submitted: 'This period has been submitted for approval, so it is read-only. Withdraw the submission to change it.',
  approved: 'This period is approved and locked. An administrator can reopen it.',
}

/** Entries in the grid: everything not voided or deleted (the grid's hot query; see its plan test). */
export function liveEntries(db: Db, from: string, to: string) {
  return db
    .selectFrom('time_entries')
    .select(['id', 'day', 'work_item_id', 'activity_type_id', 'billable', 'source', 'rounded_seconds', 'created_at'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'voided')
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
  constructor(private readonly deps: TimesheetDeps) {}

  periodOf(day: string): Period {
    return periodContaining(day, this.deps.settings().periodRule)
  }

  async load(day: string): Promise<Timesheet> {
    const { db, settings } = this.deps
    const period = this.periodOf(day)
    const status = await periodStatus(db, period)
    const days = daysOf(period)
    const expected = settings().expectedSeconds
    const entries = await liveEntries(db, period.start, period.end).execute()
    const added = await db.selectFrom('timesheet_rows').selectAll().where('period_start', '=', period.start).where('deleted_at', 'is', null).execute()
    const notes = await db.selectFrom('cell_notes').selectAll().where('day', '>=', period.start).where('day', '<=', period.end).where('deleted_at', 'is', null).execute()

    const rows = new Map<string, { key: RowKey; added: boolean }>()
    for (const e of entries) {
      const key = { workItemId: e.work_item_id, activityTypeId: e.activity_type_id, billable: e.billable === 1 }
      rows.set(rowKeyId(key), { key, added: rows.get(rowKeyId(key))?.added ?? false })
    }
    for (const r of added) {
      const key = { workItemId: r.work_item_id, activityTypeId: r.activity_type_id, billable: r.billable === 1 }
      rows.set(rowKeyId(key), { key, added: true })
    }
    const names = await this.rowNames()
    const built: TimesheetRow[] = [...rows.entries()].map(([id, { key, added: isAdded }]) => {
      const inRow = entries.filter(matchesRow(key))
      const cells = days.map((d) => toCell(d, inRow.filter((e) => e.day === d), notes.filter(matchesRow(key)).find((n) => n.day === d)?.note ?? null))
      return { key: id, ...key, added: isAdded, cells, totalSeconds: cells.reduce((sum, c) => sum + c.totalSeconds, 0) }
    })
    built.sort((a, b) => (names(a) < names(b) ? -1 : names(a) > names(b) ? 1 : 0))

    return {
      start: period.start,
      end: period.end,
      label: periodLabel(period, settings().periodRule),
      status,
      lockedReason: LOCKED_BECAUSE[status] ?? null,
      days: days.map((d) => ({ day: d, weekday: weekdayOf(d), expectedSeconds: expected[weekdayOf(d)] ?? 0 })),
      rows: built,
    }
  }

  /** Sets cell totals; a pasted block comes as one call and is applied whole or not at all. */
  async setCells(changes: readonly CellChange[]): Promise<Timesheet> {
    if (changes.length === 0) throw new StintError('invalid_request', 'There is nothing to change.')
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      for (const period of uniquePeriods(changes.map((c) => this.periodOf(c.day)))) await refuseIfLocked(trx, period)
      for (const change of changes) {
        await applyCellTotal(trx, change, now)
        await keepRow(trx, this.periodOf(change.day).start, change.row, now)
      }
      // Checked after every change of the batch is in: a day over 24 hours undoes the whole batch.
      for (const day of new Set(changes.map((c) => c.day))) {
        const total = (await liveEntries(trx, day, day).execute()).reduce((sum, e) => sum + e.rounded_seconds, 0)
        if (total > MAX_DAY_SECONDS) {
          throw new StintError('invalid_request', `A day has at most 24 hours: ${day} would have ${formatDuration(total)}. Nothing was changed.`)
        }
      }
    })
    this.deps.events.emit('entries.changed', {})
    return this.load(changes[0]?.day ?? '')
  }

  async addRow(day: string, row: RowKey): Promise<Timesheet> {
    const { db, clock } = this.deps
    const period = this.periodOf(day)
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      await refuseIfLocked(trx, period)
      await this.checkRowRefs(trx, row)
      const added = await trx.selectFrom('timesheet_rows').selectAll().where('period_start', '=', period.start).where('deleted_at', 'is', null).execute()
      const withTime = await liveEntries(trx, period.start, period.end).execute()
      if (added.some(matchesRow(row)) || withTime.some(matchesRow(row))) throw new StintError('conflict', 'That row is already in this period.')
      await trx
        .insertInto('timesheet_rows')
        .values({ id: newId(), period_start: period.start, work_item_id: row.workItemId, activity_type_id: row.activityTypeId, billable: row.billable ? 1 : 0, created_at: now, updated_at: now, deleted_at: null })
        .execute()
    })
    return this.load(day)
  }

  /** Removes a row that holds no time; a row with time in it is refused (clear its cells first). */
  async removeRow(day: string, row: RowKey): Promise<Timesheet> {
    const { db, clock } = this.deps
    const period = this.periodOf(day)
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      await refuseIfLocked(trx, period)
      const time = (await liveEntries(trx, period.start, period.end).execute()).filter(matchesRow(row))
      if (time.some((e) => e.rounded_seconds > 0)) throw new StintError('conflict', 'This row has time in it. Clear its cells first; only an empty row can be removed.')
      const added = (await trx.selectFrom('timesheet_rows').selectAll().where('period_start', '=', period.start).where('deleted_at', 'is', null).execute()).filter(matchesRow(row))
      for (const r of added) await trx.updateTable('timesheet_rows').set({ deleted_at: now, updated_at: now }).where('id', '=', r.id).execute()
      // Zero-length grid entries (a cleared cell) go with the row.
      for (const e of time.filter((t) => t.source === 'grid')) await trx.updateTable('time_entries').set({ deleted_at: now, updated_at: now }).where('id', '=', e.id).execute()
    })
    return this.load(day)
  }

  /** Adds the rows of the previous period (with time or added by hand) to this one, empty; all or none. */
  async copyPreviousRows(day: string): Promise<Timesheet> {
    const { db, clock } = this.deps
    const current = await this.load(day)
    const previous = await this.load(addDays(current.start, -1))
    const have = new Set(current.rows.map((r) => r.key))
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      await refuseIfLocked(trx, this.periodOf(day))
      for (const row of previous.rows) {
        if (!have.has(row.key)) await keepRow(trx, current.start, { workItemId: row.workItemId, activityTypeId: row.activityTypeId, billable: row.billable }, now)
      }
    })
    return this.load(day)
  }

  async cellDetails(day: string, row: RowKey): Promise<CellDetails> {
    const { db } = this.deps
    const ids = (await liveEntries(db, day, day).execute()).filter(matchesRow(row)).map((e) => e.id)
    const note = (await db.selectFrom('cell_notes').selectAll().where('day', '=', day).where('deleted_at', 'is', null).execute()).find(matchesRow(row))?.note ?? null
    return { day, row, note, entries: await loadEntries(db, { ids }) }
  }

  async setCellNote(day: string, row: RowKey, note: string): Promise<CellDetails> {
    const { db, clock } = this.deps
    const now = clock.now()
    const text = note.trim()
    await db.transaction().execute(async (trx) => {
      await refuseIfLocked(trx, this.periodOf(day))
      const existing = (await trx.selectFrom('cell_notes').selectAll().where('day', '=', day).where('deleted_at', 'is', null).execute()).find(matchesRow(row))
      if (existing && text === '') await trx.updateTable('cell_notes').set({ deleted_at: now, updated_at: now }).where('id', '=', existing.id).execute()
      else if (existing) await trx.updateTable('cell_notes').set((eb) => ({ note: text, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', existing.id).execute()
      else if (text !== '')
        await trx
          .insertInto('cell_notes')
          .values({ id: newId(), day, work_item_id: row.workItemId, activity_type_id: row.activityTypeId, billable: row.billable ? 1 : 0, note: text, created_at: now, updated_at: now, deleted_at: null })
          .execute()
    })
    return this.cellDetails(day, row)
  }

  /** Edits one entry's description from the details panel. */
  async describeEntry(id: string, description: string): Promise<void> {
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      const entry = await trx.selectFrom('time_entries').select(['day']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
      if (!entry) throw new StintError('not_found', 'That entry does not exist (any more); nothing was changed.')
      await refuseIfLocked(trx, this.periodOf(entry.day))
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
async function keepRow(trx: Transaction<Database>, periodStart: string, row: RowKey, now: number): Promise<void> {
  const rows = await trx.selectFrom('timesheet_rows').selectAll().where('period_start', '=', periodStart).where('deleted_at', 'is', null).execute()
  if (rows.some(matchesRow(row))) return
  await trx
    .insertInto('timesheet_rows')
    .values({ id: newId(), period_start: periodStart, work_item_id: row.workItemId, activity_type_id: row.activityTypeId, billable: row.billable ? 1 : 0, created_at: now, updated_at: now, deleted_at: null })
    .execute()
}

function uniquePeriods(periods: Period[]): Period[] {
  return [...new Map(periods.map((p) => [p.start, p])).values()]
}

async function periodStatus(db: Db, period: Period): Promise<PeriodStatus> {
  const row = await db.selectFrom('periods').select('status').where('start_day', '=', period.start).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.status ?? 'open'
}

async function refuseIfLocked(db: Db, period: Period): Promise<void> {
  const reason = LOCKED_BECAUSE[await periodStatus(db, period)]
  if (reason) throw new StintError('conflict', `${reason} Nothing was changed.`)
}

/** Makes the cell's total what was typed by adjusting only its hand-entered entry. */
async function applyCellTotal(trx: Transaction<Database>, change: CellChange, now: number): Promise<void> {
  const inCell = (await liveEntries(trx, change.day, change.day).orderBy('created_at').execute()).filter(matchesRow(change.row))
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
  for (const e of extra) await trx.updateTable('time_entries').set({ deleted_at: now, updated_at: now }).where('id', '=', e.id).execute()
  if (keep && target === 0) {
    await trx.updateTable('time_entries').set({ deleted_at: now, updated_at: now }).where('id', '=', keep.id).execute()
  } else if (keep) {
    if (keep.rounded_seconds !== target || extra.length > 0) {
      await trx.updateTable('time_entries').set((eb) => ({ raw_seconds: target, rounded_seconds: target, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', keep.id).execute()
    }
  } else if (target > 0) {
    await trx
      .insertInto('time_entries')
      .values({
        id: newId(),
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
