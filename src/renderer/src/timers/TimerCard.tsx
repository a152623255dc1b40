import type { CSSProperties } from 'react'
import { elapsedSeconds, formatClock, type Timer } from '@shared/timers'

interface TimerCardProps {
  timer: Timer
  now: number
  busy: boolean
  onToggle: (slot: number) => void
}

function spokenDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  return `${hours} h ${minutes} min`
}

export function TimerCard({ timer, now, busy, onToggle }: TimerCardProps) {
  const running = timer.state === 'running'
  const seconds = elapsedSeconds(timer, now)
  const headingId = `timer-${timer.slot}-label`
  const style = { '--timer-color': timer.color } as CSSProperties
  return (
    <article className={`timer-card${running ? ' is-running' : ''}`} style={style} aria-labelledby={headingId} data-slot={timer.slot}>
      <header className="timer-card__head">
        <span className="timer-card__dot" aria-hidden="true" />
        <h2 id={headingId} className="timer-card__label">
          {timer.label}
        </h2>
        <span className="timer-card__slot" aria-label={`Slot ${timer.slot}`}>
          {timer.slot}
        </span>
      </header>
      <p className="timer-card__elapsed">
        <span role="timer" aria-label={`${timer.label} elapsed ${spokenDuration(seconds)}`}>
          {formatClock(seconds)}
        </span>
      </p>
      <footer className="timer-card__foot">
        <span className="timer-card__state">{running ? 'Running' : seconds > 0 ? 'Stopped' : 'Ready'}</span>
        <button
          type="button"
          className={`button ${running ? 'button--stop' : 'button--start'}`}
          onClick={() => onToggle(timer.slot)}
          // Not `disabled`: that would drop keyboard focus mid-call. The store ignores presses while busy.
          aria-disabled={busy || undefined}
          aria-label={`${running ? 'Stop' : 'Start'} ${timer.label}`}
        >
          {running ? 'Stop' : 'Start'}
        </button>
      </footer>
    </article>
  )
}
