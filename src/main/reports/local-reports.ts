// Reports on this device: the shared engine over the local database, always scoped to
// the person whose time this device records. Works offline; reports by person or team
// are the team server's (the engine refuses them here, saying so).
import type { Kysely } from 'kysely'
import type { ContractUsage, ContractUsageQuery, ReportQueryInput, ReportResult } from '@shared/reports'
import type { MonthViewQueryInput, MonthViewResult } from '@shared/month-views'
import { contractUsage } from '@shared/reports/contract-usage'
import { monthView, monthViewPages, type MonthViewRow } from '@shared/reports/month-views'
import { runReport, type ReportStore, type RunReportOptions } from '@shared/reports/engine'
import type { TimesheetSettings } from '@shared/timesheet'
import { localDay } from '@shared/days'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'

export interface LocalReportsDeps {
  db: Kysely<Database>
  /** Whose time this device records (see profile.ts). */
  userId: () => string
  /** Expected hours and the week start, used when a request leaves them out. */
  settings?: () => Pick<TimesheetSettings, 'expectedSeconds' | 'periodRule'>
  /** The person's name as the team server knows it, for the month view of entries; null (standalone): "You". */
  userName?: () => string | null
  /** Where "today" comes from: days after it expect no hours yet. Left out, every day of a range counts. */
  clock?: Clock
}

/** The local database as the report engine reads it. */
export function localReportStore(db: Kysely<Database>): ReportStore {
  return { kind: 'local', db, runsTable: 'time_entry_ranges' }
}

export class LocalReports {
  readonly #store: ReportStore
  constructor(private readonly deps: LocalReportsDeps) {
    this.#store = localReportStore(deps.db)
  }

  /** A report of one's own time; `query` is checked (StintError invalid_request when wrong). */
  async run(query: ReportQueryInput, options: RunReportOptions = {}): Promise<ReportResult> {
    const settings = this.deps.settings?.()
    const rule = settings?.periodRule
    const defaults = {
      ...(settings ? { expectedSeconds: settings.expectedSeconds } : {}),
      ...(rule && 'weekStartsOn' in rule ? { weekStartsOn: rule.weekStartsOn } : {}),
    }
    const clock = this.deps.clock
    const today = clock ? { today: localDay(clock.now(), clock.timeZone()) } : {}
    return runReport(this.#store, { userIds: [this.deps.userId()] }, withDefaults(query, defaults), { ...today, ...options })
  }

  /** How much of each contract's included hours one's own time used in `month` ('YYYY-MM'). */
  contractUsage(month: string, options: { statuses?: ContractUsageQuery['statuses'] } = {}): Promise<ContractUsage> {
    return contractUsage(this.#store, { userIds: [this.deps.userId()] }, month, options)
  }

  /** A month view of one's own time (entries, per ticket, per customer, per organisation); `query` is checked (StintError invalid_request when wrong). */
  month(query: MonthViewQueryInput): Promise<MonthViewResult> {
    return monthView(this.#store, { userIds: [this.deps.userId()] }, query, { userName: this.deps.userName?.() ?? null })
  }

  /** Every row of a month view of one's own time, in pages, for a CSV export; `query` is checked before the first page. */
  monthPages(query: MonthViewQueryInput, options: { pageSize?: number } = {}): AsyncGenerator<MonthViewRow[], void, undefined> {
    return monthViewPages(this.#store, { userIds: [this.deps.userId()] }, query, { userName: this.deps.userName?.() ?? null, ...options })
  }
}

/** The settings' values for what `query` leaves out (`undefined` counts as left out); anything not an object goes to the engine to be refused. */
function withDefaults(query: unknown, defaults: Partial<ReportQueryInput>): unknown {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return query
  return { ...defaults, ...Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) }
}
