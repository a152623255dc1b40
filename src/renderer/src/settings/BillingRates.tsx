// The hourly rate of each activity type, typed as the reader writes amounts ("95,00" in
// German); an empty rate means none, and such work is left out of a bill as "no rate".
import { useCallback } from 'react'
import type { BillingSettings, BillingSettingsPatch } from '@shared/billing-api'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { useHostQuery } from '../ui/use-host-query'
import { BillingAmountInput } from './BillingAmountInput'

interface Props {
  settings: BillingSettings
  onSave: (patch: BillingSettingsPatch) => Promise<boolean>
}

export function BillingRates({ settings, onSave }: Props) {
  const client = useClient()
  const { t } = useT()
  const types = useHostQuery(useCallback(() => client.work.listActivityTypes({}), [client]))
  const saveRate = (activityId: string, minor: number | undefined) => {
    const rates = Object.fromEntries(Object.entries(settings.activityRates).filter(([key]) => key !== activityId))
    if (minor !== undefined) rates[activityId] = minor
    void onSave({ activityRates: rates })
  }
  return (
    <>
      <h3 className="billing-settings__subtitle">{t('settings.billing.rates')}</h3>
      <div className="billing-settings__rates">
        {(types.value ?? []).map((type) => (
          <BillingAmountInput
            key={type.id}
            label={t('settings.billing.rateOf', { activity: type.name })}
            minor={settings.activityRates[type.id]}
            currency={settings.currency}
            onSave={(minor) => saveRate(type.id, minor)}
          />
        ))}
      </div>
    </>
  )
}
