// A member's period, read-only, as a real table: a row per work item · activity ·
// billable, a column per day, sums of rounded time in the cells, totals at the ends.
// Cells changed since the last rejection are marked (colour, a corner mark and words
// for screen readers); voided time is struck through and counts for nothing.
import { formatDuration, type DurationUnit } from '@shared/duration'
import { weekdayName } from '@shared/i18n/formats'
import type { Translator } from '@shared/i18n/translator'
import { formatDay } from '../format'
import { useT } from '../i18n/i18n-context'
import type { ReviewCell, ReviewGrid } from './period-grid'
import './review.css'

function Cell({ cell, unit, weekend, translator }: { cell: ReviewCell; unit: DurationUnit; weekend: boolean; translator: Translator }) {
  const { t, locale } = translator
  const classes = ['review__day', weekend ? 'is-weekend' : '', cell.changed ? 'is-changed' : '', cell.seconds === 0 ? 'is-zero' : ''].filter(Boolean).join(' ')
  return (
    <td className={classes}>
      {cell.seconds > 0 && <span className="review__value">{formatDuration(cell.seconds, unit, locale)}</span>}
      {cell.voidedSeconds > 0 && (
        <del className="review__voided">
          <span className="visually-hidden">{t('approvals.voidedPrefix')}</span>
          {formatDuration(cell.voidedSeconds, unit, locale)}
        </del>
      )}
      {cell.changed && <span className="visually-hidden">{t(cell.seconds === 0 && cell.voidedSeconds === 0 ? 'approvals.cellChangedEmpty' : 'approvals.cellChanged')}</span>}
    </td>
  )
}

export function ReviewTable({ grid, unit, caption }: { grid: ReviewGrid; unit: DurationUnit; caption: string }) {
  const translator = useT()
  const { t, locale } = translator
  return (
    <div className="review__scroll">
      <table className="review">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="review__rowhead">
              {t('approvals.itemActivity')}
            </th>
            {grid.days.map((d) => (
              <th key={d.day} scope="col" className={`review__colhead${d.weekday === 0 || d.weekday === 6 ? ' is-weekend' : ''}`}>
                <span className="review__weekday">{weekdayName(d.weekday, locale, 'short')}</span>
                <span className="review__date">{formatDay(d.day, locale).split(' ').slice(1).join(' ')}</span>
              </th>
            ))}
            <th scope="col" className="review__total">
              {t('approvals.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="review__rowhead">
                <span className="review__item" title={row.name}>
                  {row.reference && <span className="review__ref">{row.reference}</span>}
                  <span className="review__title">{row.title}</span>
                </span>
                <span className="review__meta">
                  {row.activity}
                  {!row.billable && <span className="badge ts-badge">{t('approvals.nonBillable')}</span>}
                </span>
              </th>
              {row.cells.map((cell, i) => {
                const weekday = grid.days[i]?.weekday ?? 1
                return <Cell key={cell.day} cell={cell} unit={unit} weekend={weekday === 0 || weekday === 6} translator={translator} />
              })}
              <td className="review__total">
                {formatDuration(row.totalSeconds, unit, locale)}
                {row.voidedSeconds > 0 && (
                  <del className="review__voided">
                    <span className="visually-hidden">{t('approvals.voidedPrefix')}</span>
                    {formatDuration(row.voidedSeconds, unit, locale)}
                  </del>
                )}
              </td>
            </tr>
          ))}
          {grid.rows.length === 0 && (
            <tr>
              <td colSpan={grid.days.length + 2} className="review__empty">
                {t('approvals.noTime')}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="review__rowhead">
              {t('approvals.total')}
            </th>
            {grid.dayTotals.map((total, i) => (
              <td key={grid.days[i]?.day ?? i} className={`review__day${total === 0 ? ' is-zero' : ''}`}>
                {formatDuration(total, unit, locale)}
              </td>
            ))}
            <td className="review__total">{formatDuration(grid.totalSeconds, unit, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
