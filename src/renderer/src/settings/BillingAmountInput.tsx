// An amount typed as the reader writes it ("95,00" in German), parsed with parseMoney when
// the field is left: empty means none; text that is no amount is said inline, with what
// was kept, and nothing is saved.
import { useId, useState } from 'react'
import { formatMoney, parseMoney } from '@shared/billing/money'
import { useT } from '../i18n/i18n-context'

/** 9500 EUR as "95.00" (or "95,00"): the number without the currency sign, for a field. */
export function plainAmount(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, locale)
    .replace(/[^\d.,\s-]/g, '')
    .trim()
}

interface Props {
  label: string
  minor: number | undefined
  currency: string
  onSave: (minor: number | undefined) => void
}

export function BillingAmountInput({ label, minor, currency, onSave }: Props) {
  const { t, locale } = useT()
  const id = useId()
  const [problem, setProblem] = useState<string | null>(null)
  const shown = minor === undefined ? '' : plainAmount(minor, currency, locale)
  const leave = (text: string) => {
    let next: number | undefined
    try {
      next = text.trim() === '' ? undefined : parseMoney(text, currency, locale)
    } catch {
      return setProblem(t('settings.billing.amountInvalid', { text: text.trim(), kept: shown === '' ? t('settings.billing.noRate') : `${shown} ${currency}` }))
    }
    setProblem(null)
    if (next !== minor) onSave(next)
  }
  return (
    <label className="field">
      <span>
        {label} ({currency})
      </span>
      <input
        inputMode="decimal"
        key={`${currency}${shown}`}
        defaultValue={shown}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onBlur={(e) => leave(e.target.value)}
      />
      {problem && (
        <span id={`${id}-problem`} className="field__error" role="alert">
          {problem}
        </span>
      )}
    </label>
  )
}
