// Month views of accounted time, as helpdesks know them: every entry of a month, and the
// month's time per ticket (with the ticket's time over its whole life), per customer and
// per organisation. One tab per view, a month picker, a status filter, a totals row, and
// the CSV export of the same view with every row (the table stops at 5,000).
import { useCallback, useEffect, useId, useState } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { EntryStatusSchema, type EntryStatus } from '@shared/entries'
import { MONTH_VIEWS, MonthViewQuerySchema, type MonthViewKind, type MonthViewQueryInput, type MonthViewResult } from '@shared/month-views'
import { DEFAULT_REPORT_STATUSES } from '@shared/reports'
import type { MessageId } from '@shared/i18n/catalogue'
import { useClient } from '../../client-context'
import { useT } from '../../i18n/i18n-context'
import { onSyncRounds } from '../../sync/sync-rounds'
import { useDisplayUnit } from '../../timesheet/use-timesheet-settings'
import { Tabs } from '../../ui/Tabs'
import { useHostQuery } from '../../ui/use-host-query'
import { ExportCsvButton } from '../ExportCsvButton'
import { STATUS_IDS, STATUS_WORD_IDS } from '../report-text'
import { sentenceWith } from '../../i18n/sentence-with'
import { monthOf, monthLabel } from './month-nav'
import { MonthPicker } from './MonthPicker'
import { monthColumns } from './month-columns'
import { MonthTable } from './MonthTable'
import './month.css'

export type MonthScope = 'mine' | 'team'

/** How many rows of each view, for sentences: "Showing 5,000 of 12,345 entries". */
const ROW_COUNTS: Readonly<Record<MonthViewKind, MessageId>> = {
  entries: 'reports.month.count.entries',
  tickets: 'reports.month.count.tickets',
  customers: 'reports.month.count.customers',
  organisations: 'reports.month.count.organisations',
}

const DEFAULT_STATUSES: readonly EntryStatus[] = DEFAULT_REPORT_STATUSES
const isDefaultStatuses = (statuses: readonly EntryStatus[]) => statuses.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => statuses.includes(s))

