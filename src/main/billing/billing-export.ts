// The 'billing.exportRun' call: a saved run (as it was answered, names as they were then)
// made into its file now, so that a missing run or a failure is reported before any
// dialog or download, then handed to the export destination like any export (a save
// dialog in the app, written atomically; a one-time download in the browser host).
import type { BillingExportRequest, BillingRunView } from '@shared/billing-api'
import { MACHINE_DIALECT } from '@shared/csv-dialect'
import { refuse } from '@shared/errors'
import type { ExportResult } from '@shared/exports'
import { billingRunFile, billingRunFileName } from '../../documents/billing-run-file'
import { deliverJob, XLSX_FILE, type CsvDestination, type CsvJob, type ExportFileType } from '../reports/exporter'

export interface BillingExportDeps {
  runDetail: (id: string) => Promise<BillingRunView>
  now: () => number
  destination: () => CsvDestination | undefined
}

const PDF_FILE: ExportFileType = { mediaType: 'application/pdf', extension: 'pdf', dialogTitle: 'Save billing run (PDF)', filterName: 'PDF document' }

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator of what is already made
async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, undefined> {
  yield bytes
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
