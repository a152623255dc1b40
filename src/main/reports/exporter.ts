// CSV exports as the 'export.csv' call makes them: the request becomes a job (a file
// name and either rows with their columns, or the team server's finished CSV bytes),
// and a destination takes the job — the app's save dialog, the browser host's one-time
// download. What can be checked is checked before anyone is asked where to save:
// a bad range, a report the engine refuses, a filter this device cannot apply.
import type { Kysely } from 'kysely'
import { csvDialect, type CsvDialect } from '@shared/csv-dialect'
import { refuse, StintError } from '@shared/errors'
import { framedBy } from '@shared/i18n/refusal-text'
import { ENTRY_CSV_COLUMNS, contractUsageCsv, exportFileName, monthViewCsvColumns, monthViewCsvPages, reportCsvColumns, reportCsvRow, type EntryCsvKey } from '@shared/export-columns'
import type { ExportFile, ExportRequest, ExportResult, ExportWhat } from '@shared/exports'
import { createTranslator } from '@shared/i18n/translator'
import { xlsxColumnsOf } from '@shared/xlsx-columns'
import type { Database } from '../db/schema'
import { TRANSPORT_ERROR_CODE, TransportError, type SyncTransport } from '../sync/transport'
import { entriesCsvPages, entriesCsvRecords, type EntryFilters } from './csv-entries'
import { CsvExportError, csvChunks, exportBytes, exportCsv, writeAtomically, type CsvColumn, type CsvExportResult, type CsvOptions, type CsvRows } from './csv-export'
import type { LocalReports } from './local-reports'
import { XLSX_CONTENT_TYPE, xlsxStream, type XlsxColumn } from '../../documents/xlsx-writer'
import { exportXlsx } from './xlsx-export'

/** What a job writes: rows (made here) or CSV bytes made elsewhere (the team server). */
export type CsvJobBody =
  | {
      readonly kind: 'rows'
      /** Writes the rows to a file (exportCsv); the rows are read only now. */
      readonly save: (path: string, options: CsvOptions) => Promise<CsvExportResult>
      /** The rows as the file's text or bytes (csvChunks, xlsxStream); the rows are read only now. */
      readonly chunks: (options: CsvOptions) => AsyncIterable<string | Uint8Array>
    }
  | {
      readonly kind: 'bytes'
      /** Opens the stream of finished CSV (byte-order mark included when asked for); a refusal throws before any byte. */
      readonly open: (signal?: AbortSignal) => Promise<AsyncIterable<Uint8Array>>
      /** The rows the file holds, when they are known without counting CSV records (a PDF's grid rows). */
      readonly rows?: number
    }

/** A file that is not CSV (XLSX, PDF): what it is called in the save dialog and the download's content type. */
export interface ExportFileType {
  readonly mediaType: string
  readonly extension: string
  /** The save dialog's title and the name of its file filter. */
  readonly dialogTitle: string
  readonly filterName: string
}

/** One export, checked and ready to be written. */
export interface CsvJob {
  /** The file name to offer, such as stint-report-2026-11-01-to-2026-11-30.csv. */
  readonly fileName: string
  /** CSV only. */
  readonly bom: boolean
  /** How days and decimals are written (the machine's unless the request asked for a locale's). */
  readonly dialect: CsvDialect
  readonly body: CsvJobBody
  /** What the file is when it is not CSV (XLSX_FILE, a PDF): the destination names the file type after it. */
  readonly file?: ExportFileType
}

export const XLSX_FILE: ExportFileType = { mediaType: XLSX_CONTENT_TYPE, extension: 'xlsx', dialogTitle: 'Export Excel workbook', filterName: 'Excel workbook (XLSX)' }

/** Where a job goes: a file the person chooses (the app) or a download (the browser host). */
export interface CsvDestination {
  deliver(job: CsvJob): Promise<ExportResult>
}

/**
 * A job body of rows: the columns and the row source stay together, whatever their keys.
 * With `sheet` (the same columns typed for a sheet, xlsxColumnsOf) it writes XLSX, else CSV.
 */
