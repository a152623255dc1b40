// A member's period, read-only, as a real table: a row per work item · activity ·
// billable, a column per day, sums of rounded time in the cells, totals at the ends.
// Cells changed since the last rejection are marked (colour, a corner mark and words
// for screen readers); voided time is struck through and counts for nothing.
import { formatDuration, type DurationUnit } from '@shared/duration'
import { formatDay } from '../format'
import type { ReviewCell, ReviewGrid } from './period-grid'
import './review.css'

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

function Cell({ cell, unit, weekend }: { cell: ReviewCell; unit: DurationUnit; weekend: boolean }) {
  const classes = ['review__day', weekend ? 'is-weekend' : '', cell.changed ? 'is-changed' : '', cell.seconds === 0 ? 'is-zero' : ''].filter(Boolean).join(' ')
  return (
    <td className={classes}>
      {cell.seconds > 0 && <span className="review__value">{formatDuration(cell.seconds, unit)}</span>}
      {cell.voidedSeconds > 0 && (
        <del className="review__voided">
          <span className="visually-hidden">voided: </span>
          {formatDuration(cell.voidedSeconds, unit)}
        </del>
      )}
      {cell.changed && <span className="visually-hidden">{cell.seconds === 0 && cell.voidedSeconds === 0 ? 'none, ' : ', '}changed since the rejection</span>}
    </td>
  )
}

export function ReviewTable({ grid, unit, caption }: { grid: ReviewGrid; unit: DurationUnit; caption: string }) {
  return (
    <div className="review__scroll">
      <table className="review">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="review__rowhead">
              Work item · activity
            </th>
            {grid.days.map((d) => (
              <th key={d.day} scope="col" className={`review__colhead${d.weekday === 0 || d.weekday === 6 ? ' is-weekend' : ''}`}>
                <span className="review__weekday">{WEEKDAY_SHORT[d.weekday]}</span>
                <span className="review__date">{formatDay(d.day).split(' ').slice(1).join(' ')}</span>
              </th>
            ))}
            <th scope="col" className="review__total">
              Total
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
                  {!row.billable && <span className="badge ts-badge">Non-billable</span>}
                </span>
              </th>
              {row.cells.map((cell, i) => {
                const weekday = grid.days[i]?.weekday ?? 1
                return <Cell key={cell.day} cell={cell} unit={unit} weekend={weekday === 0 || weekday === 6} />
              })}
              <td className="review__total">
                {formatDuration(row.totalSeconds, unit)}
                {row.voidedSeconds > 0 && (
                  <del className="review__voided">
                    <span className="visually-hidden">voided: </span>
                    {formatDuration(row.voidedSeconds, unit)}
                  </del>
                )}
              </td>
            </tr>
          ))}
          {grid.rows.length === 0 && (
            <tr>
              <td colSpan={grid.days.length + 2} className="review__empty">
                No time is booked in this period.
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="review__rowhead">
              Total
            </th>
            {grid.dayTotals.map((total, i) => (
              <td key={grid.days[i]?.day ?? i} className={`review__day${total === 0 ? ' is-zero' : ''}`}>
                {formatDuration(total, unit)}
              </td>
            ))}
            <td className="review__total">{formatDuration(grid.totalSeconds, unit)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
