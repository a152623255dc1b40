// The files of the run shown: its workbook (XLSX), its printed summary (PDF) and its bill
// lines for InvoiceNinja (CSV), each asked of the host ('billing.exportRun') in the
// window's language. The app answers after its save dialog, the browser host with a
// one-time address opened as a download, as the Reports export control does; it looks
// like that control, and says beside the buttons what became of the file.
import { useId } from 'react'
import type { BillingRunFile } from '@shared/billing-api'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { ExportStatus, useExportRun } from '../reports/export-run'
import '../reports/reports.css'

const FILES: readonly BillingRunFile[] = ['xlsx', 'pdf', 'invoiceNinja']

export function BillingRunFiles({ runId }: { runId: string }) {
  const client = useClient()
  const { t, language } = useT()
  const id = useId()
  const { outcome, busyWith, run } = useExportRun<BillingRunFile>()
  const titles: Partial<Record<BillingRunFile, string>> = { xlsx: t('billing.files.xlsxTitle'), invoiceNinja: t('billing.files.invoiceNinjaTitle') }

  return (
    <div className="export-csv billing__files" role="group" aria-label={t('billing.files.label')}>
      <div className="export-csv__controls">
        {FILES.map((file) => (
          <button
            key={file}
            type="button"
            className="button button--secondary button--compact"
            title={titles[file]}
            aria-disabled={busyWith !== null || undefined}
            aria-describedby={`${id}-status`}
            onClick={() => void run(file, () => client.billing.exportRun({ id: runId, file, language }))}
          >
            {busyWith === file ? t('reports.export.busy') : t(`billing.files.${file}`)}
          </button>
        ))}
      </div>
      <ExportStatus id={`${id}-status`} outcome={outcome} />
    </div>
  )
}
