// One contract's own billing rules: which overlap rule, and rounding of its own (the mode,
// the step, per entry or per day and work item, and the minimum charge per entry in
// minutes) or the device's; each saved when changed.
import { useId, useState } from 'react'
import type { BillingSettings } from '@shared/billing-api'
import type { RoundingMode } from '@shared/rounding'
import { useT } from '../i18n/i18n-context'
import { BillingRoundingStep, patchedRounding, type RoundingPatch } from './BillingRoundingStep'

type Rules = BillingSettings['contracts'][string]
type Rounding = NonNullable<Rules['rounding']>

const RULES = ['full', 'split', 'primary'] as const
const MODES = [
  ['none', 'settings.timers.roundNone'],
  ['up', 'settings.timers.roundUp'],
  ['down', 'settings.timers.roundDown'],
  ['nearest', 'settings.timers.roundNearest'],
] as const

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
  const minimum = (text: string) => {
    const minutes = Number(text.trim())
    const kept = rounding?.rule.minimumMinutes ?? 0
    if (text.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > 480) return setProblem(t('settings.billing.minimumInvalid', { text: text.trim(), kept }))
    setProblem(null)
    if (minutes !== kept) round({ minimumMinutes: minutes })
  }
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
        <label className="field">
          <span>{t('settings.timers.roundingMode')}</span>
          <select
            value={rounding?.rule.mode ?? ''}
            onChange={(e) => (e.target.value === '' ? onSave({ ...rules, rounding: null }) : round({ mode: e.target.value as RoundingMode }))}
          >
            <option value="">{t('settings.billing.sameAsDevice')}</option>
            {MODES.map(([mode, label]) => (
              <option key={mode} value={mode}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        {rounding && (
          <>
            <BillingRoundingStep rounding={rounding} onChange={round} />
            <label className="field field--narrow">
              <span>{t('settings.billing.minimum')}</span>
              <input
                inputMode="numeric"
                key={rounding.rule.minimumMinutes ?? 0}
                defaultValue={rounding.rule.minimumMinutes ?? 0}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-problem` : undefined}
                onBlur={(e) => minimum(e.target.value)}
              />
            </label>
          </>
        )}
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
