import { useEffect, useMemo } from 'react'
import type { StintClient } from '@shared/bridge'
import { DEFAULT_TIMER_COLORS } from '@shared/timers'
import { createTimersStore } from './timers/timers-store'
import { TimersView } from './views/TimersView'

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

  useEffect(() => client.events['timers.changed'](({ timers }) => timersStore.getState().replace(timers)), [client, timersStore])

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <BrandMark />
          <span className="brand__name">Stint</span>
        </div>
        <nav aria-label="Views">
          <ul className="nav">
            <li>
              <a className="nav__link is-active" href="#timers" aria-current="page">
                Timers
              </a>
            </li>
          </ul>
        </nav>
        <p className="sidebar__foot">Saved on this device · works offline</p>
      </aside>
      <main className="content" id="timers">
        <TimersView store={timersStore} />
      </main>
    </div>
  )
}
