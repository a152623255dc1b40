// The Billing view: choose a closed range (last month by default) and how lines group,
// run it, and see each customer's bill, what was left out and why, and after a re-run
// what changed since the last run of that range. Earlier runs open as they were saved.
import { useCallback, useId, useState, type SyntheticEvent } from 'react'
import type { BillingRunView, GroupBy } from '@shared/billing-api'
import { formatInstant } from '@shared/i18n/formats'
import { useClient } from '../client-context'
import { formatDay, todayLocal } from '../format'
import { useT } from '../i18n/i18n-context'
import { useHostQuery } from '../ui/use-host-query'
import { lastMonthOf, money, monthRange } from './billing-text'
import { BillingRunFiles } from './BillingRunFiles'
import { CustomerBill } from './CustomerBill'
import { LeftOutList } from './LeftOutList'
import { RunChangesPanel } from './RunChangesPanel'
import './billing.css'

const GROUPINGS: readonly GroupBy[] = ['contract', 'workItem', 'activityType']

export function BillingView({ today = todayLocal() }: { today?: string }) {
  const client = useClient()
  const id = useId()
  const translator = useT()
  const { t, locale } = translator
  const [range, setRange] = useState(() => lastMonthOf(today))
  const [groupBy, setGroupBy] = useState<GroupBy>('contract')
  const [run, setRun] = useState<BillingRunView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const history = useHostQuery(useCallback(() => client.billing.runs({}), [client]))

  const show = async (ask: () => Promise<BillingRunView>) => {
    setBusy(true)
    setError(null)
    try {
      setRun(await ask())
      history.reload()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    void show(() => client.billing.run({ from: range.from, to: range.to, groupBy }))
  }
  const onMonth = (month: string) => {
    if (/^\d{4}-\d{2}$/.test(month)) setRange(monthRange(month))
  }
  const day = (d: string) => formatDay(d, locale)

  return (
    <section className="view billing" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`}>{t('billing.title')}</h1>
          <p className="view__subtitle">{t('billing.subtitle')}</p>
        </div>
      </header>
      <form className="billing__controls" onSubmit={submit}>
        <label className="field">
          <span>{t('billing.month')}</span>
          <input type="month" value={range.from.slice(0, 7)} onChange={(e) => onMonth(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('billing.from')}</span>
          <input type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('billing.to')}</span>
          <input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('billing.groupBy')}</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`billing.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('billing.running') : t('billing.run')}
        </button>
      </form>
      {error && (
        <div className="banner banner--error" role="alert">
          <span>{error}</span>
        </div>
      )}
      {run && (
        <div className="billing__result" aria-live="polite">
          <div className="billing__summary">
            <p className="muted">{t('billing.runOf', { from: day(run.from), to: day(run.to), when: formatInstant(run.createdAt, locale) })}</p>
            <p className="billing__total">{t('billing.grandTotal', { amount: money(run.totalMinor, run.currency, translator) })}</p>
            {/* Keyed by the run: another run shown starts without what was said about the last one's files. */}
            <BillingRunFiles key={run.id} runId={run.id} />
          </div>
          {run.changes && <RunChangesPanel changes={run.changes} currency={run.currency} />}
          {run.bills.length === 0 && (
            <p className="empty">{run.leftOut.length === 0 ? t('billing.emptyNoTime', { from: day(run.from), to: day(run.to) }) : t('billing.empty', { from: day(run.from), to: day(run.to) })}</p>
          )}
          {run.bills.map((bill) => (
            <CustomerBill key={bill.customerId} bill={bill} currency={run.currency} groupBy={run.groupBy} />
          ))}
          <LeftOutList leftOut={run.leftOut} />
        </div>
      )}
      {history.value && history.value.length > 0 && (
        <section className="panel" aria-labelledby={`${id}-history`}>
          <h2 id={`${id}-history`} className="panel__title">
            {t('billing.history')}
          </h2>
          <ul className="billing__history">
            {history.value.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="button button--ghost button--compact"
                  aria-label={t('billing.history.open', { from: day(r.from), to: day(r.to), when: formatInstant(r.createdAt, locale) })}
                  onClick={() => void show(() => client.billing.runDetail({ id: r.id }))}
                >
                  {t('billing.history.item', { from: day(r.from), to: day(r.to), when: formatInstant(r.createdAt, locale), amount: money(r.totalMinor, r.currency, translator) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}
