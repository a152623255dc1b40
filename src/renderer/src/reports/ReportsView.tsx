// The Reports view: Summary (any range, grouped and filtered, with charts), Month (the
// month views of helpdesks) and Contracts (included hours used). Approvers and admins
// connected to a team server switch between their own time and the team's. The view's
// choices live in the address, so a reload or a bookmark opens the same report.
import { useCallback, useEffect, useId, useState } from 'react'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { hrefOf, parseHash } from '../routes'
import { todayLocal } from '../format'
import { useTeamAccount } from '../sync/use-team-account'
import { useTimesheetSettings } from '../timesheet/use-timesheet-settings'
import { Tabs } from '../ui/Tabs'
import { ContractUsagePanel } from './contracts/ContractUsagePanel'
import { MonthViews } from './month/MonthViews'
import { REPORT_TABS, decodeState, dimensionsOf, encodeState, type ReportScope, type ReportState, type ReportTab } from './report-state'
import { SummaryReport } from './SummaryReport'
import '../ui/segmented.css'
import './reports.css'

export function ReportsView({ param }: { param: string | null }) {
  const client = useClient()
  const { t } = useT()
  const id = useId()
  const tabNames: Readonly<Record<ReportTab, string>> = { summary: t('reports.tab.summary'), month: t('reports.tab.month'), contracts: t('reports.tab.contracts') }
  const [today] = useState(() => todayLocal())
  const [state, setState] = useState<ReportState>(() => decodeState(param, today))
  const settings = useTimesheetSettings(client)
  const account = useTeamAccount(client)
  // The team's time may be shown to an approver or admin connected to a team server.
  const mayTeam = account !== null && (account.role !== 'member' || account.approverLevels.length > 0)
  const scope: ReportScope = mayTeam ? state.scope : 'mine'

  // Written back without a history entry per click: Back leaves Reports, as for other views.
  useEffect(() => {
    const href = hrefOf('reports', encodeState(state))
    if (window.location.hash !== href) window.history.replaceState(window.history.state, '', href)
  }, [state])

  // A link followed while Reports is open (a contract alert's "see usage", Back, Forward) fires
  // hashchange; writing our own state back above does not. Open the report that link names.
  useEffect(() => {
    const onHashChange = () => {
      const route = parseHash(window.location.hash)
      if (route.id !== 'reports') return
      const wanted = decodeState(route.param, today)
      setState((current) => (encodeState(current) === encodeState(wanted) ? current : wanted))
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [today])

  const change = useCallback((patch: Partial<ReportState>) => setState((current) => ({ ...current, ...patch })), [])
  const setScope = (next: ReportScope) =>
    setState((current) => {
      // Grouping by person or team means nothing for one's own time: fall back to the customer.
      const groupBy = current.groupBy.filter((dimension) => dimensionsOf(next).includes(dimension))
      return { ...current, scope: next, groupBy: groupBy.length > 0 ? groupBy : ['customer'] }
    })

  return (
    <section className="view reports" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`}>{t('reports.title')}</h1>
          <p className="view__subtitle">{scope === 'team' ? t('reports.subtitleTeam') : t('reports.subtitleMine')}</p>
        </div>
        {mayTeam && (
          <div className="segmented" role="group" aria-label={t('reports.whose')}>
            {(['mine', 'team'] as const).map((option) => (
              <button key={option} type="button" className="segmented__button" aria-pressed={scope === option} onClick={() => setScope(option)}>
                {option === 'mine' ? t('reports.mine') : t('reports.team')}
              </button>
            ))}
          </div>
        )}
      </header>

      <Tabs id={id} label={t('reports.title')} options={REPORT_TABS} names={tabNames} value={state.tab} onChange={(tab) => change({ tab })} className="reports__tabs" tabClassName="reports__tab" />

      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${state.tab}`} className="reports__panel">
        {state.tab === 'summary' &&
          (settings.loaded ? (
            <SummaryReport
              state={{ ...state, scope }}
              onChange={change}
              today={today}
              periodRule={settings.timesheet.periodRule}
              expectedSeconds={settings.timesheet.expectedSeconds}
              unit={settings.timesheet.unit}
            />
          ) : (
            <p className="muted">{t('reports.loading')}</p>
          ))}
        {state.tab === 'month' && <MonthViews scope={scope} />}
        {state.tab === 'contracts' && <ContractUsagePanel scope={scope} />}
      </div>
    </section>
  )
}

