// The period on screen and every change to it. Calls go to the host one at a time, in
// order, so the last answer shown is always the newest; a cell shows what was typed as
// "saving" until the host has it in SQLite, and only then the returned timesheet.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import { ApiCallError } from '@shared/errors'
import { rowKeyId, type CellChange, type RowKey, type Timesheet } from '@shared/timesheet'
import { reuseUnchanged } from './reuse-unchanged'
import { useT } from '../i18n/i18n-context'

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed' }

/** A refusal from the host, with the cells it was about (for marking them). */
export interface HostError {
  message: string
  cells: string[]
}

export const cellId = (rowKey: string, day: string): string => `${rowKey}@${day}`

/** The row key and day of a cellId; a day never holds '@', a row key might. */
export function splitCellId(id: string): { rowKey: string; day: string } {
  const at = id.lastIndexOf('@')
  return { rowKey: id.slice(0, at), day: id.slice(at + 1) }
}

/** How a change was sent: from the cell editor, whose refusal is shown beside it (not in the banner). */
export interface SendOptions {
  quiet?: boolean
}

/** A refusal (the host checked the change and kept everything as it was), as opposed to a failure to save. */
function isRefusal(error: unknown): boolean {
  return error instanceof ApiCallError && ['invalid_request', 'conflict', 'not_found', 'forbidden'].includes(error.code)
}