export function rowsBody<K extends string>(columns: readonly CsvColumn<K>[], rows: () => CsvRows<K>, sheet?: readonly XlsxColumn<K>[]): CsvJobBody {
  if (sheet) {
    return {
      kind: 'rows',
      save: (path, { signal }) => exportXlsx({ path }, sheet, rows(), signal ? { signal } : {}),
      chunks: ({ signal }) => xlsxStream(sheet, rows(), signal ? { signal } : {}),
    }
  }
  return { kind: 'rows', save: (path, options) => exportCsv({ path }, columns, rows(), options), chunks: (options) => csvChunks(columns, rows(), options) }
}

/**
 * Writes a job to `path` atomically (temporary file, fsync, rename); a failure leaves no
 * file (CsvExportError). `rows` is undefined for an XLSX file made elsewhere (the team
 * server's): a zip cannot be counted as it passes, as CSV records can.
 */
export async function saveCsvJob(job: CsvJob, path: string, signal?: AbortSignal): Promise<Omit<CsvExportResult, 'rows'> & { rows: number | undefined }> {
  const { body } = job
  if (body.kind === 'rows') return body.save(path, { bom: job.bom, dialect: job.dialect, ...(signal ? { signal } : {}) })
  // Opened inside the export, so that a refusal is reported like any other failure: nothing written.
  const { open } = body
  async function* bytes(): AsyncGenerator<Uint8Array, void, undefined> {
    yield* await open(signal)
  }
  // CSV records are counted as they pass; a workbook or a PDF cannot be counted so, and holds what its body says (or an unknown number).
  if (job.file !== undefined) return { ...(await writeAtomically(path, bytes(), () => 0, signal)), rows: body.rows }
  return exportBytes({ path }, bytes(), signal ? { signal } : {})
}

/**
 * Hands a checked job to its destination. A failure while writing comes back as a
 * StintError saying how far it got and that nothing was written, never as an internal error.
 */
export async function deliverJob(destination: CsvDestination, job: CsvJob): Promise<ExportResult> {
  try {
    return await destination.deliver(job)
  } catch (error) {
    // The team server's refusal (before its first byte) says best what was wrong, and nothing was written.
    if (error instanceof CsvExportError && error.cause instanceof StintError) throw error.cause
    if (error instanceof CsvExportError) throw new StintError('unavailable', error.message, error.refusal)
    if (error instanceof TransportError) throw new StintError(TRANSPORT_ERROR_CODE[error.kind], `${error.message} Nothing was exported.`, framedBy('refusal.notExported', error.refusal))
    throw error
  }
}

/** A job's CSV as chunks (text or bytes) for an HTTP response. */
export async function* csvJobChunks(job: CsvJob, signal?: AbortSignal): AsyncGenerator<string | Uint8Array, void, undefined> {
  const { body } = job
  if (body.kind === 'rows') yield* body.chunks({ bom: job.bom, dialect: job.dialect, ...(signal ? { signal } : {}) })
  else yield* await body.open(signal)
}

export interface ExporterDeps {
  db: Kysely<Database>
  /** Whose time this device records. */
  userId: () => string
  reports: LocalReports
  /** Calls the team server (StintError when there is none or it refuses), as the core's other team calls do. */
  online: <T>(call: (transport: SyncTransport) => Promise<T>) => Promise<T>
  /** Whether a team server can be asked: 'none' configured, configured but 'signed-out', or 'ready'. */
  teamServer: () => 'none' | 'signed-out' | 'ready'
  /** Where the finished job goes; without one, exporting is refused (a host that cannot save files). */
  destination: () => CsvDestination | undefined
  /** Rows per page of the entries and month exports (tests make it small). */
  pageSize?: number
}

export class Exporter {
  constructor(private readonly deps: ExporterDeps) {}

  /**
   * The 'export.csv' call: checks the request, makes the job and hands it to the
   * destination (deliverJob).
   */
  async export(request: ExportRequest): Promise<ExportResult> {
    const destination = this.deps.destination()
    if (!destination) throw refuse('unavailable', 'refusal.export.cannotSave')
    return deliverJob(destination, await this.prepare(request))
  }

