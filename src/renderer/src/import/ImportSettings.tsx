// Import from another tracker: choose a CSV file (and its source, if Stint cannot tell),
// see what it holds and what would be booked, map its projects and clients, import, and
// read what was imported and what was refused with the reason per row.
import { useEffect, useId, useState } from 'react'
import { refusalText } from '@shared/i18n/refusal-text'
import { IMPORT_SOURCES, MAX_IMPORT_BYTES, MAX_IMPORT_MB, type ImportMapping, type ImportPreview, type ImportSource, type ImportSummary } from '@shared/import/import-types'
import type { Customer, WorkItem } from '@shared/work'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { spokenDurationIn } from '../format'
import { ImportPreviewView } from './ImportPreviewView'
import { ImportSummaryView } from './ImportSummaryView'
import './import.css'

const SOURCE_NAMES: Record<ImportSource, string> = { toggl: 'Toggl Track', clockify: 'Clockify', harvest: 'Harvest', kimai: 'Kimai' }

export function ImportSettings() {
  const client = useClient()
  const translator = useT()
  const { t } = translator
  const id = useId()
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [source, setSource] = useState<ImportSource | ''>('')
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [summary, setSummary] = useState<ImportSummary | null>(null)
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [targets, setTargets] = useState<{ items: WorkItem[]; customers: Customer[] }>({ items: [], customers: [] })

  type Chosen = { file: { name: string; text: string }; source: ImportSource | ''; mapping: ImportMapping | undefined }
  const request = ({ file: chosen, source: from, mapping: map }: Chosen) => ({ fileName: chosen.name, text: chosen.text, ...(from ? { source: from } : {}), ...(map ? { mapping: map } : {}) })

  /** Reads the file again with its source and mapping: the preview follows each choice. */
  const load = async (chosen: Chosen) => {
    setBusy('reading')
    setError(null)
    try {
      setPreview(await client.import.preview(request(chosen)))
    } catch (e) {
      setPreview(null)
      setError((e as Error).message)
    } finally {
      setBusy(null)
    }
  }

  const chooseSource = (next: ImportSource | '') => {
    setSource(next)
    setMapping(undefined)
    if (file) void load({ file, source: next, mapping: undefined })
  }

  const chooseMapping = (next: ImportMapping) => {
    setMapping(next)
    if (file) void load({ file, source, mapping: next })
  }

  useEffect(() => {
    if (!preview) return
    void Promise.all([client.work.listItems({}), client.work.listCustomers({})]).then(([items, customers]) => setTargets({ items: items.filter((i) => i.active), customers }))
  }, [client, preview])

  const choose = async (chosen: File | undefined) => {
    setSummary(null)
    setPreview(null)
    setMapping(undefined)
    if (!chosen) return setFile(null)
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFile(null)
      return setError(refusalText('refusal.import.tooLarge', { mb: MAX_IMPORT_MB }, translator))
    }
    const read = { name: chosen.name, text: await chosen.text() }
    setFile(read)
    await load({ file: read, source, mapping: undefined })
  }

  const commit = async () => {
    if (!file || !preview || busy) return
    setBusy('importing')
    setError(null)
    try {
      const done = await client.import.commit(request({ file, source, mapping }))
      setSummary(done)
      setPreview(null)
      setFile(null)
      setMapping(undefined)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(null)
    }
  }

  const currentMapping = (): ImportMapping =>
    mapping ?? { projects: preview?.projects.map((p) => ({ key: p.key, workItemId: p.workItemId })) ?? [], clients: preview?.clients.map((c) => ({ name: c.name, customerId: c.customerId })) ?? [] }

  return (
    <section className="panel import" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('settings.import.title')}
        </h2>
      </div>
      <p id={`${id}-help`} className="field__help">
        {t('settings.import.help', { mb: MAX_IMPORT_MB })}
      </p>
      <div className="form__row import__choose">
        <label className="field" htmlFor={`${id}-file`}>
          <span>{t('settings.import.file')}</span>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv,text/plain" aria-describedby={`${id}-help`} onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        <label className="field" htmlFor={`${id}-source`}>
          <span>{t('settings.import.source')}</span>
          <select id={`${id}-source`} value={source} onChange={(e) => chooseSource(IMPORT_SOURCES.find((s) => s === e.target.value) ?? '')}>
            <option value="">{t('settings.import.sourceAuto')}</option>
            {IMPORT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="field__help" role="status">
        {busy === 'reading' && t('settings.import.reading')}
        {busy === 'importing' && t('settings.import.importing')}
        {busy === null && preview &&
          t('settings.import.found', {
            source: SOURCE_NAMES[preview.source],
            file: preview.fileName,
            rows: preview.totals.rows,
            toImport: preview.totals.toImport,
            hours: spokenDurationIn(translator, preview.totals.toImportSeconds),
            refused: preview.totals.refused,
          })}
      </p>
      {error && (
        <div className="banner banner--error" role="alert">
          <span>{error}</span>
        </div>
      )}
      {preview && (
        <ImportPreviewView preview={preview} items={targets.items} customers={targets.customers} mapping={currentMapping()} onMapping={chooseMapping} busy={busy !== null} onImport={() => void commit()} />
      )}
      {summary && <ImportSummaryView summary={summary} />}
    </section>
  )
}
