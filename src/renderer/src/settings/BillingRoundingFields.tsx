// The fields of a billing rounding: its mode, step, scope (per entry, or per day and work
// item) and the minimum billed per entry in minutes; the same for the device's rounding and
// a contract's own, which may also follow the device's ("Same as this device": no fields
// but the mode). A minimum that is not whole minutes from 0 to 480 is refused with what was
// kept, said where the caller shows problems (`onProblem`, `problemId`).
import type { BillingSettings } from '@shared/billing-api'
import { ROUNDING_STEPS, type RoundingMode } from '@shared/rounding'
import { useT } from '../i18n/i18n-context'

type Rounding = BillingSettings['rounding']
export type RoundingPatch = Partial<Rounding['rule']> | { scope: Rounding['scope'] }

/** `patch` applied to `rounding`: a new scope, or a change to its rule. */
export function patchedRounding(rounding: Rounding, patch: RoundingPatch): Rounding {
  return 'scope' in patch ? { ...rounding, scope: patch.scope } : { ...rounding, rule: { ...rounding.rule, ...patch } }
}

const MODES: readonly [RoundingMode, 'settings.timers.roundNone' | 'settings.timers.roundUp' | 'settings.timers.roundDown' | 'settings.timers.roundNearest'][] = [
  ['none', 'settings.timers.roundNone'],
  ['up', 'settings.timers.roundUp'],
  ['down', 'settings.timers.roundDown'],
  ['nearest', 'settings.timers.roundNearest'],
]

interface Props {
  /** null: the caller's `onInherit` option is chosen (a contract following the device). */
  rounding: Rounding | null
  onChange: (patch: RoundingPatch) => void
  /** Offers "Same as this device" as a mode, and is called when it is chosen. */
  onInherit?: () => void
  /** A refused minimum (null when the field reads well again), and the id of where it is shown. */
  onProblem: (problem: string | null) => void
  problemId: string
  problem: boolean
}

export function BillingRoundingFields({ rounding, onChange, onInherit, onProblem, problemId, problem }: Props) {
  const { t } = useT()
  const minimum = (text: string) => {
    const minutes = Number(text.trim())
    const kept = rounding?.rule.minimumMinutes ?? 0
    if (text.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > 480) return onProblem(t('settings.billing.minimumInvalid', { text: text.trim(), kept }))
    onProblem(null)
    if (minutes !== kept) onChange({ minimumMinutes: minutes })
  }
  return (
    <>
      <label className="field">
        <span>{t('settings.timers.roundingMode')}</span>
        <select value={rounding?.rule.mode ?? ''} onChange={(e) => (e.target.value === '' ? onInherit?.() : onChange({ mode: MODES.find(([mode]) => mode === e.target.value)?.[0] ?? 'none' }))}>
          {onInherit && <option value="">{t('settings.billing.sameAsDevice')}</option>}
          {MODES.map(([mode, label]) => (
            <option key={mode} value={mode}>
              {t(label)}
            </option>
          ))}
        </select>
      </label>
      {rounding && (
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
          <label className="field field--narrow">
            <span>{t('settings.billing.minimum')}</span>
            {/* Text, not type=number: what was typed is read and, when it is no number of minutes, said back. */}
            <input
              inputMode="numeric"
              key={rounding.rule.minimumMinutes ?? 0}
              defaultValue={rounding.rule.minimumMinutes ?? 0}
              aria-invalid={problem || undefined}
              aria-describedby={problem ? problemId : undefined}
              onBlur={(e) => minimum(e.target.value)}
            />
          </label>
        </>
      )}
    </>
  )
}
