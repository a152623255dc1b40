// The Summary tab: where the time of a range went. Range, grouping and filters on top;
// totals with utilisation; hours per day against the expected hours and the share by
// customer or activity type as charts; the grouped table with its CSV exports.
import '../ui/segmented.css'
import { useId, useMemo, useState, type ReactNode } from 'react'
import { format } from 'date-fns'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { weekStartFor } from '@shared/i18n/formats'
import { EntryStatusSchema, type EntryStatus } from '@shared/entries'
import { dayRangeLabel, isValidDay, type PeriodRule } from '@shared/periods'
import { DEFAULT_REPORT_STATUSES, DIMENSION_NAMES, MAX_GROUP_DIMENSIONS, type ReportDimension, type ReportKey, type ReportResult, type ReportRow } from '@shared/reports'
import { useT } from '../i18n/i18n-context'
import { BUCKET_NAMES } from '../submissions/BucketBar'
import { hoursBars, percentText, shareBars } from './chart-data'
import { HoursChart, ShareChart } from './Charts'
import { ExportCsvButton } from './ExportCsvButton'
import { FilterPicker } from './FilterPicker'
import {
  FILTER_KEYS,
  RANGE_PRESETS,
  RANGE_PRESET_NAMES,
  chartBucketOf,
  dimensionsOf,
  filtersOf,
  queryOf,
  queryProblem,
  rangeOf,
  type BillableChoice,
  type IdFilterKey,
  type ReportState,
  type ShareDimension,
} from './report-state'
import { useFilterChoices, useReport, type FilterChoices } from './use-report-data'
import { NestedRows } from './NestedRows'

const GROUPING_NAMES = ['First grouping', 'Second grouping', 'Third grouping']
const capitalised = (text: string) => (text[0]?.toUpperCase() ?? '') + text.slice(1)
const PLURALS: Partial<Record<ReportDimension, string>> = { activityType: 'activity types', workItem: 'work items', user: 'people', team: 'teams', customer: 'customers', contract: 'contracts' }
const pluralOf = (dimension: ReportDimension) => PLURALS[dimension] ?? `${DIMENSION_NAMES[dimension]}s`

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

/** The engine names days and months by their ISO ids (for CSV); people read "Mon 3 Mar 2025" and "March 2025". */
function keyLabel(key: ReportKey): string {
  if (key.id === null) return key.label
  if (key.dimension === 'day' && isValidDay(key.id)) return format(new Date(`${key.id}T12:00:00`), 'EEE d MMM yyyy')
  if (key.dimension === 'month' && isValidDay(`${key.id}-01`)) return format(new Date(`${key.id}-01T12:00:00`), 'MMMM yyyy')
  return key.label
}

function hasFilters(state: ReportState): boolean {
  return Object.values(state.filters).some((ids) => ids.length > 0) || state.billable !== 'all' || state.statuses.join() !== DEFAULT_REPORT_STATUSES.join()
}

interface ControlsProps {
  state: ReportState
  onChange: (patch: Partial<ReportState>) => void
  range: { from: string; to: string }
  choices: FilterChoices
}

