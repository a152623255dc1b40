// The calendar's time grid: hours down the side, the shown days across, each day's
// untimed entries in a strip on top. One selection (a block or a free slot) holds the
// only tab stop; arrow keys move it, Enter opens, N makes an entry, Alt+Up/Down moves a
// block by the snap step and Shift+Alt+Up/Down resizes it.
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import type { CalendarDay, CalendarEntry } from '@shared/calendar'
import { formatDay } from '../format'
import { useT } from '../i18n/i18n-context'
import { hourLabel } from './calendar-dates'
import { layoutDay, wallMinutes } from './layout'
import { type Block } from './blocks'
import { DayColumn } from './DayColumn'
import { DayHead } from './DayHead'
import { moveSelection, SNAP_MINUTES, stopAt, stopsOfDay, type Direction, type Selection } from './navigation'
import { useCalendarDrag } from './use-calendar-drag'

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }
const HOURS = Array.from({ length: 24 }, (_, h) => h)

export interface BoardActions {
  onCreate: (day: string, top: number, bottom: number) => void
  onRetime: (block: Block, top: number, bottom: number) => void
  onOpen: (block: Block) => void
  onOpenEntry: (entry: CalendarEntry) => void
}

interface CalendarBoardProps extends BoardActions {
  days: readonly CalendarDay[]
  blocks: readonly Block[]
  untimed: ReadonlyMap<string, CalendarEntry[]>
  zone: string
  today: string
  now: number
  pending: ReadonlyMap<string, { top: number; bottom: number }>
  /** What each overlapping block shares, in words (see @shared/overlaps). */
  overlapping: ReadonlyMap<string, string>
}

export function CalendarBoard(props: CalendarBoardProps) {
  const { days, blocks, zone, today, now, pending } = props
  const { t, locale } = useT()
  const body = useRef<HTMLDivElement>(null)
  const [selection, setSelection] = useState<Selection | null>(null)
  const placedByDay = useMemo(() => new Map(days.map((d) => [d.day, layoutDay(blocks, d.day, zone, 20)])), [days, blocks, zone])
  const stopsByDay = useMemo(() => new Map([...placedByDay].map(([day, placed]) => [day, stopsOfDay(placed)])), [placedByDay])
  const dayList = useMemo(() => days.map((d) => d.day), [days])
  const stopsOf = (day: string) => stopsByDay.get(day) ?? []
  const placedOf = (key: string | null) => [...placedByDay.values()].flat().find((p) => p.item.key === key)

  // Someone always has the tab stop: the slot at nine (or now) on today, else on the first day.
  const firstDay = dayList.includes(today) ? today : (dayList[0] ?? today)
  const startMinute = firstDay === today ? Math.floor(wallMinutes(now, zone) / SNAP_MINUTES) * SNAP_MINUTES : 9 * 60
  const shown = selection && dayList.includes(selection.day) ? selection : { ...(stopAt(stopsOf(firstDay), startMinute) ?? { minute: startMinute, key: null }), day: firstDay }

  const { drag, onColumnPointerDown, onBlockPointerDown } = useCalendarDrag({
    onCreate: props.onCreate,
    onRetime: props.onRetime,
    onClick: (placed, day, minute) => {
      setSelection(placed ? { day, minute: placed.top, key: placed.item.key } : { day, minute, key: null })
      if (placed) props.onOpen(placed.item)
    },
  })

  // Start the day in view at seven, or at the first block before that.
  useEffect(() => {
    const earliest = Math.min(7 * 60, ...blocks.map((b) => wallMinutes(b.startedAt, zone)))
    body.current?.scrollTo({ top: Math.max(0, earliest - 30) })
    // Only when the days change, not on every reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dayList.join()])

  // The selection moved by a key: the focus follows it.
  const moved = useRef(false)
  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    const target = shown.key === null ? body.current?.querySelector<HTMLElement>('[data-slot-cursor]') : body.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(shown.key)}"]`)
    target?.focus()
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const direction = ARROWS[event.key]
    const placed = placedOf(shown.key)
    if (direction && event.altKey) {
      event.preventDefault()
      if (!placed || (direction !== 'up' && direction !== 'down')) return
      const step = direction === 'up' ? -SNAP_MINUTES : SNAP_MINUTES
      // From where it was last put: a second press before the host answered goes on from the first.
      const { top, bottom } = pending.get(placed.item.key) ?? placed
      if (event.shiftKey) props.onRetime(placed.item, top, Math.max(top + SNAP_MINUTES, bottom + step))
      else if (top + step >= 0 && bottom + step <= 24 * 60) props.onRetime(placed.item, top + step, bottom + step)
      return
    }
    if (direction) {
      event.preventDefault()
      moved.current = true
      // A selected block is looked across from where it is now (moved, or still on its way).
      const here = placed ? { ...shown, minute: pending.get(placed.item.key)?.top ?? placed.top } : shown
      setSelection(moveSelection(here, direction, dayList, stopsOf))
      return
    }
    if (event.key === 'Enter' || event.key === 'n' || event.key === 'N') {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      event.preventDefault()
      if (placed && event.key === 'Enter') props.onOpen(placed.item)
      else if (!placed) props.onCreate(shown.day, shown.minute, shown.minute + SNAP_MINUTES)
    }
  }

  const columns = `var(--cal-gutter) repeat(${days.length}, minmax(0, 1fr))`
  return (
    <div className="cal" style={{ '--cal-columns': columns } as CSSProperties}>
      <div className="cal__head" role="presentation">
        <div className="cal__corner">
          <span className="cal__strip-label">{t('calendar.noTimes')}</span>
        </div>
        {days.map((d) => (
          <DayHead key={d.day} day={d} today={d.day === today} entries={props.untimed.get(d.day) ?? []} timed={placedByDay.get(d.day) ?? []} onOpenEntry={props.onOpenEntry} />
        ))}
      </div>
      <div ref={body} className="cal__body" role="group" aria-label={days.length === 1 ? t('calendar.boardDay', { day: formatDay(firstDay, locale) }) : t('calendar.boardRange', { first: formatDay(dayList[0] ?? '', locale), last: formatDay(dayList[dayList.length - 1] ?? '', locale) })} onKeyDown={onKeyDown}>
        <div className="cal__grid">
        <div className="cal__hours" aria-hidden="true">
          {HOURS.map((h) => (
            <span key={h} className="cal__hour" style={{ top: `${h * 60}px` }}>
              {h === 0 ? '' : hourLabel(h, locale)}
            </span>
          ))}
        </div>
        {days.map((d) => (
          <DayColumn
            key={d.day}
            day={d.day}
            dayName={formatDay(d.day, locale)}
            placed={placedByDay.get(d.day) ?? []}
            zone={zone}
            nowMinute={d.day === today ? wallMinutes(now, zone) : null}
            locked={d.lock !== null}
            selection={shown}
            drag={drag}
            pending={pending}
            overlapping={props.overlapping}
            onColumnPointerDown={onColumnPointerDown}
            onBlockPointerDown={onBlockPointerDown}
            onSelect={setSelection}
            onOpen={props.onOpen}
          />
        ))}
        </div>
      </div>
      <p id="cal-keys" className="visually-hidden">
        {t('calendar.keys', { minutes: SNAP_MINUTES })}
      </p>
    </div>
  )
}
