// The question about timer time that fell into a submitted or approved period: it was
// not booked there, and waits here until the user books it today, keeps it aside until
// the period is reopened, or discards it. Keeping it aside is the safe default.
import { useId } from 'react'
import { formatDuration } from '@shared/duration'
import type { HeldTime, PromptResolution } from '@shared/timers'
import { formatDay, formatTime } from '../format'
import { useT } from '../i18n/i18n-context'
import { lockSentence } from '../i18n/lock-sentence'
import { Dialog } from '../ui/Dialog'
import './held-time.css'

/** "Sun 15 Nov" or "Sun 15 Nov and Mon 16 Nov" ("So 15. Nov. und Mo 16. Nov."): the days and the "and" as the locale writes them. */
export function heldDays(held: HeldTime, locale = 'en-GB'): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(held.days.map((d) => formatDay(d.day, locale)))
}

interface LockedTimeDialogProps {
  held: HeldTime
  remaining: number
  onResolve: (resolution: PromptResolution) => void
}

export function LockedTimeDialog({ held, remaining, onResolve }: LockedTimeDialogProps) {
  const translator = useT()
  const { t, locale } = translator
  const todayNote = useId()
  const more = remaining > 1 ? ` ${t('timers.moreQuestions', { count: remaining - 1 })}` : ''
  const lock = lockSentence(held.lock, translator)
  const reopened = lock === null
  const days = heldDays(held, locale)
  const values = { label: held.timerLabel, duration: formatDuration(held.seconds), from: formatTime(held.fromAt), to: formatTime(held.toAt), days }
  return (
    <Dialog
      title={t('timers.locked.title', values)}
      description={t('timers.locked.description', values) + more}
      onClose={() => undefined}
      dismissable={false}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={() => onResolve({ action: 'discard' })}>
            {t('timers.discardIt')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onResolve({ action: 'keep-aside' })} data-autofocus>
            {t('timers.locked.keepAside')}
          </button>
          {reopened && (
            <button type="button" className="button button--start" onClick={() => onResolve({ action: 'book-into-days' })}>
              {t('timers.locked.bookInto', { days })}
            </button>
          )}
          <button
            type="button"
            className="button button--start"
            aria-disabled={!held.todayOpen || undefined}
            aria-describedby={held.todayOpen ? undefined : todayNote}
            onClick={() => held.todayOpen && onResolve({ action: 'book-today' })}
          >
            {t('timers.locked.bookToday')}
          </button>
        </>
      }
    >
      <ul className="held-days" aria-label={t('timers.locked.days')}>
        {held.days.map((d) => (
          <li key={d.day}>
            <span>{formatDay(d.day, locale)}</span>
            <span className="num">{formatDuration(d.seconds)}</span>
            <span className="muted">{t(d.locked ? 'timers.locked.locked' : 'timers.locked.openAgain')}</span>
          </li>
        ))}
      </ul>
      {lock && <p className="note">{lock}</p>}
      <p className="muted">{t('timers.locked.keptHelp')}</p>
      {!held.todayOpen && (
        <p id={todayNote} className="muted">
          {t('timers.locked.todayLocked')}
        </p>
      )}
    </Dialog>
  )
}
