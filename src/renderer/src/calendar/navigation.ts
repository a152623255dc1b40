// Moving through the calendar from the keyboard: each day is a list of stops in time
// order — every block (concurrent ones one after another, by lane) and every free slot
// of SNAP minutes that no block covers. Up and Down walk a day's list; Left and Right go
// to the stop at the same time of day on the day beside. Pure, so it is tested alone.
import { DAY_MINUTES, type Placed, type Span } from './layout'

/** The calendar's one step: drag, keyboard moves and new entries snap to it. */
export const SNAP_MINUTES = 15

export interface Stop {
  minute: number
  /** The block's key, or null for a free slot. */
  key: string | null
}

export interface Selection extends Stop {
  day: string
}

export function stopsOfDay<T extends Span & { key: string }>(placed: readonly Placed<T>[], snap = SNAP_MINUTES): Stop[] {
  const stops: Stop[] = []
  for (let m = 0; m < DAY_MINUTES; m += snap) {
    const starting = placed.filter((p) => p.top >= m && p.top < m + snap).sort((a, b) => a.top - b.top || a.lane - b.lane)
    for (const p of starting) stops.push({ minute: p.top, key: p.item.key })
    if (!placed.some((p) => p.top < m + snap && p.bottom > m)) stops.push({ minute: m, key: null })
  }
  return stops
}

function indexOf(stops: readonly Stop[], at: Stop): number {
  if (at.key !== null) return stops.findIndex((s) => s.key === at.key)
  return stops.findIndex((s) => s.key === null && s.minute === at.minute)
}

/** The stop nearest `minute` from above: the one a person looking across would land on. */
export function stopAt(stops: readonly Stop[], minute: number): Stop | undefined {
  let found: Stop | undefined
  for (const s of stops) {
    if (s.minute > minute) break
    found = s
  }
  return found ?? stops[0]
}

export type Direction = 'up' | 'down' | 'left' | 'right'

/** The selection after one arrow key; the same selection at an edge. */
export function moveSelection(selection: Selection, direction: Direction, days: readonly string[], stopsOf: (day: string) => readonly Stop[]): Selection {
  if (direction === 'up' || direction === 'down') {
    const stops = stopsOf(selection.day)
    const here = indexOf(stops, selection)
    // A selection that is gone (its block moved) starts again from its time.
    const from = here >= 0 ? here : stops.indexOf(stopAt(stops, selection.minute) ?? { minute: 0, key: null })
    const next = stops[from + (direction === 'down' ? 1 : -1)]
    return next ? { ...next, day: selection.day } : selection
  }
  const day = days[days.indexOf(selection.day) + (direction === 'right' ? 1 : -1)]
  if (day === undefined) return selection
  const stop = stopAt(stopsOf(day), selection.minute)
  return stop ? { ...stop, day } : selection
}
