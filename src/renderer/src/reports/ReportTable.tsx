// The Summary report's figures: the totals as cards and the grouped table, sortable by
// any figure, nested when grouped by two or more fields in the engine's order.
import { useMemo, useState, type ReactNode } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { MessageId } from '@shared/i18n/catalogue'
import type { ReportDimension, ReportKey, ReportResult, ReportRow } from '@shared/reports'
import { useT } from '../i18n/i18n-context'
import { percentText } from './chart-data'
import { NestedRows } from './NestedRows'
import type { ReportState } from './report-state'
import { capitalised, dimensionName, keyLabel as shownKeyLabel } from './report-text'

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

export function TotalsCards({ result, unit, scope }: { result: ReportResult; unit: DurationUnit; scope: ReportState['scope'] }) {
  const { totals, utilisation } = result
  const { t, locale } = useT()
  const share = utilisation.billableShare
  const duration = (seconds: number) => formatDuration(seconds, unit, locale)
  return (
    <dl className="rp-cards" aria-label={t('reports.totals')}>
      <Card label={t('reports.total')} value={duration(totals.totalSeconds)} note={t('reports.entryCount', { count: totals.entryCount })} />
      <Card label={t('reports.billable')} value={duration(totals.billableSeconds)} />
      <Card label={t('reports.nonBillable')} value={duration(totals.nonBillableSeconds)} />
      <Card label={t('reports.billableShare')} value={share === null ? '—' : percentText(share)} note={share === null ? t('reports.nothingBooked') : t('reports.ofTimeBooked')} />
      <Card
        label={t('reports.ofExpected')}
        value={utilisation.ofExpected === null ? '—' : percentText(utilisation.ofExpected)}
        note={
          result.expectedSeconds === null || utilisation.billableOfExpected === null
            ? t('reports.noExpected')
            : t('reports.ofExpectedNote', { expected: duration(result.expectedSeconds), percent: percentText(utilisation.billableOfExpected) })
        }
      />
      {(totals.overlappedSeconds ?? 0) > 0 && <Card label={t('reports.overlapped')} value={duration(totals.overlappedSeconds ?? 0)} note={<span title={t('reports.overlappedExplained')}>{t('reports.overlappedNote')}</span>} />}
      {scope === 'team' && <Card label={t('reports.people')} value={result.people.toLocaleString(locale)} />}
    </dl>
  )
}

type SortColumn = 'keys' | 'totalSeconds' | 'billableSeconds' | 'nonBillableSeconds' | 'entryCount' | 'expectedSeconds' | 'overlappedSeconds'
interface Sort {
  column: SortColumn
  descending: boolean
}
const ENGINE_ORDER: Sort = { column: 'keys', descending: false }
const FIGURE_COLUMNS: readonly { column: Exclude<SortColumn, 'keys'>; header: MessageId }[] = [
  { column: 'totalSeconds', header: 'reports.total' },
  { column: 'billableSeconds', header: 'reports.billable' },
  { column: 'nonBillableSeconds', header: 'reports.nonBillable' },
  { column: 'entryCount', header: 'reports.entries' },
  { column: 'expectedSeconds', header: 'reports.expected' },
  { column: 'overlappedSeconds', header: 'reports.overlapped' },
]

/** The rows in the chosen order: the engine's (by the groupings) or by a figure, ties in the engine's order, no expected hours last. */
export function sortedRows(rows: readonly ReportRow[], sort: Sort): ReportRow[] {
  if (sort.column === 'keys') return sort.descending ? [...rows].reverse() : [...rows]
  const column = sort.column
  const sign = sort.descending ? -1 : 1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      // A report without the overlap measure (the team server's) sorts it as none.
      const x = column === 'overlappedSeconds' ? (a.row.overlappedSeconds ?? 0) : a.row[column]
      const y = column === 'overlappedSeconds' ? (b.row.overlappedSeconds ?? 0) : b.row[column]
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
function SortHeader({ label, column, sort, onSort, numeric, title }: { label: string; column: SortColumn; sort: Sort; onSort: (sort: Sort) => void; numeric: boolean; title?: string }) {
  const active = sort.column === column
  const next = (): Sort => (active ? { column, descending: !sort.descending } : { column, descending: numeric })
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className={`rp-sort${active ? ' is-active' : ''}`} title={title} onClick={() => onSort(next())}>
        {label}
        <SortArrow state={active ? (sort.descending ? 'down' : 'up') : 'both'} />
      </button>
    </th>
  )
}

