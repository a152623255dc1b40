// One customer's bill: a line per group, rate class and rate (with where the rate came
// from, so a surprising amount explains itself), the included hours covered, the total.
import type { CustomerBillView, GroupBy } from '@shared/billing-api'
import { spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { factorOf, hoursOf, money } from './billing-text'

export function CustomerBill({ bill, currency, groupBy }: { bill: CustomerBillView; currency: string; groupBy: GroupBy }) {
  const translator = useT()
  const { t } = translator
  const rateText = (hourlyMinor: number, bp: number) => {
    const rate = money(hourlyMinor, currency, translator)
    return bp === 10_000 ? rate : t('billing.multiplied', { rate, factor: factorOf(bp, translator) })
  }
  return (
    <section className="panel billing-bill" aria-label={bill.customerName}>
      <h2 className="panel__title">{bill.customerName}</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('billing.col.group')}</th>
              <th scope="col">{t('billing.col.class')}</th>
              <th scope="col" className="num">
                {t('billing.col.hours')}
              </th>
              <th scope="col" className="num">
                {t('billing.col.rate')}
              </th>
              <th scope="col" className="num">
                {t('billing.col.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bill.lines.map((line, i) => (
              <tr key={`${line.group ?? ''}-${line.rateClass}-${i}`}>
                <td>{line.groupName ?? t(`billing.noGroup.${groupBy}`)}</td>
                <td>{t(`billing.class.${line.rateClass}`)}</td>
                <td className="num">{hoursOf(line.seconds, translator)}</td>
                <td className="num">
                  {rateText(line.hourlyMinor, line.multiplierBp)}
                  <span className="table__sub">{t(`billing.source.${line.source}`)}</span>
                </td>
                <td className="num">{money(line.amountMinor, currency, translator)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t('billing.total')}
              </th>
              <td className="num">
                <strong>{money(bill.totalMinor, currency, translator)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {bill.includedSeconds > 0 && <p className="muted">{t('billing.included', { duration: spokenDurationIn(translator, bill.includedSeconds) })}</p>}
    </section>
  )
}
