// A saved billing run as one file, made whole in memory, for the app (a save dialog or a
// download) and the team server (an answer) alike: the workbook (billing-run-sheets.ts),
// the printed summary (billing-run-pdf.ts) or the bill lines for InvoiceNinja's import.
// A run is at most a year of bill lines, so nothing half-made is ever offered: a failure
// comes before the first byte.
import type { BillingExportRequest, BillingRunForFiles } from '@shared/billing-api'
import { MACHINE_DIALECT } from '@shared/csv-dialect'
import { csvChunks } from '@shared/csv-writer'
import { createTranslator } from '@shared/i18n/translator'
import { billingRunPdf } from './billing-run-pdf'
import { billingRunSheets, INVOICE_NINJA_COLUMNS, invoiceNinjaRows } from './billing-run-sheets'
import { XLSX_CONTENT_TYPE, xlsxWorkbookStream } from './xlsx-writer'

export type BillingRunFileKind = BillingExportRequest['file']

/** Each kind's media type, as an answer's Content-Type says it. */
export const BILLING_FILE_MEDIA: Record<BillingRunFileKind, string> = {
  xlsx: XLSX_CONTENT_TYPE,
  pdf: 'application/pdf',
  invoiceNinja: 'text/csv; charset=utf-8',
}

async function bytesOf(stream: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const parts: Buffer[] = []
  for await (const chunk of stream) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk))
  return Buffer.concat(parts)
}

/** The file's bytes and how many rows (lines, customers) it holds. */
export async function billingRunFile(run: BillingRunForFiles, request: Pick<BillingExportRequest, 'file' | 'language'>, printedAt: number): Promise<{ bytes: Uint8Array; rows: number }> {
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

/** The file name: stint-billing-2026-10-01-to-2026-10-31-<last 8 of the id>.xlsx (.pdf, -invoiceninja.csv). */
export function billingRunFileName(run: Pick<BillingRunForFiles, 'id' | 'from' | 'to'>, file: BillingRunFileKind): string {
  const stem = `stint-billing-${run.from}-to-${run.to}-${run.id.replace(/[^0-9a-zA-Z]/g, '').slice(-8).toLowerCase()}`
  return file === 'invoiceNinja' ? `${stem}-invoiceninja.csv` : `${stem}.${file}`
}
