// The report's two charts, drawn as plain SVG (no chart library: the CSP stays strict, the
// bundle small, and every mark has a text alternative). Billable time is solid, non-billable
// hatched and outlined, so the split reads without colour; each chart is a figure whose
// picture has a one-sentence summary and whose numbers are also a table.
import { useId, useState, type ReactNode } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { useT } from '../i18n/i18n-context'
import { axisStep, hoursText, percentText, type HoursBar, type ShareBar } from './chart-data'
import { capitalised } from './report-text'

const WIDTH = 960
const H = 3600

/** An id usable inside url(#…): React's ids carry characters CSS references do not take. */
function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
}

function Hatch({ id }: { id: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" className="chart__nonbillable" />
      <line x1="0" y1="0" x2="0" y2="6" className="chart__hatch" />
    </pattern>
  )
}

interface ChartFigureProps {
  title: string
  /** The sentence a screen reader hears for the picture. */
  summary: string
  picture: ReactNode
  legend?: ReactNode
  table: ReactNode
  tools?: ReactNode
}

/**
 * A chart with its caption, legend and data table. role="img" sits on the SVG, not on
 * the figure, so the table stays readable to assistive technology; it is visually hidden
 * until "Show data as table" is pressed.
 */
function ChartFigure({ title, summary, picture, legend, table, tools }: ChartFigureProps) {
  const [showTable, setShowTable] = useState(false)
  const { t } = useT()
  const id = useId()
  return (
    <figure className="chart panel" aria-labelledby={`${id}-title`}>
      <div className="chart__head">
        <figcaption id={`${id}-title`} className="panel__title">
          {title}
        </figcaption>
        <div className="chart__tools">
          {tools}
          <button type="button" className="button button--ghost button--compact chart__table-toggle" aria-pressed={showTable} onClick={() => setShowTable((on) => !on)}>
            {showTable ? t('reports.chart.hideTable') : t('reports.chart.showTable')}
          </button>
        </div>
      </div>
      <div role="img" aria-label={summary} className="chart__picture">
        {picture}
      </div>
      {legend}
      <div className={showTable ? 'chart__table table-scroll' : 'visually-hidden'}>{table}</div>
    </figure>
  )
}

function Legend({ expected }: { expected: boolean }) {
  const { t } = useT()
  return (
    <ul className="chart__legend" aria-hidden="true">
      <li>
        <span className="chart__swatch chart__swatch--billable" /> {t('reports.billable')}
      </li>
      <li>
        <span className="chart__swatch chart__swatch--nonbillable" /> {t('reports.nonBillable')}
      </li>
      {expected && (
        <li>
          <span className="chart__swatch chart__swatch--expected" /> {t('reports.expected')}
        </li>
      )}
    </ul>
  )
}

export interface HoursChartProps {
  bars: readonly HoursBar[]
  unit: DurationUnit
  /** "day", "week" or "month": what one bar is. */
  bucket: 'day' | 'week' | 'month'
  rangeLabel: string
}

export function hoursSummary(bars: readonly HoursBar[], bucket: HoursChartProps['bucket'], rangeLabel: string, translator: Pick<Translator, 't'> = ENGLISH): string {
  const { t } = translator
  const hours = (seconds: number) => hoursText(seconds, translator)
  const billable = bars.reduce((sum, bar) => sum + bar.billableSeconds, 0)
  const nonBillable = bars.reduce((sum, bar) => sum + bar.nonBillableSeconds, 0)
  const hasExpected = bars.some((bar) => bar.expectedSeconds !== null)
  const expected = bars.reduce((sum, bar) => sum + (bar.expectedSeconds ?? 0), 0)
  const busiest = bars.reduce<HoursBar | null>((best, bar) => (bar.billableSeconds + bar.nonBillableSeconds > (best ? best.billableSeconds + best.nonBillableSeconds : 0) ? bar : best), null)
  const figures = { bucket, range: rangeLabel, total: hours(billable + nonBillable), billable: hours(billable), nonBillable: hours(nonBillable) }
  const first = hasExpected ? t('reports.chart.hoursSummaryExpected', { ...figures, expected: hours(expected) }) : t('reports.chart.hoursSummary', figures)
  return busiest ? `${first} ${t('reports.chart.busiest', { span: busiest.long, hours: hours(busiest.billableSeconds + busiest.nonBillableSeconds) })}` : first
}

