// One day of the calendar: its hour lines, its blocks in lanes, the line at the time
// now (today only), the keyboard's free-slot cursor and the span a drag is making.
// A locked day is drawn hatched and takes no drags.
import type { PointerEvent as ReactPointerEvent } from 'react'
import type { Placed } from './layout'
import type { Block } from './blocks'
import { useT } from '../i18n/i18n-context'
import { CalendarBlock } from './CalendarBlock'
import { clockText } from './blocks'
import type { Drag } from './use-calendar-drag'
import { SNAP_MINUTES, type Selection } from './navigation'

interface DayColumnProps {
  day: string
  dayName: string
  placed: readonly Placed<Block>[]
  zone: string
  /** Minutes after midnight now, when this day is today. */
  nowMinute: number | null
  /** Its period is submitted or approved: nothing can be added or dragged there. */
  locked: boolean
  selection: Selection | null
  drag: Drag | null
  pending: ReadonlyMap<string, { top: number; bottom: number }>
  overlapping: ReadonlyMap<string, string>
  onColumnPointerDown: (event: ReactPointerEvent<HTMLElement>, day: string, locked: boolean) => void
  onBlockPointerDown: (event: ReactPointerEvent<HTMLElement>, placed: Placed<Block>, edge: 'move' | 'resize') => void
  onSelect: (selection: Selection) => void
  onOpen: (block: Block) => void
}

export function DayColumn(props: DayColumnProps) {
  const { day, dayName, placed, zone, nowMinute, locked, selection, drag, pending, overlapping } = props
  const { t } = useT()
  const slot = selection && selection.day === day && selection.key === null ? selection.minute : null
  const making = drag && drag.mode === 'create' && drag.day === day ? drag : null
  const classes = ['cal-day', locked && 'cal-day--locked', nowMinute !== null && 'cal-day--today']
  return (
    <div className={classes.filter(Boolean).join(' ')} data-day={day}>
      {/* The column itself is the surface to drag over; its blocks are its buttons. */}
      <div className="cal-day__slots" onPointerDown={(event) => props.onColumnPointerDown(event, day, locked)}>
        {placed.map((p) => {
          const moving = drag && drag.key === p.item.key ? drag : null
          return (
            <CalendarBlock
              key={p.item.key}
              placed={p}
              zone={zone}
              preview={moving ?? pending.get(p.item.key) ?? null}
              selected={selection?.key === p.item.key}
              overlaps={overlapping.get(p.item.key)}
              onPointerDown={props.onBlockPointerDown}
              onFocus={() => props.onSelect({ day, minute: p.top, key: p.item.key })}
              onOpen={() => props.onOpen(p.item)}
            />
          )
        })}
        {making && (
          <div className="cal-ghost" style={{ top: `${making.top}px`, height: `${making.bottom - making.top}px` }} aria-hidden="true">
            {clockText(making.top)}–{clockText(making.bottom)}
          </div>
        )}
        {slot !== null && (
          <div
            className="cal-slot"
            role="button"
            tabIndex={0}
            data-slot-cursor
            style={{ top: `${slot}px`, height: `${SNAP_MINUTES}px` }}
            aria-label={t(locked ? 'calendar.freeReadOnly' : 'calendar.free', { day: dayName, from: clockText(slot), to: clockText(slot + SNAP_MINUTES) })}
            aria-describedby="cal-keys"
          />
        )}
        {nowMinute !== null && <div className="cal-now" style={{ top: `${nowMinute}px` }} aria-hidden="true" />}
      </div>
    </div>
  )
}
