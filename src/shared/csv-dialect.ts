// How a CSV file writes its days and decimals. By default the machine's way (ISO days,
// dot decimals, commas between fields), which every script and importer reads the same
// on any computer. On request the formats of a language's locale, for a person who opens
// the file in a spreadsheet set to that locale: German Excel reads `03.12.2026` as a
// date and `1,50` as a number only in a file whose fields are split by semicolons.
// Headers, ids, instants (ISO, UTC) and words such as yes/no stay as they are: they are
// names a script looks for, not formats.
import { z } from 'zod'
import { decimalSeparator } from './i18n/formats'
import { FORMAT_LOCALES, LANGUAGES, type Language } from './i18n/languages'

/** 'machine', or the language whose locale's formats the file uses. */
export const CsvFormatSchema = z.enum(['machine', ...LANGUAGES], { error: `A CSV format is "machine" or a language: ${LANGUAGES.join(', ')}.` })
export type CsvFormat = z.infer<typeof CsvFormatSchema>

export interface CsvDialect {
  /** Between fields: ',' or, where the decimal separator is a comma, ';'. */
  readonly separator: ',' | ';'
  /** Between the whole and the fraction of a number. */
  readonly decimal: string
  /** A stored day 'YYYY-MM-DD' as the file writes it. */
  readonly day: (iso: string) => string
}

export const MACHINE_DIALECT: CsvDialect = { separator: ',', decimal: '.', day: (iso) => iso }

/**
 * The locale's numeric date ('03.12.2026', '03/12/2026'): the order and separators Intl
 * gives for the locale, as a template filled by string slicing, since an export writes
 * one per row.
 */
function numericDay(locale: string): (iso: string) => string {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 16, 12)))
  const pieces = parts.map((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? part.type : part.value))
  return (iso) => {
    const values = { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10) }
    let text = ''
    for (const piece of pieces) text += piece === 'day' || piece === 'month' || piece === 'year' ? values[piece] : piece
    return text
  }
}

const dialects = new Map<Language, CsvDialect>()

function localeDialect(language: Language): CsvDialect {
  let dialect = dialects.get(language)
  if (dialect === undefined) {
    const locale = FORMAT_LOCALES[language]
    const decimal = decimalSeparator(locale)
    dialect = { separator: decimal === ',' ? ';' : ',', decimal, day: numericDay(locale) }
    dialects.set(language, dialect)
  }
  return dialect
}

/** The dialect of a CSV format. */
export function csvDialect(format: CsvFormat): CsvDialect {
  return format === 'machine' ? MACHINE_DIALECT : localeDialect(format)
}
