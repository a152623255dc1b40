import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { MessageId } from '@shared/i18n/catalogue'
import { elapsedSeconds } from '@shared/timers'
import { useT } from '../i18n/i18n-context'
import { sentenceWithKeys } from '../i18n/sentence-with'
import { RecentEntries } from '../timers/RecentEntries'
import { TimerCard } from '../timers/TimerCard'
import { KeptAsidePanel } from '../timers/KeptAsidePanel'
import { LockedTimeDialog } from '../timers/LockedTimeDialog'
import { DiscardDialog, PromptDialog, ShortRunDialog } from '../timers/TimerDialogs'
import { TimerEditor } from '../timers/TimerEditor'
import type { TimersStore } from '../timers/timers-store'
import { useNow } from '../timers/use-now'
import { usePrimaryRule } from '../timers/use-primary-rule'
import { useOpenTicketPage } from '../work/use-open-ticket-page'
import type { WorkStore } from '../work/work-store'
import '../timers/timer-card.css'

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

export function TimersView({ store, work }: { store: TimersStore; work: WorkStore }) {
  const { t } = useT()
  const state = useStore(store)
  const { workItems, activityTypes } = useStore(work)
  const { timers, prompts, keptAside, loaded, busy, error, shortRun } = state
  const [editing, setEditing] = useState<number | null>(null)
  const [discarding, setDiscarding] = useState<number | null>(null)
  const [ticketProblem, setTicketProblem] = useState<string | null>(null)
  const openTicketPage = useOpenTicketPage(setTicketProblem)
  const primaryRuleFor = usePrimaryRule()
  const running = timers.filter((t) => t.state === 'running').length
  const paused = timers.filter((t) => t.state === 'paused').length
  const now = useNow(running > 0)
  const dialogOpen = editing !== null || discarding !== null || shortRun !== null || prompts.length > 0

  // Keys 1–9 start or pause a timer, P pauses all — whenever no field or dialog has the keyboard.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialogOpen || event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target)) return
      if (/^[1-9]$/.test(event.key)) {
        event.preventDefault()
        void store.getState().toggle(Number(event.key))
      } else if (event.key === 'p' || event.key === 'P') {
        event.preventDefault()
        void store.getState().pauseAll()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, dialogOpen])

  const editingTimer = timers.find((t) => t.slot === editing)
  const discardingTimer = timers.find((t) => t.slot === discarding)
  const prompt = prompts[0]
  const summaryId: MessageId = !loaded ? 'timers.loading' : running + paused === 0 ? 'timers.noneRunning' : paused === 0 ? 'timers.summaryRunning' : running === 0 ? 'timers.summaryPaused' : 'timers.summaryBoth'
  const summary = t(summaryId, { running, paused })

  return (
    <section className="view" aria-labelledby="timers-title">
      <header className="view__head">
        <div>
          <h1 id="timers-title">{t('timers.title')}</h1>
          <p className="view__subtitle">
            {sentenceWithKeys(t, 'timers.subtitle', { first: '1', last: '9', pause: 'P' })}
          </p>
        </div>
        <div className="view__tools">
          <p className="view__summary" aria-live="polite">
            {summary}
          </p>
          <button type="button" className="button button--secondary" onClick={() => void state.pauseAll()} aria-disabled={running === 0 || undefined}>
            {t('timers.pauseAll')}
          </button>
        </div>
      </header>
      {error && (
        <div className="banner banner--error" role="alert">
          <span>{error}</span>
          <button type="button" className="button button--ghost" onClick={state.dismissError}>
            {t('timers.dismiss')}
          </button>
        </div>
      )}
      {ticketProblem && (
        <div className="banner banner--error" role="alert">
          <span>{ticketProblem}</span>
          <button type="button" className="button button--ghost" onClick={() => setTicketProblem(null)}>
            {t('timers.dismiss')}
          </button>
        </div>
      )}
      <div className="timer-grid">
        {timers.map((timer) => (
          <TimerCard
            key={timer.slot}
            timer={timer}
            now={now}
            busy={busy.includes(timer.slot)}
            workItem={workItems.find((w) => w.id === timer.workItemId)}
            activityType={activityTypes.find((t) => t.id === timer.activityTypeId)}
            defaultActivityType={activityTypes.find((t) => t.isDefault && t.active)}
            onStart={(slot) => void state.start(slot)}
            onPause={(slot) => void state.pause(slot)}
            onStop={(slot) => void state.stop(slot)}
            onEdit={setEditing}
            onDiscard={setDiscarding}
            onSetPrimary={(slot, primary) => void state.setPrimary(slot, primary)}
            primaryRule={primaryRuleFor(workItems.find((w) => w.id === timer.workItemId)?.contractId)}
            onOpenTicket={(id) => void openTicketPage(id)}
          />
        ))}
      </div>
      <KeptAsidePanel items={keptAside} workItems={workItems} onResolve={(id, resolution) => void state.resolvePrompt(id, resolution)} />
      <RecentEntries workItems={workItems} activityTypes={activityTypes} />

      {editingTimer && <TimerEditor timer={editingTimer} workItems={workItems} activityTypes={activityTypes} onSave={state.update} onClose={() => setEditing(null)} />}
      {discardingTimer && (
        <DiscardDialog
          timer={discardingTimer}
          seconds={elapsedSeconds(discardingTimer, now)}
          onClose={() => setDiscarding(null)}
          onConfirm={() => {
            setDiscarding(null)
            void state.discard(discardingTimer.slot)
          }}
        />
      )}
      {shortRun && <ShortRunDialog label={shortRun.label} seconds={shortRun.seconds} onKeep={() => void state.keepShortRun()} onDiscard={() => void state.discardShortRun()} />}
      {!shortRun && prompt?.kind === 'locked-period' && <LockedTimeDialog key={prompt.id} held={prompt} remaining={prompts.length} onResolve={(resolution) => void state.resolvePrompt(prompt.id, resolution)} />}
      {!shortRun && prompt && prompt.kind !== 'locked-period' && (
        <PromptDialog key={prompt.id} prompt={prompt} remaining={prompts.length} timers={timers} workItems={workItems} onResolve={(resolution) => void state.resolvePrompt(prompt.id, resolution)} />
      )}
    </section>
  )
}
