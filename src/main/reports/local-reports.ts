// Reports on this device: the shared engine over the local database, always scoped to
// the person whose time this device records. Works offline; reports by person or team
// are the team server's (the engine refuses them here, saying so).
import type { Kysely } from 'kysely'
import type { ContractUsage, ContractUsageQuery, ReportQueryInput, ReportResult } from '@shared/reports'
import { contractUsage } from '@shared/reports/contract-usage'
import { runReport, type ReportStore } from '@shared/reports/engine'
import type { TimesheetSettings } from '@shared/timesheet'
import type { Database } from '../db/schema'

export interface LocalReportsDeps {
  db: Kysely<Database>
  /** Whose time this device records (see profile.ts). */
  userId: () => string
  /** Expected hours and the week start, used when a request leaves them out. */
  settings?: () => Pick<TimesheetSettings, 'expectedSeconds' | 'periodRule'>
}

/** The local database as the report engine reads it. */
export function localReportStore(db: Kysely<Database>): ReportStore {
  return { kind: 'local', db }
}

export class LocalReports {
  readonly #store: ReportStore
  constructor(private readonly deps: LocalReportsDeps) {
    this.#store = localReportStore(deps.db)
  }

  /** A report of one's own time; `query` is checked (StintError invalid_request when wrong). */
  run(query: ReportQueryInput): Promise<ReportResult> {
    const settings = this.deps.settings?.()
    const rule = settings?.periodRule
    const defaults = {
      ...(settings ? { expectedSeconds: settings.expectedSeconds } : {}),
      ...(rule && 'weekStartsOn' in rule ? { weekStartsOn: rule.weekStartsOn } : {}),
    }
    return runReport(this.#store, { userIds: [this.deps.userId()] }, withDefaults(query, defaults))
  }

  /** How much of each contract's included hours one's own time used in `month` ('YYYY-MM'). */
  contractUsage(month: string, options: { statuses?: ContractUsageQuery['statuses'] } = {}): Promise<ContractUsage> {
    return contractUsage(this.#store, { userIds: [this.deps.userId()] }, month, options)
  }
}

/** The settings' values for what `query` leaves out (`undefined` counts as left out); anything not an object goes to the engine to be refused. */
function withDefaults(query: unknown, defaults: Partial<ReportQueryInput>): unknown {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return query
  return { ...defaults, ...Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) }
}
