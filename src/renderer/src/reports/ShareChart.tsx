// Each customer's or activity type's share of the range, as horizontal SVG bars split into
// billable and non-billable time.
import type { ReactNode } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { useT } from '../i18n/i18n-context'
import { percentText, type ShareBar } from './chart-data'
import { capitalised } from './report-text'
import { ChartFigure, Hatch, Legend, useSvgId, WIDTH } from './ChartFigure'

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
