// Settings → Billing: the currency, what overlapping billable timers bill (each rule in
// one sentence), billing rounding, the working week, the class rates, the hourly rates
// per activity type and their overrides per customer and contract, contracts' own rules;
// public holidays below. Saved as soon as a field is left.
import { useId, useState } from 'react'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { BillingClassRates } from './BillingClassRates'
import { BillingContractRules } from './BillingContractRules'
import { BillingCurrency } from './BillingCurrency'
import { BillingHolidays } from './BillingHolidays'
import { BillingOverrideRates } from './BillingOverrideRates'
import { BillingRates } from './BillingRates'
import { BillingRoundingFields, patchedRounding, type RoundingPatch } from './BillingRoundingFields'
import { BillingWorkdays } from './BillingWorkdays'
import { useBillingSettings } from './use-billing-settings'

const RULES = ['full', 'split', 'primary'] as const
export function BillingSettings() {
  const client = useClient()
  const id = useId()
  const { t } = useT()
  const { settings, feedback, save, saveHolidays } = useBillingSettings(client)
  const [problem, setProblem] = useState<string | null>(null)
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
            <BillingRoundingFields rounding={settings.rounding} onChange={rounding} onProblem={setProblem} problemId={`${id}-rounding-problem`} problem={problem !== null} />
          </div>
          {problem && (
            <p id={`${id}-rounding-problem`} className="field__error" role="alert">
              {problem}
            </p>
          )}
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
