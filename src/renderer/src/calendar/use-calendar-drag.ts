// Pointer drags on the calendar: over free time to make an entry, on a block to move
// it, on its bottom edge to resize it. Positions snap to SNAP_MINUTES; a press that
// never moves is a click. What a drag ends in is handed to the view, which asks the
// host; until the host answers, the block stays where it was dropped.
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { DAY_MINUTES, type Placed } from './layout'
import type { Block } from './blocks'
import { SNAP_MINUTES } from './navigation'

export interface Drag {
  mode: 'create' | 'move' | 'resize'
  day: string
  key: string | null
  top: number
  bottom: number
}

interface DragHandlers {
  onCreate: (day: string, top: number, bottom: number) => void
  onRetime: (block: Block, top: number, bottom: number) => void
  onClick: (placed: Placed<Block> | null, day: string, minute: number) => void
}

const snap = (minutes: number) => Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES
const clamp = (minutes: number) => Math.min(DAY_MINUTES, Math.max(0, minutes))

/** Minutes after midnight under the pointer (the calendar draws one pixel a minute). */
function minuteAt(event: { clientY: number }, column: Element): number {
  return clamp(event.clientY - column.getBoundingClientRect().top)
}

export function useCalendarDrag(handlers: DragHandlers) {
  const [drag, setDrag] = useState<Drag | null>(null)
  const latest = useRef<Drag | null>(null)
  const update = (next: Drag | null) => {
    latest.current = next
    setDrag(next)
  }

  /** Follows the pointer until it is let go; `place` turns the pointer's minute into the drag's span. */
  const follow = (event: ReactPointerEvent<HTMLElement>, column: Element, start: Drag, place: (minute: number) => { top: number; bottom: number }, end: (moved: boolean, last: Drag) => void) => {
    event.preventDefault()
    const target = event.currentTarget
    target.setPointerCapture(event.pointerId)
    const originY = event.clientY
    let moved = false
    update(start)
    const onMove = (e: PointerEvent) => {
      if (Math.abs(e.clientY - originY) >= 4) moved = true
      if (moved) update({ ...start, ...place(minuteAt(e, column)) })
    }
    const onUp = () => {
      target.removeEventListener('pointermove', onMove)
      target.removeEventListener('pointerup', onUp)
      target.removeEventListener('pointercancel', onUp)
      const last = latest.current ?? start
      update(null)
      end(moved, last)
    }
    target.addEventListener('pointermove', onMove)
    target.addEventListener('pointerup', onUp)
    target.addEventListener('pointercancel', onUp)
  }

  /** A press on free time in a day's column. */
  const onColumnPointerDown = (event: ReactPointerEvent<HTMLElement>, day: string, locked: boolean) => {
    if (event.button !== 0 || event.target !== event.currentTarget) return
    const column = event.currentTarget
    const origin = minuteAt(event, column)
    const first = Math.floor(origin / SNAP_MINUTES) * SNAP_MINUTES
    if (locked) {
      // No span to draw on a locked day: the press selects the slot and the view says why nothing can be added.
      handlers.onClick(null, day, first)
      handlers.onCreate(day, first, first + SNAP_MINUTES)
      return
    }
    const place = (m: number) => (m >= origin ? { top: first, bottom: Math.max(first + SNAP_MINUTES, snap(m)) } : { top: snap(m), bottom: first + SNAP_MINUTES })
    follow(event, column, { mode: 'create', day, key: null, top: first, bottom: first + SNAP_MINUTES }, place, (moved, last) => {
      if (moved) handlers.onCreate(day, last.top, last.bottom)
      else handlers.onClick(null, day, first)
    })
  }

  /** A press on a block (its body moves it, its bottom edge resizes it). */
  const onBlockPointerDown = (event: ReactPointerEvent<HTMLElement>, placed: Placed<Block>, edge: 'move' | 'resize') => {
    if (event.button !== 0) return
    const column = event.currentTarget.closest('.cal-day__slots')
    if (!column) return
    const origin = minuteAt(event, column)
    const { top, bottom } = placed
    const place =
      edge === 'move'
        ? (m: number) => {
            const shift = Math.min(DAY_MINUTES - bottom, Math.max(-top, snap(m - origin)))
            return { top: top + shift, bottom: bottom + shift }
          }
        : (m: number) => ({ top, bottom: Math.max(top + SNAP_MINUTES, clamp(snap(m))) })
    follow(event, column, { mode: edge, day: placed.item.entry?.day ?? '', key: placed.item.key, top, bottom }, place, (moved, last) => {
      if (moved && (last.top !== top || last.bottom !== bottom)) handlers.onRetime(placed.item, last.top, last.bottom)
      else if (!moved) handlers.onClick(placed, last.day, top)
    })
  }

  return { drag, onColumnPointerDown, onBlockPointerDown }
}
