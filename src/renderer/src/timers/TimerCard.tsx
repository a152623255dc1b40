import type { CSSProperties } from 'react'
import { elapsedSeconds, formatClock, type Timer } from '@shared/timers'
import type { ActivityType, WorkItem } from '@shared/work'
import { spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { TimerCardAbout } from './TimerCardAbout'
import './timer-card.css'

interface TimerCardProps {
  timer: Timer
  now: number
  busy: boolean
  workItem: WorkItem | undefined
  activityType: ActivityType | undefined
  /** What the run books with when the timer has no activity type of its own. */
  defaultActivityType: ActivityType | undefined
  onStart: (slot: number) => void
  onPause: (slot: number) => void
  onStop: (slot: number) => void
  onEdit: (slot: number) => void
  onDiscard: (slot: number) => void
  /** Marks the timer as the primary one (true) or clears its mark (false). */
  onSetPrimary: (slot: number, primary: boolean) => void
  /** Billing of this timer's work uses the overlap rule `primary`: the mark's title explains it then. */
  primaryRule: boolean
  /** Opens the ticket page of the timer's work item; the button shows only when the item has one. */
  onOpenTicket?: (workItemId: string) => void
}

const STATE_TEXT = { running: 'timers.card.running', paused: 'timers.card.paused', idle: 'timers.card.idle' } as const

export function TimerCard({ timer, now, busy, workItem, activityType, defaultActivityType, onStart, onPause, onStop, onEdit, onDiscard, onSetPrimary, primaryRule, onOpenTicket }: TimerCardProps) {
  const translator = useT()
  const { t } = translator
  const { slot, label, state } = timer
  const seconds = elapsedSeconds(timer, now)
  const headingId = `timer-${slot}-label`
  const style = { '--timer-color': timer.color } as CSSProperties
  // Not `disabled` while a call is in flight: that would drop keyboard focus. The store ignores presses meanwhile.
  const busyProps = { 'aria-disabled': busy || undefined }
  const primary = timer.primary === true
  return (
    <article className={`timer-card is-${state}${primary ? ' is-primary' : ''}`} style={style} aria-labelledby={headingId} data-slot={slot}>
      <header className="timer-card__head">
        <span className="timer-card__dot" aria-hidden="true" />
        <h2 id={headingId} className="timer-card__label">
          {label}
        </h2>
        <button
          type="button"
          className="button button--icon timer-card__primary"
          onClick={() => onSetPrimary(slot, !primary)}
          aria-pressed={primary}
          aria-label={t('timers.card.primaryLabel', { label })}
          title={t(primaryRule ? 'timers.card.primaryTitle' : 'timers.card.primaryOffTitle')}
          {...busyProps}
        >
          <span aria-hidden="true">{primary ? '★' : '☆'}</span>
        </button>
        <kbd className="timer-card__slot" title={t('timers.card.keyTitle', { slot })} aria-label={t('timers.card.keyLabel', { slot })}>
          {slot}
        </kbd>
      </header>
      <TimerCardAbout label={label} workItem={workItem} note={timer.note} />
      <p className="timer-card__meta">
        <span>{activityType?.name ?? (defaultActivityType ? t('timers.defaultType', { name: defaultActivityType.name }) : t('timers.card.noType'))}</span>
        <span className={`badge ${timer.billable ? 'badge--billable' : ''}`}>{timer.billable ? t('timers.billable') : t('timers.nonBillable')}</span>
        {primary && <span className="badge badge--primary">{t('timers.card.primary')}</span>}
      </p>
      <p className="timer-card__elapsed">
        <span role="timer" aria-label={t('timers.card.elapsed', { label, duration: spokenDurationIn(translator, seconds) })}>
          {formatClock(seconds)}
        </span>
        <span className="timer-card__state">{t(STATE_TEXT[state])}</span>
      </p>
      <footer className="timer-card__controls">
        {state === 'running' ? (
          <button type="button" className="button button--secondary" onClick={() => onPause(slot)} aria-label={t('timers.card.pauseLabel', { label })} {...busyProps}>
            {t('timers.card.pause')}
          </button>
        ) : (
          <button type="button" className="button button--start" onClick={() => onStart(slot)} aria-label={t(state === 'paused' ? 'timers.card.resumeLabel' : 'timers.card.startLabel', { label })} {...busyProps}>
            {t(state === 'paused' ? 'timers.card.resume' : 'timers.card.start')}
          </button>
        )}
        {state !== 'idle' && (
          <button type="button" className="button button--stop" onClick={() => onStop(slot)} aria-label={t('timers.card.stopLabel', { label })} {...busyProps}>
            {t('timers.card.stop')}
          </button>
        )}
        <span className="timer-card__spacer" />
        {workItem?.ticketUrl && onOpenTicket && (
          <button type="button" className="button button--icon" onClick={() => onOpenTicket(workItem.id)} aria-label={t('work.openTicketPage', { name: workItem.reference ?? workItem.title })} title={workItem.ticketUrl}>
            <span aria-hidden="true">↗</span>
          </button>
        )}
        <button type="button" className="button button--icon" onClick={() => onEdit(slot)} aria-label={t('timers.card.editLabel', { label })} title={t('timers.card.edit')}>
          <svg viewBox="0 0 16 16" aria-hidden="true" width="16" height="16">
            <path d="M11.5 2.5l2 2L5 13H3v-2z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          </svg>
        </button>
        {state !== 'idle' && (
          <button type="button" className="button button--icon" onClick={() => onDiscard(slot)} aria-label={t('timers.card.discardLabel', { label })} title={t('timers.card.discardTitle')} {...busyProps}>
            <svg viewBox="0 0 16 16" aria-hidden="true" width="16" height="16">
              <path d="M3 4.5h10M6.5 4.5V3h3v1.5M5 4.5l.6 8.5h4.8l.6-8.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>
          </button>
        )}
      </footer>
    </article>
  )
}
