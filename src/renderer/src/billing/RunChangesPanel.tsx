// After a re-run: what changed since the last run of the same range. Time approved since
// is added, time reopened or voided is removed (with why it is left out now), and each
// customer whose total moved shows both totals.
import type { RunChanges } from '@shared/billing-api'
import { formatInstant } from '@shared/i18n/formats'
import { formatDay, spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { money, reasonText } from './billing-text'

export function RunChangesPanel({ changes, currency }: { changes: RunChanges; currency: string }) {
  const translator = useT()
  const { t, locale } = translator
  const when = formatInstant(changes.since, locale)
  const duration = (seconds: number) => spokenDurationIn(translator, seconds)
  const lines = [
    ...changes.added.map((e) => t('billing.changes.added', { day: formatDay(e.day, locale), workItem: e.workItem ?? t('billing.none'), customer: e.customerName, duration: duration(e.billedSeconds) })),
    ...changes.removed.map((e) =>
      t('billing.changes.removed', { day: formatDay(e.day, locale), workItem: e.workItem ?? t('billing.none'), customer: e.customerName, duration: duration(e.billedSeconds), reason: reasonText(e.reason, e.activityType, translator) }),
    ),
    ...changes.changed.map((e) =>
      t('billing.changes.changed', { day: formatDay(e.day, locale), workItem: e.workItem ?? t('billing.none'), customer: e.customerName, before: duration(e.beforeSeconds), after: duration(e.afterSeconds) }),
    ),
  ]
  const nothing = lines.length === 0 && changes.customers.length === 0
  return (
    <section className="panel billing-changes" aria-labelledby="billing-changes">
      <h2 id="billing-changes" className="panel__title">
        {nothing ? t('billing.changes.none', { when }) : t('billing.changes.title', { when })}
      </h2>
      {changes.customers.length > 0 && (
        <ul className="billing-changes__totals">
          {changes.customers.map((c) => (
            <li key={c.customerId}>
              <strong>{t('billing.changes.total', { customer: c.customerName, before: money(c.beforeMinor, currency, translator), after: money(c.afterMinor, currency, translator) })}</strong>
            </li>
          ))}
        </ul>
      )}
      {lines.length > 0 && (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
