// The currency of every rate. Stored rates are amounts in it, so changing it while rates
// are stored asks first, in a dialog that lists each rate with the number it keeps
// (nothing is converted: 95.00 EUR becomes 95.00 CHF, or 95 JPY).
import { useCallback, useState } from 'react'
import type { BillingSettings, BillingSettingsPatch } from '@shared/billing-api'
import { isCurrency, relabelledMinor } from '@shared/billing/money'
import { ALL_ACTIVITIES } from '@shared/billing/rates'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { Dialog } from '../ui/Dialog'
import { useHostQuery } from '../ui/use-host-query'
import { plainAmount } from './BillingAmountInput'

interface Props {
  settings: BillingSettings
  onSave: (patch: BillingSettingsPatch) => Promise<boolean>
}

export function BillingCurrency({ settings, onSave }: Props) {
  const client = useClient()
  const { t, locale } = useT()
  const names = useHostQuery(
    useCallback(async () => {
      const [types, customers, contracts] = await Promise.all([client.work.listActivityTypes({}), client.work.listCustomers({}), client.work.listContracts({})])
      return new Map([...types, ...customers, ...contracts].map((x) => [x.id, x.name]))
    }, [client]),
  ).value
  const [asked, setAsked] = useState<string | null>(null)
  // Cancelled, the field shows the stored currency again.
  const [shown, setShown] = useState(0)
  const cancel = () => {
    setAsked(null)
    setShown((n) => n + 1)
  }
  const name = (id: string) => (id === ALL_ACTIVITIES ? t('settings.billing.allActivities') : (names?.get(id) ?? id))
  const rates: [string, number][] = [
    ...Object.entries(settings.activityRates).map(([id, minor]): [string, number] => [name(id), minor]),
    ...[...Object.entries(settings.customerRates), ...Object.entries(settings.contractRates)].flatMap(([id, table]) =>
      Object.entries(table).map(([activity, minor]): [string, number] => [`${name(id)}, ${name(activity)}`, minor]),
    ),
    ...(['afterHours', 'weekend', 'holiday'] as const).flatMap((c): [string, number][] => {
      const rate = settings.classes[c]
      return rate?.kind === 'rate' ? [[t(`settings.billing.class.${c}`), rate.hourlyMinor]] : []
    }),
  ]
  const change = (code: string) => {
    if (code === settings.currency) return
    if (rates.length > 0 && isCurrency(code)) setAsked(code)
    else void onSave({ currency: code })
  }
  return (
    <>
      <label className="field field--narrow">
        <span>{t('settings.billing.currency')}</span>
        <input key={`${settings.currency}${shown}`} defaultValue={settings.currency} maxLength={3} onBlur={(e) => change(e.target.value.trim().toUpperCase())} />
      </label>
      {asked !== null && (
        <Dialog
          title={t('settings.billing.currencyTitle', { currency: asked })}
          description={t('settings.billing.currencyBody', { count: rates.length, from: settings.currency, currency: asked })}
          onClose={cancel}
          actions={
            <>
              <button type="button" className="button button--ghost" onClick={cancel} data-autofocus>
                {t('settings.billing.currencyCancel', { from: settings.currency })}
              </button>
              <button type="button" className="button button--secondary" onClick={() => void onSave({ currency: asked, keepRateNumbers: true }).then(cancel)}>
                {t('settings.billing.currencyKeep', { currency: asked })}
              </button>
            </>
          }
        >
          <ul className="billing-settings__relabel">
            {rates.map(([label, minor]) => {
              const after = relabelledMinor(minor, settings.currency, asked)
              return (
                <li key={label}>
                  {label}: {plainAmount(minor, settings.currency, locale)} {settings.currency} → {after !== null ? `${plainAmount(after, asked, locale)} ${asked}` : t('settings.billing.currencyCannot')}
                </li>
              )
            })}
          </ul>
        </Dialog>
      )}
    </>
  )
}
