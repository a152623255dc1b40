// The questions Stint asks instead of deciding silently: a short run, a crash gap,
// idle time, and "really discard?".
import { useState } from 'react'
import type { GapPrompt, PromptResolution, Timer } from '@shared/timers'
import type { WorkItem } from '@shared/work'
import { formatDuration } from '@shared/duration'
import { formatTime, spokenDuration } from '../format'
import { Dialog } from '../ui/Dialog'
import { WorkItemPicker } from '../work/picker/WorkItemPicker'
import './timer-dialogs.css'

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
  const [slot, setSlot] = useState('')
  const [itemId, setItemId] = useState<string | null>(null)
  const item = workItems.find((w) => w.id === itemId)
  const isGap = prompt.kind === 'crash-gap'
  const more = remaining > 1 ? ` (${remaining - 1} more question${remaining > 2 ? 's' : ''} after this one)` : ''

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
        <div className="idle-targets">
          <div className="inline-form">
            <label className="field" htmlFor={`prompt-${prompt.id}-timer`}>
              <span>Or move the {formatDuration(span)} to another timer</span>
              <select id={`prompt-${prompt.id}-timer`} value={slot} onChange={(e) => setSlot(e.target.value)}>
                <option value="">Choose a timer…</option>
                {others.map((t) => (
                  <option key={t.slot} value={t.slot}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--secondary" onClick={() => slot !== '' && onResolve({ action: 'move-to-timer', slot: Number(slot) })} aria-disabled={slot === '' || undefined}>
              Move it there
            </button>
          </div>
          <WorkItemPicker label={`Or book the ${formatDuration(span)} to a work item`} value={itemId} onChange={setItemId} items={workItems} />
          <div>
            <button type="button" className="button button--secondary" onClick={() => item && onResolve({ action: 'book-to-work-item', workItemId: item.id })} aria-disabled={!item || undefined}>
              {item ? `Book it to ${item.reference ?? item.title}` : 'Book it to a work item'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
