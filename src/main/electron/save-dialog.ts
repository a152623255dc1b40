// Where a CSV or XLSX export goes in the app: a save dialog (modal to Stint's window), first in
// the Downloads folder, then in the folder chosen last time. The file is written
// atomically by the export code; this adapter only asks where.
import { dirname, join } from 'node:path'
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron'
import type { ExportResult } from '@shared/exports'
import { saveCsvJob, type CsvDestination, type CsvJob } from '../reports/exporter'

export interface SaveDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>
  /** The window the dialog belongs to; null when it is closed (Stint lives on in the tray). */
  window: () => BaseWindow | null
  /** app.getPath('downloads'). */
  downloadsFolder: () => string
  /** Writes the job; exportCsv's atomic temp-fsync-rename by default. */
  save?: (job: CsvJob, path: string) => ReturnType<typeof saveCsvJob>
}

export function saveDialogDestination(deps: SaveDialogDeps): CsvDestination {
  const save = deps.save ?? saveCsvJob
  let lastFolder: string | null = null
  return {
    async deliver(job: CsvJob): Promise<ExportResult> {
      const { file } = job
      const options: SaveDialogOptions = {
        title: file?.dialogTitle ?? 'Export CSV',
        buttonLabel: 'Export',
        defaultPath: join(lastFolder ?? deps.downloadsFolder(), job.fileName),
        filters: [
          file ? { name: file.filterName, extensions: [file.extension] } : { name: 'CSV (comma-separated values)', extensions: ['csv'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const window = deps.window()
      const choice = window && !window.isDestroyed() ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' }
      lastFolder = dirname(choice.filePath)
      const { path, rows, bytes } = await save(job, choice.filePath)
      return rows === undefined ? { status: 'saved', path, bytes } : { status: 'saved', path, rows, bytes }
    },
  }
}
