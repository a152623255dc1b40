// The grid's foot: the day and period totals of what the cells show (typed values still
// on their way count), the expected hours, and the difference between the two.
import { memo, type ReactNode } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { Timesheet } from '@shared/timesheet'
import { formatShownDuration } from '../../format'
import { useT } from '../../i18n/i18n-context'
import { difference } from '../difference'

interface GridTotalsProps {
  days: Timesheet['days']
  /** What each day column adds up to, in the order of `days`. */
  dayTotals: readonly number[]
  /** The number of body rows, for the ARIA row indexes. */
  rowCount: number
  unit: DurationUnit
}

export const GridTotals = memo(function GridTotals({ days, dayTotals, rowCount, unit }: GridTotalsProps) {
  const { t, locale } = useT()
  const dayCount = days.length
  const periodTotal = dayTotals.reduce((a, b) => a + b, 0)
  const expectedTotal = days.reduce((sum, d) => sum + d.expectedSeconds, 0)
  return (
    <div role="rowgroup" className="ts-foot">
      <FootRow index={rowCount + 2} label={t('grid.total')} dayCount={dayCount} total>
        {dayTotals.map((total, i) => (
          <div key={days[i]?.day ?? i} role="gridcell" aria-colindex={i + 2} className={`ts-cell ts-day${total === 0 ? ' is-zero' : ''}`}>
            {formatShownDuration(total, unit, locale)}
          </div>
        ))}
        <div role="gridcell" aria-colindex={dayCount + 2} className="ts-cell ts-total">
          {formatShownDuration(periodTotal, unit, locale)}
        </div>
      </FootRow>
      <FootRow index={rowCount + 3} label={t('grid.expected')} dayCount={dayCount}>
        {days.map((d, i) => (
          <div key={d.day} role="gridcell" aria-colindex={i + 2} className={`ts-cell ts-day ts-muted${d.expectedSeconds === 0 ? ' is-zero' : ''}`}>
            {formatDuration(d.expectedSeconds, unit, locale)}
          </div>
        ))}
        <div role="gridcell" aria-colindex={dayCount + 2} className="ts-cell ts-total ts-muted">
          {formatDuration(expectedTotal, unit, locale)}
        </div>
      </FootRow>
      <FootRow index={rowCount + 4} label={t('grid.difference')} dayCount={dayCount}>
        {days.map((d, i) => (
          <Difference key={d.day} col={i + 2} seconds={(dayTotals[i] ?? 0) - d.expectedSeconds} unit={unit} />
        ))}
        <Difference col={dayCount + 2} seconds={periodTotal - expectedTotal} unit={unit} total />
      </FootRow>
    </div>
  )
})

/** A foot row: its name, then its day cells and total (`children`), then the empty action column. */
function FootRow({ index, label, dayCount, total = false, children }: { index: number; label: string; dayCount: number; total?: boolean; children: ReactNode }) {
  return (
    <div role="row" aria-rowindex={index} className={`ts-row ts-row--foot${total ? ' ts-row--total' : ''}`}>
      <div role="rowheader" aria-colindex={1} className="ts-cell ts-rowhead">
        {label}
      </div>
      {children}
      <div role="gridcell" aria-colindex={dayCount + 3} className="ts-cell" />
    </div>
  )
}

/** Over or under the expected hours: a sign and a word, not colour alone. */
function Difference({ seconds, col, unit, total = false }: { seconds: number; col: number; unit: DurationUnit; total?: boolean }) {
  const { t, locale } = useT()
  const { value, kind } = difference(seconds, unit, locale)
  return (
    <div role="gridcell" aria-colindex={col} className={`ts-cell ts-day${total ? ' ts-total' : ''} ts-diff ts-diff--${kind}`}>
      {value}
      {kind !== 'even' && <span className="visually-hidden"> {t(kind === 'over' ? 'grid.over' : 'grid.under')}</span>}
    </div>
  )
}
