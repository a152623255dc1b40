// Over or under the expected hours, as text: a sign and a word, never colour alone.
import { formatDuration, type DurationUnit } from '@shared/duration'

export type DifferenceKind = 'over' | 'under' | 'even'

/** "−12:00" under, "+1:30" over, "0:00" even (to the minute). */
export function difference(seconds: number, unit: DurationUnit, locale?: string): { value: string; kind: DifferenceKind } {
  const minutes = Math.round(seconds / 60)
  if (minutes === 0) return { value: formatDuration(0, unit, locale), kind: 'even' }
  const kind = minutes > 0 ? 'over' : 'under'
  return { value: `${kind === 'over' ? '+' : '\u2212'}${formatDuration(Math.abs(seconds), unit, locale)}`, kind }
}

/** "86%" (German "86 %") of the total, or null when there is no time to share out. */
export function share(part: number, total: number, locale?: string): string | null {
  if (total <= 0) return null
  const percent = Math.round((part / total) * 100)
  return locale === undefined ? `${percent}%` : new Intl.NumberFormat(locale, { style: 'percent' }).format(percent / 100)
}
