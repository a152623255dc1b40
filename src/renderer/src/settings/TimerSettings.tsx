// Timers: running one at a time or side by side, idle detection, the short-run
// question, and billing rounding (which never touches the recorded time).
import { useId } from 'react'
import { ROUNDING_STEPS, roundSeconds, type RoundingMode } from '@shared/rounding'
import type { SettingsPatch, TimerSettings as TimerSettingsValue } from '@shared/settings'
import { spokenDuration } from '../format'
import { SectionHead } from './SectionHead'
import type { SaveFeedback } from './use-settings'

const IDLE_MINUTES = [5, 10, 15, 20, 30, 45, 60]
const SHORT_RUN_SECONDS = [0, 30, 60, 120, 300]
const MINIMUM_MINUTES = [0, 15, 30, 60]
/** 7:20 and 52:40, two runs that every rounding rule treats visibly differently. */
const EXAMPLE_RUNS = [7 * 60 + 20, 52 * 60 + 40]
const ROUNDING_MODES: readonly { mode: RoundingMode; label: string }[] = [
  { mode: 'none', label: 'No rounding' },
  { mode: 'up', label: 'Round up' },
  { mode: 'down', label: 'Round down' },
  { mode: 'nearest', label: 'Round to nearest' },
]
type StoredRule = TimerSettingsValue['rounding']

/** The offered values, plus the stored one if it was set to something else elsewhere. */
function choicesWith(values: readonly number[], current: number | null): number[] {
  return current === null || values.includes(current) ? [...values] : [...values, current].sort((a, b) => a - b)
}

function formatShortRun(seconds: number): string {
  if (seconds === 0) return 'Never'
  return seconds < 60 ? `${seconds} s` : seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}

function formatMinimum(minutes: number): string {
  if (minutes === 0) return 'None'
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`
}

/** "7 min 20 s", "1 h 0 min": seconds shown only when there are some. */
function spokenExactly(seconds: number): string {
  return seconds % 60 === 0 ? spokenDuration(seconds) : `${spokenDuration(seconds)} ${seconds % 60} s`
}

/** What the rule as chosen makes of two typical runs, so its effect is seen before any entry is billed. */
function roundingExample(rule: StoredRule): string {
  if (rule.mode === 'none' && !rule.minimumMinutes) return 'Billed time is exactly the recorded time.'
  const [short, long] = EXAMPLE_RUNS.map((seconds) => `${spokenExactly(seconds)} bills as ${spokenExactly(roundSeconds(seconds, rule))}`)
  return `Example: ${short ?? ''}; ${long ?? ''}.`
}

interface TimerSettingsProps {
  timers: TimerSettingsValue
  feedback: SaveFeedback | null
  onSave: (patch: SettingsPatch) => void
}

export function TimerSettings({ timers, feedback, onSave }: TimerSettingsProps) {
  const id = useId()
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
      <SectionHead id={`${id}-title`} title="Timers" section="timers" feedback={feedback} />
      <div className="settings-list">
        <div className="setting">
          <label className="check" htmlFor={`${id}-exclusive`}>
            <input id={`${id}-exclusive`} type="checkbox" checked={timers.exclusive} onChange={(e) => onSave({ timers: { exclusive: e.target.checked } })} aria-describedby={`${id}-exclusive-help`} />
            <span>Starting a timer pauses the others</span>
          </label>
          <p id={`${id}-exclusive-help`} className="field__help field__help--check">
            Off: several timers can run side by side, one per job in flight.
          </p>
        </div>

        <div className="setting">
          <label className="field field--narrow" htmlFor={`${id}-idle`}>
            <span>Idle detection</span>
            <select
              id={`${id}-idle`}
              value={timers.idleMinutes === null ? 'off' : String(timers.idleMinutes)}
              onChange={(e) => onSave({ timers: { idleMinutes: e.target.value === 'off' ? null : Number(e.target.value) } })}
              aria-describedby={`${id}-idle-help`}
            >
              <option value="off">Off</option>
              {idleChoices.map((minutes) => (
                <option key={minutes} value={minutes}>
                  After {minutes} minutes
                </option>
              ))}
            </select>
          </label>
          <p id={`${id}-idle-help`} className="field__help">
            When you are away this long while a timer runs (idle, asleep or locked), Stint asks what to do with that time.
          </p>
        </div>

        <div className="setting">
          <label className="field field--narrow" htmlFor={`${id}-short`}>
            <span>Ask before keeping runs shorter than</span>
            <select id={`${id}-short`} value={timers.shortEntrySeconds} onChange={(e) => onSave({ timers: { shortEntrySeconds: Number(e.target.value) } })} aria-describedby={`${id}-short-help`}>
              {shortChoices.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {formatShortRun(seconds)}
                </option>
              ))}
            </select>
          </label>
          <p id={`${id}-short-help`} className="field__help">
            Very short runs are often accidental clicks; Stint asks before booking them.
          </p>
        </div>

        <fieldset className="setting field">
          <legend>Rounding of billed time</legend>
          <div className="form__row form__row--three">
            <label className="field" htmlFor={`${id}-mode`}>
              <span>Rounding</span>
              <select
                id={`${id}-mode`}
                value={rounding.mode}
                onChange={(e) => saveRounding({ mode: ROUNDING_MODES.find((m) => m.mode === e.target.value)?.mode ?? 'none' })}
                aria-describedby={`${id}-rounding-help`}
              >
                {ROUNDING_MODES.map((choice) => (
                  <option key={choice.mode} value={choice.mode}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" htmlFor={`${id}-step`}>
              <span>Step</span>
              <select
                id={`${id}-step`}
                value={rounding.minutes}
                disabled={rounding.mode === 'none'}
                onChange={(e) => saveRounding({ minutes: ROUNDING_STEPS.find((step) => step === Number(e.target.value)) ?? 1 })}
                aria-describedby={`${id}-rounding-help`}
              >
                {ROUNDING_STEPS.map((step) => (
                  <option key={step} value={step}>
                    {step} min{step === 6 ? ' (0.1 h)' : ''}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" htmlFor={`${id}-minimum`}>
              <span>Minimum billed</span>
              <select id={`${id}-minimum`} value={rounding.minimumMinutes ?? 0} onChange={(e) => saveRounding({ minimumMinutes: Number(e.target.value) })} aria-describedby={`${id}-rounding-help`}>
                {minimumChoices.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {formatMinimum(minutes)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p id={`${id}-rounding-help`} className="field__help">
            Rounding changes only the billed time. The raw time you recorded is always kept unchanged, so a different rule can be applied later.{' '}
            <span className="field__example">{roundingExample(rounding)}</span>
          </p>
        </fieldset>
      </div>
    </section>
  )
}