export function HoursChart({ bars, unit, bucket, rangeLabel }: HoursChartProps) {
  const translator = useT()
  const { t, locale } = translator
  const hatch = useSvgId('hatch')
  const height = 250
  const left = 48
  const right = 12
  const top = 14
  const bottom = 34
  const plotWidth = WIDTH - left - right
  const plotHeight = height - top - bottom
  const hasExpected = bars.some((bar) => bar.expectedSeconds !== null && bar.expectedSeconds > 0)
  const maxSeconds = Math.max(0, ...bars.map((bar) => Math.max(bar.billableSeconds + bar.nonBillableSeconds, bar.expectedSeconds ?? 0)))
  // A little headroom, so a bar or the expected line never runs along the top edge.
  const step = axisStep((maxSeconds * 1.08) / H)
  const topHours = Math.max(step, Math.ceil((maxSeconds * 1.08) / H / step) * step)
  const y = (seconds: number) => top + plotHeight - (seconds / H / topHours) * plotHeight
  const slot = plotWidth / Math.max(1, bars.length)
  const barWidth = Math.min(38, Math.max(3, slot * 0.68))
  // Labels need about 52 units each: show every n-th so they never overlap.
  const labelEvery = Math.max(1, Math.ceil(52 / slot))
  const ticks = Array.from({ length: Math.round(topHours / step) + 1 }, (_, i) => i * step)

  const expectedPath = hasExpected
    ? bars
        // Days off expect nothing: no segment along the baseline, where it would only add noise.
        .map((bar, i) => {
          if (!bar.expectedSeconds) return ''
          const ey = y(bar.expectedSeconds ?? 0)
          const x0 = left + i * slot + (slot - Math.min(slot, barWidth + 10)) / 2
          const x1 = x0 + Math.min(slot, barWidth + 10)
          return `M${x0.toFixed(1)} ${ey.toFixed(1)}H${x1.toFixed(1)}`
        })
        .join('')
    : ''

  const picture = (
    <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} focusable="false" aria-hidden="true">
      <defs>
        <Hatch id={hatch} />
      </defs>
      {ticks.map((hours) => (
        <g key={hours}>
          <line className="chart__grid" x1={left} x2={WIDTH - right} y1={y(hours * H)} y2={y(hours * H)} />
          <text className="chart__axis" x={left - 8} y={y(hours * H) + 4} textAnchor="end">
            {t('reports.chart.axis', { hours })}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const x = left + i * slot + (slot - barWidth) / 2
        const billableTop = y(bar.billableSeconds)
        const totalTop = y(bar.billableSeconds + bar.nonBillableSeconds)
        return (
          <g key={bar.id}>
            {bar.billableSeconds > 0 && <rect className="chart__billable" x={x} width={barWidth} y={billableTop} height={y(0) - billableTop} rx="2" />}
            {bar.nonBillableSeconds > 0 && (
              <rect className="chart__nonbillable-bar" fill={`url(#${hatch})`} x={x + 0.75} width={barWidth - 1.5} y={totalTop + 0.75} height={Math.max(0, billableTop - totalTop - 1.5)} rx="2" />
            )}
            {i % labelEvery === 0 && (
              <text className="chart__axis" x={left + i * slot + slot / 2} y={height - bottom + 18} textAnchor="middle">
                {bar.short}
              </text>
            )}
          </g>
        )
      })}
      <line className="chart__baseline" x1={left} x2={WIDTH - right} y1={y(0)} y2={y(0)} />
      {hasExpected && <path className="chart__expected" d={expectedPath} />}
    </svg>
  )

  const table = (
    <table className="table">
      <caption className="visually-hidden">{t('reports.chart.hoursCaption', { bucket, range: rangeLabel })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.chart.bucket', { bucket })}</th>
          <th scope="col" className="num">
            {t('reports.billable')}
          </th>
          <th scope="col" className="num">
            {t('reports.nonBillable')}
          </th>
          <th scope="col" className="num">
            {t('reports.total')}
          </th>
          {hasExpected && (
            <th scope="col" className="num">
              {t('reports.expected')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.id}>
            <th scope="row">{bar.long}</th>
            <td className="num">{formatDuration(bar.billableSeconds, unit, locale)}</td>
            <td className="num">{formatDuration(bar.nonBillableSeconds, unit, locale)}</td>
            <td className="num">{formatDuration(bar.billableSeconds + bar.nonBillableSeconds, unit, locale)}</td>
            {hasExpected && <td className="num">{formatDuration(bar.expectedSeconds ?? 0, unit, locale)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  )

  return <ChartFigure title={t('reports.chart.hoursTitle', { bucket })} summary={hoursSummary(bars, bucket, rangeLabel, translator)} picture={picture} legend={<Legend expected={hasExpected} />} table={table} />
}

export interface ShareChartProps {
  bars: readonly ShareBar[]
  unit: DurationUnit
  /** "customer" or "activity type". */
  noun: string
  rangeLabel: string
  tools: ReactNode
}

export function shareSummary(bars: readonly ShareBar[], noun: string, rangeLabel: string, { t }: Pick<Translator, 't'> = ENGLISH): string {
  if (bars.length === 0) return t('reports.chart.shareNone', { noun, range: rangeLabel })
  const named = bars.slice(0, 3).map((bar) => `${bar.label} ${percentText(bar.share)}`)
  return t('reports.chart.shareSummary', { noun, range: rangeLabel, named: named.join(', '), more: Math.max(0, bars.length - 3) })
}

const LABEL_CHARS = 30

export function ShareChart({ bars, unit, noun, rangeLabel, tools }: ShareChartProps) {
  const translator = useT()
  const { t, locale } = translator
  const hatch = useSvgId('share-hatch')
  const rowHeight = 30
  const labelWidth = 230
  const valueWidth = 150
  const height = Math.max(1, bars.length) * rowHeight + 6
  const barArea = WIDTH - labelWidth - valueWidth
  const max = Math.max(1, ...bars.map((bar) => bar.totalSeconds))
  const w = (seconds: number) => (seconds / max) * barArea

  const picture = (
    <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} focusable="false" aria-hidden="true">
      <defs>
        <Hatch id={hatch} />
      </defs>
      {bars.map((bar, i) => {
        const y = 4 + i * rowHeight
        const label = bar.label.length > LABEL_CHARS ? `${bar.label.slice(0, LABEL_CHARS - 1)}…` : bar.label
        return (
          <g key={bar.id ?? '(none)'}>
            <text className={bar.other ? 'chart__label chart__label--other' : 'chart__label'} x={labelWidth - 12} y={y + rowHeight / 2 + 1} textAnchor="end">
              <title>{bar.label}</title>
              {label}
            </text>
            {bar.billableSeconds > 0 && <rect className="chart__billable" x={labelWidth} y={y + 5} width={w(bar.billableSeconds)} height={rowHeight - 12} rx="2" />}
            {bar.nonBillableSeconds > 0 && (
              <rect className="chart__nonbillable-bar" fill={`url(#${hatch})`} x={labelWidth + w(bar.billableSeconds) + 0.75} y={y + 5.75} width={Math.max(0, w(bar.nonBillableSeconds) - 1.5)} height={rowHeight - 13.5} rx="2" />
            )}
            <text className="chart__value" x={labelWidth + w(bar.totalSeconds) + 8} y={y + rowHeight / 2 + 1}>
              {formatDuration(bar.totalSeconds, unit, locale)} · {percentText(bar.share)}
            </text>
          </g>
        )
      })}
    </svg>
  )

  const table = (
    <table className="table">
      <caption className="visually-hidden">{t('reports.chart.shareCaption', { noun, range: rangeLabel })}</caption>
      <thead>
        <tr>
          <th scope="col">{capitalised(noun)}</th>
          <th scope="col" className="num">
            {t('reports.total')}
          </th>
          <th scope="col" className="num">
            {t('reports.billable')}
          </th>
          <th scope="col" className="num">
            {t('reports.chart.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.id ?? '(none)'}>
            <th scope="row">{bar.label}</th>
            <td className="num">{formatDuration(bar.totalSeconds, unit, locale)}</td>
            <td className="num">{formatDuration(bar.billableSeconds, unit, locale)}</td>
            <td className="num">{percentText(bar.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )

  return <ChartFigure title={t('reports.chart.shareTitle', { noun })} summary={shareSummary(bars, noun, rangeLabel, translator)} picture={picture} legend={<Legend expected={false} />} table={table} tools={tools} />
}
