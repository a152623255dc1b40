// The 'billing.exportRun' call: a saved run (as it was answered, names as they were then)
// made into its file now, so that a missing run or a failure is reported before any
// dialog or download, then handed to the export destination like any export (a save
// dialog in the app, written atomically; a one-time download in the browser host).
import type { BillingExportRequest, BillingRunView } from '@shared/billing-api'
import { MACHINE_DIALECT } from '@shared/csv-dialect'
import { csvChunks } from '@shared/csv-writer'
import { refuse } from '@shared/errors'
import type { ExportResult } from '@shared/exports'
import { createTranslator } from '@shared/i18n/translator'
import { deliverJob, XLSX_FILE, type CsvDestination, type CsvJob, type ExportFileType } from '../reports/exporter'
import { xlsxWorkbookStream } from '../reports/xlsx-writer'
import { billingRunSheets, INVOICE_NINJA_COLUMNS, invoiceNinjaRows } from './billing-files'
import { billingRunPdf } from './billing-pdf'

export interface BillingExportDeps {
  runDetail: (id: string) => Promise<BillingRunView>
  now: () => number
  destination: () => CsvDestination | undefined
}

const PDF_FILE: ExportFileType = { mediaType: 'application/pdf', extension: 'pdf', dialogTitle: 'Save billing run (PDF)', filterName: 'PDF document' }

async function bytesOf(stream: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const parts: Buffer[] = []
  for await (const chunk of stream) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk))
  return Buffer.concat(parts)
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator of what is already made
async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, undefined> {
  yield bytes
}

/** The file's bytes: made whole in memory (a run is at most a year of one person's bill lines), so nothing half-made is ever offered. */
export async function billingRunFile(run: BillingRunView, request: Pick<BillingExportRequest, 'file' | 'language'>, printedAt: number): Promise<{ bytes: Uint8Array; rows: number }> {
  const translator = createTranslator(request.language)
  switch (request.file) {
    case 'xlsx': {
      const sheets = billingRunSheets(run, translator)
      return { bytes: await bytesOf(xlsxWorkbookStream(sheets)), rows: sheets[0].rows.length + sheets[1].rows.length }
    }
    case 'pdf':
      return { bytes: await billingRunPdf({ run, translator, printedAt }), rows: run.bills.length }
    case 'invoiceNinja': {
      const rows = invoiceNinjaRows(run, translator)
      // A byte-order mark, so that a spreadsheet opening it by mistake reads the names' umlauts.
      return { bytes: await bytesOf(csvChunks(INVOICE_NINJA_COLUMNS, rows, { bom: true, dialect: MACHINE_DIALECT })), rows: rows.length }
    }
  }
}

/** The file name: stint-billing-2026-10-01-to-2026-10-31-<first 8 of the id>.xlsx (.pdf, -invoiceninja.csv). */
export function billingRunFileName(run: Pick<BillingRunView, 'id' | 'from' | 'to'>, file: BillingExportRequest['file']): string {
  const stem = `stint-billing-${run.from}-to-${run.to}-${run.id.replace(/[^0-9a-zA-Z]/g, '').slice(-8).toLowerCase()}`
  return file === 'invoiceNinja' ? `${stem}-invoiceninja.csv` : `${stem}.${file}`
}

export async function billingRunJob(deps: Pick<BillingExportDeps, 'runDetail' | 'now'>, request: BillingExportRequest): Promise<CsvJob> {
  const run = await deps.runDetail(request.id)
  const { bytes, rows } = await billingRunFile(run, request, deps.now())
  return {
    fileName: billingRunFileName(run, request.file),
    bom: false,
    dialect: MACHINE_DIALECT,
    ...(request.file === 'xlsx' ? { file: XLSX_FILE } : request.file === 'pdf' ? { file: PDF_FILE } : {}),
    body: { kind: 'bytes', rows, open: () => Promise.resolve(oneChunk(bytes)) },
  }
}

export async function exportBillingRun(deps: BillingExportDeps, request: BillingExportRequest): Promise<ExportResult> {
  const destination = deps.destination()
  if (!destination) throw refuse('unavailable', 'refusal.export.cannotSave')
  return deliverJob(destination, await billingRunJob(deps, request))
}
