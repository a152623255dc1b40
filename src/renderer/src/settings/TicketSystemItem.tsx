// One ticket system in Settings → Ticket systems: its name and address, Test and Remove,
// what the test found, and, once it lists the system's activities, the mapping of each of
// Stint's activity types to one of them (or to the one of the same name).
import type { LocalTicketSystem } from '@shared/ticket-systems/local-systems'
import type { ActivityType } from '@shared/work'
import { useT } from '../i18n/i18n-context'

export interface TestResult {
  ok: boolean
  activities: { id: string; name: string }[]
  reason: string | null
}

interface TicketSystemItemProps {
  system: LocalTicketSystem
  types: readonly ActivityType[]
  tested: TestResult | undefined
  onTest: () => void
  onRemove: () => void
  onMap: (typeId: string, activityId: string) => void
}

export function TicketSystemItem({ system, types, tested, onTest, onRemove, onMap }: TicketSystemItemProps) {
  const { t } = useT()
  return (
    <li className="ticket-system" aria-label={system.name}>
      <div className="ticket-system__head">
        <span className="ticket-system__name">{system.name}</span>
        <span className="ticket-system__url">{system.baseUrl}</span>
        <span className="ticket-system__actions">
          <button type="button" className="button button--secondary button--compact" aria-label={t('settings.tickets.test', { name: system.name })} onClick={onTest}>
            {t('settings.tickets.testShort')}
          </button>
          <button type="button" className="button button--ghost button--compact button--danger-text" aria-label={t('settings.tickets.remove', { name: system.name })} onClick={onRemove}>
            {t('settings.tickets.removeShort')}
          </button>
        </span>
      </div>
      {tested && (
        <p className={tested.ok ? 'field__help' : 'field__error ticket-system__problem'} role={tested.ok ? 'status' : 'alert'}>
          {tested.ok ? t('settings.tickets.testOk', { count: tested.activities.length }) : t('settings.tickets.testFailed', { reason: tested.reason ?? '' })}
        </p>
      )}
      {tested?.ok && tested.activities.length > 0 && (
        <fieldset className="ticket-system__map">
          <legend>{t('settings.tickets.mapping', { name: system.name })}</legend>
          {types.map((type) => (
            <label key={type.id} className="field">
              <span>{type.name}</span>
              <select value={system.activityMap[type.id] ?? ''} onChange={(event) => onMap(type.id, event.target.value)}>
                <option value="">{t('settings.tickets.sameName')}</option>
                {tested.activities.map((activity) => (
                  <option key={activity.id} value={activity.id}>
                    {activity.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
    </li>
  )
}
