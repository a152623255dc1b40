// Where the keyboard is in the grid: the active cell (the one cell in the tab order), the
// anchor of a Shift+arrow block, and moves between cells. A move asks for the focus to
// follow once the grid has rendered the cell (it may have been virtualised away).
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { TimesheetRow } from '@shared/timesheet'
import type { Position, Selection } from './grid-model'

export interface GridFocus {
  /** The active cell, kept inside the grid as rows come and go. */
  r: number
  c: number
  anchor: Position | null
  selection: Selection
  /** Asks for the DOM focus to follow the active cell at the next layout (a move does it too). */
  wantFocus: () => void
  /** Answers whether the focus should follow now, once: the grid's layout effect asks. */
  takeFocusWish: () => boolean
  setActive: (next: Position) => void
  setAnchor: (next: Position | null) => void
  /** Moves the active cell (clamped into the grid) and answers where it went. */
  moveTo: (next: Position, extend?: boolean) => Position
  /**
   * Puts the DOM focus on a cell now, if it is in the page. The editor calls it before it
   * closes: moving the focus off an input that is about to be removed, while the page's
   * layout is still clean, costs far less than the browser's own focus fix-up after it.
   */
  focusNow: (at: Position) => void
  /** The next day cell in reading order (Tab), or undefined past either end of the grid. */
  tabStep: (from: Position, step: 1 | -1) => Position | undefined
}

/** The element that takes the focus for a cell: the cell itself, or its button (remove). */
export function focusTarget(grid: HTMLElement | null, at: Position): HTMLElement | null {
  const cell = grid?.querySelector<HTMLElement>(`[data-r="${at.r}"][data-c="${at.c}"]`)
  return cell?.querySelector<HTMLElement>('button') ?? cell ?? null
}

export function useGridFocus(grid: RefObject<HTMLElement | null>, rows: readonly TimesheetRow[], dayCount: number, focusRequest: { rowKey: string; seq: number } | undefined): GridFocus {
  const lastCol = dayCount + 2
  const [active, setActive] = useState<Position>({ r: 0, c: 1 })
  const [anchor, setAnchor] = useState<Position | null>(null)
  const focusWanted = useRef(false)

  // Rows come and go (added, removed, another period): keep the active cell inside the grid.
  const r = Math.min(active.r, Math.max(rows.length - 1, 0))
  const c = Math.min(active.c, lastCol)

  const handledRequest = useRef(0)
  useEffect(() => {
    if (!focusRequest || focusRequest.seq === handledRequest.current) return
    const index = rows.findIndex((row) => row.key === focusRequest.rowKey)
    if (index < 0) return
    handledRequest.current = focusRequest.seq
    focusWanted.current = true
    // The request names a row that may arrive after it (the added row comes with the host's
    // answer), so it is taken here, once the row is in, not while rendering.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAnchor(null)
    setActive({ r: index, c: 1 })
  }, [focusRequest, rows])

  const moveTo = (next: Position, extend = false) => {
    const clamped = { r: Math.max(0, Math.min(rows.length - 1, next.r)), c: Math.max(0, Math.min(lastCol, next.c)) }
    if (extend && c >= 1 && c <= dayCount) {
      setAnchor((current) => current ?? { r, c })
      clamped.c = Math.max(1, Math.min(dayCount, clamped.c))
    } else {
      setAnchor(null)
    }
    focusWanted.current = true
    setActive(clamped)
    return clamped
  }

  const focusNow = (at: Position) => {
    const target = focusTarget(grid.current, at)
    if (target && document.activeElement !== target) target.focus()
  }

  const tabStep = (from: Position, step: 1 | -1): Position | undefined => {
    let col = from.c < 1 ? (step === 1 ? 0 : 1) : from.c > dayCount ? (step === 1 ? dayCount : dayCount + 1) : from.c
    let row = from.r
    col += step
    if (col > dayCount) {
      row += 1
      col = 1
    } else if (col < 1) {
      row -= 1
      col = dayCount
    }
    return row < 0 || row >= rows.length ? undefined : { r: row, c: col }
  }

  /** The selected block of day cells: the Shift+arrow range, or the focused cell. */
  const selection = useMemo(() => {
    const from = anchor ?? { r, c }
    return { top: Math.min(from.r, r), bottom: Math.max(from.r, r), left: Math.min(from.c, c), right: Math.max(from.c, c) }
  }, [anchor, r, c])

  const wantFocus = () => {
    focusWanted.current = true
  }
  const takeFocusWish = () => {
    const wanted = focusWanted.current
    focusWanted.current = false
    return wanted
  }

  return { r, c, anchor, selection, wantFocus, takeFocusWish, setActive, setAnchor, moveTo, focusNow, tabStep }
}
