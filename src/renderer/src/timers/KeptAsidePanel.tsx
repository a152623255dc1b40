// Timer time the user kept aside because its period is submitted or approved. It stays
// here, across restarts, until it is booked (into its days once the period is reopened,
// or today) or discarded; nothing else books it.
import { useId, useState } from 'react'
import { formatDuration } from '@shared/duration'
import type { HeldTime, PromptResolution } from '@shared/timers'
import type { WorkItem } from '@shared/work'
import { spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { Dialog } from '../ui/Dialog'
import { heldDays } from './LockedTimeDialog'
import { workItemUnderLabel } from './work-under-label'
import './held-time.css'

interface KeptAsidePanelProps {
  items: readonly HeldTime[]
  workItems: readonly WorkItem[]
  onResolve: (id: string, resolution: PromptResolution) => void
}

export function KeptAsidePanel({ items, workItems, onResolve }: KeptAsidePanelProps) {
  const translator = useT()
  const { t, locale } = translator
  const titleId = useId()
  const [discarding, setDiscarding] = useState<HeldTime | null>(null)
  if (items.length === 0) return null
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel__title">
        {t('timers.kept.title')}
      </h2>
      <p className="muted">{t('timers.kept.help')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('timers.kept.timerColumn')}</th>
            <th scope="col">{t('timers.kept.workedOn')}</th>
            <th scope="col" className="num">
              {t('timers.duration')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('timers.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((held) => {
            const item = workItems.find((w) => w.id === held.workItemId)
            const what = { duration: spokenDurationIn(translator, held.seconds), label: held.timerLabel, days: heldDays(held, locale) }
            const reasonId = `${titleId}-${held.id}`
            return (
              <tr key={held.id}>
                <th scope="row">
                  {held.timerLabel}{' '}
                  <span className="table__sub">{item ? [workItemUnderLabel(held.timerLabel, item), item.customerName].filter(Boolean).join(' — ') : t('timers.noWorkItem')}</span>
                </th>
                <td className="table__nowrap">
                  {what.days}
                  <span id={reasonId} className="table__sub">
                    {t(held.lock ? 'timers.kept.stillLocked' : 'timers.kept.openAgain')}
                  </span>
                </td>
                <td className="num">{formatDuration(held.seconds)}</td>
                <td className="kept-aside__actions">
                  <button
                    type="button"
                    className="button button--secondary button--compact"
                    aria-label={t('timers.kept.bookIntoLabel', what)}
                    aria-disabled={held.lock !== null || undefined}
                    aria-describedby={reasonId}
                    onClick={() => held.lock === null && onResolve(held.id, { action: 'book-into-days' })}
                  >
                    {t('timers.kept.bookInto')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--compact"
                    aria-label={t('timers.kept.bookTodayLabel', what)}
                    aria-disabled={!held.todayOpen || undefined}
                    onClick={() => held.todayOpen && onResolve(held.id, { action: 'book-today' })}
                  >
                    {t('timers.kept.bookToday')}
                  </button>
                  <button type="button" className="button button--ghost button--compact" aria-label={t('timers.kept.discardLabel', what)} onClick={() => setDiscarding(held)}>
                    {t('timers.kept.discard')}
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {discarding && (
        <Dialog
          title={t('timers.kept.discardTitle', { duration: formatDuration(discarding.seconds), label: discarding.timerLabel })}
          description={t('timers.kept.discardDescription', { days: heldDays(discarding, locale) })}
          onClose={() => setDiscarding(null)}
          actions={
            <>
              <button type="button" className="button button--ghost" onClick={() => setDiscarding(null)} data-autofocus>
                {t('timers.cancel')}
              </button>
              <button
                type="button"
                className="button button--stop"
                onClick={() => {
                  setDiscarding(null)
                  onResolve(discarding.id, { action: 'discard' })
                }}
              >
                {t('timers.discard')}
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </section>
  )
}
