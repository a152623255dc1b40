// Hours per day, week or month as stacked SVG bars (billable solid, non-billable hatched),
// with the expected hours marked where a target exists.
import { formatDuration, type DurationUnit } from '@shared/duration'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { useT } from '../i18n/i18n-context'
import { axisStep, hoursText, type HoursBar } from './chart-data'
import { ChartFigure, H, Hatch, Legend, useSvgId, WIDTH } from './ChartFigure'

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
