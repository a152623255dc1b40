// The questions Stint asks instead of deciding silently: a short run, a crash gap,
// idle time, and "really discard?".
import { useState } from 'react'
import type { GapPrompt, PromptResolution, Timer } from '@shared/timers'
import { workItemDisplayName, type WorkItem } from '@shared/work'
import { formatDuration } from '@shared/duration'
import { formatTime, spokenDuration } from '../format'
import { Dialog } from '../ui/Dialog'

export function ShortRunDialog({ label, seconds, onKeep, onDiscard }: { label: string; seconds: number; onKeep: () => void; onDiscard: () => void }) {
  return (
    <Dialog
      title="Keep this short entry?"
      description={`${label} ran for only ${seconds} seconds. It is paused until you decide.`}
      onClose={() => undefined}
      dismissable={false}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onDiscard}>
            Discard it
          </button>
          <button type="button" className="button button--start" onClick={onKeep} data-autofocus>
            Keep {seconds} s
          </button>
        </>
      }
    >
      <p className="muted">Short runs are often accidental clicks. You can change the threshold in Settings.</p>
    </Dialog>
  )
}

export function DiscardDialog({ timer, seconds, onConfirm, onClose }: { timer: Timer; seconds: number; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog
      title={`Discard ${timer.label}?`}
      description={`The ${spokenDuration(seconds)} of this run will not be booked. This cannot be undone.`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" className="button button--stop" onClick={onConfirm}>
            Discard
          </button>
        </>
      }
    >
      {null}
    </Dialog>
  )
}

interface PromptDialogProps {
  prompt: GapPrompt
  remaining: number
  timers: readonly Timer[]
  workItems: readonly WorkItem[]
  onResolve: (resolution: PromptResolution) => void
}

export function PromptDialog({ prompt, remaining, timers, workItems, onResolve }: PromptDialogProps) {
  const span = Math.max(0, Math.floor((prompt.toAt - prompt.fromAt) / 1000))
  const when = `${formatTime(prompt.fromAt)}–${formatTime(prompt.toAt)}`
  const others = timers.filter((t) => t.slot !== prompt.slot)
  const [target, setTarget] = useState('')
  const isGap = prompt.kind === 'crash-gap'
  const more = remaining > 1 ? ` (${remaining - 1} more question${remaining > 2 ? 's' : ''} after this one)` : ''

  const moveOrBook = () => {
    if (target.startsWith('slot:')) onResolve({ action: 'move-to-timer', slot: Number(target.slice(5)) })
    else if (target.startsWith('item:')) onResolve({ action: 'book-to-work-item', workItemId: target.slice(5) })
  }

  return (
    <Dialog
      title={isGap ? `Stint was not running: ${prompt.timerLabel}` : `You were away: ${prompt.timerLabel}`}
      description={
        isGap
          ? `Stint stopped unexpectedly while ${prompt.timerLabel} was running. Between ${when} (${formatDuration(span)}) nothing was recorded. What should happen to that time?${more}`
          : `No activity between ${when} (${formatDuration(span)}) while ${prompt.timerLabel} was running. What should happen to that time?${more}`
      }
      onClose={() => undefined}
      dismissable={false}
      actions={
        isGap ? (
          <>
            <button type="button" className="button button--ghost" onClick={() => onResolve({ action: 'stop-at-start' })}>
              Stop at {formatTime(prompt.fromAt)}
            </button>
            <button type="button" className="button button--ghost" onClick={() => onResolve({ action: 'discard' })}>
              Discard the gap
            </button>
            <button type="button" className="button button--start" onClick={() => onResolve({ action: 'keep' })} data-autofocus>
              Keep the time
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--ghost" onClick={() => onResolve({ action: 'discard' })}>
              Discard idle time
            </button>
            <button type="button" className="button button--start" onClick={() => onResolve({ action: 'keep' })} data-autofocus>
              Keep it
            </button>
          </>
        )
      }
    >
      {!isGap && (
        <div className="inline-form">
          <label className="field" htmlFor={`prompt-${prompt.id}-target`}>
            <span>Or book the {formatDuration(span)} to</span>
            <select id={`prompt-${prompt.id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose a timer or work item…</option>
              <optgroup label="Another timer">
                {others.map((t) => (
                  <option key={t.slot} value={`slot:${t.slot}`}>
                    {t.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label="A work item">
                {workItems
                  .filter((w) => w.active)
                  .map((w) => (
                    <option key={w.id} value={`item:${w.id}`}>
                      {workItemDisplayName(w)}
                    </option>
                  ))}
              </optgroup>
            </select>
          </label>
          <button type="button" className="button button--secondary" onClick={moveOrBook} aria-disabled={target === '' || undefined}>
            Book it there
          </button>
        </div>
      )}
    </Dialog>
  )
}
