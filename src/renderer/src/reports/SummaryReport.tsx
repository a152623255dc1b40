// The Summary tab: where the time of a range went. Range, grouping and filters on top;
// totals with utilisation; hours per day against the expected hours and the share by
// customer or activity type as charts; the grouped table with its CSV exports.
import type { DurationUnit } from '@shared/duration'
import { weekStartFor } from '@shared/i18n/formats'
import { dayRangeLabel, type PeriodRule } from '@shared/periods'
import { DEFAULT_REPORT_STATUSES, DIMENSION_NAMES } from '@shared/reports'
import { useT } from '../i18n/i18n-context'
import { hoursBars, shareBars } from './chart-data'
import { HoursChart, ShareChart } from './Charts'
import { ExportCsvButton } from './ExportCsvButton'
import { chartBucketOf, filtersOf, queryOf, queryProblem, rangeOf, type ReportState } from './report-state'
import { ReportControls, ShareToggle } from './ReportControls'
import { ReportTable, TotalsCards } from './ReportTable'
import { useFilterChoices, useReport } from './use-report-data'

export interface SummaryReportProps {
  state: ReportState
  onChange: (patch: Partial<ReportState>) => void
  today: string
  periodRule: PeriodRule
  expectedSeconds: number[]
  unit: DurationUnit
}

export function SummaryReport({ state, onChange, today, periodRule, expectedSeconds, unit }: SummaryReportProps) {
  const range = rangeOf(state, today, periodRule)
  // Where weeks start in a weekly report: the timesheet's week when it has one, else the language's.
  const weekStartsOn = weekStartFor(periodRule, useT().locale)
  const query = queryOf(state, range, expectedSeconds, weekStartsOn)
  const problem = queryProblem(query)
  const valid = problem === null
  const rangeLabel = valid ? dayRangeLabel({ start: range.from, end: range.to }) : ''
  const bucket = valid ? chartBucketOf(range.from, range.to) : 'day'
  const chartQuery = valid ? { ...query, groupBy: [bucket] } : null
  const shareQuery = valid ? { ...query, groupBy: [state.share] } : null

  const main = useReport(state.scope, valid ? query : null)
  const chart = useReport(state.scope, chartQuery)
  const share = useReport(state.scope, shareQuery)
  const choices = useFilterChoices(state.scope, valid ? range : null)

  const result = main.value
  // An answer to an earlier choice stays on screen greyed out until the new one arrives.
  const current = result !== null && JSON.stringify(result.query.groupBy) === JSON.stringify(query.groupBy) && result.query.from === range.from && result.query.to === range.to
  const busy = main.loading || chart.loading || share.loading

  return (
    <div className="rp">
      <ReportControls state={state} onChange={onChange} range={range} choices={choices} />

      {!valid && (
        <p className="banner banner--error" role="alert">
          Nothing is shown. {problem}
        </p>
      )}
      {valid && main.error && (
        <div className="banner banner--error" role="alert">
          <span>The report could not be run: {main.error}</span>
          <button type="button" className="button button--ghost button--compact" onClick={main.reload}>
            Try again
          </button>
        </div>
      )}
      {valid && !main.error && !result && <p className="muted">Loading the report for {rangeLabel}…</p>}

      {valid && !main.error && result && (
        <div className={`rp-body${current && !busy ? '' : ' is-stale'}`} aria-busy={busy || undefined}>
          <TotalsCards result={result} unit={unit} scope={state.scope} />
          {result.totals.entryCount === 0 ? (
            <p className="empty rp-empty">
              No time matches these filters in {rangeLabel}.{' '}
              {hasFilters(state) ? 'Clear a filter or choose a longer range.' : state.scope === 'team' ? 'Nobody you may see booked time then.' : 'Time you book shows up here.'}
            </p>
          ) : (
            <>
              <div className="rp-charts">
                {chart.value && (
                  <HoursChart
                    bars={hoursBars(chart.value.rows, range, bucket, weekStartsOn, expectedSeconds, result.people)}
                    unit={unit}
                    bucket={bucket}
                    rangeLabel={rangeLabel}
                  />
                )}
                {share.value && (
                  <ShareChart
                    bars={shareBars(share.value.rows)}
                    unit={unit}
                    noun={DIMENSION_NAMES[state.share]}
                    rangeLabel={rangeLabel}
                    tools={<ShareToggle value={state.share} onChange={(next) => onChange({ share: next })} />}
                  />
                )}
              </div>
              <ReportTable result={result} unit={unit} rangeLabel={rangeLabel} />
            </>
          )}
          <div className="rp-exports">
            <ExportCsvButton
              what={() => ({ kind: 'entries', from: range.from, to: range.to, filters: filtersOf(state), includeVoided: state.statuses.includes('voided') })}
              scope={state.scope}
              label="Export entries (CSV)"
              disabled={result.totals.entryCount === 0}
              showBomOption={false}
            />
            <ExportCsvButton what={() => ({ kind: 'report', query })} scope={state.scope} label="Export report (CSV)" disabled={result.totals.entryCount === 0} />
          </div>
        </div>
      )}
    </div>
  )
}

function hasFilters(state: ReportState): boolean {
  return Object.values(state.filters).some((ids) => ids.length > 0) || state.billable !== 'all' || state.statuses.join() !== DEFAULT_REPORT_STATUSES.join()
}

