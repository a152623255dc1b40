// The one export control of every report view: a CSV button (with its byte-order-mark
// option) and an Excel (XLSX) button. Either asks the host for the file ('export.csv',
// file csv or xlsx): the app answers after its save dialog (saved or cancelled), the
// browser host with a one-time address that the control opens as a download. Progress
// and the outcome are spoken beside the buttons; a failure says that nothing was written.
import { useEffect, useId, useRef, useState } from 'react'
import type { ExportFile, ExportResult, ExportScope, ExportWhatInput } from '@shared/exports'
import type { Translator } from '@shared/i18n/translator'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
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

/** Opens the browser host's one-time address as a download of `fileName`. */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
}

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string }

/**
 * What became of an export the host answered, for every export control: the browser
 * host's one-time address is opened as a download; the words to say beside the buttons,
 * or idle when the person closed the save dialog (nothing to say).
 */
export function outcomeOf(result: ExportResult, { t }: Pick<Translator, 't'>): { kind: 'idle' } | { kind: 'done'; text: string } {
  switch (result.status) {
    case 'saved':
      return { kind: 'done', text: result.rows === undefined ? t('reports.export.savedTo', { path: result.path }) : t('reports.export.saved', { count: result.rows, path: result.path }) }
    case 'download':
      startDownload(result.url, result.fileName)
      return { kind: 'done', text: t('reports.export.downloading', { file: result.fileName }) }
    case 'cancelled':
      return { kind: 'idle' }
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
  const translator = useT()
  const { t, language } = translator
  const id = useId()
  const [bom, setBom] = useState(readBom)
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  /** Which button is at work, so that it (and only it) says so. */
  const [running, setRunning] = useState<ExportFile>('csv')
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])

  const busy = outcome.kind === 'busy'
  const run = async (file: ExportFile) => {
    if (disabled || busy) return
    setRunning(file)
    setOutcome({ kind: 'busy' })
    try {
      // Without its own checkbox the button follows the remembered choice of the one beside it.
      // Machine formats unless Settings asks for those of the language the window speaks;
      // read now, so the choice just made counts, and settings that cannot be read mean the default.
      const settings = await client.settings.get({}).catch(() => null)
      const format = settings?.exports.csvFormat === 'locale' ? language : 'machine'
      const result = await client.export.csv(
        file === 'xlsx' ? { what: what(), scope, file, language } : { what: what(), scope, bom: showBomOption ? bom : readBom(), format },
      )
      if (live.current) setOutcome(outcomeOf(result, translator))
    } catch (error) {
      if (live.current) setOutcome({ kind: 'failed', text: t('reports.export.failed', { reason: (error as Error).message }) })
    }
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
          onClick={() => void run('csv')}
        >
          {busy && running === 'csv' ? t('reports.export.busy') : (label ?? t('reports.export.csv'))}
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
          onClick={() => void run('xlsx')}
        >
          {busy && running === 'xlsx' ? t('reports.export.busy') : (xlsxLabel ?? t('reports.export.xlsx'))}
        </button>
      </div>
      {/* Always in the page, so screen readers hear what is put into it. */}
      <p id={`${id}-status`} className="export-csv__status" role="status">
        {/* The button already says so on screen. */}
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
