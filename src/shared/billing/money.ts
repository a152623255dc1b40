// Money in Stint is exact: an amount is an integer count of the currency's minor units
// (cents; yen have none, dinars three), never a floating-point number. Rates are per hour
// in minor units, multipliers (after hours ×1.5) in basis points, and an amount for some
// seconds is computed in integers (BigInt) and rounded once, half away from zero.
export interface Money {
  /** ISO 4217: EUR, USD, JPY. */
  currency: string
  /** Whole minor units: 12.50 EUR is 1250. */
  minor: number
}

/** 1.0 as a multiplier: multipliers are basis points, 15000 is ×1.5. */
export const SAME_RATE_BP = 10_000

/** The ISO 4217 codes the platform's Intl knows. Intl formats any three capitals ("EUX"), so the list decides, not the form. */
let known: ReadonlySet<string> | undefined

export function isCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf('currency'))
  return known.has(code)
}

/** How many minor-unit digits the currency has (EUR 2, JPY 0, KWD 3), as ISO 4217 and the platform's Intl say. */
export function currencyDigits(currency: string): number {
  if (!isCurrency(currency)) throw new RangeError(`${currency} is not a currency code (ISO 4217, like EUR)`)
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

/**
 * A rate's minor units when its currency is re-labelled and its number kept: the units
 * follow the new currency's digits (95.00 EUR = 9500 becomes 95 JPY = 95; 95 JPY becomes
 * 95.000 BHD = 95000). Null when the new currency cannot write the number (95.50 EUR in
 * JPY). No exchange rate: Stint has none.
 */
export function relabelledMinor(minor: number, from: string, to: string): number | null {
  const shift = currencyDigits(to) - currencyDigits(from)
  if (shift >= 0) return minor * 10 ** shift
  return minor % 10 ** -shift === 0 ? minor / 10 ** -shift : null
}

/** a / b rounded half away from zero, in integers. */
function divideRounded(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b]
  const q = (2n * x + y) / (2n * y)
  return negative ? -q : q
}

/**
 * What `seconds` cost at `hourlyMinor` per hour with a multiplier in basis points,
 * rounded once to the minor unit. 5,400 s at 95.00/h is 142.50; 1 s at 100.00/h is 0.03.
 */
export function amountFor(seconds: number, hourlyMinor: number, multiplierBp = SAME_RATE_BP): number {
  for (const [name, value] of [['seconds', seconds], ['hourly rate', hourlyMinor], ['multiplier', multiplierBp]] as const) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`The ${name} must be a whole number, not ${value}`)
  }
  const result = divideRounded(BigInt(seconds) * BigInt(hourlyMinor) * BigInt(multiplierBp), 3600n * BigInt(SAME_RATE_BP))
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError('The amount is too large to keep exactly')
  return Number(result)
}

/**
 * Text to minor units, as people type it in their locale: "12.50", "12,5", "1,234.50",
 * "1.234,50", "1 234,50". With both marks, the last is the decimal mark. With one kind, it
 * groups thousands only if it is the locale's group mark and every one is followed by
 * exactly three digits; else it is the decimal mark (people type both). So an English
 * "12.345" is never read as twelve thousand: it has more decimals than EUR, an error, as
 * is any amount with more decimals than its currency; nothing is rounded away.
 */
export function parseMoney(text: string, currency: string, locale = 'en'): number {
  const digits = currencyDigits(currency)
  const group = new Intl.NumberFormat(locale).formatToParts(12345).find((part) => part.type === 'group')?.value ?? ','
  const compact = text.trim().replace(/[\s\u00a0\u202f'’]/g, '')
  const negative = compact.startsWith('-')
  const body = negative ? compact.slice(1) : compact
  const marks = [...new Set(body.match(/[.,]/g) ?? [])]
  const grouped = marks.length === 1 && marks[0] === group && /^\d{1,3}([.,]\d{3})+$/.test(body)
  const lastMark = marks.length === 0 || grouped ? -1 : Math.max(body.lastIndexOf('.'), body.lastIndexOf(','))
  const whole = (lastMark < 0 ? body : body.slice(0, lastMark)).replace(/[.,]/g, marks.length === 2 || grouped ? '' : '#')
  const fraction = lastMark < 0 ? '' : body.slice(lastMark + 1)
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === '') throw new RangeError(`“${text}” is not an amount`)
  if (fraction.length > digits) throw new RangeError(`“${text}” has more decimals than ${currency} has (${digits})`)
  const minor = BigInt(whole || '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0')
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`“${text}” is too large`)
  return Number(negative ? -minor : minor)
}

/** 1250 EUR → "€12.50" in English, "12,50 €" in German. */
export function formatMoney(minor: number, currency: string, locale = 'en'): string {
  const digits = currencyDigits(currency)
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
  // Through a string, so no float division stands between the integer and what is shown.
  const negative = minor < 0
  const text = String(Math.abs(minor)).padStart(digits + 1, '0')
  const decimal = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`
  return format.format(`${negative ? '-' : ''}${decimal}` as `${number}`)
}
