// One read from the host that a view shows and reloads (on request, on an event): the
// answer, the host's sentence when it failed, and whether a request is on its way.
// Only the newest request's answer is shown; one overtaken by a reload is dropped.
import { useCallback, useEffect, useState } from 'react'

export interface HostQuery<T> {
  /** Null until the first answer, and after a failed request. */
  value: T | null
  error: string | null
  loading: boolean
  reload: () => void
}

interface State<T> {
  value: T | null
  error: string | null
  loading: boolean
}

/** `fetch` must be stable (useCallback): a new one is a new query. */
export function useHostQuery<T>(fetch: () => Promise<T>): HostQuery<T> {
  const [state, setState] = useState<State<T>>({ value: null, error: null, loading: true })
  const [round, setRound] = useState(0)

  useEffect(() => {
    let live = true
    fetch().then(
      (value) => live && setState({ value, error: null, loading: false }),
      // What was shown goes: an old answer beside an error would pass for the current one.
      (error: unknown) => live && setState({ value: null, error: (error as Error).message, loading: false }),
    )
    return () => {
      live = false
    }
  }, [fetch, round])

  const reload = useCallback(() => {
    setState((current) => (current.loading ? current : { ...current, loading: true }))
    setRound((n) => n + 1)
  }, [])

  return { ...state, reload }
}
