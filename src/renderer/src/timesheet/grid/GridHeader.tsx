// The grid's column headers: the row names, one column per day (weekday and date, today
// marked for screen readers too), the row total and the remove buttons.
import { memo } from 'react'
import type { Timesheet } from '@shared/timesheet'
import { formatDay } from '../../format'
import { WEEKDAY_SHORT, dayColumnClass } from './grid-model'

interface GridHeaderProps {
  days: Timesheet['days']
  today: string
}

export const GridHeader = memo(function GridHeader({ days, today }: GridHeaderProps) {
  const dayCount = days.length
  return (
    <div role="rowgroup" className="ts-head">
      <div role="row" aria-rowindex={1} className="ts-row ts-row--head">
        <div role="columnheader" aria-colindex={1} className="ts-cell ts-rowhead">
          Work item · activity
        </div>
        {days.map((d, i) => (
          <div key={d.day} role="columnheader" aria-colindex={i + 2} className={`ts-cell ts-colhead${dayColumnClass(d.day, d.weekday, today)}`}>
            <span className="ts-colhead__weekday">{WEEKDAY_SHORT[d.weekday]}</span>
            <span className="ts-colhead__date">{formatDay(d.day).split(' ').slice(1).join(' ')}</span>
            {d.day === today && <span className="visually-hidden"> (today)</span>}
          </div>
        ))}
        <div role="columnheader" aria-colindex={dayCount + 2} className="ts-cell ts-colhead ts-total">
          Total
        </div>
        <div role="columnheader" aria-colindex={dayCount + 3} className="ts-cell ts-colhead">
          <span className="visually-hidden">Remove</span>
        </div>
      </div>
    </div>
  )
})
