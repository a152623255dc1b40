// "I started this ten minutes ago": a running or paused timer's start, typed as a time
// of day (today, or yesterday for a run that crossed midnight) or moved back by a few
// minutes. The rules (not in the future, not before the previous stop, not into a locked
// period) live in the main process; its refusal is shown as it is said.
import { useState } from 'react'
import type { Timer } from '@shared/timers'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import './times.css'
import { formatTime } from '../format'

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/

/** The instant of `text` (like 9:05) today, or yesterday when today's would be later than now. */
export function startInstant(text: string, now: number): number | null {
  const match = TIME.exec(text.trim())
  if (!match) return null
  const at = new Date(now)
  at.setHours(Number(match[1]), Number(match[2]), 0, 0)
  if (at.getTime() > now) at.setDate(at.getDate() - 1)
  return at.getTime()
}

export function StartTimeField({ timer }: { timer: Timer }) {
  const client = useClient()
  const { t } = useT()
  const start = timer.runStartedAt ?? timer.runningSince
  const [text, setText] = useState(start === null || start === undefined ? '' : formatTime(start))
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  if (timer.state === 'idle' || start === null || start === undefined) return null
  const id = `timer-${timer.slot}-start`

  const move = async (startedAt: number | null) => {
    if (startedAt === null) return setMessage({ error: true, text: t('timers.start.badTime') })
    try {
      const changed = await client.timers.setStart({ slot: timer.slot, startedAt })
      const at = changed.runStartedAt ?? changed.runningSince ?? startedAt
      setText(formatTime(at))
      setMessage({ error: false, text: t('timers.start.moved', { label: timer.label, time: formatTime(at) }) })
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message })
    }
  }

  return (
    <fieldset className="field start-time">
      <legend>{t('timers.start.legend')}</legend>
      <div className="start-time__row">
        <label className="visually-hidden" htmlFor={id}>
          {t('timers.start.inputLabel', { label: timer.label })}
        </label>
        <input id={id} className="start-time__input" value={text} inputMode="numeric" placeholder="9:05" onChange={(e) => setText(e.target.value)}
          onKeyDown={(event) => {
            // Enter sets the start; unprevented it would submit the editor around it, closing it with the typed start unapplied.
            if (event.key !== 'Enter') return
            event.preventDefault()
            void move(startInstant(text, Date.now()))
          }}
          aria-describedby={message ? `${id}-message` : undefined} />
        <button type="button" className="button button--secondary" onClick={() => void move(startInstant(text, Date.now()))}>
          {t('timers.start.set')}
        </button>
        {[5, 10].map((minutes) => (
          <button key={minutes} type="button" className="button button--secondary" aria-label={t('timers.start.earlierLabel', { minutes })} onClick={() => void move(start - minutes * 60_000)}>
            {t('timers.start.earlier', { minutes })}
          </button>
        ))}
      </div>
      {message && (
        <p id={`${id}-message`} className={message.error ? 'field__error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </fieldset>
  )
}
