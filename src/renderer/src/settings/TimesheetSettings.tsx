// Timesheet: the period one timesheet covers, the hours expected on each weekday, and the
// unit durations are shown in. The unit is display only: stored seconds never change.
import { useId, useState, type KeyboardEvent } from 'react'
import { formatDuration, parseDuration, type DurationUnit } from '@shared/duration'
import { isValidDay, periodContaining, weekdayOf, type PeriodRule, type Weekday } from '@shared/periods'
import type { MessageId } from '@shared/i18n/catalogue'
import { weekdayName } from '@shared/i18n/formats'
import type { Translator } from '@shared/i18n/translator'
import type { Settings, SettingsPatch } from '@shared/settings'
import { todayLocal } from '../format'
import { useT } from '../i18n/i18n-context'
import { SectionHead } from './SectionHead'
import type { SaveFeedback } from './use-settings'
import './settings.css'

type TimesheetSettingsValue = Settings['timesheet']
type PeriodKind = PeriodRule['kind']
type UnitChoice = 'hmm' | 'decimal' | 'minutes' | 'quarters' | 'custom'

const PERIODS: readonly PeriodKind[] = ['weekly', 'biweekly', 'semimonthly', 'monthly']

/** Monday first, as a working week is read; values are the stored 0 = Sunday … 6 = Saturday. */
const WEEK: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0]

const UNITS: readonly { choice: UnitChoice; label: MessageId }[] = [
  { choice: 'hmm', label: 'settings.timesheet.unitHmm' },
  { choice: 'decimal', label: 'settings.timesheet.unitDecimal' },
  { choice: 'minutes', label: 'settings.timesheet.unitMinutes' },
  { choice: 'quarters', label: 'settings.timesheet.unitQuarters' },
  { choice: 'custom', label: 'settings.timesheet.unitCustom' },
]
const MAX_LABEL = 20
/** 1 h 30 min, the example every unit option names. */
const EXAMPLE_SECONDS = 5400

const choiceOf = (unit: DurationUnit): UnitChoice => (typeof unit === 'string' ? unit : 'custom')
const customLabelOf = (unit: DurationUnit): string => (typeof unit === 'string' ? '' : unit.custom)

/** The first day of the week holding `day`, for weeks starting on `weekStartsOn`. */
function weekStart(day: string, weekStartsOn: Weekday): string {
  return periodContaining(day, { kind: 'weekly', weekStartsOn }).start
}

/** Why `day` cannot start a two-week period, or null when it can. */
function anchorProblem(day: string, weekStartsOn: Weekday, { t, locale }: Translator): string | null {
  if (!isValidDay(day)) return t('settings.timesheet.anchorNoDate')
  const weekday = weekdayOf(day)
  if (weekday !== weekStartsOn) return t('settings.timesheet.anchorWrongDay', { day, weekday: weekdayName(weekday, locale), first: weekdayName(weekStartsOn, locale) })
  return null
}

/** Expected hours as typed back into the fields: h:mm, which parseDuration reads unambiguously. */
const expectedTexts = (seconds: readonly number[]): string[] => seconds.map((s) => formatDuration(s, 'hmm'))

function labelProblem(label: string, { t }: Translator): string | null {
  const trimmed = label.trim()
  if (trimmed === '') return t('settings.timesheet.labelEmpty')
  if (trimmed.length > MAX_LABEL) return t('settings.timesheet.labelTooLong', { max: MAX_LABEL, length: trimmed.length })
  return null
}

interface TimesheetSettingsProps {
  timesheet: TimesheetSettingsValue
  feedback: SaveFeedback | null
  onSave: (patch: SettingsPatch) => Promise<boolean>
  /** Today, for the default start of a two-week period; a prop so tests can fix it. */
  today?: string
}

