// CSV and XLSX exports of the team's time: a report (every row), raw entries, contract usage, a
// month view — streamed as they are made, with the columns the app writes for its own
// time (src/shared/export-columns.ts) and the visibility of the JSON report routes:
// an administrator everyone's time, an approver their teams', a member their own.
import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { csvDialect } from '@shared/csv-dialect'
import { csvChunks, primeChunks, type CsvColumn, type CsvOptions, type CsvRows } from '@shared/csv-writer'
import { TEAM_ENTRY_CSV_COLUMNS, contentDisposition, contractUsageCsv, exportFileName, monthViewCsvColumns, monthViewCsvPages, reportCsvColumns, reportCsvRow } from '@shared/export-columns'
import { ExportRequestSchema, type ExportFile, type ExportWhat } from '@shared/exports'
import type { Language } from '@shared/i18n/languages'
import { createTranslator } from '@shared/i18n/translator'
import { contractUsage } from '@shared/reports/contract-usage'
import { runReport, visibleUsers, type ReportScope } from '@shared/reports/engine'
import { monthViewPages } from '@shared/reports/month-views'
import { xlsxColumnsOf } from '@shared/xlsx-columns'
import { XLSX_CONTENT_TYPE, xlsxStream } from '../../../documents/xlsx-writer'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import { reportScopeFor, teamReportStore } from '../../reports/team-reports'
import { apiDoc } from '../api-doc'
import { principalOf } from '../auth'
import { teamEntriesCsvPages } from './exports-entries'

export const EXPORT_CSV_PATH = '/v1/exports/csv'

const csv = apiDoc({
  summary: 'A CSV or XLSX file: a report, raw entries, contract usage or a month view',
  description: 'Streamed as it is made, with the columns the desktop app writes. A refusal comes before the first byte, as a JSON error; a failure later breaks the stream, so no partial file passes for a whole one.',
  auth: 'token',
  body: ExportRequestSchema,
  produces: 'text/csv',
})

/** The columns and rows of `what` over the time `scope` covers: the same for a CSV and an XLSX file. */
interface TeamRows {
  readonly columns: readonly CsvColumn[]
  readonly rows: CsvRows
}

/** Columns and rows of one key type, checked together here and then held as any export's. */
function rowsOf<K extends string>(columns: readonly CsvColumn<K>[], rows: CsvRows<K>): TeamRows {
  return { columns, rows }
}

/** What `what` holds for `scope`; a refusal the engine can tell at once throws here, one the rows find throws at their first page. */
async function teamRows(db: Kysely<ServerDatabase>, scope: ReportScope, what: ExportWhat): Promise<TeamRows> {
  const store = teamReportStore(db)
  switch (what.kind) {
    case 'report': {
      const result = await runReport(store, scope, what.query, { uncapped: true })
      // Overlapped time is measured here as on the desktop: every report export carries its two columns.
      return { columns: reportCsvColumns(result.query, { overlapped: result.totals.overlappedSeconds !== undefined }), rows: result.rows.map((row) => reportCsvRow(result.query, row)) }
    }
    case 'contractUsage':
      return contractUsageCsv(await contractUsage(store, scope, what.query.month, { statuses: what.query.statuses }))
    case 'entries': {
      const userIds = visibleUsers(scope, what.filters.userIds, 'exported')
      return rowsOf(TEAM_ENTRY_CSV_COLUMNS, teamEntriesCsvPages(db, { from: what.from, to: what.to, filters: what.filters, includeVoided: what.includeVoided, userIds }))
    }
    case 'month': {
      const { view, month } = what.query
      return { columns: monthViewCsvColumns(view), rows: monthViewCsvPages(view, month, monthViewPages(store, scope, what.query)) }
    }
  }
}

/** Reads the first page of an async row source now, so that its refusal comes before the file's first byte (an XLSX file starts before its rows). */
async function primedRows(rows: CsvRows): Promise<CsvRows> {
  return Symbol.asyncIterator in rows ? primeChunks(rows) : rows
}

/** The file's chunks: CSV text, or XLSX bytes with headers in `language`; refusals throw before the first chunk. */
async function teamFile(found: TeamRows, file: ExportFile, options: CsvOptions, language: Language): Promise<AsyncIterable<string | Uint8Array>> {
  if (file === 'xlsx') return primeChunks(xlsxStream(xlsxColumnsOf(found.columns, createTranslator(language)), await primedRows(found.rows)))
  return primeChunks(csvChunks(found.columns, found.rows, options))
}

export function exportRoutes(app: FastifyInstance, { db }: { db: Kysely<ServerDatabase> }): void {
  app.post(EXPORT_CSV_PATH, { config: { api: csv } }, async (request, reply) => {
    const { what, bom, format, file, language } = parseInput(csv.body, request.body, 'The export')
    const scope = await reportScopeFor(db, principalOf(request))
    // The first chunk is made before the headers go out, so a refusal is an error answer
    // with its reason; a failure later destroys the response (Fastify does), so the app
    // sees a broken stream and keeps no file.
    const chunks = await teamFile(await teamRows(db, scope, what), file, { bom, dialect: csvDialect(format) }, language ?? 'en')
    return reply
      .header('Content-Type', file === 'xlsx' ? XLSX_CONTENT_TYPE : 'text/csv; charset=utf-8')
      .header('Content-Disposition', contentDisposition(exportFileName(what, 'team', file)))
      .send(Readable.from(chunks, { objectMode: false }))
  })
}
