// What the Summary report shows, as plain data: the range (a preset or two days), the
// grouping, the filters and the chart toggles. It travels in the address (#reports/…) so
// a reload or a shared link opens the same report, and it becomes the engine's query here.
import { addDays, periodContaining, previousPeriod, type PeriodRule } from '@shared/periods'
import { EntryStatusSchema, type EntryStatus } from '@shared/entries'
import {
  DEFAULT_REPORT_STATUSES,
  REPORT_DIMENSIONS,
  ReportQuerySchema,
  TEAM_DIMENSIONS,
  reportRangeDays,
  type ReportDimension,
  type ReportFilters,
  type ReportQueryInput,
} from '@shared/reports'

export type ReportScope = 'mine' | 'team'
export type ReportTab = 'summary' | 'month' | 'contracts'
export const REPORT_TABS: readonly ReportTab[] = ['summary', 'month', 'contracts']

export const RANGE_PRESETS = ['thisPeriod', 'lastPeriod', 'thisMonth', 'lastMonth', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

export type BillableChoice = 'all' | 'billable' | 'nonBillable'
export type ShareDimension = 'customer' | 'activityType'

/**
 * The filters a person picks from a list, keyed by the dimension they filter. A
 * dimension without an entry here (time, status, billable) is filtered some other way.
 * Partial on purpose: a dimension added to the engine later simply has no list filter
 * until it gets a key.
 */
export const FILTER_KEYS: Partial<Record<ReportDimension, IdFilterKey>> = {
  customer: 'customerIds',
  organisation: 'organisations',
  contract: 'contractIds',
  workItem: 'workItemIds',
  activityType: 'activityTypeIds',
  user: 'userIds',
  team: 'teamIds',
}
export type IdFilterKey = 'customerIds' | 'organisations' | 'contractIds' | 'workItemIds' | 'activityTypeIds' | 'userIds' | 'teamIds'

/** An id filter: null stands for time that has none (no customer…), as the "(none)" row shows it. */
export type IdFilters = Partial<Record<IdFilterKey, (string | null)[]>>

export interface ReportState {
  tab: ReportTab
  scope: ReportScope
  preset: RangePreset
  /** The custom range; kept while a preset is chosen so switching back finds it again. */
  from: string
  to: string
  groupBy: ReportDimension[]
  filters: IdFilters
  statuses: EntryStatus[]
  billable: BillableChoice
  share: ShareDimension
}

export function defaultState(today: string): ReportState {
  return {
    tab: 'summary',
    scope: 'mine',
    preset: 'thisMonth',
    from: `${today.slice(0, 7)}-01`,
    to: today,
    groupBy: ['customer'],
    filters: {},
    statuses: [...DEFAULT_REPORT_STATUSES],
    billable: 'all',
    share: 'customer',
  }
}

/** Dimensions a report of `scope` may group and filter by: a device knows no people or teams. */
export function dimensionsOf(scope: ReportScope): ReportDimension[] {
  return REPORT_DIMENSIONS.filter((dimension) => scope === 'team' || !TEAM_DIMENSIONS.includes(dimension))
}

function monthSpan(day: string): { from: string; to: string } {
  const from = `${day.slice(0, 7)}-01`
  const next = new Date(`${from}T00:00:00Z`)
  next.setUTCMonth(next.getUTCMonth() + 1)
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) }
}

/** The days a preset covers on `today` under the timesheet's period rule; Custom gives the state's own days. */
export function rangeOf(state: Pick<ReportState, 'preset' | 'from' | 'to'>, today: string, rule: PeriodRule): { from: string; to: string } {
  switch (state.preset) {
    case 'thisPeriod': {
      const period = periodContaining(today, rule)
      return { from: period.start, to: period.end }
    }
    case 'lastPeriod': {
      const period = previousPeriod(periodContaining(today, rule), rule)
      return { from: period.start, to: period.end }
    }
    case 'thisMonth':
      return monthSpan(today)
    case 'lastMonth':
      return monthSpan(addDays(`${today.slice(0, 7)}-01`, -1))
    case 'custom':
      return { from: state.from, to: state.to }
  }
}

/** The engine's filters from the state's: empty lists are left out (an empty list would match nothing). */
export function filtersOf(state: Pick<ReportState, 'filters' | 'statuses' | 'billable' | 'scope'>): ReportFilters {
  const filters: ReportFilters = { statuses: [...state.statuses] }
  const allowed = dimensionsOf(state.scope)
  for (const [dimension, key] of Object.entries(FILTER_KEYS) as [ReportDimension, IdFilterKey][]) {
    const ids = state.filters[key]
    if (!ids || ids.length === 0 || !allowed.includes(dimension)) continue
    if (key === 'userIds') filters.userIds = ids.filter((id): id is string => id !== null)
    else filters[key] = [...ids]
  }
  if (state.billable !== 'all') filters.billable = state.billable === 'billable'
  return filters
}

