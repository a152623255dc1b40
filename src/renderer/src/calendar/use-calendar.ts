// The Calendar view's state: a day or a week (starting on the period rule's weekday, or
// the language's first day when the rule has no weeks: weekStartFor),
// its days read from the host, read again on every change of entries, timers or work
// items (so an edit in the grid shows here at once), and the time now, which ticks only
// while a timer runs or today is shown and the window is visible.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import { localDay } from '@shared/days'
import { weekStartFor } from '@shared/i18n/formats'
import { addDays, weekdayOf } from '@shared/periods'
import { todayLocal } from '../format'
import { useT } from '../i18n/i18n-context'
import { useTimesheetSettings } from '../timesheet/use-timesheet-settings'
import { useNow } from '../timers/use-now'
import { useHostQuery } from '../ui/use-host-query'

export type CalendarScope = 'day' | 'week'

export function daysShown(anchor: string, scope: CalendarScope, weekStartsOn: number): string[] {
  if (scope === 'day') return [anchor]
  const start = addDays(anchor, -((weekdayOf(anchor) - weekStartsOn + 7) % 7))
  return Array.from({ length: 7 }, (_, i) => addDays(start, i))
}

export function useCalendar(client: StintClient, initialDay: string | null) {
  const { timesheet } = useTimesheetSettings(client)
  const { locale } = useT()
  const [scope, setScope] = useState<CalendarScope>('week')
  const [anchor, setAnchor] = useState(() => initialDay ?? todayLocal())
  const days = useMemo(() => daysShown(anchor, scope, weekStartFor(timesheet.periodRule, locale)), [anchor, scope, timesheet.periodRule, locale])
  const from = days[0] ?? anchor
  const to = days[days.length - 1] ?? anchor
  const fetch = useCallback(() => client.calendar.range({ from, to }), [client, from, to])
  const query = useHostQuery(fetch)
  const { reload } = query

  useEffect(() => {
    const off = [client.events['entries.changed'](reload), client.events['timers.changed'](reload), client.events['work.changed'](reload)]
    return () => off.forEach((unsubscribe) => unsubscribe())
  }, [client, reload])

  const range = query.value
  const zone = range?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const running = range?.segments.some((s) => s.endedAt === null) ?? false
  // A block grows a pixel about a minute: a tick every 15 s is smooth enough and cheap.
  const now = useNow(running || days.includes(todayLocal()), 15_000)

  return {
    scope,
    setScope,
    anchor,
    goTo: setAnchor,
    step: (direction: 1 | -1) => setAnchor(addDays(anchor, direction * (scope === 'day' ? 1 : 7))),
    days,
    range,
    error: query.error,
    reload,
    zone,
    now,
    today: localDay(now, zone),
  }
}
