// The in-app warning when a contract passes 80 % or 100 % of its included hours this
// month. The main process says so once per contract, month and level; each alert stays
// until dismissed (no timer: reading speed is the person's), and a newer level of the
// same contract replaces the older. Screen readers hear the sentence once, politely.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { EventPayload } from '@shared/contract'
import { useClient } from '../../client-context'
import { useT } from '../../i18n/i18n-context'
import { hrefOf } from '../../routes'
import { useDisplayUnit } from '../../timesheet/use-timesheet-settings'
import { monthOf } from '../month/month-nav'
import { UsageIcon } from './ContractUsagePanel'
import { alertSentence, contractLabel } from './usage-text'
import './contracts.css'

type UsageAlert = EventPayload<'contracts.usageAlert'>

/** Where an alert leads: the Reports view's Contracts tab (the view keeps its state in the hash). */
export const CONTRACT_USAGE_HREF = hrefOf('reports', 'tab=contracts')
/** More than this many at once is noise; the oldest go first (the Contracts tab lists them all). */
const MAX_ALERTS = 4

const keyOf = (alert: Pick<UsageAlert, 'month' | 'contractId'>) => `${alert.month}:${alert.contractId}`

export function UsageAlerts() {
  const client = useClient()
  const translator = useT()
  const { t } = translator
  const unit = useDisplayUnit(client)
  const [alerts, setAlerts] = useState<readonly UsageAlert[]>([])
  const [announcement, setAnnouncement] = useState('')
  const listRef = useRef<HTMLUListElement>(null)

  useEffect(
    () =>
      client.events['contracts.usageAlert']((alert) => {
        setAlerts((list) => [...list.filter((shown) => keyOf(shown) !== keyOf(alert)), alert].slice(-MAX_ALERTS))
        setAnnouncement(alertSentence(alert, monthOf(), unit, translator))
      }),
    [client, unit, translator],
  )

  const dismiss = (key: string, moveFocus: boolean) => {
    const index = alerts.findIndex((alert) => keyOf(alert) === key)
    setAlerts((list) => list.filter((alert) => keyOf(alert) !== key))
    if (alerts.length <= 1) setAnnouncement('')
    if (!moveFocus) return
    // Focus stays among the alerts while one is left.
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('.usage-alert__close')
    ;(buttons?.[index + 1] ?? buttons?.[index - 1])?.focus()
  }

  const onKeyDown = (key: string) => (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    dismiss(key, true)
  }

  const currentMonth = monthOf()
  return (
    <section className="usage-alerts" aria-label={t('reports.alerts.label')}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {alerts.length > 0 && (
        <ul ref={listRef} className="usage-alerts__list" role="list">
          {alerts.map((alert) => {
            const key = keyOf(alert)
            const name = contractLabel(alert)
            return (
              <li key={key} className={`usage-alert usage-alert--${alert.level}`} onKeyDown={onKeyDown(key)}>
                <UsageIcon level={alert.level} />
                <p className="usage-alert__title">{alert.level === 'over' ? t('reports.alerts.over') : t('reports.alerts.near')}</p>
                <p className="usage-alert__text">{alertSentence(alert, currentMonth, unit, translator)}</p>
                <p className="usage-alert__actions">
                  <a href={CONTRACT_USAGE_HREF} onClick={() => dismiss(key, false)}>
                    {t('reports.alerts.open')}
                    <span className="visually-hidden">{t('reports.alerts.openOf', { name })}</span>
                  </a>
                </p>
                <button type="button" className="button button--ghost button--icon usage-alert__close" aria-label={t('reports.alerts.dismiss', { name })} title={t('reports.alerts.dismissTitle')} onClick={() => dismiss(key, true)}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
