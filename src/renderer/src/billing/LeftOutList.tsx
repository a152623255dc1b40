// The entries a run left out, apart from the bills, each with the reason in words.
import type { LeftOutView } from '@shared/billing-api'
import { formatDay, spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { reasonText } from './billing-text'

export function LeftOutList({ leftOut }: { leftOut: readonly LeftOutView[] }) {
  const translator = useT()
  const { t, locale } = translator
  if (leftOut.length === 0) return null
  return (
    <section className="panel" aria-labelledby="billing-left-out">
      <h2 id="billing-left-out" className="panel__title">
        {t('billing.leftOut.title')}
      </h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('billing.leftOut.day')}</th>
              <th scope="col">{t('billing.leftOut.workItem')}</th>
              <th scope="col" className="num">
                {t('billing.leftOut.time')}
              </th>
              <th scope="col">{t('billing.leftOut.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {leftOut.map((entry) => (
              <tr key={entry.entryId}>
                <td>{formatDay(entry.day, locale)}</td>
                <td>{entry.workItem ?? t('billing.none')}</td>
                <td className="num">{spokenDurationIn(translator, entry.seconds)}</td>
                <td>{reasonText(entry.reason, entry.activityType, translator)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