  /** The job for `request`: everything the device can check is checked here, before a dialog or a download. */
  async prepare(request: ExportRequest): Promise<CsvJob> {
    const { what, scope, bom, format, file } = request
    const fileName = exportFileName(what, scope, file)
    const typeOf = (f: ExportFile): { file?: ExportFileType } => (f === 'xlsx' ? { file: XLSX_FILE } : {})
    const dialect = csvDialect(format)
    const translator = createTranslator(request.language ?? 'en')
    /** The body of `columns` and `rows` in the file asked for. */
    const body = <K extends string>(columns: readonly CsvColumn<K>[], rows: () => CsvRows<K>): CsvJobBody => rowsBody(columns, rows, file === 'xlsx' ? xlsxColumnsOf(columns, translator) : undefined)
    if (scope === 'team') {
      // Refused now, before a dialog, when there is no team server to ask.
      switch (this.deps.teamServer()) {
        case 'none':
          throw refuse('unavailable', 'refusal.export.teamNone')
        case 'signed-out':
          throw refuse('unavailable', 'refusal.export.teamSignedOut')
      }
      const language = request.language
      return { fileName, ...typeOf(file), bom, dialect, body: { kind: 'bytes', open: (signal) => this.deps.online((transport) => transport.exportCsv({ what, bom, format, file, ...(language ? { language } : {}) }, signal)) } }
    }
    switch (what.kind) {
      case 'report': {
        // The whole report, every row: the 100,000-row limit is for a table on screen.
        const result = await this.deps.reports.run(what.query, { uncapped: true })
        // This device measures overlapped time: every report export carries its two columns.
        const columns = reportCsvColumns(result.query, { overlapped: result.totals.overlappedSeconds !== undefined })
        return { fileName, ...typeOf(file), bom, dialect, body: body(columns, () => result.rows.map((row) => reportCsvRow(result.query, row))) }
      }
      case 'contractUsage': {
        const usage = await this.deps.reports.contractUsage(what.query.month, { statuses: what.query.statuses })
        const { columns, rows } = contractUsageCsv(usage)
        return { fileName, ...typeOf(file), bom, dialect, body: body(columns, () => rows) }
      }
      case 'entries':
        // The finished-records fast path is CSV text; a sheet takes the rows.
        return { fileName, ...typeOf(file), bom, dialect, body: body(ENTRY_CSV_COLUMNS, this.entries(what, file === 'csv' && format === 'machine')) }
      case 'month': {
        const { view, month } = what.query
        const pageSize = this.deps.pageSize
        return { fileName, ...typeOf(file), bom, dialect, body: body(monthViewCsvColumns(view), () => monthViewCsvPages(view, month, this.deps.reports.monthPages(what.query, pageSize ? { pageSize } : {}))) }
      }
    }
  }

  /** The entries' rows: finished records in the machine's dialect (the fast path), rows for a locale's. */
  private entries(what: Extract<ExportWhat, { kind: 'entries' }>, machine: boolean): () => CsvRows<EntryCsvKey> {
    const { filters } = what
    if (filters.userIds !== undefined || filters.teamIds !== undefined) {
      throw refuse('invalid_request', 'refusal.export.entriesLocalFilter', { by: filters.userIds !== undefined ? 'user' : 'team' })
    }
    const entryFilters: EntryFilters = {
      customerIds: filters.customerIds,
      organisations: filters.organisations,
      contractIds: filters.contractIds,
      workItemIds: filters.workItemIds,
      activityTypeIds: filters.activityTypeIds,
      statuses: filters.statuses,
      billable: filters.billable,
    }
    const userId = this.deps.userId()
    const pageSize = this.deps.pageSize
    const options = { includeVoided: what.includeVoided, filters: entryFilters, ...(pageSize ? { pageSize } : {}) }
    return machine ? () => entriesCsvRecords(this.deps.db, userId, what.from, what.to, options) : () => entriesCsvPages(this.deps.db, userId, what.from, what.to, options)
  }
}
