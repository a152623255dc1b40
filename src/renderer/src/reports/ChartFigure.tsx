// The report's charts are drawn as plain SVG (no chart library: the CSP stays strict, the
// bundle small, and every mark has a text alternative). Billable time is solid, non-billable
// hatched and outlined, so the split reads without colour; each chart is a figure whose
// picture has a one-sentence summary and whose numbers are also a table. This file holds
// what both charts share: the figure, its legend, the hatch and SVG ids.
import { useId, useState, type ReactNode } from 'react'
import { useT } from '../i18n/i18n-context'

export const WIDTH = 960
export const H = 3600

/** An id usable inside url(#…): React's ids carry characters CSS references do not take. */
export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
}

export function Hatch({ id }: { id: string }) {
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
export function ChartFigure({ title, summary, picture, legend, table, tools }: ChartFigureProps) {
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

export function Legend({ expected }: { expected: boolean }) {
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
