// The questions Stint asks instead of deciding silently: a short run, a crash gap,
// idle time, and "really discard?".
import { useState } from 'react'
import type { GapPrompt, PromptResolution, Timer } from '@shared/timers'
import type { WorkItem } from '@shared/work'
import { formatDuration } from '@shared/duration'
import { formatTime, spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { Dialog } from '../ui/Dialog'
import { WorkItemPicker } from '../work/picker/WorkItemPicker'
import './timer-dialogs.css'

export function ShortRunDialog({ label, seconds, onKeep, onDiscard }: { label: string; seconds: number; onKeep: () => void; onDiscard: () => void }) {
  const { t } = useT()
  return (
    <Dialog
      title={t('timers.short.title')}
      description={t('timers.short.description', { label, seconds })}
      onClose={() => undefined}
      dismissable={false}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onDiscard}>
            {t('timers.discardIt')}
          </button>
          <button type="button" className="button button--start" onClick={onKeep} data-autofocus>
            {t('timers.short.keep', { seconds })}
          </button>
        </>
      }
    >
      <p className="muted">{t('timers.short.hint')}</p>
    </Dialog>
  )
}

export function DiscardDialog({ timer, seconds, onConfirm, onClose }: { timer: Timer; seconds: number; onConfirm: () => void; onClose: () => void }) {
  const translator = useT()
  const { t } = translator
  return (
    <Dialog
      title={t('timers.discardRun.title', { label: timer.label })}
      description={t('timers.discardRun.description', { duration: spokenDurationIn(translator, seconds) })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
            {t('timers.cancel')}
          </button>
          <button type="button" className="button button--stop" onClick={onConfirm}>
            {t('timers.discard')}
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
  const { t } = useT()
  const span = Math.max(0, Math.floor((prompt.toAt - prompt.fromAt) / 1000))
  const values = { label: prompt.timerLabel, from: formatTime(prompt.fromAt), to: formatTime(prompt.toAt), duration: formatDuration(span) }
  const others = timers.filter((timer) => timer.slot !== prompt.slot)
  const [slot, setSlot] = useState('')
  const [itemId, setItemId] = useState<string | null>(null)
  const item = workItems.find((w) => w.id === itemId)
  const isGap = prompt.kind === 'crash-gap'
  const more = remaining > 1 ? ` ${t('timers.moreQuestions', { count: remaining - 1 })}` : ''

  return (
    <Dialog
      title={t(isGap ? 'timers.gap.title' : 'timers.idle.title', values)}
      description={t(isGap ? 'timers.gap.description' : 'timers.idle.description', values) + more}
      onClose={() => undefined}
      dismissable={false}
      actions={
        isGap ? (
          <>
            <button type="button" className="button button--ghost" onClick={() => onResolve({ action: 'stop-at-start' })}>
              {t('timers.gap.stopAt', { time: values.from })}
            </button>
            <button type="button" className="button button--ghost" onClick={() => onResolve({ action: 'discard' })}>
              {t('timers.gap.discard')}
            </button>
            <button type="button" className="button button--start" onClick={() => onResolve({ action: 'keep' })} data-autofocus>
              {t('timers.gap.keep')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--ghost" onClick={() => onResolve({ action: 'discard' })}>
              {t('timers.idle.discard')}
            </button>
            <button type="button" className="button button--start" onClick={() => onResolve({ action: 'keep' })} data-autofocus>
              {t('timers.idle.keep')}
            </button>
          </>
        )
      }
    >
      {!isGap && (
        <div className="idle-targets">
          <div className="inline-form">
            <label className="field" htmlFor={`prompt-${prompt.id}-timer`}>
              <span>{t('timers.idle.moveLabel', values)}</span>
              <select id={`prompt-${prompt.id}-timer`} value={slot} onChange={(e) => setSlot(e.target.value)}>
                <option value="">{t('timers.idle.chooseTimer')}</option>
                {others.map((timer) => (
                  <option key={timer.slot} value={timer.slot}>
                    {timer.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--secondary" onClick={() => slot !== '' && onResolve({ action: 'move-to-timer', slot: Number(slot) })} aria-disabled={slot === '' || undefined}>
              {t('timers.idle.move')}
            </button>
          </div>
          <WorkItemPicker label={t('timers.idle.bookLabel', values)} value={itemId} onChange={setItemId} items={workItems} />
          <div>
            <button type="button" className="button button--secondary" onClick={() => item && onResolve({ action: 'book-to-work-item', workItemId: item.id })} aria-disabled={!item || undefined}>
              {item ? t('timers.idle.bookTo', { name: item.reference ?? item.title }) : t('timers.idle.bookToAny')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
