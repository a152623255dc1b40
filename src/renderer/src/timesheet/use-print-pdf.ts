// "Print timesheet (PDF)": asks the host for the period's printed timesheet in the
// window's language ('export.timesheetPdf'). The app answers after its save dialog, the
// browser host with a one-time address opened as a download, as CSV exports are.
import { useState } from 'react'
import type { StintClient } from '@shared/bridge'
import { startDownload } from '../reports/export-run'
import { useT } from '../i18n/i18n-context'

interface PrintPdfOptions {
  client: StintClient
  /** A day of the period shown; null while it loads. */
  day: string | null
  announce: (text: string) => void
  showMessage: (text: string) => void
}

export function usePrintPdf({ client, day, announce, showMessage }: PrintPdfOptions): { printing: boolean; print: () => void } {
  const { t, language } = useT()
  const [printing, setPrinting] = useState(false)
  const run = async (period: string) => {
    setPrinting(true)
    announce(t('timesheet.pdfBusy'))
    try {
      const result = await client.export.timesheetPdf({ day: period, language })
      if (result.status === 'download') {
        startDownload(result.url, result.fileName)
        announce(t('reports.export.downloading', { file: result.fileName }))
      } else if (result.status === 'saved') announce(t('timesheet.pdfSaved', { path: result.path }))
      else announce('')
    } catch (error) {
      showMessage(t('reports.export.failed', { reason: (error as Error).message }))
    } finally {
      setPrinting(false)
    }
  }
  return { printing, print: () => day !== null && !printing && void run(day) }
}
