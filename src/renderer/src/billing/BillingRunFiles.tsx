// The files of the run shown: its workbook (XLSX), its printed summary (PDF) and its bill
// lines for InvoiceNinja (CSV), each asked of the host ('billing.exportRun') in the
// window's language. The app answers after its save dialog, the browser host with a
// one-time address opened as a download, as the Reports export control does; it looks
// like that control, and says beside the buttons what became of the file.
import { useEffect, useId, useRef, useState } from 'react'
import type { BillingRunFile } from '@shared/billing-api'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { outcomeOf } from '../reports/ExportCsvButton'
import '../reports/reports.css'

type Outcome = { kind: 'idle' } | { kind: 'busy'; file: BillingRunFile } | { kind: 'done'; text: string } | { kind: 'failed'; text: string }

const FILES: readonly BillingRunFile[] = ['xlsx', 'pdf', 'invoiceNinja']

export function BillingRunFiles({ runId }: { runId: string }) {
  const client = useClient()
  const { t, language } = useT()
  const id = useId()
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])
  const busy = outcome.kind === 'busy'
  const run = async (file: BillingRunFile) => {
    if (busy) return
    setOutcome({ kind: 'busy', file })
    try {
      const result = await client.billing.exportRun({ id: runId, file, language })
      if (live.current) setOutcome(outcomeOf(result, { t }))
    } catch (error) {
      if (live.current) setOutcome({ kind: 'failed', text: t('reports.export.failed', { reason: (error as Error).message }) })
    }
  }
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
            aria-disabled={busy || undefined}
            aria-describedby={`${id}-status`}
            onClick={() => void run(file)}
          >
            {outcome.kind === 'busy' && outcome.file === file ? t('reports.export.busy') : t(`billing.files.${file}`)}
          </button>
        ))}
      </div>
      <p id={`${id}-status`} className="export-csv__status" role="status">
        {outcome.kind === 'busy' && <span className="visually-hidden">{t('reports.export.busy')}</span>}
        {outcome.kind === 'done' && outcome.text}
      </p>
      {outcome.kind === 'failed' && (
        <p className="export-csv__error" role="alert">
          {outcome.text}
        </p>
      )}
    </div>
  )
}
