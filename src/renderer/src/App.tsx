import { useEffect, useMemo } from 'react'
import type { StintClient } from '@shared/bridge'
import { DEFAULT_TIMER_COLORS } from '@shared/timers'
import { ClientContext } from './client-context'
import { ROUTES, useRoute } from './routes'
import { SyncIndicator } from './sync/SyncIndicator'
import { useSyncStatus } from './sync/use-sync-status'
import { createTimersStore } from './timers/timers-store'
import { AttentionView } from './views/AttentionView'
import { SettingsView } from './views/SettingsView'
import { TimersView } from './views/TimersView'
import { TimesheetView } from './views/TimesheetView'
import { WorkView } from './views/WorkView'
import { createWorkStore } from './work/work-store'

function BrandMark() {
  return (
    <span className="brand__mark" aria-hidden="true">
      {DEFAULT_TIMER_COLORS.map((color) => (
        <span key={color} className="brand__dot" style={{ background: color }} />
      ))}
    </span>
  )
}

export function App({ client }: { client: StintClient }) {
  const timersStore = useMemo(() => createTimersStore(client), [client])
  const workStore = useMemo(() => createWorkStore(client), [client])
  const route = useRoute()
  const sync = useSyncStatus(client)

  useEffect(() => {
    void timersStore.getState().load()
    void workStore.getState().load()
    const off = [
      client.events['timers.changed'](({ timers }) => timersStore.getState().replaceTimers(timers)),
      client.events['prompts.changed'](({ prompts }) => timersStore.getState().replacePrompts(prompts)),
      client.events['work.changed'](() => void workStore.getState().load()),
    ]
    return () => off.forEach((unsubscribe) => unsubscribe())
  }, [client, timersStore, workStore])

  return (
    <ClientContext.Provider value={client}>
      <div className="shell">
        <aside className="sidebar">
          <div className="brand">
            <BrandMark />
            <span className="brand__name">Stint</span>
          </div>
          <nav aria-label="Views">
            <ul className="nav">
              {ROUTES.map((r) => (
                <li key={r.id}>
                  <a className={`nav__link${route === r.id ? ' is-active' : ''}`} href={`#${r.id}`} aria-current={route === r.id ? 'page' : undefined}>
                    {r.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="sidebar__foot">
            <SyncIndicator model={sync} />
          </div>
        </aside>
        <main className="content">
          {route === 'timers' && <TimersView store={timersStore} work={workStore} />}
          {route === 'timesheet' && <TimesheetView work={workStore} />}
          {route === 'work' && <WorkView work={workStore} />}
          {route === 'settings' && <SettingsView />}
          {route === 'attention' && <AttentionView work={workStore} />}
        </main>
      </div>
    </ClientContext.Provider>
  )
}
