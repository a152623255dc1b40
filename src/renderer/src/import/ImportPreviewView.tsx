// The preview of an import: where each project and client goes (an existing work item or
// customer, or a new one), the file's rows with what would become of each, and the button.
import { useId } from 'react'
import type { ImportMapping, ImportPreview } from '@shared/import/import-types'
import { workItemDisplayName, type Customer, type WorkItem } from '@shared/work'
import { useT } from '../i18n/i18n-context'
import { ImportRowsTable } from './ImportRowsTable'

interface Props {
  preview: ImportPreview
  items: readonly WorkItem[]
  customers: readonly Customer[]
  mapping: ImportMapping
  onMapping: (mapping: ImportMapping) => void
  busy: boolean
  onImport: () => void
}

export function ImportPreviewView({ preview, items, customers, mapping, onMapping, busy, onImport }: Props) {
  const { t } = useT()
  const id = useId()
  const NEW = ''
  const setProject = (key: string, value: string) =>
    onMapping({ ...mapping, projects: mapping.projects.map((p) => (p.key === key ? { key, workItemId: value === NEW ? null : value } : p)) })
  const setClient = (name: string, value: string) =>
    onMapping({ ...mapping, clients: mapping.clients.map((c) => (c.name === name ? { name, customerId: value === NEW ? null : value } : c)) })

  return (
    <div className="import__preview">
      {preview.projects.length > 0 && (
        <fieldset className="import__map">
          <legend>{t('settings.import.projects')}</legend>
          {preview.projects.map((project, index) => (
            <label key={project.key} className="field import__map-row" htmlFor={`${id}-p${index}`}>
              <span>{project.client ? t('settings.import.mapProject', { name: project.name, client: project.client, rows: project.rows }) : t('settings.import.mapProjectNoClient', { name: project.name, rows: project.rows })}</span>
              <select id={`${id}-p${index}`} value={mapping.projects.find((p) => p.key === project.key)?.workItemId ?? NEW} onChange={(e) => setProject(project.key, e.target.value)}>
                <option value={NEW}>{t('settings.import.createNew')}</option>
                {items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.customerName ? `${workItemDisplayName(item)} (${item.customerName})` : workItemDisplayName(item)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {preview.clients.length > 0 && (
        <fieldset className="import__map">
          <legend>{t('settings.import.clients')}</legend>
          {preview.clients.map((client, index) => (
            <label key={client.name} className="field import__map-row" htmlFor={`${id}-c${index}`}>
              <span>{t('settings.import.mapClient', { name: client.name, rows: client.rows })}</span>
              <select id={`${id}-c${index}`} value={mapping.clients.find((c) => c.name === client.name)?.customerId ?? NEW} onChange={(e) => setClient(client.name, e.target.value)}>
                <option value={NEW}>{t('settings.import.createNew')}</option>
                {customers.map((customer) => (
                  <option key={customer.id} value={customer.id}>
                    {customer.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <ImportRowsTable rows={preview.rows} />
      <div className="form__actions">
        <button type="button" className="button button--primary" aria-disabled={busy || preview.totals.toImport === 0 || undefined} onClick={() => !busy && preview.totals.toImport > 0 && onImport()}>
          {t('settings.import.import', { count: preview.totals.toImport })}
        </button>
      </div>
    </div>
  )
}
