import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { TimersStore } from '../timers/timers-store'
import { TimerCard } from '../timers/TimerCard'
import { useNow } from '../timers/use-now'

export function TimersView({ store }: { store: TimersStore }) {
  const { timers, loaded, busy, error, toggle, dismissError } = useStore(store)
  const running = timers.filter((t) => t.state === 'running').length
  const now = useNow(running > 0)

  useEffect(() => {
    void store.getState().load()
  }, [store])

  return (
    <section className="view" aria-labelledby="timers-title">
      <header className="view__head">
        <div>
          <h1 id="timers-title">Timers</h1>
          <p className="view__subtitle">Nine slots, one per job in flight. Run as many at once as you need.</p>
        </div>
        <p className="view__summary" aria-live="polite">
          {loaded ? (running === 0 ? 'No timer running' : `${running} running`) : 'Loading…'}
        </p>
      </header>
      {error && (
        <div className="banner banner--error" role="alert">
          <span>{error}</span>
          <button type="button" className="button button--ghost" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      <div className="timer-grid">
        {timers.map((timer) => (
          <TimerCard key={timer.slot} timer={timer} now={now} busy={busy.includes(timer.slot)} onToggle={(slot) => void toggle(slot)} />
        ))}
      </div>
    </section>
  )
}
