// The reads behind the Summary report: the engine's answers for a query and the choices of
// each filter. Every read is asked again when time, work items or a sync round may have changed the answer.
import { useCallback, useEffect, useMemo } from 'react'
import type { StintClient } from '@shared/bridge'
import type { ReportDimension, ReportQueryInput, ReportResult } from '@shared/reports'
import { workItemDisplayName } from '@shared/work'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { onSyncRounds } from '../sync/sync-rounds'
import { useHostQuery, type HostQuery } from '../ui/use-host-query'
import type { FilterChoice } from './FilterPicker'
import type { ReportScope } from './report-state'
import { keyLabel, noneLabel } from './report-text'

/** Calls `reload` whenever the answer of a report may have changed. */
function useReloadOnChanges(client: StintClient, reload: () => void): void {
  useEffect(() => {
    const off = [client.events['entries.changed'](reload), client.events['work.changed'](reload), onSyncRounds(client, reload)]
    return () => off.forEach((unsubscribe) => unsubscribe())
  }, [client, reload])
}

/** The engine's answer to `query` (null: do not ask, the query is not valid). */
export function useReport(scope: ReportScope, query: ReportQueryInput | null): HostQuery<ReportResult | null> {
  const client = useClient()
  // The query's text is the dependency: a new object with the same content is the same report.
  const key = query === null ? null : JSON.stringify(query)
  const fetch = useCallback((): Promise<ReportResult | null> => {
    if (key === null) return Promise.resolve(null)
    const request = JSON.parse(key) as ReportQueryInput
    return scope === 'team' ? client.reports.team(request) : client.reports.run(request)
  }, [client, scope, key])
  const result = useHostQuery(fetch)
  useReloadOnChanges(client, result.reload)
  return result
}

export type FilterChoices = Partial<Record<ReportDimension, FilterChoice[]>>

const byLabel = (a: FilterChoice, b: FilterChoice) => a.label.localeCompare(b.label)

/**
 * The choices of each list filter: customers, their organisations, contracts, work items (with their ticket
 * reference) and activity types from this device's lists, each with its none choice ("No customer", "(none)"); in team
 * scope the people and teams with time in the range, as the team server names them
 * (there is no list of them on a device).
 */
export function useFilterChoices(scope: ReportScope, range: { from: string; to: string } | null): FilterChoices {
  const client = useClient()
  const translator = useT()
  const fetchLists = useCallback(async (): Promise<FilterChoices> => {
    const { t } = translator
    const none: FilterChoice = { id: null, label: noneLabel(translator, 'contract') }
    const [customers, contracts, items, types] = await Promise.all([client.work.listCustomers({}), client.work.listContracts({}), client.work.listItems({}), client.work.listActivityTypes({})])
    const customerName = new Map(customers.map((c) => [c.id, c.name]))
    const organisations = [...new Set(customers.flatMap((c) => (c.organisation === null ? [] : [c.organisation])))]
    return {
      customer: [...customers.map((c) => ({ id: c.id, label: c.name })).sort(byLabel), { id: null, label: noneLabel(translator, 'customer') }],
      // An organisation is a customer's free-text group: its name is its key in the filter.
      organisation: [...organisations.map((name) => ({ id: name, label: name })).sort(byLabel), { id: null, label: noneLabel(translator, 'organisation') }],
      contract: [...contracts.map((c) => ({ id: c.id, label: t('reports.contractOf', { contract: c.name, customer: customerName.get(c.customerId) ?? t('reports.unknownCustomer') }) })).sort(byLabel), none],
      workItem: [...items.map((item) => ({ id: item.id, label: workItemDisplayName(item) })).sort(byLabel), none],
      activityType: [...types.map((type) => ({ id: type.id, label: type.active ? type.name : t('reports.inactive', { name: type.name }) })).sort(byLabel), none],
    }
  }, [client, translator])
  const lists = useHostQuery(fetchLists)
  useEffect(() => client.events['work.changed'](lists.reload), [client, lists.reload])

  const from = range?.from
  const to = range?.to
  const fetchTeam = useCallback(async (): Promise<FilterChoices> => {
    if (scope !== 'team' || !from || !to) return {}
    const ask = (dimension: 'user' | 'team') => client.reports.team({ from, to, groupBy: [dimension], filters: { statuses: ['draft', 'submitted', 'approved', 'rejected', 'voided'] } })
    const [people, teams] = await Promise.all([ask('user'), ask('team')])
    const choices = (result: ReportResult) => result.rows.flatMap((row) => (row.keys[0] === undefined ? [] : [{ id: row.keys[0].id, label: keyLabel(translator, row.keys[0]) }]))
    return { user: choices(people).filter((c) => c.id !== null), team: choices(teams) }
  }, [client, scope, from, to, translator])
  const team = useHostQuery(fetchTeam)

  return useMemo(() => ({ ...(lists.value ?? {}), ...(team.value ?? {}) }), [lists.value, team.value])
}
