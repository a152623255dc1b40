// Previous · Today · Next · a date: how the Timesheet steps through periods and the
// Calendar through days and weeks. The buttons speak their unit ("Previous period"), and
// Today says when the shown span holds today.
import { useT } from '../i18n/i18n-context'
import './step-nav.css'

interface StepNavProps {
  /** The navigation's name: "Periods", "Weeks", "Days". */
  label: string
  /** Said after Previous and Next: "period", "week", "day". */
  unit: string
  /** The date field's name: "Go to date". */
  dateLabel: string
  /** The day the date field shows. */
  day: string
  /** The span on screen holds today. */
  todayShown: boolean
  onStep: (direction: 1 | -1) => void
  onToday: () => void
  onGoTo: (day: string) => void
}

export function StepNav({ label, unit, dateLabel, day, todayShown, onStep, onToday, onGoTo }: StepNavProps) {
  const { t } = useT()
  return (
    <nav className="step-nav" aria-label={label}>
      <button type="button" className="button button--secondary button--compact" onClick={() => onStep(-1)}>
        <span aria-hidden="true">‹ </span>
        {t('stepNav.previous')}
        <span className="visually-hidden"> {unit}</span>
      </button>
      <button type="button" className="button button--secondary button--compact" onClick={onToday} aria-current={todayShown ? 'date' : undefined}>
        {t('stepNav.today')}
      </button>
      <button type="button" className="button button--secondary button--compact" onClick={() => onStep(1)}>
        {t('stepNav.next')}
        <span className="visually-hidden"> {unit}</span>
        <span aria-hidden="true"> ›</span>
      </button>
      <label className="step-nav__date">
        <span className="visually-hidden">{dateLabel}</span>
        <input
          className="input"
          type="date"
          value={day}
          onChange={(e) => {
            // A date field being typed into reports partial values: only whole days move.
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onGoTo(e.target.value)
          }}
        />
      </label>
    </nav>
  )
}
