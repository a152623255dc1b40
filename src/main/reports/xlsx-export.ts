// An XLSX report written to a file the person chose: the workbook streamed by
// src/documents/xlsx-writer.ts, through the same atomic write as a CSV (csv-export.ts).
import type { CsvRows } from '@shared/csv-writer'
import { xlsxStream, type XlsxColumn, type XlsxOptions } from '../../documents/xlsx-writer'
import { writeAtomically, type CsvExportResult } from './csv-export'

/** Writes the XLSX file of `rows` to `target.path` atomically (temporary file, fsync, rename); a failure leaves no file (CsvExportError). */
export async function exportXlsx<K extends string>(target: { readonly path: string }, columns: readonly XlsxColumn<K>[], rows: CsvRows<K>, options: XlsxOptions = {}): Promise<CsvExportResult> {
  const written = { rows: 0 }
  const signal = options.signal as AbortSignal | undefined
  return writeAtomically(target.path, xlsxStream(columns, rows, options, written), () => written.rows, signal)
}
