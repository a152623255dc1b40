// Team reports: the shared report engine over the time the caller may see (an admin
// everyone's, an approver their teams', a member their own); contract usage for a
// month, the input of a billing run; month views (entries, per ticket, customer,
// organisation). Bad requests get the engine's own sentences.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { MonthViewQuerySchema, MonthViewResultSchema } from '@shared/month-views'
import { ContractUsageQuerySchema, ContractUsageSchema, ReportQuerySchema, ReportResultSchema } from '@shared/reports'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import { TeamReports } from '../../reports/team-reports'
import { apiDoc } from '../api-doc'
import { principalOf } from '../auth'

const SCOPE = 'Over the time the caller may see: an admin everyone’s, an approver their teams’, a member their own.'
const doc = {
  report: apiDoc({ summary: 'Run a report', description: SCOPE, auth: 'token', body: ReportQuerySchema, response: ReportResultSchema }),
  contracts: apiDoc({ summary: 'Contract usage for a month: the input of a billing run', description: `${SCOPE} \`statuses\` may be comma-separated or repeated.`, auth: 'token', query: ContractUsageQuerySchema, response: ContractUsageSchema }),
  month: apiDoc({ summary: 'A month view: entries, per ticket, per customer or per organisation', description: SCOPE, auth: 'token', body: MonthViewQuerySchema, response: MonthViewResultSchema }),
}

export function reportRoutes(app: FastifyInstance, { db }: { db: Kysely<ServerDatabase> }): void {
  const reports = new TeamReports(db)
  app.post('/v1/reports', { config: { api: doc.report } }, async (request) => reports.run(principalOf(request), parseInput(doc.report.body, request.body, 'The report')))
  app.get('/v1/reports/contracts', { config: { api: doc.contracts } }, async (request) => {
    const { month, statuses } = parseInput(doc.contracts.query, listedStatuses(request.query), 'The contract usage report')
    return reports.contractUsage(principalOf(request), month, { statuses })
  })
  app.post('/v1/reports/month', { config: { api: doc.month } }, async (request) => reports.month(principalOf(request), parseInput(doc.month.body, request.body, 'The month view')))
}

/** A query string's statuses as a list: `statuses=draft,approved`, or the parameter repeated. */
function listedStatuses(query: unknown): unknown {
  if (typeof query !== 'object' || query === null || !('statuses' in query)) return query
  const given: unknown = query.statuses
  const parts = (Array.isArray(given) ? (given as unknown[]) : [given]).flatMap((part): unknown[] => (typeof part === 'string' ? part.split(',') : [part]))
  return { ...query, statuses: parts.filter((part) => part !== '') }
}
