// CSV exports of the team's time: a report (every row), raw entries, contract usage, a
// month view — streamed as they are made, with the columns the app writes for its own
// time (src/shared/export-columns.ts) and the visibility of the JSON report routes:
// an administrator everyone's time, an approver their teams', a member their own.
import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { csvDialect } from '@shared/csv-dialect'
import { csvChunks, primeChunks, type CsvOptions } from '@shared/csv-writer'
import { TEAM_ENTRY_CSV_COLUMNS, contentDisposition, contractUsageCsv, exportFileName, monthViewCsvColumns, monthViewCsvPages, reportCsvColumns, reportCsvRow } from '@shared/export-columns'
import { ExportRequestSchema, type ExportWhat } from '@shared/exports'
import { contractUsage } from '@shared/reports/contract-usage'
import { runReport, visibleUsers, type ReportScope } from '@shared/reports/engine'
import { monthViewPages } from '@shared/reports/month-views'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import { reportScopeFor, teamReportStore } from '../../reports/team-reports'
import { apiDoc } from '../api-doc'
import { principalOf } from '../auth'
import { teamEntriesCsvPages } from './exports-entries'

export const EXPORT_CSV_PATH = '/v1/exports/csv'

const csv = apiDoc({
  summary: 'A CSV file: a report, raw entries, contract usage or a month view',
  description: 'Streamed as it is made, with the columns the desktop app writes. A refusal comes before the first byte, as a JSON error; a failure later breaks the stream, so no partial file passes for a whole one.',
  auth: 'token',
  body: ExportRequestSchema,
  produces: 'text/csv',
})

/** The CSV of `what` over the time `scope` covers; refusals throw before the first chunk. */
async function* teamCsv(db: Kysely<ServerDatabase>, scope: ReportScope, what: ExportWhat, options: CsvOptions): AsyncGenerator<string, void, undefined> {
  const store = teamReportStore(db)
  switch (what.kind) {
    case 'report': {
      const result = await runReport(store, scope, what.query, { uncapped: true })
      yield* csvChunks(
        reportCsvColumns(result.query),
        result.rows.map((row) => reportCsvRow(result.query, row)),
        options,
      )
      return
    }
    case 'contractUsage': {
      const { columns, rows } = contractUsageCsv(await contractUsage(store, scope, what.query.month, { statuses: what.query.statuses }))
      yield* csvChunks(columns, rows, options)
      return
    }
    case 'entries': {
      const userIds = visibleUsers(scope, what.filters.userIds, 'exported')
      yield* csvChunks(TEAM_ENTRY_CSV_COLUMNS, teamEntriesCsvPages(db, { from: what.from, to: what.to, filters: what.filters, includeVoided: what.includeVoided, userIds }), options)
      return
    }
    case 'month': {
      const { view, month } = what.query
      yield* csvChunks(monthViewCsvColumns(view), monthViewCsvPages(view, month, monthViewPages(store, scope, what.query)), options)
      return
    }
  }
}

export function exportRoutes(app: FastifyInstance, { db }: { db: Kysely<ServerDatabase> }): void {
  app.post(EXPORT_CSV_PATH, { config: { api: csv } }, async (request, reply) => {
    const { what, bom, format } = parseInput(csv.body, request.body, 'The export')
    const scope = await reportScopeFor(db, principalOf(request))
    // The first chunk is made before the headers go out, so a refusal is an error answer
    // with its reason; a failure later destroys the response (Fastify does), so the app
    // sees a broken stream and keeps no file.
    const chunks = await primeChunks(teamCsv(db, scope, what, { bom, dialect: csvDialect(format) }))
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', contentDisposition(exportFileName(what, 'team')))
      .send(Readable.from(chunks, { objectMode: false }))
  })
}