export function ReportTable({ result, unit, rangeLabel }: { result: ReportResult; unit: DurationUnit; rangeLabel: string }) {
  const translator = useT()
  const { t, locale } = translator
  const keyLabel = (key: ReportKey) => shownKeyLabel(translator, key)
  const heading = (dimension: ReportDimension) => capitalised(dimensionName(translator, dimension))
  const dimensions = result.query.groupBy
  const hasExpected = result.rows.some((row) => row.expectedSeconds !== null)
  const [chosenSort, setSort] = useState<Sort>(ENGINE_ORDER)
  // Overlapped time is a column only when some of the report's time overlapped: most people never run two billable timers at once.
  const hasOverlap = (result.totals.overlappedSeconds ?? 0) > 0
  const shown = (column: SortColumn) => (column !== 'expectedSeconds' || hasExpected) && (column !== 'overlappedSeconds' || hasOverlap)
  const sort = shown(chosenSort.column) ? chosenSort : ENGINE_ORDER
  const rows = useMemo(() => sortedRows(result.rows, sort), [result.rows, sort])
  const cells = (row: Pick<ReportRow, 'totalSeconds' | 'billableSeconds' | 'nonBillableSeconds' | 'entryCount' | 'overlappedSeconds'> & { expectedSeconds: number | null }) => (
    <>
      <td className="num">{formatDuration(row.totalSeconds, unit, locale)}</td>
      <td className="num">{formatDuration(row.billableSeconds, unit, locale)}</td>
      <td className="num">{formatDuration(row.nonBillableSeconds, unit, locale)}</td>
      <td className="num">{row.entryCount.toLocaleString(locale)}</td>
      {hasExpected && <td className="num">{row.expectedSeconds === null ? '—' : formatDuration(row.expectedSeconds, unit, locale)}</td>}
      {hasOverlap && <td className="num">{formatDuration(row.overlappedSeconds ?? 0, unit, locale)}</td>}
    </>
  )
  const caption = t('reports.table.caption', { dimensions: dimensions.map((d) => dimensionName(translator, d)).join(t('reports.table.then')), range: rangeLabel })
  // By person alone, people in scope with no time have no row, yet their expected hours are in the total: say so.
  const idle = dimensions.length === 1 && dimensions[0] === 'user' ? Math.max(0, result.people - result.rows.filter((row) => row.keys[0]?.id != null).length) : 0
  return (
    <section className="panel rp-table" aria-labelledby="rp-table-title">
      <div className="panel__head">
        <h2 id="rp-table-title" className="panel__title">
          {capitalised(caption)}
        </h2>
        <span className="panel__status">
          {t('reports.table.rows', { count: result.rows.length })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {dimensions.map((dimension, index) =>
                index === 0 ? (
                  <SortHeader key={dimension} label={heading(dimension)} column="keys" sort={sort} onSort={setSort} numeric={false} />
                ) : (
                  <th key={dimension} scope="col">
                    {heading(dimension)}
                  </th>
                ),
              )}
              {FIGURE_COLUMNS.filter(({ column }) => shown(column)).map(({ column, header }) => (
                <SortHeader key={column} label={t(header)} column={column} sort={sort} onSort={setSort} numeric {...(column === 'overlappedSeconds' ? { title: t('reports.overlappedExplained') } : {})} />
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
                {t('reports.total')}
              </th>
              {cells({ ...result.totals, expectedSeconds: result.expectedSeconds })}
            </tr>
          </tfoot>
        </table>
      </div>
      {idle > 0 && (
        <p className="muted rp-table__note">
          {t('reports.table.idle', { count: idle })}
        </p>
      )}
    </section>
  )
}
