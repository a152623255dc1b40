// Settings → Ticket systems: a standalone technician's own write-back. Systems with their
// address (credentials are entered, never shown back), a Test that lists the system's
// activities and maps Stint's activity types to them, and the writes that failed with the
// system's reason and a Retry. With a team server connected it only says the server does this.
import { useCallback, useEffect, useId, useState } from 'react'
import type { LocalTicketSystem, LocalTicketWrite } from '@shared/ticket-systems/local-systems'
import type { ActivityType } from '@shared/work'
import { useClient } from '../client-context'
import { formatDay } from '../format'
import { useT } from '../i18n/i18n-context'
import { AddTicketSystemForm } from './AddTicketSystemForm'
import { TicketSystemItem, type TestResult } from './TicketSystemItem'
import './ticket-systems.css'


export function TicketSystemsSettings() {
  const client = useClient()
  const { t, locale } = useT()
  const id = useId()
  const [mode, setMode] = useState<'standalone' | 'server' | null>(null)
  const [systems, setSystems] = useState<LocalTicketSystem[]>([])
  const [failed, setFailed] = useState<LocalTicketWrite[]>([])
  const [types, setTypes] = useState<ActivityType[]>([])
  const [tested, setTested] = useState<Record<string, TestResult>>({})
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  const fetchAll = useCallback(async () => ({ listed: await client.tickets.systems({}), writes: await client.tickets.writes({}) }), [client])
  const apply = useCallback(({ listed, writes }: Awaited<ReturnType<typeof fetchAll>>) => {
    setMode(listed.mode)
    setSystems(listed.systems)
    setFailed(writes.filter((w) => w.state === 'failed' || w.state === 'reverse_failed'))
  }, [])
  const load = async () => apply(await fetchAll())
  useEffect(() => {
    fetchAll().then(apply, (error: unknown) => setMessage({ ok: false, text: (error as Error).message }))
    client.work.listActivityTypes({}).then(setTypes, () => undefined)
  }, [client, fetchAll, apply])

  /** Does one thing the host may refuse, then reloads; whether it was done. */
  const run = async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
    setMessage(null)
    try {
      await action()
      await load()
      if (done) setMessage({ ok: true, text: done })
      return true
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message })
      return false
    }
  }
  const test = (system: LocalTicketSystem) => run(async () => setTested({ ...tested, [system.id]: await client.tickets.testSystem({ id: system.id }) }))
  const map = (system: LocalTicketSystem, typeId: string, activity: string) => {
    const rest = Object.fromEntries(Object.entries(system.activityMap).filter(([key]) => key !== typeId))
    return run(() => client.tickets.updateSystem({ id: system.id, activityMap: activity === '' ? rest : { ...rest, [typeId]: activity } }), t('settings.tickets.saved'))
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('settings.tickets.title')}
        </h2>
        <p className="panel__status" role="status">
          {message?.ok ? message.text : ''}
        </p>
      </div>
      {message && !message.ok && (
        <div className="banner banner--error" role="alert">
          <span>{message.text}</span>
        </div>
      )}
      {mode === 'server' ? (
        <p className="field__help">{t('settings.tickets.serverWrites')}</p>
      ) : (
        <>
          <p className="field__help">{t('settings.tickets.help')}</p>
          {systems.length > 0 && (
            <ul className="ticket-systems" aria-label={t('settings.tickets.listLabel')}>
              {systems.map((system) => (
                <TicketSystemItem
                  key={system.id}
                  system={system}
                  types={types}
                  tested={tested[system.id]}
                  onTest={() => void test(system)}
                  onRemove={() => void run(() => client.tickets.removeSystem({ id: system.id }), t('settings.tickets.removed', { name: system.name }))}
                  onMap={(typeId, activity) => void map(system, typeId, activity)}
                />
              ))}
            </ul>
          )}
          <AddTicketSystemForm onAdd={(input) => run(() => client.tickets.addSystem(input), t('settings.tickets.added', { name: input.name }))} />
          <h3 className="ticket-systems__subtitle">{t('settings.tickets.failedTitle')}</h3>
          {failed.length === 0 ? (
            <p className="field__help">{t('settings.tickets.noneFailed')}</p>
          ) : (
            <ul className="ticket-writes-failed" aria-label={t('settings.tickets.failedTitle')}>
              {failed.map((write) => (
                <li key={write.id}>
                  <span>{t('settings.tickets.failedWrite', { day: formatDay(write.day, locale), system: write.system, reason: write.reason ?? '' })}</span>
                  <button type="button" className="button button--secondary button--compact" onClick={() => void run(() => client.tickets.retryWrites({ id: write.id }), t('settings.tickets.retried'))}>
                    {t('settings.tickets.retry')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
