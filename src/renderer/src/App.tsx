import { useEffect, useMemo } from 'react'
import type { StintClient } from '@shared/bridge'
import type { Translator } from '@shared/i18n/translator'
import { DEFAULT_TIMER_COLORS } from '@shared/timers'
import { BillingView } from './billing/BillingView'
import { CalendarView } from './calendar/CalendarView'
import { ClientContext } from './client-context'
import { I18nProvider, useT } from './i18n/i18n-context'
import { ReportsView } from './reports/ReportsView'
import { UsageAlerts } from './reports/contracts/UsageAlerts'
import { ROUTES, useRoute, type RouteId } from './routes'
import { useTheme } from './settings/use-theme'
import { SyncIndicator } from './sync/SyncIndicator'
import { useSyncStatus } from './sync/use-sync-status'
import { useTeamAccount } from './sync/use-team-account'
import { createTimersStore } from './timers/timers-store'
import { ApprovalsView } from './views/ApprovalsView'
import { AttentionView } from './views/AttentionView'
import { SettingsView } from './views/SettingsView'
import { SubmissionsView } from './views/SubmissionsView'
import { TimersView } from './views/TimersView'
import { TimesheetView } from './views/TimesheetView'
import { WorkView } from './views/WorkView'
import { createWorkStore } from './work/work-store'
import './shell.css'

function BrandMark() {
  return (
    <span className="brand__mark" aria-hidden="true">
      {DEFAULT_TIMER_COLORS.map((color) => (
        <span key={color} className="brand__dot" style={{ background: color }} />
      ))}
    </span>
  )
}

export function App({ client, systemLanguages, onTranslator }: { client: StintClient; systemLanguages?: readonly string[]; onTranslator?: (translator: Translator) => void }) {
  return (
    <ClientContext.Provider value={client}>
      <I18nProvider client={client} system={systemLanguages} onTranslator={onTranslator}>
        <Shell client={client} />
      </I18nProvider>
    </ClientContext.Provider>
  )
}

function Shell({ client }: { client: StintClient }) {
  const { t } = useT()
  const timersStore = useMemo(() => createTimersStore(client), [client])
  const workStore = useMemo(() => createWorkStore(client), [client])
  const route = useRoute()
  useTheme(client)
  const sync = useSyncStatus(client)
  // The Approvals view is in the navigation only for an approver; Billing only standalone,
  // since a team's billing run is the team server's (its console and API). Both addresses work for anyone.
  const account = useTeamAccount(client)
  const approver = (account?.approverLevels.length ?? 0) > 0
  const inNav = (id: RouteId) => (id !== 'approvals' || approver) && (id !== 'billing' || account === null)

  useEffect(() => {
    void timersStore.getState().load()
    void workStore.getState().load()
    const off = [
      client.events['timers.changed'](({ timers }) => timersStore.getState().replaceTimers(timers)),
      client.events['prompts.changed'](({ prompts }) => timersStore.getState().replacePrompts(prompts)),
      client.events['work.changed'](() => void workStore.getState().load()),
      // A period reopened (or locked) changes what kept-aside time can do.
      client.events['entries.changed'](() => void timersStore.getState().loadQuestions()),
    ]
    return () => off.forEach((unsubscribe) => unsubscribe())
  }, [client, timersStore, workStore])

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <BrandMark />
          <span className="brand__name">Stint</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav">
            {ROUTES.filter((r) => inNav(r.id)).map((r) => (
              <li key={r.id}>
                <a className={`nav__link${route.id === r.id ? ' is-active' : ''}`} href={`#${r.id}`} aria-current={route.id === r.id ? 'page' : undefined}>
                  {t(`nav.${r.id}`)}
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
        {route.id === 'timers' && <TimersView store={timersStore} work={workStore} />}
        {/* A link to another period (from Submissions) opens the view afresh on it. */}
        {route.id === 'timesheet' && <TimesheetView key={route.param ?? ''} work={workStore} day={route.param} />}
        {route.id === 'calendar' && <CalendarView key={route.param ?? ''} work={workStore} day={route.param} />}
        {route.id === 'submissions' && <SubmissionsView />}
        {route.id === 'reports' && <ReportsView param={route.param} />}
        {route.id === 'billing' && <BillingView />}
        {route.id === 'approvals' && <ApprovalsView periodId={route.param} />}
        {route.id === 'work' && <WorkView work={workStore} />}
        {route.id === 'settings' && <SettingsView />}
        {route.id === 'attention' && <AttentionView work={workStore} />}
      </main>
      <UsageAlerts />
    </div>
  )
}
