// What an export's columns are in an XLSX file: the same columns as its CSV
// (export-columns.ts), each with the type of cell it holds and a header in the reader's
// language. Pure, so that the app and the team server give the same export the same
// sheet; the writer (src/documents/xlsx-writer.ts) turns the types into cells.
import type { CsvColumn } from './csv-writer'
import { EN, type MessageId } from './i18n/catalogue'
import type { Translator } from './i18n/translator'

/**
 * The kinds of cell a sheet column holds:
 * - text: a string cell, never a formula, whatever it starts with;
 * - day: a stored day ('YYYY-MM-DD') as a real date, shown yyyy-mm-dd;
 * - hours: a duration in decimal hours (0.00), so that sums and rates are plain arithmetic;
 * - number: a count or a share, with `digits` decimals (0 by default);
 * - amount: money in integer minor units, written as the currency's amount with its `digits`.
 */
export type XlsxColumnKind = 'text' | 'day' | 'hours' | 'number' | 'amount'

export interface XlsxColumn<K extends string = string> {
  /** The row property the column shows. */
  readonly key: K
  /** The header cell, in the reader's language. */
  readonly header: string
  readonly kind: XlsxColumnKind
  /** Decimals of a number or amount column (an amount's are its currency's, as money.ts currencyDigits gives them). */
  readonly digits?: number
  /** Width in characters; the writer picks one from the kind and the header when left out. */
  readonly width?: number
}

/** Hours and minutes come in pairs (`hours`, `billable_hours`, `billable_minutes`...). */
function isHoursKey(key: string): boolean {
  return key === 'hours' || key.endsWith('_hours')
}

function isCountKey(key: string): boolean {
  return key === 'minutes' || key.endsWith('_minutes') || key === 'entries' || key === 'tickets' || key === 'customers'
}

function isPercentKey(key: string): boolean {
  return key.endsWith('_percent') || key.startsWith('percent_of_') || key.includes('_percent_of_')
}

/** The header id of an export column's key, when the catalogue has one. */
function headerId(key: string): MessageId | undefined {
  const id = `reports.column.${key}`
  return id in EN ? (id as MessageId) : undefined
}

/** A CSV column's header in the reader's language; the key itself when the catalogue has no words for it. */
export function xlsxHeader(key: string, translator: Pick<Translator, 't'>): string {
  const id = headerId(key)
  return id === undefined ? key : translator.t(id)
}

/**
 * An export's CSV columns as sheet columns: days as dates, `…hours` as decimal hours,
 * `…minutes` and counts as whole numbers, `…percent…` with one decimal, everything else
 * (names, ids, months, ISO instants, yes/no) as text.
 */
export function xlsxColumnsOf<K extends string>(columns: readonly CsvColumn<K>[], translator: Pick<Translator, 't'>): XlsxColumn<K>[] {
  return columns.map((column): XlsxColumn<K> => {
    const header = xlsxHeader(column.key, translator)
    if (column.kind === 'day') return { key: column.key, header, kind: 'day' }
    if (isHoursKey(column.key)) return { key: column.key, header, kind: 'hours' }
    if (isCountKey(column.key)) return { key: column.key, header, kind: 'number', digits: 0 }
    if (isPercentKey(column.key)) return { key: column.key, header, kind: 'number', digits: 1 }
    return { key: column.key, header, kind: 'text' }
  })
}
