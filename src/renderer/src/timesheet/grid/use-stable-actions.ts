// One GridActions object for the grid's whole life, whose calls reach the handlers of the
// latest render. Handlers run on events, after React has committed that render, so they
// always see the grid as it is on screen; memoised rows never re-render for a new closure.
import { useLayoutEffect, useMemo, useRef } from 'react'
import type { GridActions } from './grid-actions'

export function useStableActions(now: GridActions): GridActions {
  const latest = useRef(now)
  useLayoutEffect(() => {
    latest.current = now
  })
  return useMemo<GridActions>(
    () => ({
      focusDay: (r, c) => latest.current.focusDay(r, c),
      focusOther: (r, c) => latest.current.focusOther(r, c),
      editAt: (r, c, shownSeconds) => latest.current.editAt(r, c, shownSeconds),
      removeRow: (row, fullName) => latest.current.removeRow(row, fullName),
      editorChange: (text) => latest.current.editorChange(text),
      editorKeyDown: (event) => latest.current.editorKeyDown(event),
      editorBlur: () => latest.current.editorBlur(),
    }),
    [],
  )
}
