// The public holidays the person keeps (work on them bills at the holiday class): a list
// with a remove button each, and a day and name to add one.
import { useState, type SyntheticEvent } from 'react'
import type { Holiday } from '@shared/billing-api'
import { formatDay } from '../format'
import { useT } from '../i18n/i18n-context'

export function BillingHolidays({ holidays, onSave }: { holidays: readonly Holiday[]; onSave: (holidays: Holiday[]) => Promise<boolean> }) {
  const { t, locale } = useT()
  const [day, setDay] = useState('')
  const [name, setName] = useState('')
  const add = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (day === '' || name.trim() === '') return
    if (await onSave([...holidays, { day, name: name.trim() }].sort((a, b) => a.day.localeCompare(b.day)))) {
      setDay('')
      setName('')
    }
  }
  return (
    <>
      <h3 className="billing-settings__subtitle">{t('settings.billing.holidays')}</h3>
      {holidays.length === 0 && <p className="muted">{t('settings.billing.noHolidays')}</p>}
      <ul className="billing-settings__holidays">
        {holidays.map((h) => (
          <li key={h.day}>
            <span>
              {formatDay(h.day, locale)} — {h.name}
            </span>
            <button
              type="button"
              className="button button--ghost button--compact"
              aria-label={t('settings.billing.removeHoliday', { name: h.name, day: formatDay(h.day, locale) })}
              onClick={() => void onSave(holidays.filter((other) => other.day !== h.day))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="billing-settings__row" onSubmit={(e) => void add(e)}>
        <label className="field">
          <span>{t('settings.billing.holidayDay')}</span>
          <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.billing.holidayName')}</span>
          <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button button--secondary">
          {t('settings.billing.addHoliday')}
        </button>
      </form>
    </>
  )
}
