// What every export control shares: asking the host for a file, one at a time; what became
// of it (a download opened, a file saved, nothing when the save dialog was closed, or a
// failure that says nothing was written); and the lines beside the buttons that say so,
// spoken to screen readers. The report views' control (ExportCsvButton) and the billing
// run's files (BillingRunFiles) differ only in their buttons and what they ask for.
import { useEffect, useRef, useState } from 'react'
import type { ExportResult } from '@shared/exports'
import type { Translator } from '@shared/i18n/translator'
import { useT } from '../i18n/i18n-context'

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

export type ExportOutcome<K extends string> = { kind: 'idle' } | { kind: 'busy'; key: K } | { kind: 'done'; text: string } | { kind: 'failed'; text: string }

/**
 * What became of an export the host answered: the browser host's one-time address is
 * opened as a download; the words to say beside the buttons, or idle when the person
 * closed the save dialog (nothing to say).
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

/**
 * An export control's state: `run(key, ask)` asks for one file unless one is already on its
 * way, and keeps what became of it; `busyWith` is the key of the button at work, so that it
 * (and only it) says so. An answer that comes after the control has gone is dropped.
 */
export function useExportRun<K extends string>(): { outcome: ExportOutcome<K>; busyWith: K | null; run: (key: K, ask: () => Promise<ExportResult>) => Promise<void> } {
  const translator = useT()
  const [outcome, setOutcome] = useState<ExportOutcome<K>>({ kind: 'idle' })
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])
  const busyWith = outcome.kind === 'busy' ? outcome.key : null
  const run = async (key: K, ask: () => Promise<ExportResult>) => {
    if (busyWith !== null) return
    setOutcome({ kind: 'busy', key })
    try {
      const result = await ask()
      if (live.current) setOutcome(outcomeOf(result, translator))
    } catch (error) {
      if (live.current) setOutcome({ kind: 'failed', text: translator.t('reports.export.failed', { reason: (error as Error).message }) })
    }
  }
  return { outcome, busyWith, run }
}

/** The lines beside an export control's buttons: always in the page, so screen readers hear what is put into it; a failure as an alert. */
export function ExportStatus({ id, outcome }: { id: string; outcome: ExportOutcome<string> }) {
  const { t } = useT()
  return (
    <>
      <p id={id} className="export-csv__status" role="status">
        {/* The button already says so on screen. */}
        {outcome.kind === 'busy' && <span className="visually-hidden">{t('reports.export.busy')}</span>}
        {outcome.kind === 'done' && outcome.text}
      </p>
      {outcome.kind === 'failed' && (
        <p className="export-csv__error" role="alert">
          {outcome.text}
        </p>
      )}
    </>
  )
}
