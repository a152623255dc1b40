// Settings → Billing: the currency, what overlapping billable timers bill (each rule in
// one sentence), billing rounding, working hours, the class factors and the hourly rates
// per activity type; public holidays below. Saved as soon as a field is left.
import { useId } from 'react'
import type { BillingSettings as Settings } from '@shared/billing-api'
import { ROUNDING_STEPS, type RoundingMode } from '@shared/rounding'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { BillingHolidays } from './BillingHolidays'
import { BillingRates } from './BillingRates'
import { useBillingSettings } from './use-billing-settings'

const RULES = ['full', 'split', 'primary'] as const
const MODES: readonly [RoundingMode, 'settings.timers.roundNone' | 'settings.timers.roundUp' | 'settings.timers.roundDown' | 'settings.timers.roundNearest'][] = [
  ['none', 'settings.timers.roundNone'],
  ['up', 'settings.timers.roundUp'],
  ['down', 'settings.timers.roundDown'],
  ['nearest', 'settings.timers.roundNearest'],
]
const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
const minuteOf = (text: string) => (/^\d{2}:\d{2}$/.test(text) ? Number(text.slice(0, 2)) * 60 + Number(text.slice(3)) : null)

export function BillingSettings() {
  const client = useClient()
  const id = useId()
  const { t } = useT()
  const { settings, feedback, save, saveHolidays } = useBillingSettings(client)
  const rounding = (patch: Partial<Settings['rounding']['rule']> | { scope: Settings['rounding']['scope'] }) =>
    settings && void save({ rounding: 'scope' in patch ? { ...settings.rounding, scope: patch.scope } : { ...settings.rounding, rule: { ...settings.rounding.rule, ...patch } } })
  const hours = (key: 'workStartMinute' | 'workEndMinute', text: string) => {
    const minute = minuteOf(text)
    if (settings && minute !== null && minute !== settings.calendar[key]) void save({ calendar: { ...settings.calendar, [key]: minute } })
  }
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
          <label className="field field--narrow">
            <span>{t('settings.billing.currency')}</span>
            <input
              key={settings.currency}
              defaultValue={settings.currency}
              maxLength={3}
              onBlur={(e) => {
                const code = e.target.value.trim().toUpperCase()
                if (code !== settings.currency) void save({ currency: code })
              }}
            />
          </label>
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
            <label className="field">
              <span>{t('settings.timers.step')}</span>
              <select value={settings.rounding.rule.minutes} onChange={(e) => rounding({ minutes: ROUNDING_STEPS.find((s) => s === Number(e.target.value)) ?? 1 })}>
                {ROUNDING_STEPS.map((step) => (
                  <option key={step} value={step}>
                    {t('settings.timers.stepMinutes', { minutes: step })}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('settings.billing.scope')}</span>
              <select value={settings.rounding.scope} onChange={(e) => rounding({ scope: e.target.value === 'dayWorkItem' ? 'dayWorkItem' : 'entry' })}>
                <option value="entry">{t('settings.billing.scope.entry')}</option>
                <option value="dayWorkItem">{t('settings.billing.scope.dayWorkItem')}</option>
              </select>
            </label>
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
          <div className="billing-settings__row">
            <label className="field">
              <span>{t('settings.billing.hoursFrom')}</span>
              <input type="time" key={`s${settings.calendar.workStartMinute}`} defaultValue={clock(settings.calendar.workStartMinute)} onBlur={(e) => hours('workStartMinute', e.target.value)} />
            </label>
            <label className="field">
              <span>{t('settings.billing.hoursTo')}</span>
              <input type="time" key={`e${settings.calendar.workEndMinute}`} defaultValue={clock(settings.calendar.workEndMinute)} onBlur={(e) => hours('workEndMinute', e.target.value)} />
            </label>
          </div>
          <BillingRates settings={settings} onSave={save} />
          <BillingHolidays holidays={settings.holidays} onSave={saveHolidays} />
        </>
      )}
    </section>
  )
}
