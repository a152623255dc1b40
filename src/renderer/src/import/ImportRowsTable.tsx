// The rows of an import file with what would become of each: imported, or refused with
// the reason (duplicate, imported before, locked period, unreadable) in the reader's words.
import { refusalText } from '@shared/i18n/refusal-text'
import type { ImportReason, ImportRow } from '@shared/import/import-types'
import type { Translator } from '@shared/i18n/translator'
import { formatDay, formatShownDuration } from '../format'
import { useT } from '../i18n/i18n-context'

/** At most this many rows are drawn; the totals count them all. */
const SHOWN = 200

export function reasonText(reason: ImportReason, translator: Translator): string {
  return refusalText(reason.messageId, reason.values, translator) ?? reason.message
}

export function ImportRowsTable({ rows }: { rows: readonly ImportRow[] }) {
  const translator = useT()
  const { t } = translator
  const locale = translator.language === 'en' ? undefined : translator.locale
  return (
    <>
      <div className="table-scroll import__rows">
        <table className="table">
          <caption className="visually-hidden">{t('settings.import.rows')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('settings.import.line')}</th>
              <th scope="col">{t('settings.import.day')}</th>
              <th scope="col">{t('settings.import.times')}</th>
              <th scope="col" className="num">{t('settings.import.duration')}</th>
              <th scope="col">{t('settings.import.project')}</th>
              <th scope="col">{t('settings.import.description')}</th>
              <th scope="col">{t('settings.import.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((row) => (
              <tr key={row.line} className={row.status === 'new' ? undefined : 'import__refused'}>
                <td className="num">{row.line}</td>
                <td>{row.day ? formatDay(row.day, locale) : ''}</td>
                <td>{row.start && row.end ? `${row.start}–${row.end}` : ''}</td>
                <td className="num">{row.status === 'unreadable' ? '' : formatShownDuration(row.seconds, undefined, locale)}</td>
                <td>{row.client ? `${row.project} (${row.client})` : row.project}</td>
                <td className="import__text">{row.description}</td>
                <td>
                  <span className={`import__status import__status--${row.status}`}>{t(`settings.import.status.${row.status}`)}</span>
                  {row.reason && <span className="import__reason">{reasonText(row.reason, translator)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && <p className="field__help">{t('settings.import.more', { shown: SHOWN, total: rows.length })}</p>}
    </>
  )
}
