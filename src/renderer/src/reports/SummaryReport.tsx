// The Summary tab: where the time of a range went. Range, grouping and filters on top;
// totals with utilisation; hours per day against the expected hours and the share by
// customer or activity type as charts; the grouped table with its CSV exports.
import type { DurationUnit } from '@shared/duration'
import { weekStartFor } from '@shared/i18n/formats'
import type { PeriodRule } from '@shared/periods'
import { DEFAULT_REPORT_STATUSES } from '@shared/reports'
import { useT } from '../i18n/i18n-context'
import { hoursBars, shareBars } from './chart-data'
import { HoursChart } from './HoursChart'
import { ShareChart } from './ShareChart'
import { ExportCsvButton } from './ExportCsvButton'
import { chartBucketOf, filtersOf, queryOf, queryProblem, rangeOf, type ReportState } from './report-state'
import { ReportControls, ShareToggle } from './ReportControls'
import { ReportTable, TotalsCards } from './ReportTable'
import { dimensionName, rangeProblemText, rangeText } from './report-text'
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
  const translator = useT()
  const { t, locale } = translator
  const range = rangeOf(state, today, periodRule)
  // Where weeks start in a weekly report: the timesheet's week when it has one, else the language's.
  const weekStartsOn = weekStartFor(periodRule, locale)
  const query = queryOf(state, range, expectedSeconds, weekStartsOn)
  const engineProblem = queryProblem(query)
  const problem = engineProblem === null ? null : rangeProblemText(translator, range.from, range.to, engineProblem)
  const valid = problem === null
  const rangeLabel = valid ? rangeText(range.from, range.to, locale) : ''
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
          {t('reports.nothingShown', { problem: problem ?? '' })}
        </p>
      )}
      {valid && main.error && (
        <div className="banner banner--error" role="alert">
          <span>{t('reports.runFailed', { reason: main.error })}</span>
          <button type="button" className="button button--ghost button--compact" onClick={main.reload}>
            {t('reports.tryAgain')}
          </button>
        </div>
      )}
      {valid && !main.error && !result && <p className="muted">{t('reports.loadingRange', { range: rangeLabel })}</p>}

      {valid && !main.error && result && (
        <div className={`rp-body${current && !busy ? '' : ' is-stale'}`} aria-busy={busy || undefined}>
          <TotalsCards result={result} unit={unit} scope={state.scope} />
          {result.totals.entryCount === 0 ? (
            <p className="empty rp-empty">
              {t('reports.noTime', { range: rangeLabel })}{' '}
              {hasFilters(state) ? t('reports.noTimeFiltered') : state.scope === 'team' ? t('reports.noTimeTeam') : t('reports.noTimeMine')}
            </p>
          ) : (
            <>
              <div className="rp-charts">
                {chart.value && (
                  <HoursChart
                    bars={hoursBars(chart.value.rows, range, bucket, weekStartsOn, expectedSeconds, result.people, translator)}
                    unit={unit}
                    bucket={bucket}
                    rangeLabel={rangeLabel}
                  />
                )}
                {share.value && (
                  <ShareChart
                    bars={shareBars(share.value.rows, 8, translator)}
                    unit={unit}
                    noun={dimensionName(translator, state.share)}
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
              label={t('reports.exportEntries')}
              xlsxLabel={t('reports.exportEntriesXlsx')}
              disabled={result.totals.entryCount === 0}
              showBomOption={false}
            />
            <ExportCsvButton what={() => ({ kind: 'report', query })} scope={state.scope} label={t('reports.exportReport')} xlsxLabel={t('reports.exportReportXlsx')} disabled={result.totals.entryCount === 0} />
          </div>
        </div>
      )}
    </div>
  )
}

function hasFilters(state: ReportState): boolean {
  return Object.values(state.filters).some((ids) => ids.length > 0) || state.billable !== 'all' || state.statuses.join() !== DEFAULT_REPORT_STATUSES.join()
}