function ReportControls({ state, onChange, range, choices }: ControlsProps) {
  const id = useId()
  const allowed = dimensionsOf(state.scope)
  const listFilters = allowed.filter((dimension) => FILTER_KEYS[dimension] !== undefined && choices[dimension] !== undefined)
  const toggleStatus = (status: EntryStatus) => {
    const statuses = state.statuses.includes(status) ? state.statuses.filter((s) => s !== status) : EntryStatusSchema.options.filter((s) => s === status || state.statuses.includes(s))
    onChange({ statuses })
  }
  const setGroup = (index: number, value: string) => {
    const next = [...state.groupBy]
    if (value === '') next.splice(index)
    else next[index] = value as ReportDimension
    // A dimension chosen here leaves the later selects; each is named once.
    onChange({ groupBy: next.filter((dimension, i) => next.indexOf(dimension) === i) })
  }
  // A preset switched to Custom starts from the days it showed, so a small change is easy.
  const choosePreset = (preset: ReportState['preset']) => (preset === 'custom' && state.preset !== 'custom' ? onChange({ preset, from: range.from, to: range.to }) : onChange({ preset }))
  const fromInvalid = state.preset === 'custom' && !isValidDay(state.from)
  const toInvalid = state.preset === 'custom' && (!isValidDay(state.to) || (isValidDay(state.from) && state.to < state.from))

  return (
    <div className="panel rp-controls">
      <div className="rp-row">
        <fieldset className="rp-presets">
          <legend className="rp-label">Range</legend>
          <div className="segmented">
            {RANGE_PRESETS.map((preset) => (
              <label key={preset} className="segmented__option">
                <input type="radio" name={`${id}-range`} value={preset} checked={state.preset === preset} onChange={() => choosePreset(preset)} />
                <span>{RANGE_PRESET_NAMES[preset]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {state.preset === 'custom' ? (
          <div className="rp-custom">
            <label className="field rp-date">
              <span className="rp-label">From</span>
              <input type="date" value={state.from} aria-invalid={fromInvalid || undefined} onChange={(event) => onChange({ from: event.target.value })} />
            </label>
            <label className="field rp-date">
              <span className="rp-label">To</span>
              <input type="date" value={state.to} aria-invalid={toInvalid || undefined} onChange={(event) => onChange({ to: event.target.value })} />
            </label>
          </div>
        ) : (
          isValidDay(range.from) && <p className="rp-range">{dayRangeLabel({ start: range.from, end: range.to })}</p>
        )}
        <div className="rp-group" role="group" aria-labelledby={`${id}-group`}>
          <span id={`${id}-group`} className="rp-label">
            Group by
          </span>
          {Array.from({ length: MAX_GROUP_DIMENSIONS }, (_, index) => {
            const value = state.groupBy[index] ?? ''
            if (index > state.groupBy.length) return null
            const taken = state.groupBy.slice(0, index)
            return (
              <div key={index} className="field rp-select">
                {/* Named by aria-label: a wrapping label would fold the chosen option into the name. */}
                <select aria-label={GROUPING_NAMES[index]} value={value} onChange={(event) => setGroup(index, event.target.value)}>
                  {index > 0 && <option value="">{index === state.groupBy.length ? 'then by…' : '(no more)'}</option>}
                  {allowed
                    .filter((dimension) => !taken.includes(dimension))
                    .map((dimension) => (
                      <option key={dimension} value={dimension}>
                        {capitalised(DIMENSION_NAMES[dimension])}
                      </option>
                    ))}
                </select>
              </div>
            )
          })}
        </div>
      </div>

      <div className="rp-row rp-filters">
        <span className="rp-label" aria-hidden="true">
          Filters
        </span>
        {listFilters.map((dimension) => {
          const key = FILTER_KEYS[dimension] as IdFilterKey
          return (
            <FilterPicker
              key={dimension}
              title={capitalised(pluralOf(dimension))}
              choices={choices[dimension] ?? []}
              selected={state.filters[key] ?? []}
              onChange={(ids) => onChange({ filters: { ...state.filters, [key]: ids } })}
            />
          )
        })}
        <div className="field rp-select rp-billable">
          <select aria-label="Billable" value={state.billable} onChange={(event) => onChange({ billable: event.target.value as BillableChoice })}>
            <option value="all">Billable and non-billable</option>
            <option value="billable">Billable only</option>
            <option value="nonBillable">Non-billable only</option>
          </select>
        </div>
        <fieldset className="rp-statuses">
          <legend className="visually-hidden">Statuses</legend>
          {EntryStatusSchema.options.map((status) => (
            <label key={status} className="rp-status">
              <input type="checkbox" checked={state.statuses.includes(status)} onChange={() => toggleStatus(status)} />
              {BUCKET_NAMES[status]}
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  )
}

function ShareToggle({ value, onChange }: { value: ShareDimension; onChange: (value: ShareDimension) => void }) {
  const options: ShareDimension[] = ['customer', 'activityType']
  return (
    <div className="segmented segmented--small" role="group" aria-label="Share by">
      {options.map((option) => (
        <button key={option} type="button" className="segmented__button" aria-pressed={value === option} onClick={() => onChange(option)}>
          {capitalised(DIMENSION_NAMES[option])}
        </button>
      ))}
    </div>
  )
}

function Card({ label, value, note }: { label: string; value: string; note?: ReactNode }) {
  return (
    <div className="rp-card">
      <dt>{label}</dt>
      <dd>
        <span className="rp-card__value">{value}</span>
        {note && <span className="rp-card__note">{note}</span>}
      </dd>
    </div>
  )
}

function TotalsCards({ result, unit, scope }: { result: ReportResult; unit: DurationUnit; scope: ReportState['scope'] }) {
  const { totals, utilisation } = result
  const share = utilisation.billableShare
  return (
    <dl className="rp-cards" aria-label="Totals">
      <Card label="Total" value={formatDuration(totals.totalSeconds, unit)} note={`${totals.entryCount.toLocaleString('en')} ${totals.entryCount === 1 ? 'entry' : 'entries'}`} />
      <Card label="Billable" value={formatDuration(totals.billableSeconds, unit)} />
      <Card label="Non-billable" value={formatDuration(totals.nonBillableSeconds, unit)} />
      <Card label="Billable share" value={share === null ? '—' : percentText(share)} note={share === null ? 'nothing booked' : 'of the time booked'} />
      <Card
        label="Of expected"
        value={utilisation.ofExpected === null ? '—' : percentText(utilisation.ofExpected)}
        note={
          result.expectedSeconds === null || utilisation.billableOfExpected === null
            ? 'no expected hours'
            : `of ${formatDuration(result.expectedSeconds, unit)} expected; billable ${percentText(utilisation.billableOfExpected)}`
        }
      />
      {scope === 'team' && <Card label="People" value={result.people.toLocaleString('en')} />}
    </dl>
  )
}

type SortColumn = 'keys' | 'totalSeconds' | 'billableSeconds' | 'nonBillableSeconds' | 'entryCount' | 'expectedSeconds'
interface Sort {
  column: SortColumn
  descending: boolean
}
const ENGINE_ORDER: Sort = { column: 'keys', descending: false }
const FIGURE_COLUMNS: readonly { column: Exclude<SortColumn, 'keys'>; header: string }[] = [
  { column: 'totalSeconds', header: 'Total' },
  { column: 'billableSeconds', header: 'Billable' },
  { column: 'nonBillableSeconds', header: 'Non-billable' },
  { column: 'entryCount', header: 'Entries' },
  { column: 'expectedSeconds', header: 'Expected' },
]

/** The rows in the chosen order: the engine's (by the groupings) or by a figure, ties in the engine's order, no expected hours last. */
export function sortedRows(rows: readonly ReportRow[], sort: Sort): ReportRow[] {
  if (sort.column === 'keys') return sort.descending ? [...rows].reverse() : [...rows]
  const column = sort.column
  const sign = sort.descending ? -1 : 1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[column]
      const y = b.row[column]
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1
      return (x - y) * sign || a.index - b.index
    })
    .map(({ row }) => row)
}

/** The order as a drawn arrow (a picture, not text: the header's name stays its label). */
function SortArrow({ state }: { state: 'up' | 'down' | 'both' }) {
  return (
    <svg className="rp-sort__arrow" viewBox="0 0 10 12" width="9" height="11" aria-hidden="true" focusable="false">
      {state !== 'down' && <path d="M5 1 L9 5 H1 Z" />}
      {state !== 'up' && <path d="M5 11 L9 7 H1 Z" />}
    </svg>
  )
}

/** A column header that sorts the table: the first click on a figure puts the largest first. */
function SortHeader({ label, column, sort, onSort, numeric }: { label: string; column: SortColumn; sort: Sort; onSort: (sort: Sort) => void; numeric: boolean }) {
  const active = sort.column === column
  const next = (): Sort => (active ? { column, descending: !sort.descending } : { column, descending: numeric })
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className={`rp-sort${active ? ' is-active' : ''}`} onClick={() => onSort(next())}>
        {label}
        <SortArrow state={active ? (sort.descending ? 'down' : 'up') : 'both'} />
      </button>
    </th>
  )
}

function ReportTable({ result, unit, rangeLabel }: { result: ReportResult; unit: DurationUnit; rangeLabel: string }) {
  const dimensions = result.query.groupBy
  const hasExpected = result.rows.some((row) => row.expectedSeconds !== null)
  const [chosenSort, setSort] = useState<Sort>(ENGINE_ORDER)
  const sort = chosenSort.column === 'expectedSeconds' && !hasExpected ? ENGINE_ORDER : chosenSort
  const rows = useMemo(() => sortedRows(result.rows, sort), [result.rows, sort])
  const cells = (row: Pick<ReportRow, 'totalSeconds' | 'billableSeconds' | 'nonBillableSeconds' | 'entryCount'> & { expectedSeconds: number | null }) => (
    <>
      <td className="num">{formatDuration(row.totalSeconds, unit)}</td>
      <td className="num">{formatDuration(row.billableSeconds, unit)}</td>
      <td className="num">{formatDuration(row.nonBillableSeconds, unit)}</td>
      <td className="num">{row.entryCount.toLocaleString('en')}</td>
      {hasExpected && <td className="num">{row.expectedSeconds === null ? '—' : formatDuration(row.expectedSeconds, unit)}</td>}
    </>
  )
  const caption = `Time by ${dimensions.map((d) => DIMENSION_NAMES[d]).join(', then ')}, ${rangeLabel}`
  // By person alone, people in scope with no time have no row, yet their expected hours are in the total: say so.
  const idle = dimensions.length === 1 && dimensions[0] === 'user' ? Math.max(0, result.people - result.rows.filter((row) => row.keys[0]?.id != null).length) : 0
  return (
    <section className="panel rp-table" aria-labelledby="rp-table-title">
      <div className="panel__head">
        <h2 id="rp-table-title" className="panel__title">
          {capitalised(caption)}
        </h2>
        <span className="panel__status">
          {result.rows.length.toLocaleString('en')} {result.rows.length === 1 ? 'row' : 'rows'}
        </span>
      </div>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {dimensions.map((dimension, index) =>
                index === 0 ? (
                  <SortHeader key={dimension} label={capitalised(DIMENSION_NAMES[dimension])} column="keys" sort={sort} onSort={setSort} numeric={false} />
                ) : (
                  <th key={dimension} scope="col">
                    {capitalised(DIMENSION_NAMES[dimension])}
                  </th>
                ),
              )}
              {FIGURE_COLUMNS.filter(({ column }) => hasExpected || column !== 'expectedSeconds').map(({ column, header }) => (
                <SortHeader key={column} label={header} column={column} sort={sort} onSort={setSort} numeric />
              ))}
            </tr>
          </thead>
          {/* Two or more fields in the engine's order nest; sorted by a figure, each row stands alone with all its keys. */}
          {dimensions.length > 1 && sort.column === 'keys' ? (
            <NestedRows rows={rows} label={keyLabel} cells={cells} />
          ) : (
          <tbody>
            {rows.map((row) => (
              <tr key={row.keys.map((k) => `${k.dimension}:${k.id ?? ''}`).join('|')}>
                {row.keys.map((key, index) =>
                  index === 0 ? (
                    <th key={key.dimension} scope="row" className={key.id === null ? 'muted' : undefined}>
                      {keyLabel(key)}
                    </th>
                  ) : (
                    <td key={key.dimension} className={key.id === null ? 'muted' : undefined}>
                      {keyLabel(key)}
                    </td>
                  ),
                )}
                {cells(row)}
              </tr>
            ))}
          </tbody>
          )}
          <tfoot>
            <tr>
              <th scope="row" colSpan={dimensions.length}>
                Total
              </th>
              {cells({ ...result.totals, expectedSeconds: result.expectedSeconds })}
            </tr>
          </tfoot>
        </table>
      </div>
      {idle > 0 && (
        <p className="muted rp-table__note">
          {idle === 1 ? '1 more person' : `${idle.toLocaleString('en')} more people`} whose time you may see booked nothing here; the total’s expected hours count them too.
        </p>
      )}
    </section>
  )
}
