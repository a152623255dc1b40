// The calendar's toolbar: a day or a week, and which one (previous, today, next, a date).
import '../ui/segmented.css'
import { useT } from '../i18n/i18n-context'
import { StepNav } from '../ui/StepNav'
import { spanLabel } from './calendar-dates'
import type { CalendarScope, useCalendar } from './use-calendar'

const SCOPES: readonly CalendarScope[] = ['day', 'week']

export function CalendarToolbar({ cal }: { cal: ReturnType<typeof useCalendar> }) {
  const translator = useT()
  const { t } = translator
  const byDay = cal.scope === 'day'
  return (
    <div className="cal-bar">
      <h2 className="cal-bar__label">{spanLabel(cal.days, translator)}</h2>
      <div className="segmented segmented--small" role="group" aria-label={t('calendar.show')}>
        {SCOPES.map((s) => (
          <button key={s} type="button" className="segmented__button" aria-pressed={cal.scope === s} onClick={() => cal.setScope(s)}>
            {s === 'day' ? t('calendar.day') : t('calendar.week')}
          </button>
        ))}
      </div>
      <StepNav
        label={byDay ? t('calendar.days') : t('calendar.weeks')}
        previousLabel={byDay ? t('calendar.previousDay') : t('calendar.previousWeek')}
        nextLabel={byDay ? t('calendar.nextDay') : t('calendar.nextWeek')}
        dateLabel={t('calendar.goTo')}
        day={cal.anchor}
        todayShown={cal.days.includes(cal.today)}
        onStep={cal.step}
        onToday={() => cal.goTo(cal.today)}
        onGoTo={cal.goTo}
      />
    </div>
  )
}
