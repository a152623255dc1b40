// What an import did: the rows booked (and their hours), the work items and customers it
// created, and each refused row with its reason.
import type { ImportSummary } from '@shared/import/import-types'
import { spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { reasonText } from './ImportRowsTable'

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const translator = useT()
  const { t } = translator
  const created = [...summary.createdWorkItems, ...summary.createdCustomers]
  return (
    <div className="import__summary" role="status">
      <p>{t('settings.import.done', { count: summary.imported, hours: spokenDurationIn(translator, summary.importedSeconds), refused: summary.refused.length })}</p>
      {created.length > 0 && <p className="field__help">{t('settings.import.created', { names: created.join(', ') })}</p>}
      {summary.refused.length > 0 && (
        <>
          <h3 className="import__refused-title">{t('settings.import.refusedTitle')}</h3>
          <ul className="import__refused-list">
            {summary.refused.map((r) => (
              <li key={r.line}>{reasonText(r.reason, translator)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
