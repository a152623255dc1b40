// A day's head in the calendar: weekday and date, the day's booked total (and how much of
// its billable time overlapped another billable timer's), whether it is
// locked, and its entries that have a duration but no times (typed in the grid), so
// nothing booked is hidden from the calendar.
import type { CSSProperties } from 'react'
import type { CalendarDay, CalendarEntry } from '@shared/calendar'
import { weekdayName } from '@shared/i18n/formats'
import { weekdayOf } from '@shared/periods'
import { formatShownDuration, spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { lockSentence } from '../i18n/lock-sentence'
import { longDay } from './calendar-dates'
import type { Placed } from './layout'
import { spokenMinutes, workItemName, type Block } from './blocks'

interface DayHeadProps {
  day: CalendarDay
  today: boolean
  entries: readonly CalendarEntry[]
  timed: readonly Placed<Block>[]
  onOpenEntry: (entry: CalendarEntry) => void
}

export function DayHead({ day, today, entries, timed, onOpenEntry }: DayHeadProps) {
  const translator = useT()
  const { t, locale } = translator
  // Booked time of the day, each entry once (a timer entry may have several runs).
  const booked = new Map<string, number>()
  for (const p of timed) if (p.item.entry) booked.set(p.item.entry.id, p.item.entry.roundedSeconds)
  for (const e of entries) booked.set(e.id, e.roundedSeconds)
  const total = [...booked.values()].reduce((sum, s) => sum + s, 0)
  // Overlapped time of the day's own entries, each once (a run over midnight is its entry's day's).
  const overlappedOf = new Map<string, number>()
  for (const p of timed) if (p.item.entry && p.item.entry.day === day.day) overlappedOf.set(p.item.entry.id, p.item.entry.overlappedSeconds ?? 0)
  const overlapped = [...overlappedOf.values()].reduce((sum, s) => sum + s, 0)
  const lock = lockSentence(day.lock, translator)
  return (
    <div className={`cal-head${today ? ' cal-head--today' : ''}${lock ? ' cal-head--locked' : ''}`}>
      <div className="cal-head__date">
        <span className="cal-head__weekday">{weekdayName(weekdayOf(day.day), locale, 'short')}</span>
        <span className="cal-head__number" aria-current={today ? 'date' : undefined}>
          {Number(day.day.slice(8))}
        </span>
        {total > 0 && (
          <span className="cal-head__total" title={t('calendar.booked', { duration: spokenDurationIn(translator, total) })}>
            {formatShownDuration(total)}
          </span>
        )}
      </div>
      {overlapped > 0 && (
        <p className="cal-head__overlap" title={t('calendar.dayOverlappedTitle', { duration: spokenMinutes(overlapped / 60, translator) })}>
          {t('calendar.dayOverlapped', { duration: formatShownDuration(overlapped) })}
        </p>
      )}
      {lock && (
        <p className="cal-head__lock" title={lock}>
          {t('calendar.readOnly')}
        </p>
      )}
      <ul className="cal-head__untimed" aria-label={t('calendar.untimed', { day: longDay(day.day, translator) })}>
        {entries.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="cal-chip"
              style={e.timer ? { '--block': e.timer.color } as CSSProperties : undefined}
              aria-label={t(lock ? 'calendar.chipReadOnly' : 'calendar.chip', { item: workItemName(e.workItem, translator), duration: spokenDurationIn(translator, e.roundedSeconds) })}
              onClick={() => onOpenEntry(e)}
            >
              <span className="cal-chip__name">{e.workItem?.reference ?? workItemName(e.workItem, translator)}</span>
              <span className="cal-chip__time">{formatShownDuration(e.roundedSeconds)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
