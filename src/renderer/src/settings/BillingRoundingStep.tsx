// The step and the scope of a billing rounding (per entry, or per day and work item): the
// same two fields for the device's rounding and a contract's own.
import type { BillingSettings } from '@shared/billing-api'
import { ROUNDING_STEPS } from '@shared/rounding'
import { useT } from '../i18n/i18n-context'

type Rounding = BillingSettings['rounding']
export type RoundingPatch = Partial<Rounding['rule']> | { scope: Rounding['scope'] }

/** `patch` applied to `rounding`: a new scope, or a change to its rule. */
export function patchedRounding(rounding: Rounding, patch: RoundingPatch): Rounding {
  return 'scope' in patch ? { ...rounding, scope: patch.scope } : { ...rounding, rule: { ...rounding.rule, ...patch } }
}

export function BillingRoundingStep({ rounding, onChange }: { rounding: Rounding; onChange: (patch: RoundingPatch) => void }) {
  const { t } = useT()
  return (
    <>
      <label className="field">
        <span>{t('settings.timers.step')}</span>
        <select value={rounding.rule.minutes} onChange={(e) => onChange({ minutes: ROUNDING_STEPS.find((s) => s === Number(e.target.value)) ?? 1 })}>
          {ROUNDING_STEPS.map((step) => (
            <option key={step} value={step}>
              {t('settings.timers.stepMinutes', { minutes: step })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('settings.billing.scope')}</span>
        <select value={rounding.scope} onChange={(e) => onChange({ scope: e.target.value === 'dayWorkItem' ? 'dayWorkItem' : 'entry' })}>
          <option value="entry">{t('settings.billing.scope.entry')}</option>
          <option value="dayWorkItem">{t('settings.billing.scope.dayWorkItem')}</option>
        </select>
      </label>
    </>
  )
}
