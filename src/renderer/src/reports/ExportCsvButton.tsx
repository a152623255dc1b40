// The one export control of every report view: a CSV button (with its byte-order-mark
// option) and an Excel (XLSX) button. Either asks the host for the file ('export.csv',
// file csv or xlsx): the app answers after its save dialog (saved or cancelled), the
// browser host with a one-time address that the control opens as a download. Progress
// and the outcome are spoken beside the buttons; a failure says that nothing was written.
import { useId, useState } from 'react'
import type { ExportFile, ExportScope, ExportWhatInput } from '@shared/exports'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { ExportStatus, useExportRun } from './export-run'
import './reports.css'

/** Where the byte-order-mark choice is remembered: a person who opens CSVs in Excel wants it every time. */
export const BOM_STORAGE_KEY = 'stint.export.bom'

function readBom(): boolean {
  try {
    return window.localStorage.getItem(BOM_STORAGE_KEY) === 'true'
  } catch {
    return false // storage blocked: the choice lasts until the view closes
  }
}

function writeBom(on: boolean): void {
  try {
    window.localStorage.setItem(BOM_STORAGE_KEY, on ? 'true' : 'false')
  } catch {
    // storage blocked: the choice still applies to this export
  }
}

export interface ExportCsvButtonProps {
  /** What to export, read when the button is pressed so it is always the view's current choice. */
  what: () => ExportWhatInput
  scope: ExportScope
  label?: string
  /** The Excel button's words, naming the same export as `label` ('Export report (Excel)'). */
  xlsxLabel?: string
  disabled?: boolean
  /** False beside another export button that already shows the (shared, remembered) byte-order-mark option. */
  showBomOption?: boolean
}

export function ExportCsvButton({ what, scope, label, xlsxLabel, disabled = false, showBomOption = true }: ExportCsvButtonProps) {
  const client = useClient()
  const { t, language } = useT()
  const id = useId()
  const [bom, setBom] = useState(readBom)
  const { outcome, busyWith, run: runExport } = useExportRun<ExportFile>()
  const busy = busyWith !== null

  const run = (file: ExportFile) => {
    if (disabled) return
    void runExport(file, async () => {
      // Without its own checkbox the button follows the remembered choice of the one beside it.
      // Machine formats unless Settings asks for those of the language the window speaks;
      // read now, so the choice just made counts, and settings that cannot be read mean the default.
      const settings = await client.settings.get({}).catch(() => null)
      const format = settings?.exports.csvFormat === 'locale' ? language : 'machine'
      return client.export.csv(file === 'xlsx' ? { what: what(), scope, file, language } : { what: what(), scope, bom: showBomOption ? bom : readBom(), format })
    })
  }

  const toggleBom = (on: boolean) => {
    setBom(on)
    writeBom(on)
  }

  return (
    <div className="export-csv">
      <div className="export-csv__controls">
        <button
          type="button"
          className="button button--secondary button--compact"
          aria-disabled={disabled || busy || undefined}
          aria-describedby={`${id}-status`}
          onClick={() => run('csv')}
        >
          {busyWith === 'csv' ? t('reports.export.busy') : (label ?? t('reports.export.csv'))}
        </button>
        {/* Beside the CSV button it belongs to: a workbook has no byte-order mark. */}
        {showBomOption && (
          <label className="export-csv__bom" title={t('reports.export.bomTitle')}>
            <input type="checkbox" checked={bom} onChange={(event) => toggleBom(event.target.checked)} />
            {t('reports.export.bom')}
          </label>
        )}
        <button
          type="button"
          className="button button--secondary button--compact"
          title={t('reports.export.xlsxTitle')}
          aria-disabled={disabled || busy || undefined}
          aria-describedby={`${id}-status`}
          onClick={() => run('xlsx')}
        >
          {busyWith === 'xlsx' ? t('reports.export.busy') : (xlsxLabel ?? t('reports.export.xlsx'))}
        </button>
      </div>
      <ExportStatus id={`${id}-status`} outcome={outcome} />
    </div>
  )
}
