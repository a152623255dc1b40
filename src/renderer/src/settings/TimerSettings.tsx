// Timers: running one at a time or side by side, idle detection, the short-run
// question, and billing rounding (which never touches the recorded time).
import { useId } from 'react'
import { formatDuration } from '@shared/duration'
import { ROUNDING_STEPS, roundSeconds, type RoundingMode } from '@shared/rounding'
import type { MessageId } from '@shared/i18n/catalogue'
import type { Translator } from '@shared/i18n/translator'
import type { SettingsPatch, TimerSettings as TimerSettingsValue } from '@shared/settings'
import { spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { SectionHead } from './SectionHead'
import type { SaveFeedback } from './use-settings'
import './settings.css'

const IDLE_MINUTES = [5, 10, 15, 20, 30, 45, 60]
const SHORT_RUN_SECONDS = [0, 30, 60, 120, 300]
const MINIMUM_MINUTES = [0, 15, 30, 60]
/** 7:20 and 52:40, two runs that every rounding rule treats visibly differently. */
const EXAMPLE_RUNS = [7 * 60 + 20, 52 * 60 + 40]
const ROUNDING_MODES: readonly { mode: RoundingMode; label: MessageId }[] = [
  { mode: 'none', label: 'settings.timers.roundNone' },
  { mode: 'up', label: 'settings.timers.roundUp' },
  { mode: 'down', label: 'settings.timers.roundDown' },
  { mode: 'nearest', label: 'settings.timers.roundNearest' },
]
type StoredRule = TimerSettingsValue['rounding']

/** The offered values, plus the stored one if it was set to something else elsewhere. */
function choicesWith(values: readonly number[], current: number | null): number[] {
  return current === null || values.includes(current) ? [...values] : [...values, current].sort((a, b) => a - b)
}

function formatShortRun(seconds: number, { t }: Translator): string {
  if (seconds === 0) return t('settings.timers.never')
  if (seconds < 60) return t('duration.seconds', { seconds })
  return seconds % 60 === 0 ? t('duration.minutes', { minutes: seconds / 60 }) : t('duration.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })
}

function formatMinimum(minutes: number, { t }: Translator): string {
  if (minutes === 0) return t('settings.timers.none')
  return minutes % 60 === 0 ? t('duration.hours', { hours: minutes / 60 }) : t('duration.minutes', { minutes })
}

/** "7 min 20 s", "1 h 0 min": seconds shown only when there are some. */
function spokenExactly(seconds: number, translator: Translator): string {
  const spoken = spokenDurationIn(translator, seconds)
  return seconds % 60 === 0 ? spoken : `${spoken} ${translator.t('duration.seconds', { seconds: seconds % 60 })}`
}

/** What the rule as chosen makes of two typical runs, so its effect is seen before any entry is billed. */
function roundingExample(rule: StoredRule, translator: Translator): string {
  const { t } = translator
  if (rule.mode === 'none' && !rule.minimumMinutes) return t('settings.timers.exact')
  const [short, long] = EXAMPLE_RUNS.map((seconds) => t('settings.timers.billsAs', { run: spokenExactly(seconds, translator), billed: spokenExactly(roundSeconds(seconds, rule), translator) }))
  return t('settings.timers.example', { short: short ?? '', long: long ?? '' })
}

interface TimerSettingsProps {
  timers: TimerSettingsValue
  feedback: SaveFeedback | null
  onSave: (patch: SettingsPatch) => void
}

export function TimerSettings({ timers, feedback, onSave }: TimerSettingsProps) {
  const id = useId()
  const translator = useT()
  const { t } = translator
  const { rounding } = timers
  const idleChoices = choicesWith(IDLE_MINUTES, timers.idleMinutes)
  const shortChoices = choicesWith(SHORT_RUN_SECONDS, timers.shortEntrySeconds)
  const minimumChoices = choicesWith(MINIMUM_MINUTES, rounding.minimumMinutes ?? 0)

  const saveRounding = (change: Partial<StoredRule>) => {
    const next = { ...rounding, ...change }
    // "None" is stored as no minimum at all, the schema's default.
    const rule: StoredRule = next.minimumMinutes ? next : { mode: next.mode, minutes: next.minutes }
    onSave({ timers: { rounding: rule } })
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <SectionHead id={`${id}-title`} title={t('settings.timers.title')} section="timers" feedback={feedback} />
      <div className="settings-list">
        <div className="setting">
          <label className="check" htmlFor={`${id}-exclusive`}>
            <input id={`${id}-exclusive`} type="checkbox" checked={timers.exclusive} onChange={(e) => onSave({ timers: { exclusive: e.target.checked } })} aria-describedby={`${id}-exclusive-help`} />
            <span>{t('settings.timers.exclusive')}</span>
          </label>
          <p id={`${id}-exclusive-help`} className="field__help field__help--check">
            {t('settings.timers.exclusiveHelp')}
          </p>
        </div>

        <div className="setting">
          <label className="field field--narrow" htmlFor={`${id}-idle`}>
            <span>{t('settings.timers.idle')}</span>
            <select
              id={`${id}-idle`}
              value={timers.idleMinutes === null ? 'off' : String(timers.idleMinutes)}
              onChange={(e) => onSave({ timers: { idleMinutes: e.target.value === 'off' ? null : Number(e.target.value) } })}
              aria-describedby={`${id}-idle-help`}
            >
              <option value="off">{t('settings.timers.idleOff')}</option>
              {idleChoices.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t('settings.timers.idleAfter', { minutes })}
                </option>
              ))}
            </select>
          </label>
          <p id={`${id}-idle-help`} className="field__help">
            {t('settings.timers.idleHelp')}
          </p>
        </div>

        <div className="setting">
          <label className="field field--narrow" htmlFor={`${id}-short`}>
            <span>{t('settings.timers.short')}</span>
            <select id={`${id}-short`} value={timers.shortEntrySeconds} onChange={(e) => onSave({ timers: { shortEntrySeconds: Number(e.target.value) } })} aria-describedby={`${id}-short-help`}>
              {shortChoices.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {formatShortRun(seconds, translator)}
                </option>
              ))}
            </select>
          </label>
          <p id={`${id}-short-help`} className="field__help">
            {t('settings.timers.shortHelp')}
          </p>
        </div>

        <fieldset className="setting field">
          <legend>{t('settings.timers.rounding')}</legend>
          <div className="form__row form__row--three">
            <label className="field" htmlFor={`${id}-mode`}>
              <span>{t('settings.timers.roundingMode')}</span>
              <select
                id={`${id}-mode`}
                value={rounding.mode}
                onChange={(e) => saveRounding({ mode: ROUNDING_MODES.find((m) => m.mode === e.target.value)?.mode ?? 'none' })}
                aria-describedby={`${id}-rounding-help`}
              >
                {ROUNDING_MODES.map((choice) => (
                  <option key={choice.mode} value={choice.mode}>
                    {t(choice.label)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" htmlFor={`${id}-step`}>
              <span>{t('settings.timers.step')}</span>
              <select
                id={`${id}-step`}
                value={rounding.minutes}
                disabled={rounding.mode === 'none'}
                onChange={(e) => saveRounding({ minutes: ROUNDING_STEPS.find((step) => step === Number(e.target.value)) ?? 1 })}
                aria-describedby={`${id}-rounding-help`}
              >
                {ROUNDING_STEPS.map((step) => (
                  <option key={step} value={step}>
                    {step === 6 ? t('settings.timers.stepTenth', { minutes: step, tenth: formatDuration(360, { custom: '' }, translator.locale) }) : t('settings.timers.stepMinutes', { minutes: step })}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" htmlFor={`${id}-minimum`}>
              <span>{t('settings.timers.minimum')}</span>
              <select id={`${id}-minimum`} value={rounding.minimumMinutes ?? 0} onChange={(e) => saveRounding({ minimumMinutes: Number(e.target.value) })} aria-describedby={`${id}-rounding-help`}>
                {minimumChoices.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {formatMinimum(minutes, translator)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p id={`${id}-rounding-help`} className="field__help">
            {t('settings.timers.roundingHelp')} <span className="field__example">{roundingExample(rounding, translator)}</span>
          </p>
        </fieldset>
      </div>
    </section>
  )
}
