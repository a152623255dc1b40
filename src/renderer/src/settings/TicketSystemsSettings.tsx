// Settings → Ticket systems: a standalone technician's own write-back. Systems with their
// address (credentials are entered, never shown back), a Test that lists the system's
// activities and maps Stint's activity types to them, and the writes that failed with the
// system's reason and a Retry. With a team server connected it only says the server does this.
import { useCallback, useEffect, useId, useState } from 'react'
import type { LocalTicketSystem, LocalTicketWrite } from '@shared/ticket-systems/local-systems'
import type { ActivityType } from '@shared/work'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { AddTicketSystemForm } from './AddTicketSystemForm'

type Tested = { ok: boolean; activities: { id: string; name: string }[]; reason: string | null }

export function TicketSystemsSettings() {
  const client = useClient()
  const { t } = useT()
  const id = useId()
  const [mode, setMode] = useState<'standalone' | 'server' | null>(null)
  const [systems, setSystems] = useState<LocalTicketSystem[]>([])
  const [failed, setFailed] = useState<LocalTicketWrite[]>([])
  const [types, setTypes] = useState<ActivityType[]>([])
  const [tested, setTested] = useState<Record<string, Tested>>({})
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

  const run = async (action: () => Promise<unknown>, done?: string) => {
    setMessage(null)
    try {
      await action()
      await load()
      if (done) setMessage({ ok: true, text: done })
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message })
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
      </div>
      {mode === 'server' ? (
        <p className="field__help">{t('settings.tickets.serverWrites')}</p>
      ) : (
        <>
          <p className="field__help">{t('settings.tickets.help')}</p>
          <ul className="ticket-systems" aria-label={t('settings.tickets.listLabel')}>
            {systems.map((system) => {
              const result = tested[system.id]
              return (
                <li key={system.id} aria-label={system.name}>
                  <strong>{system.name}</strong> <span>{system.baseUrl}</span>
                  <button type="button" className="button button--secondary" onClick={() => void test(system)}>
                    {t('settings.tickets.test', { name: system.name })}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => void run(() => client.tickets.removeSystem({ id: system.id }))}>
                    {t('settings.tickets.remove', { name: system.name })}
                  </button>
                  {result && (
                    <p className={result.ok ? 'field__help' : 'field__error'} role={result.ok ? 'status' : 'alert'}>
                      {result.ok ? t('settings.tickets.testOk', { count: result.activities.length }) : t('settings.tickets.testFailed', { reason: result.reason ?? '' })}
                    </p>
                  )}
                  {result?.ok && result.activities.length > 0 && (
                    <fieldset>
                      <legend>{t('settings.tickets.mapping', { name: system.name })}</legend>
                      {types.map((type) => (
                        <label key={type.id} className="field">
                          <span>{type.name}</span>
                          <select value={system.activityMap[type.id] ?? ''} onChange={(event) => void map(system, type.id, event.target.value)}>
                            <option value="">{t('settings.tickets.sameName')}</option>
                            {result.activities.map((activity) => (
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
            })}
          </ul>
          <AddTicketSystemForm onAdd={(input) => run(() => client.tickets.addSystem(input), t('settings.tickets.added', { name: input.name }))} />
          <h3>{t('settings.tickets.failedTitle')}</h3>
          {failed.length === 0 ? (
            <p className="field__help">{t('settings.tickets.noneFailed')}</p>
          ) : (
            <ul aria-label={t('settings.tickets.failedTitle')}>
              {failed.map((write) => (
                <li key={write.id}>
                  {t('settings.tickets.failedWrite', { day: write.day, system: write.system, reason: write.reason ?? '' })}{' '}
                  <button type="button" className="button button--secondary" onClick={() => void run(() => client.tickets.retryWrites({ id: write.id }), t('settings.tickets.retried'))}>
                    {t('settings.tickets.retry')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className={message?.ok === false ? 'field__error' : 'field__help'} role={message?.ok === false ? 'alert' : 'status'}>
            {message?.text ?? ''}
          </p>
        </>
      )}
    </section>
  )
}
