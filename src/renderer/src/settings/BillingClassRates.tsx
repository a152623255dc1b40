// What work outside normal hours bills (after hours, on a day off, on a public holiday):
// the normal rate, the rate found × a factor, or a rate of its own.
import { useState } from 'react'
import type { BillingSettings, BillingSettingsPatch } from '@shared/billing-api'
import type { ClassRate } from '@shared/billing/rates'
import { useT } from '../i18n/i18n-context'
import { BillingAmountInput } from './BillingAmountInput'

const CLASSES = ['afterHours', 'weekend', 'holiday'] as const
type RateClass = (typeof CLASSES)[number]
type Kind = 'normal' | ClassRate['kind']

interface Props {
  settings: BillingSettings
  onSave: (patch: BillingSettingsPatch) => Promise<boolean>
}

export function BillingClassRates({ settings, onSave }: Props) {
  const { t, locale } = useT()
  // A kind picked but not saved yet: the field for its value shows, empty.
  const [picked, setPicked] = useState<Partial<Record<RateClass, Kind>>>({})
  const [problem, setProblem] = useState<Partial<Record<RateClass, string>>>({})
  const put = (c: RateClass, rate: ClassRate | undefined) => {
    const classes = Object.fromEntries(Object.entries(settings.classes).filter(([key]) => key !== c)) as BillingSettings['classes']
    if (rate) classes[c] = rate
    setPicked((p) => ({ ...p, [c]: undefined }))
    void onSave({ classes })
  }
  const factorText = (rate: ClassRate | undefined) => (rate?.kind === 'multiplier' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }).format(rate.bp / 10_000) : '')
  const saveFactor = (c: RateClass, text: string) => {
    const trimmed = text.trim().replace(',', '.')
    const kept = factorText(settings.classes[c])
    if (!/^\d+(\.\d{1,4})?$/.test(trimmed)) return setProblem((p) => ({ ...p, [c]: t('settings.billing.factorInvalidKept', { text: text.trim(), kept: kept === '' ? t('settings.billing.classKind.normal') : `× ${kept}` }) }))
    setProblem((p) => ({ ...p, [c]: undefined }))
    const bp = Math.round(Number(trimmed) * 10_000)
    if (settings.classes[c]?.kind !== 'multiplier' || settings.classes[c]?.bp !== bp) put(c, { kind: 'multiplier', bp })
  }
  return (
    <>
      <h3 className="billing-settings__subtitle">{t('settings.billing.classes')}</h3>
      <div className="billing-settings__rates">
        {CLASSES.map((c) => {
          const rate = settings.classes[c]
          const kind: Kind = picked[c] ?? rate?.kind ?? 'normal'
          const name = t(`settings.billing.class.${c}`)
          return (
            <fieldset key={c} className="field billing-settings__class">
              <legend>{name}</legend>
              <label className="field">
                <span>{t('settings.billing.classBills')}</span>
                <select value={kind} onChange={(e) => (e.target.value === 'normal' ? put(c, undefined) : setPicked((p) => ({ ...p, [c]: e.target.value as Kind })))}>
                  <option value="normal">{t('settings.billing.classKind.normal')}</option>
                  <option value="multiplier">{t('settings.billing.classKind.multiplier')}</option>
                  <option value="rate">{t('settings.billing.classKind.rate')}</option>
                </select>
              </label>
              {kind === 'multiplier' && (
                <label className="field">
                  <span>{t('settings.billing.factorOf', { class: name })}</span>
                  <input inputMode="decimal" key={factorText(rate)} defaultValue={factorText(rate)} onBlur={(e) => saveFactor(c, e.target.value)} aria-invalid={problem[c] ? true : undefined} />
                  {problem[c] && (
                    <span className="field__error" role="alert">
                      {problem[c]}
                    </span>
                  )}
                </label>
              )}
              {kind === 'rate' && (
                <BillingAmountInput
                  label={t('settings.billing.ownRateOf', { class: name })}
                  minor={rate?.kind === 'rate' ? rate.hourlyMinor : undefined}
                  currency={settings.currency}
                  onSave={(minor) => put(c, minor === undefined ? undefined : { kind: 'rate', hourlyMinor: minor })}
                />
              )}
            </fieldset>
          )
        })}
      </div>
      <p className="field__help">{t('settings.billing.classesHelp')}</p>
    </>
  )
}
