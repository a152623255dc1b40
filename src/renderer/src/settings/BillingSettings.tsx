// Settings → Billing: the currency, what overlapping billable timers bill (each rule in
// one sentence), billing rounding, the working week, the class rates, the hourly rates
// per activity type and their overrides per customer and contract, contracts' own rules;
// public holidays below. Saved as soon as a field is left.
import { useId } from 'react'
import type { RoundingMode } from '@shared/rounding'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { BillingClassRates } from './BillingClassRates'
import { BillingContractRules } from './BillingContractRules'
import { BillingCurrency } from './BillingCurrency'
import { BillingHolidays } from './BillingHolidays'
import { BillingOverrideRates } from './BillingOverrideRates'
import { BillingRates } from './BillingRates'
import { BillingRoundingStep, patchedRounding, type RoundingPatch } from './BillingRoundingStep'
import { BillingWorkdays } from './BillingWorkdays'
import { useBillingSettings } from './use-billing-settings'

const RULES = ['full', 'split', 'primary'] as const
const MODES: readonly [RoundingMode, 'settings.timers.roundNone' | 'settings.timers.roundUp' | 'settings.timers.roundDown' | 'settings.timers.roundNearest'][] = [
  ['none', 'settings.timers.roundNone'],
  ['up', 'settings.timers.roundUp'],
  ['down', 'settings.timers.roundDown'],
  ['nearest', 'settings.timers.roundNearest'],
]

export function BillingSettings() {
  const client = useClient()
  const id = useId()
  const { t } = useT()
  const { settings, feedback, save, saveHolidays } = useBillingSettings(client)
  const rounding = (patch: RoundingPatch) => settings && void save({ rounding: patchedRounding(settings.rounding, patch) })
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('settings.billing.title')}
        </h2>
        <p className="panel__status" role="status">
          {feedback?.state === 'saving' && t('settings.saving')}
          {feedback?.state === 'saved' && t('settings.saved')}
        </p>
      </div>
      {feedback?.state === 'failed' && (
        <div className="banner banner--error" role="alert">
          <span>{t('settings.notSaved', { reason: feedback.message })}</span>
        </div>
      )}
      <p className="muted">{t('settings.billing.intro')}</p>
      {settings && (
        <>
          <BillingCurrency settings={settings} onSave={save} />
          <fieldset className="field">
            <legend>{t('settings.billing.overlap')}</legend>
            {RULES.map((rule) => (
              <label key={rule} className="field__help--check">
                <input type="radio" name={`${id}-overlap`} checked={settings.overlapRule === rule} onChange={() => void save({ overlapRule: rule })} />
                <strong> {t(`settings.billing.overlap.${rule}`)}</strong> — {t(`settings.billing.overlap.${rule}Help`)}
              </label>
            ))}
          </fieldset>
          <div className="billing-settings__row">
            <label className="field">
              <span>{t('settings.timers.roundingMode')}</span>
              <select value={settings.rounding.rule.mode} onChange={(e) => rounding({ mode: e.target.value as RoundingMode })}>
                {MODES.map(([mode, label]) => (
                  <option key={mode} value={mode}>
                    {t(label)}
                  </option>
                ))}
              </select>
            </label>
            <BillingRoundingStep rounding={settings.rounding} onChange={rounding} />
            <label className="field field--narrow">
              <span>{t('settings.billing.minimum')}</span>
              <input
                type="number"
                min={0}
                max={480}
                key={settings.rounding.rule.minimumMinutes ?? 0}
                defaultValue={settings.rounding.rule.minimumMinutes ?? 0}
                onBlur={(e) => Number.isInteger(Number(e.target.value)) && rounding({ minimumMinutes: Number(e.target.value) })}
              />
            </label>
          </div>
          <BillingWorkdays calendar={settings.calendar} onSave={save} />
          <BillingClassRates settings={settings} onSave={save} />
          <BillingRates settings={settings} onSave={save} />
          <BillingOverrideRates settings={settings} onSave={save} />
          <BillingContractRules settings={settings} onSave={save} />
          <BillingHolidays holidays={settings.holidays} onSave={saveHolidays} />
        </>
      )}
    </section>
  )
}