/** The query of the grouped table; `expectedSeconds` from the timesheet settings gives utilisation. */
export function queryOf(state: ReportState, range: { from: string; to: string }, expectedSeconds: number[] | undefined, weekStartsOn: number): ReportQueryInput {
  const allowed = dimensionsOf(state.scope)
  return {
    from: range.from,
    to: range.to,
    groupBy: state.groupBy.filter((dimension) => allowed.includes(dimension)),
    filters: filtersOf(state),
    weekStartsOn: weekStartsOn as ReportQueryInput['weekStartsOn'],
    ...(expectedSeconds ? { expectedSeconds } : {}),
  }
}

/** What is wrong with a query, in the engine's own words, without a round trip; null when nothing is. */
export function queryProblem(query: ReportQueryInput): string | null {
  const parsed = ReportQuerySchema.safeParse(query)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'The report cannot be run with these choices.')
}

/** The span each bar of the hours chart covers: days for up to two months, then weeks, then months. */
export function chartBucketOf(from: string, to: string): 'day' | 'week' | 'month' {
  const days = reportRangeDays(from, to)
  if (days <= 62) return 'day'
  if (days <= 26 * 7) return 'week'
  return 'month'
}

// The address: short keys, lists comma-separated, "~" for the "(none)" id. Anything
// unreadable falls back to the default rather than failing the view.
const NONE_TOKEN = '~'
const DAY = /^\d{4}-\d{2}-\d{2}$/

// "%", "," and "~" in a part are percent-escaped (an organisation's name may hold them), so
// the list splits back exactly; ids and plain names come out unchanged and readable.
function encodeIds(ids: (string | null)[]): string {
  return ids.map((id) => (id === null ? NONE_TOKEN : id.replace(/[%,~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))).join(',')
}

function decodeIds(text: string): (string | null)[] {
  return text
    .split(',')
    .filter((part) => part !== '')
    .map((part) => (part === NONE_TOKEN ? null : decodePart(part)))
}

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part // a hand-edited address with a stray "%": kept as typed, it simply matches nothing
  }
}

export function encodeState(state: ReportState): string {
  const params = new URLSearchParams()
  params.set('tab', state.tab)
  if (state.scope !== 'mine') params.set('scope', state.scope)
  params.set('range', state.preset)
  if (state.preset === 'custom') {
    params.set('from', state.from)
    params.set('to', state.to)
  }
  params.set('by', state.groupBy.join(','))
  for (const key of Object.values(FILTER_KEYS)) {
    const ids = state.filters[key]
    if (ids && ids.length > 0) params.set(key, encodeIds(ids))
  }
  if (state.statuses.join(',') !== DEFAULT_REPORT_STATUSES.join(',')) params.set('status', state.statuses.join(','))
  if (state.billable !== 'all') params.set('billable', state.billable)
  if (state.share !== 'customer') params.set('share', state.share)
  return params.toString()
}

export function decodeState(text: string | null, today: string): ReportState {
  const state = defaultState(today)
  if (!text) return state
  const params = new URLSearchParams(text)
  const tab = params.get('tab')
  if (REPORT_TABS.includes(tab as ReportTab)) state.tab = tab as ReportTab
  if (params.get('scope') === 'team') state.scope = 'team'
  const preset = params.get('range')
  if (RANGE_PRESETS.includes(preset as RangePreset)) state.preset = preset as RangePreset
  // A custom day keeps whatever was typed, so the view can say what is wrong with it.
  const from = params.get('from')
  const to = params.get('to')
  if (from !== null && (DAY.test(from) || from === '')) state.from = from
  if (to !== null && (DAY.test(to) || to === '')) state.to = to
  const by = (params.get('by') ?? '').split(',').filter((d): d is ReportDimension => (REPORT_DIMENSIONS as readonly string[]).includes(d))
  if (by.length > 0) state.groupBy = [...new Set(by)].slice(0, 3)
  for (const key of Object.values(FILTER_KEYS)) {
    const ids = params.get(key)
    if (ids) state.filters[key] = decodeIds(ids)
  }
  const statuses = (params.get('status') ?? '').split(',').filter((s): s is EntryStatus => (EntryStatusSchema.options as readonly string[]).includes(s))
  if (statuses.length > 0) state.statuses = statuses
  const billable = params.get('billable')
  if (billable === 'billable' || billable === 'nonBillable') state.billable = billable
  if (params.get('share') === 'activityType') state.share = 'activityType'
  return state
}
