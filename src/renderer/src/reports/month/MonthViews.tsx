// Month views of accounted time, as helpdesks know them: every entry of a month, and the
// month's time per ticket (with the ticket's time over its whole life), per customer and
// per organisation. One tab per view, a month picker, a status filter, a totals row, and
// the CSV export of the same view with every row (the table stops at 5,000).
import { useCallback, useEffect, useId, useState } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { EntryStatusSchema, type EntryStatus } from '@shared/entries'
import { MONTH_VIEWS, MONTH_VIEW_NAMES, MonthViewQuerySchema, type MonthViewKind, type MonthViewQueryInput, type MonthViewResult } from '@shared/month-views'
import { DEFAULT_REPORT_STATUSES } from '@shared/reports'
import { useClient } from '../../client-context'
import { BUCKET_NAMES } from '../../submissions/BucketBar'
import { onSyncRounds } from '../../sync/sync-rounds'
import { useDisplayUnit } from '../../timesheet/use-timesheet-settings'
import { Tabs } from '../../ui/Tabs'
import { useHostQuery } from '../../ui/use-host-query'
import { ExportCsvButton } from '../ExportCsvButton'
import { monthOf, monthLabel } from './month-nav'
import { MonthPicker } from './MonthPicker'
import { monthColumns } from './month-columns'
import { MonthTable } from './MonthTable'
import './month.css'

export type MonthScope = 'mine' | 'team'

/** What one row of each view is, for sentences: "Showing 5,000 of 12,345 entries". */
const ROW_NOUNS: Readonly<Record<MonthViewKind, [string, string]>> = {
  entries: ['entry', 'entries'],
  tickets: ['ticket', 'tickets'],
  customers: ['customer', 'customers'],
  organisations: ['organisation', 'organisations'],
}

const count = (n: number, [one, many]: [string, string]) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

const DEFAULT_STATUSES: readonly EntryStatus[] = DEFAULT_REPORT_STATUSES
const isDefaultStatuses = (statuses: readonly EntryStatus[]) => statuses.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => statuses.includes(s))

/** The query as the contract checks it: the message of what is wrong, or the query. */
function checkQuery(query: MonthViewQueryInput): { ok: true } | { ok: false; problem: string } {
  const parsed = MonthViewQuerySchema.safeParse(query)
  return parsed.success ? { ok: true } : { ok: false, problem: parsed.error.issues[0]?.message ?? 'The month view cannot be shown with these choices.' }
}

function useMonthView(scope: MonthScope, query: MonthViewQueryInput, valid: boolean) {
  const client = useClient()
  const { month, view } = query
  const statusKey = (query.statuses ?? []).join(',')
  const fetch = useCallback((): Promise<MonthViewResult | null> => {
    // A query the contract refuses is not sent; the view says what is wrong instead.
    if (!valid) return Promise.resolve(null)
    const request = { month, view, statuses: statusKey.split(',') as EntryStatus[] }
    return scope === 'team' ? client.reports.teamMonth(request) : client.reports.month(request)
  }, [client, scope, month, view, statusKey, valid])
  const result = useHostQuery(fetch)
  const { reload } = result

  useEffect(() => {
    const offEntries = client.events['entries.changed'](reload)
    const offWork = client.events['work.changed'](reload)
    // Time of others (and decisions on one's own) arrives with a sync round.
    const offSync = onSyncRounds(client, reload)
    return () => {
      offEntries()
      offWork()
      offSync()
    }
  }, [client, reload])
  return result
}

