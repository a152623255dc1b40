// Reports on the team server: the shared engine over the server's database, scoped to
// whose time the caller may see — an administrator everyone's, an approver their own
// and the members of every team they approve (at either level), anyone else their own.
import type { Kysely } from 'kysely'
import type { ContractUsage, ContractUsageQuery, ReportQueryInput, ReportResult } from '@shared/reports'
import type { MonthViewQueryInput, MonthViewResult } from '@shared/month-views'
import { contractUsage } from '@shared/reports/contract-usage'
import { monthView, monthViewPages, type MonthViewRow } from '@shared/reports/month-views'
import { runReport, type ReportScope, type ReportStore } from '@shared/reports/engine'
import type { Role, ServerDatabase } from '../db/schema'

/** Who is asking: a Principal will do. */
export interface ReportCaller {
  userId: string
  role: Role
}

/** The server's database as the report engine reads it. */
export function teamReportStore(db: Kysely<ServerDatabase>): ReportStore {
  return { kind: 'team', db, runsTable: 'entry_runs' }
}

/** Whose time `caller` may see in reports. */
export async function reportScopeFor(db: Kysely<ServerDatabase>, caller: ReportCaller): Promise<ReportScope> {
  if (caller.role === 'admin') return {}
  const members = await db
    .selectFrom('team_approvers')
    .innerJoin('team_members', 'team_members.team_id', 'team_approvers.team_id')
    .select('team_members.user_id')
    .distinct()
    .where('team_approvers.user_id', '=', caller.userId)
    .execute()
  return { userIds: [...new Set([caller.userId, ...members.map((member) => member.user_id)])].sort() }
}

export class TeamReports {
  readonly #store: ReportStore
  constructor(private readonly db: Kysely<ServerDatabase>) {
    this.#store = teamReportStore(db)
  }

  /** A report over the time `caller` may see; `query` is checked (StintError invalid_request or forbidden). */
  async run(caller: ReportCaller, query: ReportQueryInput): Promise<ReportResult> {
    return runReport(this.#store, await reportScopeFor(this.db, caller), query)
  }

  /** Contract usage in `month` ('YYYY-MM') over the time `caller` may see: all of it for an administrator's billing run. */
  async contractUsage(caller: ReportCaller, month: string, options: { statuses?: ContractUsageQuery['statuses'] } = {}): Promise<ContractUsage> {
    return contractUsage(this.#store, await reportScopeFor(this.db, caller), month, options)
  }

  /** A month view over the time `caller` may see (people named as the server knows them); `query` is checked (StintError invalid_request). */
  async month(caller: ReportCaller, query: MonthViewQueryInput): Promise<MonthViewResult> {
    return monthView(this.#store, await reportScopeFor(this.db, caller), query)
  }

  /** Every row of a month view over the time `caller` may see, in pages (a CSV export). */
  async *monthPages(caller: ReportCaller, query: MonthViewQueryInput, options: { pageSize?: number } = {}): AsyncGenerator<MonthViewRow[], void, undefined> {
    yield* monthViewPages(this.#store, await reportScopeFor(this.db, caller), query, options)
  }
}
