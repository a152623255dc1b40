// The month the month views and contract usage show: the month before and after by
// button, any month by the browser's month field. A cleared or half-typed field keeps
// the month shown until it reads as a whole month again.
import { useId } from 'react'
import { useT } from '../../i18n/i18n-context'
import { isMonthKey, monthLabel, shiftMonth } from './month-nav'

interface MonthPickerProps {
  month: string
  onChange: (month: string) => void
  /** Names the group for screen readers, e.g. "Month of the month views". */
  label?: string
}

export function MonthPicker({ month, onChange, label: given }: MonthPickerProps) {
  const { t, locale } = useT()
  const label = given ?? t('reports.month.pickerDefault')
  const id = useId()
  const previous = shiftMonth(month, -1)
  const next = shiftMonth(month, 1)
  return (
    <div className="month-picker" role="group" aria-label={label}>
      <button type="button" className="button button--secondary button--icon month-picker__step" onClick={() => onChange(previous)} aria-label={t('reports.month.previous', { month: monthLabel(previous, locale) })}>
        <span aria-hidden="true">‹</span>
      </button>
      <label className="visually-hidden" htmlFor={`${id}-month`}>
        {label}
      </label>
      <input
        id={`${id}-month`}
        className="input month-picker__input"
        type="month"
        value={month}
        onChange={(event) => {
          if (isMonthKey(event.target.value)) onChange(event.target.value)
        }}
      />
      <button type="button" className="button button--secondary button--icon month-picker__step" onClick={() => onChange(next)} aria-label={t('reports.month.next', { month: monthLabel(next, locale) })}>
        <span aria-hidden="true">›</span>
      </button>
    </div>
  )
}