export function MonthViews({ scope }: { scope: MonthScope }) {
  const client = useClient()
  const id = useId()
  const unit = useDisplayUnit(client)
  const [month, setMonth] = useState(() => monthOf())
  const [view, setView] = useState<MonthViewKind>('entries')
  const [statuses, setStatuses] = useState<readonly EntryStatus[]>(DEFAULT_STATUSES)
  const query: MonthViewQueryInput = { month, view, statuses: [...statuses] }
  const check = checkQuery(query)
  const { value, error, loading, reload } = useMonthView(scope, query, check.ok)
  // Only an answer to the tab and month on screen is shown; the previous one waits greyed out.
  const current = value && value.view === view && value.month === month ? value : null
  const stale = value !== null && current === null

  const toggleStatus = (status: EntryStatus) =>
    setStatuses((list) => (list.includes(status) ? list.filter((s) => s !== status) : EntryStatusSchema.options.filter((s) => s === status || list.includes(s))))

  const noun = ROW_NOUNS[view]
  const shown = current ?? (stale ? value : null)

  return (
    <div className="mv" aria-labelledby={`${id}-title`} role="group">
      <div className="mv-toolbar">
        <h2 id={`${id}-title`} className="mv-title">
          {scope === 'team' ? 'Team time' : 'Your time'} in {monthLabel(month)}
        </h2>
        <MonthPicker month={month} onChange={setMonth} label="Month of the month views" />
        <StatusFilter statuses={statuses} onToggle={toggleStatus} />
      </div>

      <Tabs id={id} label="Month views" options={MONTH_VIEWS} names={MONTH_VIEW_NAMES} value={view} onChange={setView} className="mv-tabs" tabClassName="mv-tab" />

      <div className="mv-panel panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${view}`} aria-busy={loading || stale || undefined}>
        {!check.ok && (
          <p className="banner banner--error" role="alert">
            Nothing is shown. {check.problem}
          </p>
        )}
        {check.ok && error && (
          <div className="banner banner--error" role="alert">
            <span>
              The {MONTH_VIEW_NAMES[view].toLowerCase()} view of {monthLabel(month)} could not be loaded: {error}
            </span>
            <button type="button" className="button button--ghost button--compact" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {check.ok && !error && !shown && <p className="muted">Loading {monthLabel(month)}…</p>}
        {check.ok && !error && shown && (
          <div className={stale ? 'mv-body is-stale' : 'mv-body'}>
            <div className="mv-summary">
              <p className="mv-summary__facts">
                <span>{count(shown.totals.entryCount, ROW_NOUNS.entries)}</span>
                <span>
                  <strong>{formatDuration(shown.totals.totalSeconds, unit)}</strong> booked
                </span>
                <span>{formatDuration(shown.totals.billableSeconds, unit)} billable</span>
                {!isDefaultStatuses(shown.statuses) && <span>Statuses: {shown.statuses.map((s) => BUCKET_NAMES[s].toLowerCase()).join(', ')}</span>}
              </p>
              <ExportCsvButton
                what={() => ({ kind: 'month', query: { month, view, statuses: [...statuses] } })}
                scope={scope}
                label={`Export ${MONTH_VIEW_NAMES[view].toLowerCase()} (CSV)`}
                disabled={shown.rowCount === 0}
              />
            </div>
            {shown.rowCount > shown.rows.length && (
              <p className="mv-cut" role="note">
                Showing {shown.rows.length.toLocaleString('en')} of {count(shown.rowCount, noun)} — export CSV for all.
              </p>
            )}
            {shown.rows.length === 0 ? (
              <p className="empty">
                No time {isDefaultStatuses(shown.statuses) ? '' : 'with these statuses '}in {monthLabel(shown.month)}
                {scope === 'team' ? ' that you may see.' : '. Time you book shows up here.'}
              </p>
            ) : (
              <ResultTable result={shown} unit={unit} scope={scope} />
            )}
          </div>
        )}
      </div>
    </div>
  )
}

function ResultTable({ result, unit, scope }: { result: MonthViewResult; unit: DurationUnit; scope: MonthScope }) {
  const caption = `${MONTH_VIEW_NAMES[result.view]}, ${monthLabel(result.month)}${scope === 'team' ? ', team' : ''}`
  const totalLabel = `Total of ${monthLabel(result.month)}`
  switch (result.view) {
    case 'entries':
      return <MonthTable caption={caption} columns={monthColumns.entries(unit, result.totals)} rows={result.rows} rowKey={(r) => r.entryId} totalLabel={totalLabel} />
    case 'tickets':
      return <MonthTable caption={caption} columns={monthColumns.tickets(unit, result.totals)} rows={result.rows} rowKey={(r) => r.workItemId} totalLabel={totalLabel} />
    case 'customers':
      return <MonthTable caption={caption} columns={monthColumns.customers(unit, result.totals)} rows={result.rows} rowKey={(r) => r.customerId ?? '(none)'} totalLabel={totalLabel} />
    case 'organisations':
      return <MonthTable caption={caption} columns={monthColumns.organisations(unit, result.totals)} rows={result.rows} rowKey={(r) => r.organisation ?? '(none)'} totalLabel={totalLabel} />
  }
}

function StatusFilter({ statuses, onToggle }: { statuses: readonly EntryStatus[]; onToggle: (status: EntryStatus) => void }) {
  return (
    <fieldset className="mv-statuses">
      <legend>Statuses</legend>
      {EntryStatusSchema.options.map((status) => (
        <label key={status} className="check mv-statuses__item">
          <input type="checkbox" checked={statuses.includes(status)} onChange={() => onToggle(status)} />
          {BUCKET_NAMES[status]}
        </label>
      ))}
    </fieldset>
  )
}

