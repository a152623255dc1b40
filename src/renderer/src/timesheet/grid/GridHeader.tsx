// The grid's column headers: the row names, one column per day (weekday and date, today
// marked for screen readers too), the row total and the remove buttons.
import { memo } from 'react'
import type { Timesheet } from '@shared/timesheet'
import { formatDay } from '../../format'
import { useT } from '../../i18n/i18n-context'
import { dayColumnClass } from './grid-model'

interface GridHeaderProps {
  days: Timesheet['days']
  today: string
}

export const GridHeader = memo(function GridHeader({ days, today }: GridHeaderProps) {
  const { t, locale } = useT()
  const dayCount = days.length
  return (
    <div role="rowgroup" className="ts-head">
      <div role="row" aria-rowindex={1} className="ts-row ts-row--head">
        <div role="columnheader" aria-colindex={1} className="ts-cell ts-rowhead" data-readonly-label={t('grid.readOnly')}>
          {t('grid.rowHeader')}
        </div>
        {days.map((d, i) => {
          // "Thu 3 Dec" / "Do 3. Dez.": the weekday on its own line above the date.
          const [weekday, ...date] = formatDay(d.day, locale).split(' ')
          return (
            <div key={d.day} role="columnheader" aria-colindex={i + 2} className={`ts-cell ts-colhead${dayColumnClass(d.day, d.weekday, today)}`}>
              <span className="ts-colhead__weekday">{weekday}</span>
              <span className="ts-colhead__date">{date.join(' ')}</span>
              {d.day === today && <span className="visually-hidden">{t('grid.today')}</span>}
            </div>
          )
        })}
        <div role="columnheader" aria-colindex={dayCount + 2} className="ts-cell ts-colhead ts-total">
          {t('grid.total')}
        </div>
        <div role="columnheader" aria-colindex={dayCount + 3} className="ts-cell ts-colhead">
          <span className="visually-hidden">{t('grid.remove')}</span>
        </div>
      </div>
    </div>
  )
})