/** Resolves in a later task, after the browser has had the chance to paint. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

export function toRowKey(row: RowKey): RowKey {
  return { workItemId: row.workItemId, activityTypeId: row.activityTypeId, billable: row.billable }
}

export function useTimesheet(client: StintClient, initialDay: string) {
  const { t } = useT()
  const [day, setDay] = useState(initialDay)
  const [sheet, setSheet] = useState<Timesheet | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [save, setSave] = useState<SaveState>({ state: 'idle' })
  const [hostError, setHostError] = useState<HostError | null>(null)
  /** Typed totals on their way to the host, by cellId. */
  const [pending, setPending] = useState<ReadonlyMap<string, number>>(new Map())
  const [undoDepth, setUndoDepth] = useState(0)
  const undoStack = useRef<CellChange[][]>([])
  const sheetRef = useRef<Timesheet | null>(null)
  const pendingRef = useRef<ReadonlyMap<string, number>>(pending)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const inFlight = useRef(0)
  const live = useRef(true)
  /** The save state before the current calls: a refused change leaves it as it was, since nothing changed. */
  const settledSave = useRef<SaveState>({ state: 'idle' })

  const show = useCallback((answer: Timesheet) => {
    // Rows the answer did not change keep their objects: the grid renders only the others.
    const next = reuseUnchanged(sheetRef.current, answer)
    sheetRef.current = next
    setSheet(next)
  }, [])

  const setPendingBoth = (next: ReadonlyMap<string, number>) => {
    pendingRef.current = next
    setPending(next)
  }

  /** Runs `task` after every call queued before it. */
  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task)
    queue.current = run.catch(() => undefined)
    return run
  }, [])

  const load = useCallback(
    (wanted: string) =>
      enqueue(async () => {
        try {
          const loaded = await client.timesheet.load({ day: wanted })
          if (!live.current) return
          show(loaded)
          setLoadError(null)
        } catch (error) {
          if (live.current) setLoadError((error as Error).message)
        }
      }),
    [client, enqueue, show],
  )

  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])

  useEffect(() => {
    void load(day)
  }, [day, load])

  // Timers stopped elsewhere, or settings that change the period, show up at once.
  useEffect(() => {
    const offEntries = client.events['entries.changed'](() => {
      // Our own saves answer with the fresh timesheet; reload only for changes made elsewhere.
      if (inFlight.current === 0) void load(sheetRef.current?.start ?? day)
    })
    const offSettings = client.events['settings.changed'](() => void load(sheetRef.current?.start ?? day))
    return () => {
      offEntries()
      offSettings()
    }
  }, [client, load, day])

  /** The total a cell shows now: what is on its way to the host, else what the host has. */
  const currentTotal = useCallback((change: Pick<CellChange, 'day' | 'row'>): number => {
    const id = cellId(rowKeyId(change.row), change.day)
    const typed = pendingRef.current.get(id)
    if (typed !== undefined) return typed
    const row = sheetRef.current?.rows.find((r) => r.key === rowKeyId(change.row))
    return row?.cells.find((c) => c.day === change.day)?.totalSeconds ?? 0
  }, [])

  /** Sends changes; resolves null when saved, else the host's reason (shown in the banner unless `quiet`). */
  const send = useCallback(
    async (changes: CellChange[], undoable: boolean, options: SendOptions = {}): Promise<string | null> => {
      const before = changes.map((c) => ({ day: c.day, row: toRowKey(c.row), totalSeconds: currentTotal(c) }))
      const ids = changes.map((c) => cellId(rowKeyId(c.row), c.day))
      const mine = new Map(pendingRef.current)
      for (const [i, c] of changes.entries()) mine.set(ids[i] ?? '', c.totalSeconds)
      setPendingBoth(mine)
      setHostError(null)
      setSave({ state: 'saving' })
      inFlight.current++
      // Undoable at once, as the cell shows the new value at once; a change the host does
      // not take leaves the stack again (undo's own send queues behind this one).
      if (undoable) {
        undoStack.current.push(before)
        setUndoDepth(undoStack.current.length)
      }
      const settle = () => {
        inFlight.current--
        const next = new Map(pendingRef.current)
        // A later edit of the same cell keeps its own pending value.
        for (const [i, c] of changes.entries()) if (next.get(ids[i] ?? '') === c.totalSeconds) next.delete(ids[i] ?? '')
        setPendingBoth(next)
      }
      return enqueue(async () => {
        // The keystroke's frame first: the typed value and the totals are on screen before
        // the call is built and sent, in a task of its own (it is still sent at once).
        await nextTask()
        try {
          const next = await client.timesheet.setCells({ changes: changes.map((c) => ({ ...c, row: toRowKey(c.row) })) })
          if (!live.current) return null
          show(next)
          settle()
          settledSave.current = { state: 'saved' }
          setSave({ state: inFlight.current > 0 ? 'saving' : 'saved' })
          return null
        } catch (error) {
          const message = (error as Error).message
          if (!live.current) return message
          settle()
          const undoAt = undoStack.current.lastIndexOf(before)
          if (undoAt >= 0) {
            undoStack.current.splice(undoAt, 1)
            setUndoDepth(undoStack.current.length)
          }
          if (!options.quiet) setHostError({ message, cells: ids })
          // A refusal changed nothing, so "Not saved" would be wrong; only a failure to save says it.
          if (!isRefusal(error)) settledSave.current = { state: 'failed' }
          setSave(inFlight.current > 0 ? { state: 'saving' } : settledSave.current)
          return message
        }
      })
    },
    [client, currentTotal, enqueue, show],
  )

  const undo = useCallback(async (): Promise<string | null> => {
    const last = undoStack.current.pop()
    setUndoDepth(undoStack.current.length)
    if (!last) return null
    const refused = await send(last, false)
    if (refused !== null) {
      undoStack.current.push(last)
      setUndoDepth(undoStack.current.length)
      return null
    }
    return t('timesheet.undone', { count: last.length })
  }, [send, t])

  /** Row-level calls (add, remove, copy): the whole answer replaces the grid. */
  const rowCall = useCallback(
    (call: () => Promise<Timesheet>) =>
      enqueue(async () => {
        setHostError(null)
        try {
          const next = await call()
          if (live.current) show(next)
          return true
        } catch (error) {
          if (live.current) setHostError({ message: (error as Error).message, cells: [] })
          return false
        }
      }),
    [enqueue, show],
  )

  /**
   * A status move of the period (submit, withdraw, reopen): the answer replaces the grid,
   * and undo starts afresh, since the edits before it belong to another state of the
   * period. Resolves with the host's refusal, for the dialog or banner that asked.
   */
  const periodMove = useCallback(
    (call: (day: string) => Promise<Timesheet>): Promise<string | null> =>
      enqueue(async () => {
        try {
          const next = await call(sheetRef.current?.start ?? day)
          if (!live.current) return null
          show(next)
          undoStack.current = []
          setUndoDepth(0)
          setHostError(null)
          return null
        } catch (error) {
          return (error as Error).message
        }
      }),
    [day, enqueue, show],
  )

  const goTo = useCallback((next: string) => {
    // Undo belongs to the period on screen; it never reaches into one that is not shown.
    undoStack.current = []
    setUndoDepth(0)
    setHostError(null)
    setDay(next)
  }, [])

  return {
    day,
    sheet,
    loadError,
    save,
    hostError,
    pending,
    canUndo: undoDepth > 0,
    goTo,
    reload: () => load(sheetRef.current?.start ?? day),
    setCells: (changes: CellChange[], options?: SendOptions) => send(changes, true, options),
    undo,
    dismissError: () => setHostError(null),
    addRow: (row: RowKey) => rowCall(() => client.timesheet.addRow({ day: sheetRef.current?.start ?? day, row })),
    removeRow: (row: RowKey) => rowCall(() => client.timesheet.removeRow({ day: sheetRef.current?.start ?? day, row: toRowKey(row) })),
    periodMove,
    copyPreviousRows: () => rowCall(() => client.timesheet.copyPreviousRows({ day: sheetRef.current?.start ?? day })),
  }
}

export type TimesheetModel = ReturnType<typeof useTimesheet>
