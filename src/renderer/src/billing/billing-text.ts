// Words and numbers of a billing run as the reader reads them: amounts in the run's
// currency, hours as decimals, a rate with its multiplier, why an entry was left out.
import type { LeftOutReason } from '@shared/billing-api'
import { formatMoney } from '@shared/billing/money'
import type { Translator } from '@shared/i18n/translator'

export const money = (minor: number, currency: string, { locale }: Pick<Translator, 'locale'>) => formatMoney(minor, currency, locale)

/** Seconds as hours with two decimals, the way bills show them: 5,400 s is 1.50. */
export const hoursOf = (seconds: number, { locale }: Pick<Translator, 'locale'>) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(seconds / 3600)

/** Basis points as a factor: 15000 is 1.5. */
export const factorOf = (bp: number, { locale }: Pick<Translator, 'locale'>) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(bp / 10_000)

export function reasonText(reason: LeftOutReason | null, activity: string | null, { t }: Pick<Translator, 't'>): string {
  if (reason === null) return t('billing.reason.gone')
  if (reason === 'noRate') return activity === null ? t('billing.reason.noRateAtAll') : t('billing.reason.noRate', { activity })
  return t(`billing.reason.${reason}`)
}

/** The first and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return { from: `${month}-01`, to: new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) }
}

/** The month before `today`'s: what a billing run covers by default. */
export function lastMonthOf(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number]
  return monthRange(new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7))
}
