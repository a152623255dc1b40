// Reminders: a notification when no timer runs during working hours, on the days and
// between the times chosen here.
import { useId, useState } from 'react'
import { weekdayName } from '@shared/i18n/formats'
import type { Settings, SettingsPatch } from '@shared/settings'
import { useT } from '../i18n/i18n-context'
import { SectionHead } from './SectionHead'
import type { SaveFeedback } from './use-settings'
import './settings.css'

/** Monday first, as a working week is read; values are the stored 0 = Sunday … 6 = Saturday. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/

interface ReminderSettingsProps {
  reminders: Settings['reminders']
  feedback: SaveFeedback | null
  onSave: (patch: SettingsPatch) => Promise<boolean>
}

export function ReminderSettings({ reminders, feedback, onSave }: ReminderSettingsProps) {
  const id = useId()
  const { t, locale } = useT()
  // Times are saved when the field is left, not at every digit typed.
  const [from, setFrom] = useState(reminders.from)
  const [to, setTo] = useState(reminders.to)
  const [problem, setProblem] = useState<string | null>(null)
  const [shown, setShown] = useState(reminders)
  if (shown.from !== reminders.from || shown.to !== reminders.to) {
    setShown(reminders)
    setFrom(reminders.from)
    setTo(reminders.to)
    setProblem(null)
  }

  const toggleDay = (day: number, on: boolean) => {
    const days = on ? [...reminders.days, day] : reminders.days.filter((d) => d !== day)
    void onSave({ reminders: { days: [...new Set(days)].sort((a, b) => a - b) } })
  }

  const commitTimes = () => {
    if (from === reminders.from && to === reminders.to) {
      setProblem(null)
      return
    }
    if (!HH_MM.test(from) || !HH_MM.test(to)) {
      setProblem(t('settings.reminders.badTimes'))
      return
    }
    if (to <= from) {
      setProblem(t('settings.reminders.endBeforeStart', { from, to }))
      return
    }
    setProblem(null)
    void onSave({ reminders: { from, to } })
  }

  const problemId = `${id}-times-problem`

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <SectionHead id={`${id}-title`} title={t('settings.reminders.title')} section="reminders" feedback={feedback} />
      <div className="settings-list">
        <div className="setting">
          <label className="check" htmlFor={`${id}-enabled`}>
            <input id={`${id}-enabled`} type="checkbox" checked={reminders.enabled} onChange={(e) => void onSave({ reminders: { enabled: e.target.checked } })} aria-describedby={`${id}-help`} />
            <span>{t('settings.reminders.enabled')}</span>
          </label>
          <p id={`${id}-help`} className="field__help field__help--check">
            {t('settings.reminders.help')}
          </p>
        </div>
        <fieldset className="setting field">
          <legend>{t('settings.reminders.days')}</legend>
          <div className="day-picker">
            {WEEK.map((day) => (
              <label key={day} className="day-picker__day" htmlFor={`${id}-day-${day}`}>
                <input id={`${id}-day-${day}`} type="checkbox" checked={reminders.days.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} aria-label={weekdayName(day, locale)} />
                <span aria-hidden="true">{weekdayName(day, locale, 'short')}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset
          className="setting field"
          onBlur={(e) => {
            // Both times are checked together once the keyboard leaves them, not between the two.
            if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) commitTimes()
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              commitTimes()
            }
          }}
        >
          <legend>{t('settings.reminders.hours')}</legend>
          <div className="form__row form__row--times">
            <label className="field" htmlFor={`${id}-from`}>
              <span>{t('settings.reminders.from')}</span>
              <input
                id={`${id}-from`}
                type="time"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                aria-invalid={problem !== null || undefined}
                aria-describedby={problem ? problemId : undefined}
              />
            </label>
            <label className="field" htmlFor={`${id}-to`}>
              <span>{t('settings.reminders.to')}</span>
              <input
                id={`${id}-to`}
                type="time"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                aria-invalid={problem !== null || undefined}
                aria-describedby={problem ? problemId : undefined}
              />
            </label>
          </div>
          {problem && (
            <p id={problemId} className="field__error field__error--after-inline" role="alert">
              {problem}
            </p>
          )}
        </fieldset>
      </div>
    </section>
  )
}
