// Previous · Today · Next · a date: how the Timesheet steps through periods and the
// Calendar through days and weeks. Each step button says its whole name ("Previous period",
// "Vorige Woche"), given by the caller from the catalogue: words are not glued together,
// since a language's adjective follows the noun's gender (voriger Tag, vorige Woche), and
// what a button shows is what it is called. Today says when the shown span holds today.
import { useT } from '../i18n/i18n-context'
import './step-nav.css'

interface StepNavProps {
  /** The navigation's name: "Periods", "Weeks", "Days". */
  label: string
  /** The backward button's whole name: "Previous period", "Previous week". */
  previousLabel: string
  /** The forward button's whole name: "Next period", "Next week". */
  nextLabel: string
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

export function StepNav({ label, previousLabel, nextLabel, dateLabel, day, todayShown, onStep, onToday, onGoTo }: StepNavProps) {
  const { t } = useT()
  return (
    <nav className="step-nav" aria-label={label}>
      <button type="button" className="button button--secondary button--compact" onClick={() => onStep(-1)}>
        <span aria-hidden="true">‹ </span>
        {previousLabel}
      </button>
      <button type="button" className="button button--secondary button--compact" onClick={onToday} aria-current={todayShown ? 'date' : undefined}>
        {t('stepNav.today')}
      </button>
      <button type="button" className="button button--secondary button--compact" onClick={() => onStep(1)}>
        {nextLabel}
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