export function TimesheetSettings({ timesheet, feedback, onSave, today = todayLocal() }: TimesheetSettingsProps) {
  const id = useId()
  const translator = useT()
  const { t, locale } = translator
  const { periodRule: rule, expectedSeconds, unit } = timesheet
  const weekStartsOn: Weekday = rule.kind === 'weekly' || rule.kind === 'biweekly' ? rule.weekStartsOn : 1

  // Drafts of what is typed, saved when a field is left; they follow the stored settings.
  const [anchor, setAnchor] = useState(rule.kind === 'biweekly' ? rule.anchor : '')
  const [anchorError, setAnchorError] = useState<string | null>(null)
  const [expected, setExpected] = useState(() => expectedTexts(expectedSeconds))
  const [expectedErrors, setExpectedErrors] = useState<(string | null)[]>(() => expectedSeconds.map(() => null))
  const [unitChoice, setUnitChoice] = useState<UnitChoice>(choiceOf(unit))
  const [label, setLabel] = useState(customLabelOf(unit))
  const [labelError, setLabelError] = useState<string | null>(null)
  const [shown, setShown] = useState(timesheet)
  if (shown !== timesheet) {
    setShown(timesheet)
    if (rule.kind === 'biweekly' && JSON.stringify(shown.periodRule) !== JSON.stringify(rule)) {
      setAnchor(rule.anchor)
      setAnchorError(null)
    }
    if (shown.expectedSeconds.join() !== expectedSeconds.join()) {
      setExpected(expectedTexts(expectedSeconds))
      setExpectedErrors(expectedSeconds.map(() => null))
    }
    if (JSON.stringify(shown.unit) !== JSON.stringify(unit)) {
      setUnitChoice(choiceOf(unit))
      setLabel(customLabelOf(unit))
      setLabelError(null)
    }
  }

  const saveRule = (next: PeriodRule) => void onSave({ timesheet: { periodRule: next } })

  const choosePeriod = (kind: PeriodKind) => {
    if (kind === rule.kind) return
    if (kind === 'weekly') saveRule({ kind, weekStartsOn })
    else if (kind === 'biweekly') saveRule({ kind, weekStartsOn, anchor: weekStart(today, weekStartsOn) })
    else saveRule({ kind })
  }

  const chooseWeekStart = (day: Weekday) => {
    if (rule.kind === 'weekly') saveRule({ kind: 'weekly', weekStartsOn: day })
    // The anchor moves to the new first day of its own week, so the pairing of weeks stays put.
    if (rule.kind === 'biweekly') saveRule({ kind: 'biweekly', weekStartsOn: day, anchor: weekStart(rule.anchor, day) })
  }

  const changeAnchor = (value: string) => {
    setAnchor(value)
    if (rule.kind !== 'biweekly') return
    const problem = anchorProblem(value, rule.weekStartsOn, translator)
    setAnchorError(problem)
    if (problem === null && value !== rule.anchor) saveRule({ ...rule, anchor: value })
  }

  const commitExpected = (day: Weekday) => {
    const text = expected[day] ?? ''
    const parsed = parseDuration(text)
    const setError = (error: string | null) => setExpectedErrors((errors) => errors.map((e, i) => (i === day ? error : e)))
    if (!parsed.ok) {
      setError(t('settings.timesheet.expectedProblem', { weekday: weekdayName(day, locale), problem: parsed.error }))
      return
    }
    setError(null)
    setExpected((texts) => texts.map((t, i) => (i === day ? formatDuration(parsed.seconds, 'hmm') : t)))
    if (parsed.seconds !== expectedSeconds[day]) {
      void onSave({ timesheet: { expectedSeconds: expectedSeconds.map((s, i) => (i === day ? parsed.seconds : s)) } })
    }
  }

  const chooseUnit = (choice: UnitChoice) => {
    setUnitChoice(choice)
    setLabelError(null)
    // A custom unit is saved once it has a label; until then the stored unit stays.
    if (choice !== 'custom') void onSave({ timesheet: { unit: choice } })
    else if (label.trim() !== '' && labelProblem(label, translator) === null && customLabelOf(unit) !== label.trim()) void onSave({ timesheet: { unit: { custom: label.trim() } } })
  }

  const commitLabel = () => {
    const problem = labelProblem(label, translator)
    setLabelError(problem)
    if (problem === null && customLabelOf(unit) !== label.trim()) void onSave({ timesheet: { unit: { custom: label.trim() } } })
  }

  const onEnter = (commit: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      commit()
    }
  }

  const expectedProblems = expectedErrors.map((error, day) => ({ error, day })).filter((p): p is { error: string; day: number } => p.error !== null)
  const expectedErrorId = `${id}-expected-error`
  const anchorErrorId = `${id}-anchor-error`
  const labelErrorId = `${id}-label-error`
  const previewUnit: DurationUnit = unitChoice === 'custom' ? { custom: labelProblem(label, translator) === null ? label.trim() : t('settings.timesheet.unitPlaceholder') } : unitChoice

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <SectionHead id={`${id}-title`} title={t('settings.timesheet.title')} section="timesheet" feedback={feedback} />
      <div className="settings-list">
        <div className="setting">
          <div className="form__row ts-settings__period">
            <label className="field" htmlFor={`${id}-period`}>
              <span>{t('settings.timesheet.period')}</span>
              <select id={`${id}-period`} value={rule.kind} onChange={(e) => choosePeriod(PERIODS.find((kind) => kind === e.target.value) ?? 'weekly')} aria-describedby={`${id}-period-help`}>
                {PERIODS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`settings.timesheet.${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            {(rule.kind === 'weekly' || rule.kind === 'biweekly') && (
              <label className="field" htmlFor={`${id}-week-start`}>
                <span>{t('settings.timesheet.weekStart')}</span>
                <select id={`${id}-week-start`} value={weekStartsOn} onChange={(e) => chooseWeekStart(WEEK.find((day) => day === Number(e.target.value)) ?? 1)}>
                  {WEEK.map((day) => (
                    <option key={day} value={day}>
                      {weekdayName(day, locale)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {rule.kind === 'biweekly' && (
            <label className="field ts-settings__anchor" htmlFor={`${id}-anchor`}>
              <span>{t('settings.timesheet.anchor')}</span>
              <input
                id={`${id}-anchor`}
                type="date"
                value={anchor}
                onChange={(e) => changeAnchor(e.target.value)}
                aria-invalid={anchorError !== null || undefined}
                aria-describedby={anchorError ? anchorErrorId : undefined}
              />
            </label>
          )}
          {rule.kind === 'biweekly' && anchorError && (
            <p id={anchorErrorId} className="field__error" role="alert">
              {anchorError}
            </p>
          )}
          <p id={`${id}-period-help`} className="field__help">
            {t('settings.timesheet.periodHelp')}
          </p>
        </div>

        <fieldset className="setting field">
          <legend>{t('settings.timesheet.expected')}</legend>
          <div className="ts-settings__expected">
            {WEEK.map((day) => {
              const error = expectedErrors[day] ?? null
              return (
                <label key={day} className="field ts-settings__day" htmlFor={`${id}-expected-${day}`}>
                  <span aria-hidden="true">{weekdayName(day, locale, 'short')}</span>
                  <span className="visually-hidden">{weekdayName(day, locale)}</span>
                  <input
                    id={`${id}-expected-${day}`}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={expected[day] ?? ''}
                    onChange={(e) => {
                      const value = e.target.value
                      setExpected((texts) => texts.map((t, i) => (i === day ? value : t)))
                    }}
                    onBlur={() => commitExpected(day)}
                    onKeyDown={onEnter(() => commitExpected(day))}
                    aria-invalid={error !== null || undefined}
                    aria-describedby={error ? expectedErrorId : `${id}-expected-help`}
                  />
                </label>
              )
            })}
          </div>
          {expectedProblems.length > 0 && (
            <div id={expectedErrorId} className="field__error" role="alert">
              {expectedProblems.map((p) => (
                <p key={p.day}>{p.error}</p>
              ))}
            </div>
          )}
          <p id={`${id}-expected-help`} className="field__help">
            {t('settings.timesheet.expectedHelp')}
          </p>
        </fieldset>

        <div className="setting">
          <div className="form__row">
            <label className="field" htmlFor={`${id}-unit`}>
              <span>{t('settings.timesheet.unit')}</span>
              <select id={`${id}-unit`} value={unitChoice} onChange={(e) => chooseUnit(UNITS.find((u) => u.choice === e.target.value)?.choice ?? 'hmm')} aria-describedby={`${id}-unit-help`}>
                {UNITS.map((u) => (
                  <option key={u.choice} value={u.choice}>
                    {t(u.label, { example: formatDuration(EXAMPLE_SECONDS, 'decimal', locale) })}
                  </option>
                ))}
              </select>
            </label>
            {unitChoice === 'custom' && (
              <label className="field" htmlFor={`${id}-label`}>
                <span>{t('settings.timesheet.unitLabel')}</span>
                <input
                  id={`${id}-label`}
                  type="text"
                  value={label}
                  maxLength={MAX_LABEL}
                  placeholder={t('settings.timesheet.unitPlaceholder')}
                  onChange={(e) => setLabel(e.target.value)}
                  onBlur={commitLabel}
                  onKeyDown={onEnter(commitLabel)}
                  aria-invalid={labelError !== null || undefined}
                  aria-describedby={labelError ? labelErrorId : `${id}-unit-help`}
                />
              </label>
            )}
          </div>
          {unitChoice === 'custom' && labelError && (
            <p id={labelErrorId} className="field__error" role="alert">
              {labelError}
            </p>
          )}
          <p id={`${id}-unit-help`} className="field__help">
            {t('settings.timesheet.unitHelp')}{' '}
            <span className="field__example">{t(unitChoice === 'custom' ? 'settings.timesheet.unitExampleCustom' : 'settings.timesheet.unitExample', { shown: formatDuration(EXAMPLE_SECONDS, previewUnit, locale) })}</span>
          </p>
        </div>
      </div>
    </section>
  )
}