/** The query as the contract checks it: the message of what is wrong, or the query. */
function checkQuery(query: MonthViewQueryInput, fallback: string): { ok: true } | { ok: false; problem: string } {
  const parsed = MonthViewQuerySchema.safeParse(query)
  return parsed.success ? { ok: true } : { ok: false, problem: parsed.error.issues[0]?.message ?? fallback }
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
  const { t, locale } = useT()
  const id = useId()
  const unit = useDisplayUnit(client)
  const viewNames: Readonly<Record<MonthViewKind, string>> = {
    entries: t('reports.month.view.entries'),
    tickets: t('reports.month.view.tickets'),
    customers: t('reports.month.view.customers'),
    organisations: t('reports.month.view.organisations'),
  }
  const [month, setMonth] = useState(() => monthOf())
  const [view, setView] = useState<MonthViewKind>('entries')
  const [statuses, setStatuses] = useState<readonly EntryStatus[]>(DEFAULT_STATUSES)
  const query: MonthViewQueryInput = { month, view, statuses: [...statuses] }
  const check = checkQuery(query, t('reports.month.cannotShow'))
  const { value, error, loading, reload } = useMonthView(scope, query, check.ok)
  // Only an answer to the tab and month on screen is shown; the previous one waits greyed out.
  const current = value && value.view === view && value.month === month ? value : null
  const stale = value !== null && current === null

  const toggleStatus = (status: EntryStatus) =>
    setStatuses((list) => (list.includes(status) ? list.filter((s) => s !== status) : EntryStatusSchema.options.filter((s) => s === status || list.includes(s))))

  const duration = (seconds: number) => formatDuration(seconds, unit, locale)
  const monthText = monthLabel(month, locale)
  const shown = current ?? (stale ? value : null)

  return (
    <div className="mv" aria-labelledby={`${id}-title`} role="group">
      <div className="mv-toolbar">
        <h2 id={`${id}-title`} className="mv-title">
          {t(scope === 'team' ? 'reports.month.titleTeam' : 'reports.month.titleMine', { month: monthText })}
        </h2>
        <MonthPicker month={month} onChange={setMonth} label={t('reports.month.picker')} />
        <StatusFilter statuses={statuses} onToggle={toggleStatus} />
      </div>

      <Tabs id={id} label={t('reports.month.tabs')} options={MONTH_VIEWS} names={viewNames} value={view} onChange={setView} className="mv-tabs" tabClassName="mv-tab" />

      <div className="mv-panel panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${view}`} aria-busy={loading || stale || undefined}>
        {!check.ok && (
          <p className="banner banner--error" role="alert">
            {t('reports.nothingShown', { problem: check.problem })}
          </p>
        )}
        {check.ok && error && (
          <div className="banner banner--error" role="alert">
            <span>{t('reports.month.loadFailed', { view, month: monthText, reason: error })}</span>
            <button type="button" className="button button--ghost button--compact" onClick={reload}>
              {t('reports.tryAgain')}
            </button>
          </div>
        )}
        {check.ok && !error && !shown && <p className="muted">{t('reports.month.loading', { month: monthText })}</p>}
        {check.ok && !error && shown && (
          <div className={stale ? 'mv-body is-stale' : 'mv-body'}>
            <div className="mv-summary">
              <p className="mv-summary__facts">
                <span>{t(ROW_COUNTS.entries, { count: shown.totals.entryCount })}</span>
                <span>
                  {sentenceWith(t, 'reports.month.booked', { duration: <strong>{duration(shown.totals.totalSeconds)}</strong> })}
                </span>
                <span>{t('reports.month.billable', { duration: duration(shown.totals.billableSeconds) })}</span>
                {!isDefaultStatuses(shown.statuses) && <span>{t('reports.month.statuses', { list: shown.statuses.map((s) => t(STATUS_WORD_IDS[s])).join(', ') })}</span>}
              </p>
              <ExportCsvButton
                what={() => ({ kind: 'month', query: { month, view, statuses: [...statuses] } })}
                scope={scope}
                label={t('reports.month.export', { view })}
                xlsxLabel={t('reports.month.exportXlsx', { view })}
                disabled={shown.rowCount === 0}
              />
            </div>
            {shown.rowCount > shown.rows.length && (
              <p className="mv-cut" role="note">
                {t('reports.month.cut', { shown: shown.rows.length, total: t(ROW_COUNTS[view], { count: shown.rowCount }) })}
              </p>
            )}
            {shown.rows.length === 0 ? (
              <p className="empty">
                {t(isDefaultStatuses(shown.statuses) ? (scope === 'team' ? 'reports.month.emptyTeam' : 'reports.month.empty') : scope === 'team' ? 'reports.month.emptyStatusesTeam' : 'reports.month.emptyStatuses', {
                  month: monthLabel(shown.month, locale),
                })}
              </p>
            ) : (
              <ResultTable result={shown} unit={unit} scope={scope} viewName={viewNames[shown.view]} />
            )}
          </div>
        )}
      </div>
    </div>
  )
}

function ResultTable({ result, unit, scope, viewName }: { result: MonthViewResult; unit: DurationUnit; scope: MonthScope; viewName: string }) {
  const translator = useT()
  const { t, locale } = translator
  const month = monthLabel(result.month, locale)
  const caption = t(scope === 'team' ? 'reports.month.captionTeam' : 'reports.month.caption', { view: viewName, month })
  const totalLabel = t('reports.month.total', { month })
  switch (result.view) {
    case 'entries':
      return <MonthTable caption={caption} columns={monthColumns.entries(unit, result.totals, translator)} rows={result.rows} rowKey={(r) => r.entryId} totalLabel={totalLabel} />
    case 'tickets':
      return <MonthTable caption={caption} columns={monthColumns.tickets(unit, result.totals, translator)} rows={result.rows} rowKey={(r) => r.workItemId} totalLabel={totalLabel} />
    case 'customers':
      return <MonthTable caption={caption} columns={monthColumns.customers(unit, result.totals, translator)} rows={result.rows} rowKey={(r) => r.customerId ?? '(none)'} totalLabel={totalLabel} />
    case 'organisations':
      return <MonthTable caption={caption} columns={monthColumns.organisations(unit, result.totals, translator)} rows={result.rows} rowKey={(r) => r.organisation ?? '(none)'} totalLabel={totalLabel} />
  }
}

function StatusFilter({ statuses, onToggle }: { statuses: readonly EntryStatus[]; onToggle: (status: EntryStatus) => void }) {
  const { t } = useT()
  return (
    <fieldset className="mv-statuses">
      <legend>{t('reports.statuses')}</legend>
      {EntryStatusSchema.options.map((status) => (
        <label key={status} className="check mv-statuses__item">
          <input type="checkbox" checked={statuses.includes(status)} onChange={() => onToggle(status)} />
          {t(STATUS_IDS[status])}
        </label>
      ))}
    </fieldset>
  )
}

