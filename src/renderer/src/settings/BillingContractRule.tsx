// One contract's own billing rules: which overlap rule, and rounding of its own (the mode,
// the step, per entry or per day and work item, and the minimum charge per entry in
// minutes) or the device's; each saved when changed.
import { useId, useState } from 'react'
import type { BillingSettings } from '@shared/billing-api'
import { useT } from '../i18n/i18n-context'
import { BillingRoundingFields, patchedRounding, type RoundingPatch } from './BillingRoundingFields'

type Rules = BillingSettings['contracts'][string]
type Rounding = NonNullable<Rules['rounding']>

const RULES = ['full', 'split', 'primary'] as const

interface Props {
  name: string
  rules: Rules
  /** The device's rounding: where a contract's own starts from. */
  deviceRounding: Rounding
  onSave: (rules: Rules) => void
  onRemove: () => void
}

export function BillingContractRule({ name, rules, deviceRounding, onSave, onRemove }: Props) {
  const { t } = useT()
  const id = useId()
  const [problem, setProblem] = useState<string | null>(null)
  const rounding = rules.rounding
  const round = (patch: RoundingPatch) => onSave({ ...rules, rounding: patchedRounding(rounding ?? deviceRounding, patch) })
  return (
    <fieldset className="field billing-settings__contract">
      <legend>{name}</legend>
      <div className="billing-settings__row">
        <label className="field">
          <span>{t('settings.billing.overlap')}</span>
          <select value={rules.overlapRule ?? ''} onChange={(e) => onSave({ ...rules, overlapRule: RULES.find((r) => r === e.target.value) ?? null })}>
            <option value="">{t('settings.billing.sameAsDevice')}</option>
            {RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`settings.billing.overlap.${rule}`)}
              </option>
            ))}
          </select>
        </label>
        <BillingRoundingFields
          rounding={rounding}
          onChange={round}
          onInherit={() => onSave({ ...rules, rounding: null })}
          onProblem={setProblem}
          problemId={`${id}-problem`}
          problem={problem !== null}
        />
        <button type="button" className="button button--ghost button--compact" onClick={onRemove}>
          {t('settings.billing.removeContractRules', { name })}
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  )
}
