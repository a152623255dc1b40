// Above the grid: the period's name and status, its one primary action (Submit period…),
// and the step navigation between periods.
import { addDays } from '@shared/periods'
import type { MessageId } from '@shared/i18n/catalogue'
import type { PeriodStatus, Timesheet } from '@shared/timesheet'
import { useT } from '../i18n/i18n-context'
import { StepNav } from '../ui/StepNav'

const STATUS_LABELS = { open: 'timesheet.status.open', submitted: 'timesheet.status.submitted', approved: 'timesheet.status.approved', rejected: 'timesheet.status.rejected' } as const satisfies Record<PeriodStatus, MessageId>

interface PeriodBarProps {
  sheet: Timesheet | null
  label: string
  titleId: string
  /** The id of the sentence saying why the period cannot be submitted, when it says so. */
  lockId: string
  /** Why Submit does nothing now, or null when the period can be submitted. */
  notSubmittable: string | null
  day: string
  today: string
  onSubmit: () => void
  onGoTo: (day: string) => void
}

export function PeriodBar({ sheet, label, titleId, lockId, notSubmittable, day, today, onSubmit, onGoTo }: PeriodBarProps) {
  const { t } = useT()
  return (
    <div className="ts-bar">
      <div className="ts-period">
        <h2 id={titleId} className="ts-period__label">
          {sheet ? label : t('timesheet.loading')}
        </h2>
        {sheet && <span className={`badge ts-status ts-status--${sheet.status}`}>{t(STATUS_LABELS[sheet.status])}</span>}
        <button type="button" className="button button--start button--compact ts-submit" aria-disabled={notSubmittable !== null || undefined} aria-describedby={sheet && notSubmittable ? lockId : undefined} onClick={onSubmit}>
          {t('timesheet.submit')}
        </button>
      </div>
      <StepNav
        label={t('timesheet.periods')}
        previousLabel={t('timesheet.previousPeriod')}
        nextLabel={t('timesheet.nextPeriod')}
        dateLabel={t('timesheet.goToPeriod')}
        day={day}
        todayShown={sheet !== null && today >= sheet.start && today <= sheet.end}
        onStep={(direction) => sheet && onGoTo(direction < 0 ? addDays(sheet.start, -1) : addDays(sheet.end, 1))}
        onToday={() => onGoTo(today)}
        onGoTo={onGoTo}
      />
    </div>
  )
}
