// Submitting a period. Without a team server (standalone) the approval pattern is
// "none": submitting approves and locks the period here, with an audit event, and the
// move waits in the outbox so a server connected later receives it. With a server the
// period is locked here as submitted at once and the move queued; the server decides
// and its decision comes back with the next pull.
import type { Kysely, Transaction } from 'kysely'
import { refuse, StintError } from '@shared/errors'
import { newId } from '@shared/ids'
import { nextPeriodState, type PeriodAction } from '@shared/period-workflow'
import { addDays, type Period } from '@shared/periods'
import { localDay } from '@shared/days'
import { expectedSecondsOn } from '@shared/expected-hours'
import { overlappedWallMs } from '@shared/billing/overlap-rule'
import type { PeriodSummary, SubmissionRow, Timesheet } from '@shared/timesheet'
import type { Timer } from '@shared/timers'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { EventHub } from '../events'
import { enqueuePeriodMove } from '../sync/outbox'
import { entryStatuses, liveEntries } from '../entries/entry-reads'
import { periodRecord, type PeriodRecord } from '../entries/period-records'
import { followPeriodStatus } from '../entries/server-copies'
import { recordSubmittedWrites } from '../ticket-writes/jobs'
import type { TimesheetService } from './timesheet-service'

export interface SubmissionDeps {
  db: Kysely<Database>
  clock: Clock
  events: EventHub
  timesheet: TimesheetService
  timers: () => Promise<Timer[]>
  userId: () => string
  /** 'server' once a team server is configured. */
  mode: () => 'standalone' | 'server'
  /** The name audit events made on this device carry. */
  actorName: () => string
  /** Told after a standalone submit approved a period (the desktop's write-back worker starts on its jobs). */
  onApproved?: () => void
}

export class SubmissionService {
  constructor(private readonly deps: SubmissionDeps) {}

  async summary(day: string): Promise<PeriodSummary> {
    const { db, timesheet } = this.deps
    const sheet = await timesheet.load(day)
    const entries = await liveEntries(db, this.deps.userId(), sheet.start, sheet.end).execute()
    const today = localDay(this.deps.clock.now(), this.deps.clock.timeZone())
    const days = sheet.days.map((d) => ({ day: d.day, expectedSeconds: expectedSecondsOn(d.day, d.expectedSeconds, today), seconds: entries.filter((e) => e.day === d.day).reduce((sum, e) => sum + e.rounded_seconds, 0) }))
    const billable = entries.filter((e) => e.billable === 1).map((e) => e.id)
    const runs = billable.length === 0 ? [] : await db.selectFrom('time_entry_ranges').select(['entry_id', 'started_at', 'ended_at']).where('entry_id', 'in', billable).execute()
    const overlapped = overlappedWallMs(runs.map((r) => ({ entryId: r.entry_id, startedAt: r.started_at, endedAt: r.ended_at })))
    const active = (await this.deps.timers()).filter((t): t is Timer & { state: 'running' | 'paused' } => t.state !== 'idle')
    return {
      start: sheet.start,
      end: sheet.end,
      label: sheet.label,
      status: sheet.status,
      totalSeconds: days.reduce((sum, d) => sum + d.seconds, 0),
      billableSeconds: entries.filter((e) => e.billable === 1).reduce((sum, e) => sum + e.rounded_seconds, 0),
      overlappedSeconds: Math.floor(overlapped / 1000),
      expectedSeconds: days.reduce((sum, d) => sum + d.expectedSeconds, 0),
      days,
      emptyDays: days.filter((d) => d.expectedSeconds > 0 && d.seconds === 0).map((d) => d.day),
      activeTimers: active.map((t) => ({ slot: t.slot, label: t.label, state: t.state })),
      mode: this.deps.mode(),
    }
  }

