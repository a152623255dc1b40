// The working week: which weekdays are workdays (work on the others bills at the weekend
// class) and the working hours (work outside them bills after hours).
import type { BillingSettings, BillingSettingsPatch } from '@shared/billing-api'
import { weekdayName } from '@shared/i18n/formats'
import { useT } from '../i18n/i18n-context'

/** Monday first, as a working week is read. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const
const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
const minuteOf = (text: string) => (/^\d{2}:\d{2}$/.test(text) ? Number(text.slice(0, 2)) * 60 + Number(text.slice(3)) : null)

interface Props {
  calendar: BillingSettings['calendar']
  onSave: (patch: BillingSettingsPatch) => Promise<boolean>
}

export function BillingWorkdays({ calendar, onSave }: Props) {
  const { t, locale } = useT()
  const toggle = (day: number, on: boolean) => {
    const workdays = on ? [...calendar.workdays, day] : calendar.workdays.filter((d) => d !== day)
    void onSave({ calendar: { ...calendar, workdays: workdays.sort((a, b) => a - b) } })
  }
  const hours = (key: 'workStartMinute' | 'workEndMinute', text: string) => {
    const minute = minuteOf(text)
    if (minute !== null && minute !== calendar[key]) void onSave({ calendar: { ...calendar, [key]: minute } })
  }
  return (
    <>
      <fieldset className="field billing-settings__week">
        <legend>{t('settings.billing.workdays')}</legend>
        {WEEK.map((day) => (
          <label key={day} className="billing-settings__day">
            <input type="checkbox" checked={calendar.workdays.includes(day)} onChange={(e) => toggle(day, e.target.checked)} /> {weekdayName(day, locale)}
          </label>
        ))}
      </fieldset>
      <div className="billing-settings__row">
        <label className="field">
          <span>{t('settings.billing.hoursFrom')}</span>
          <input type="time" key={`s${calendar.workStartMinute}`} defaultValue={clock(calendar.workStartMinute)} onBlur={(e) => hours('workStartMinute', e.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.billing.hoursTo')}</span>
          <input type="time" key={`e${calendar.workEndMinute}`} defaultValue={clock(calendar.workEndMinute)} onBlur={(e) => hours('workEndMinute', e.target.value)} />
        </label>
      </div>
      <p className="field__help">{t('settings.billing.workdaysHelp')}</p>
    </>
  )
}
