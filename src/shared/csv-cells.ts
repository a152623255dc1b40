// What each value becomes in a CSV file Stint writes, and the guard that keeps a text
// cell from running as a spreadsheet formula. The writer in src/main/reports only
// quotes and joins what this module returns, so every export follows the same rules.
import { formatDuration } from './duration'

/**
 * A number Stint computed and formatted itself (a duration, a count). It is written as
 * it is and never guarded: '-1.50' in an over/under column is a number, not a formula.
 * Only csvNumber, decimalHours and wholeMinutes make one (the class is not exported),
 * so holding one proves the text is a plain numeral and the writer need not check again.
 */
class NumberCell {
  // A private field makes the type nominal: an object that merely has `text` is not a CsvNumber.
  readonly #text: string
  constructor(text: string) {
    this.#text = text
  }
  get text(): string {
    return this.#text
  }
}
export type CsvNumber = NumberCell

/** Whether a cell value is a number Stint formatted (csvNumber, decimalHours, wholeMinutes). */
export function isCsvNumber(value: unknown): value is CsvNumber {
  return value instanceof NumberCell
}

/** Everything a CSV cell can be made from. Anything else is refused, never written as "[object Object]". */
export type CsvValue = string | number | bigint | boolean | Date | CsvNumber | null | undefined

/**
 * Whether text starting with this UTF-16 code unit would be read as a formula by Excel,
 * LibreOffice, Google Sheets or Numbers (OWASP "CSV injection"). Tab and carriage return
 * count because some importers strip them and then find '='; the full-width =, +, -
 * and @ because Numbers folds them to their ASCII twins.
 */
function startsFormula(code: number): boolean {
  switch (code) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
    case 0xff1d:
    case 0xff0b:
    case 0xff0d:
    case 0xff20:
      return true
    default:
      return false
  }
}

/**
 * The formula guard. A text cell that starts with =, +, -, @, tab or carriage return
 * (or a full-width =, +, - or @) gets a single quote in front, which spreadsheets take
 * as "this is text"; any other text is returned unchanged.
 *
 * The rule is about where a value came from, not what it looks like: every text goes
 * through the guard, so a description "-5 min, travel" or a ticket reference "-123"
 * comes out as "'-5 min, travel" and "'-123". Numbers Stint emits as numbers (a JS
 * number, a bigint, a CsvNumber) are not text and are never guarded: nothing but a
 * number can be in them, so a leading '-' there is only a minus sign.
 */
export function guardFormula(text: string): string {
  return startsFormula(text.charCodeAt(0)) ? `'${text}` : text
}

const NUMERAL = /^-?\d+(?:\.\d+)?$/

/** A plain decimal numeral ('12', '-1.50') to write unguarded; anything else is refused, so no text can slip past the guard. */
export function csvNumber(text: string): CsvNumber {
  if (!NUMERAL.test(text)) throw new RangeError(`"${text}" is not a plain decimal number (digits, one optional '.', an optional leading '-')`)
  return new NumberCell(text)
}

/**
 * Seconds as decimal hours with two decimals and a dot ('1.50', '40.00', '-0.25'),
 * rounded half away from zero to hundredths of an hour: the same figure the app shows
 * in its 'decimal' unit.
 */
export function decimalHours(seconds: number): CsvNumber {
  return new NumberCell(formatDuration(seconds, 'decimal'))
}

/** Seconds as whole minutes ('90', '-15'), rounded half away from zero, as the app's 'minutes' unit shows them. */
export function wholeMinutes(seconds: number): CsvNumber {
  return new NumberCell(formatDuration(seconds, 'minutes'))
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))
const MS_PER_DAY = 86_400_000
/** 0000-01-01 to 9999-12-31: the years a four-digit ISO date can show. */
const FIRST_MS = -62_167_219_200_000
const END_MS = 253_402_300_800_000

/**
 * An instant (ms since the epoch) in ISO 8601 UTC with milliseconds, as
 * Date.prototype.toISOString gives it: '2026-11-16T08:00:00.000Z'. Worked out with
 * integer arithmetic (civil-from-days, H. Hinnant) because an export writes one per
 * row and toISOString costs several times more; years outside 0–9999 fall back to it.
 */
export function isoInstant(ms: number): string {
  if (!Number.isInteger(ms) || ms < FIRST_MS || ms >= END_MS) {
    const date = new Date(ms)
    if (Number.isNaN(date.getTime())) throw new RangeError(`an instant must be milliseconds since the epoch within the range of a Date, got ${String(ms)}`)
    return date.toISOString()
  }
  const days = Math.floor(ms / MS_PER_DAY)
  let rest = ms - days * MS_PER_DAY
  const millis = rest % 1000
  rest = (rest - millis) / 1000
  const seconds = rest % 60
  rest = (rest - seconds) / 60
  const minutes = rest % 60
  const hours = (rest - minutes) / 60
  // Days since 1970-01-01 to a proleptic Gregorian date, in 400-year eras from 0000-03-01.
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  const ms3 = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis)
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${ms3}Z`
}

const DAY = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/

/** A local work day as stored ('YYYY-MM-DD'), checked so that a malformed day never reaches a file as if it were a date. */
export function isoDay(day: string): string {
  if (!DAY.test(day)) throw new RangeError(`"${day}" is not a day in the form YYYY-MM-DD`)
  return day
}

/** A flag as the word a person reads in a spreadsheet. */
export function yesNo(flag: boolean | 0 | 1): 'yes' | 'no' {
  return flag === true || flag === 1 ? 'yes' : 'no'
}

/**
 * The text of one cell before CSV quoting: null and undefined are empty, text is
 * guarded, numbers are written as numerals, booleans as yes/no, a Date as an ISO
 * instant (guarded like any text).
 */
export function csvCell(value: CsvValue): string {
  switch (typeof value) {
    case 'string':
      return guardFormula(value)
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`a CSV cell cannot hold ${String(value)}; only finite numbers are written`)
      return String(value)
    case 'bigint':
      return value.toString()
    case 'boolean':
      return yesNo(value)
    case 'undefined':
      return ''
    default:
      if (value instanceof NumberCell) return value.text
      if (value === null) return ''
      if (value instanceof Date) return guardFormula(isoInstant(value.getTime()))
      throw new TypeError(`a CSV cell cannot hold ${Object.prototype.toString.call(value)}; give text, a number, a Date or a CsvNumber`)
  }
}
