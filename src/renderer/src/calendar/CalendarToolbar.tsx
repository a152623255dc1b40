// The calendar's toolbar: a day or a week, and which one (previous, today, next, a date).
import { format } from 'date-fns'
import { todayLocal } from '../format'
import '../ui/segmented.css'
import { StepNav } from '../ui/StepNav'
import type { CalendarScope, useCalendar } from './use-calendar'

const SCOPES: { id: CalendarScope; label: string }[] = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
]

/** "Mon 16 – Sun 22 Nov 2026", or "Wednesday 18 November 2026". */
function spanLabel(days: readonly string[]): string {
  const first = new Date(`${days[0] ?? todayLocal()}T12:00:00`)
  const last = new Date(`${days[days.length - 1] ?? todayLocal()}T12:00:00`)
  if (days.length === 1) return format(first, 'EEEE d MMMM yyyy')
  const sameMonth = first.getMonth() === last.getMonth()
  return `${format(first, sameMonth ? 'EEE d' : 'EEE d MMM')} – ${format(last, 'EEE d MMM yyyy')}`
}

export function CalendarToolbar({ cal }: { cal: ReturnType<typeof useCalendar> }) {
  const unit = cal.scope === 'day' ? 'day' : 'week'
  return (
    <div className="cal-bar">
      <h2 className="cal-bar__label">{spanLabel(cal.days)}</h2>
      <div className="segmented segmented--small" role="group" aria-label="Show">
        {SCOPES.map((s) => (
          <button key={s.id} type="button" className="segmented__button" aria-pressed={cal.scope === s.id} onClick={() => cal.setScope(s.id)}>
            {s.label}
          </button>
        ))}
      </div>
      <StepNav
        label={unit === 'day' ? 'Days' : 'Weeks'}
        unit={unit}
        dateLabel="Go to date"
        day={cal.anchor}
        todayShown={cal.days.includes(cal.today)}
        onStep={cal.step}
        onToday={() => cal.goTo(cal.today)}
        onGoTo={cal.goTo}
      />
    </div>
  )
}
