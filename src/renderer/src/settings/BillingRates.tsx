// The class factors (after hours, weekend, public holiday: × the rate found) and the
// hourly rate of each activity type, typed as the reader writes amounts ("95,00" in
// German); an empty rate means none, and such work is left out of a bill as "no rate".
import { useCallback, useState } from 'react'
import type { BillingSettings, BillingSettingsPatch } from '@shared/billing-api'
import { formatMoney, parseMoney } from '@shared/billing/money'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { useHostQuery } from '../ui/use-host-query'

const CLASSES = ['afterHours', 'weekend', 'holiday'] as const

interface Props {
  settings: BillingSettings
  onSave: (patch: BillingSettingsPatch) => Promise<boolean>
}

export function BillingRates({ settings, onSave }: Props) {
  const client = useClient()
  const { t, locale } = useT()
  const types = useHostQuery(useCallback(() => client.work.listActivityTypes({}), [client]))
  const [problem, setProblem] = useState<string | null>(null)
  const plain = (minor: number) => formatMoney(minor, settings.currency, locale).replace(/[^\d.,\s-]/g, '').trim()
  const factorText = (c: (typeof CLASSES)[number]) => {
    const rate = settings.classes[c]
    return rate?.kind === 'multiplier' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }).format(rate.bp / 10_000) : ''
  }
  const saveFactor = (c: (typeof CLASSES)[number], text: string) => {
    const trimmed = text.trim().replace(',', '.')
    if (trimmed !== '' && !/^\d+(\.\d{1,4})?$/.test(trimmed)) return setProblem(t('settings.billing.factorInvalid'))
    const classes = Object.fromEntries(Object.entries(settings.classes).filter(([key]) => key !== c)) as BillingSettings['classes']
    if (trimmed !== '') classes[c] = { kind: 'multiplier', bp: Math.round(Number(trimmed) * 10_000) }
    setProblem(null)
    if (JSON.stringify(classes) !== JSON.stringify(settings.classes)) void onSave({ classes })
  }
  const saveRate = (activityId: string, text: string) => {
    const rates = Object.fromEntries(Object.entries(settings.activityRates).filter(([key]) => key !== activityId))
    try {
      if (text.trim() !== '') rates[activityId] = parseMoney(text, settings.currency, locale)
    } catch {
      return setProblem(t('settings.billing.rateInvalid'))
    }
    setProblem(null)
    if (rates[activityId] !== settings.activityRates[activityId]) void onSave({ activityRates: rates })
  }
  return (
    <>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="billing-settings__row">
        {CLASSES.map((c) => (
          <label key={c} className="field field--narrow">
            <span>{t(`settings.billing.${c}`)}</span>
            <input inputMode="decimal" key={`${c}${factorText(c)}`} defaultValue={factorText(c)} onBlur={(e) => saveFactor(c, e.target.value)} />
          </label>
        ))}
      </div>
      <p className="field__help">{t('settings.billing.factorHelp')}</p>
      <h3 className="billing-settings__subtitle">{t('settings.billing.rates')}</h3>
      <div className="billing-settings__rates">
        {(types.value ?? []).map((type) => {
          const minor = settings.activityRates[type.id]
          const shown = minor === undefined ? '' : plain(minor)
          return (
            <label key={type.id} className="field">
              <span>
                {type.name} ({settings.currency})
              </span>
              <input
                inputMode="decimal"
                aria-label={t('settings.billing.rateOf', { activity: type.name })}
                key={`${type.id}${shown}`}
                defaultValue={shown}
                onBlur={(e) => saveRate(type.id, e.target.value)}
              />
            </label>
          )
        })}
      </div>
    </>
  )
}