  /** The periods of the last year that have time or a status, and the current one, newest first. */
  async list(): Promise<SubmissionRow[]> {
    const { db, clock, timesheet } = this.deps
    const user = this.deps.userId()
    const today = localDay(clock.now(), clock.timeZone())
    const from = addDays(today, -366)
    const entries = await entryStatuses(db, user, from, today)
    const stored = await db.selectFrom('periods').select('start_day').where('user_id', '=', user).where('start_day', '>=', from).where('deleted_at', 'is', null).execute()
    const starts = new Set([timesheet.periodOf(today).start, ...stored.map((p) => p.start_day), ...entries.map((e) => timesheet.periodOf(e.day).start)])
    const rows: SubmissionRow[] = []
    for (const start of [...starts].sort().reverse()) {
      const sheet = await timesheet.load(start)
      const buckets = { draft: 0, submitted: 0, approved: 0, rejected: 0, voided: 0 }
      for (const e of entries) if (e.day >= sheet.start && e.day <= sheet.end) buckets[e.status] += e.rounded_seconds
      rows.push({
        start: sheet.start,
        end: sheet.end,
        label: sheet.label,
        status: sheet.status,
        level: sheet.level,
        reason: sheet.reason,
        queued: sheet.queued,
        totalSeconds: buckets.draft + buckets.submitted + buckets.approved + buckets.rejected,
        buckets,
        history: sheet.history,
      })
    }
    return rows
  }

  async submit(day: string): Promise<Timesheet> {
    const period = this.deps.timesheet.periodOf(day)
    await this.move(period, { kind: 'submit' }, async (trx, now) => {
      await enqueuePeriodMove(trx, { type: 'period.submit', start: period.start, end: period.end }, now)
    })
    return this.deps.timesheet.load(day)
  }

  async withdraw(day: string): Promise<Timesheet> {
    if (this.deps.mode() === 'standalone') {
      throw refuse('conflict', 'refusal.nothingToWithdraw')
    }
    const period = this.deps.timesheet.periodOf(day)
    await this.move(period, { kind: 'withdraw' }, async (trx, now) => {
      await enqueuePeriodMove(trx, { type: 'period.withdraw', start: period.start }, now)
    })
    return this.deps.timesheet.load(day)
  }

  /** Standalone only: the user is their own administrator. With a server an administrator reopens on the server. */
  async reopen(day: string, reason: string): Promise<Timesheet> {
    if (this.deps.mode() === 'server') throw refuse('forbidden', 'refusal.reopenOnServer')
    const period = this.deps.timesheet.periodOf(day)
    await this.move(period, { kind: 'reopen', reason }, async () => {})
    return this.deps.timesheet.load(day)
  }

  private async move(period: Period, action: PeriodAction, queue: (trx: Transaction<Database>, now: number) => Promise<void>): Promise<void> {
    const { db, clock } = this.deps
    const user = this.deps.userId()
    const standalone = this.deps.mode() === 'standalone'
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      const record = await periodRecord(trx, user, period)
      // Standalone, the person is owner and administrator at once, with the pattern "none".
      const result = nextPeriodState(record, action, standalone ? 'none' : 'one', { isOwner: true, approverLevels: [], isAdmin: standalone })
      if (!result.ok) throw new StintError('conflict', { id: 'refusal.flowNotKept', values: { ...result.refusal.values, refusal: result.refusal.id } })
      const id = await this.store(trx, record, period, { status: result.to.status, level: result.to.level, reason: result.reason }, now)
      if (standalone) {
        // With a server, the audit trail is the server's: its events come back with the period.
        await trx
          .insertInto('period_events')
          .values({ id: newId(), period_id: id, from_status: record.status, to_status: result.to.status, reason: result.reason, actor: this.deps.actorName(), at: now })
          .execute()
        // Entry statuses follow the period here; with a server they come back from it.
        await followPeriodStatus(trx, user, period, result.to.status === 'approved' ? 'approved' : 'draft')
        // The write-back jobs commit with the approval, or neither does (only standalone: with a server, it writes).
        if (result.to.status === 'approved') await recordSubmittedWrites(trx, user, period, now)
      }
      await queue(trx, now)
    })
    this.deps.events.emit('entries.changed', {})
    if (standalone && action.kind === 'submit') this.deps.onApproved?.()
  }

  private async store(trx: Transaction<Database>, record: PeriodRecord, period: Period, next: { status: PeriodRecord['status']; level: 1 | 2 | null; reason: string | null }, now: number): Promise<string> {
    if (record.id) {
      await trx
        .updateTable('periods')
        .set((eb) => ({ ...next, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', record.id)
        .execute()
      return record.id
    }
    const id = newId()
    await trx.insertInto('periods').values({ id, user_id: this.deps.userId(), start_day: period.start, end_day: period.end, ...next, created_at: now, updated_at: now, deleted_at: null }).execute()
    return id
  }
}
