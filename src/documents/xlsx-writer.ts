// XLSX files of typed columns and rows: one sheet, a bold header row that stays in view
// (frozen) with an autofilter over the data, and cells of their own type: days as dates,
// hours, counts and amounts as numbers with a number format, text as inline strings.
// Written with exceljs' streaming WorkbookWriter, row by row into the zip, so a file of
// any length holds about one page of rows and the zip's buffers at a time; the output
// is a byte stream: the app writes it atomically to a file (src/main/reports/xlsx-export.ts)
// or sends it as a download, the team server as an answer. Every XLSX file uses this
// module, and a workbook of several sheets (a billing run's) too.
import { PassThrough, type Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { isCsvNumber, type CsvValue } from '@shared/csv-cells'
import { CsvRecords, type CsvRow, type CsvRows } from '@shared/csv-writer'
import type { XlsxColumn, XlsxColumnKind } from '@shared/xlsx-columns'

export type { XlsxColumn, XlsxColumnKind } from '@shared/xlsx-columns'

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface XlsxOptions {
  /** The sheet's name (at most 31 characters, none of : \ / ? * [ ]); 'Stint' by default. */
  readonly sheetName?: string
  /** Stops the export between rows; a stopped file export leaves nothing behind. */
  readonly signal?: { throwIfAborted(): void }
}

/** ISO 8601 in the sheet too: a date every locale reads the same, sorting as it reads. */
const DAY_FORMAT = 'yyyy-mm-dd'
/**
 * Hours are decimal hours (1.50), not a time of day ([h]:mm): the same figure as the CSV
 * and the app's decimal unit, and a number a rate can be multiplied by directly, where
 * [h]:mm holds fractions of a day and needs ×24 first.
 */
const HOURS_FORMAT = '0.00'
/** A row source is read a page at a time; between pages the writer waits if the reader is behind. */
const DRAIN_EVERY_ROWS = 256
const OUTPUT_BUFFER = 1024 * 1024

function decimalsFormat(digits: number): string {
  return digits <= 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`
}

function numberFormat(column: XlsxColumn | XlsxSheetColumn): string | undefined {
  if ('numFmt' in column && column.numFmt !== undefined) return column.numFmt
  switch (column.kind) {
    case 'day':
      return DAY_FORMAT
    case 'hours':
      return HOURS_FORMAT
    case 'number':
      return column.digits === undefined || column.digits === 0 ? '0' : `0.${'0'.repeat(column.digits)}`
    case 'amount':
      return decimalsFormat(column.digits ?? 2)
    case 'text':
      return undefined
  }
}

const KIND_WIDTH: Readonly<Record<XlsxColumnKind, number>> = { text: 16, day: 12, hours: 10, number: 10, amount: 14 }
const WIDE_TEXT = /(^|_)(title|description|cell_note)$/

/** A width that shows the header and a typical value: ids fit a UUID, titles and descriptions get room. */
function widthOf(column: XlsxColumn): number {
  if (column.width !== undefined) return column.width
  const byKind = column.key === 'id' || column.key.endsWith('_id') ? 38 : WIDE_TEXT.test(column.key) ? 40 : column.key === 'created_at' ? 26 : KIND_WIDTH[column.kind]
  return Math.min(60, Math.max(byKind, column.header.length + 4))
}

/** Characters XML 1.0 cannot hold (controls other than tab, LF, CR; U+FFFE, U+FFFF): dropped, or the file would not open. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/**
 * Text as an inline rich-text string (t="inlineStr"): a string cell that no spreadsheet
 * reads as a formula, whatever it starts with ('=1+1', '+49…', '-5 min', '@home'), and
 * that needs no shared-string table held in memory until the end.
 */
function textCell(text: string): ExcelJS.CellRichTextValue | null {
  if (text === '') return null
  return { richText: [{ text: text.replace(NOT_XML, '') }] }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A stored day as the Date exceljs writes as that day's serial number (UTC midnight, so no time zone moves it). */
function dayCell(value: string): Date {
  const match = DAY.exec(value)
  if (!match) throw new RangeError(`"${value}" is not a day in the form YYYY-MM-DD`)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

function numeric(value: CsvValue, key: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`the cell "${key}" cannot hold ${String(value)}`)
    return value
  }
  if (typeof value === 'bigint') return Number(value)
  if (isCsvNumber(value)) return Number(value.text)
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value)) return Number(value)
  throw new TypeError(`the cell "${key}" holds a number, not ${typeof value === 'string' ? `"${value}"` : typeof value}`)
}

/** Integer minor units as the amount: 12345 cents → 123.45. Exact for any amount below 2^53 minor units. */
function amountOf(value: CsvValue, key: string, digits: number): number {
  const minor = typeof value === 'bigint' ? value : BigInt(numeric(value, key))
  const scale = 10n ** BigInt(digits)
  const whole = minor / scale
  const fraction = (minor < 0n ? -minor : minor) % scale
  const sign = minor < 0n && whole === 0n ? '-' : ''
  return Number(`${sign}${whole}.${fraction.toString().padStart(digits, '0')}`)
}

/** One value as the cell of its column's kind; empty (null, undefined, '') is an empty cell. */
export function xlsxCellValue(column: XlsxColumn, value: CsvValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null
  switch (column.kind) {
    case 'day':
      if (typeof value !== 'string') throw new TypeError(`the day cell "${column.key}" holds a day 'YYYY-MM-DD', not ${typeof value}`)
      return dayCell(value)
    case 'hours':
    case 'number':
      return numeric(value, column.key)
    case 'amount':
      return amountOf(value, column.key, column.digits ?? 2)
    case 'text':
      if (typeof value === 'string') return textCell(value)
      if (typeof value === 'boolean') return textCell(value ? 'yes' : 'no')
      if (typeof value === 'number' || typeof value === 'bigint' || isCsvNumber(value)) return numeric(value, column.key)
      if (value instanceof Date) return textCell(value.toISOString())
      throw new TypeError(`a sheet cell cannot hold ${Object.prototype.toString.call(value)}`)
  }
}

/** 1 → A, 27 → AA: the column letters of a cell reference. */
export function columnLetters(index: number): string {
  let letters = ''
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

function isPage<K extends string>(item: CsvRow<K> | Iterable<CsvRow<K>>): item is Iterable<CsvRow<K>> {
  return typeof (item as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function'
}

/** Resolves when `stream` can take more, or is gone. */
function drained(stream: PassThrough): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
}

/**
 * The XLSX file of `rows` as a byte stream. A failing row source, a stop (signal) or a
 * reader that goes away ends the stream with an error or ends the writing; never does
 * it end as if the file were complete. `written.rows` counts the data rows.
 */
export function xlsxStream<K extends string>(columns: readonly XlsxColumn<K>[], rows: CsvRows<K>, options: XlsxOptions = {}, written = { rows: 0 }): Readable {
  if (columns.length === 0) throw new RangeError('an XLSX export needs at least one column')
  const out = new PassThrough({ highWaterMark: OUTPUT_BUFFER })
  const workbook = workbookWriter(out)
  const sheet = sheetWithHeader(workbook, options.sheetName ?? 'Stint', columns)

  const { signal } = options
  let sinceDrain = 0
  const add = async (row: CsvRow<K>): Promise<void> => {
    signal?.throwIfAborted()
    if (out.destroyed) throw new Error('the reader of the XLSX file went away')
    sheet.addRow(columns.map((column) => xlsxCellValue(column, row[column.key]))).commit()
    written.rows++
    if (++sinceDrain >= DRAIN_EVERY_ROWS) {
      sinceDrain = 0
      await drained(out)
    }
  }
  const write = async (): Promise<void> => {
    if (Symbol.asyncIterator in rows) {
      for await (const item of rows) {
        // Finished CSV records are text for a CSV file: a sheet needs the rows' values.
        if (item instanceof CsvRecords) throw new TypeError('an XLSX export needs rows, not finished CSV records')
        if (!isPage(item)) await add(item)
        else for (const row of item) await add(row)
      }
    } else {
      for (const row of rows) await add(row)
    }
    signal?.throwIfAborted()
    sheet.autoFilter = `A1:${columnLetters(columns.length)}${written.rows + 1}`
    sheet.commit()
    await workbook.commit()
  }
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
  return out
}

/** A column of a sheet in a workbook of several (xlsxWorkbookStream): an export column, with a number format of its own if it needs one. */
export interface XlsxSheetColumn<K extends string = string> extends XlsxColumn<K> {
  /** The cells' number format, instead of the kind's (an amount with its currency: '#,##0.00 "EUR"'). */
  readonly numFmt?: string
}

/** A row of a sheet in a workbook: its values, and whether it is a total (bold). */
export interface XlsxSheetRow<K extends string = string> {
  readonly values: CsvRow<K>
  readonly bold?: boolean
}

export interface XlsxSheet<K extends string = string> {
  /** At most 31 characters, none of : \ / ? * [ ]. */
  readonly name: string
  readonly columns: readonly XlsxSheetColumn<K>[]
  readonly rows: readonly XlsxSheetRow<K>[]
}

/** An amount's number format with its currency's code after it: 1234.5 EUR shows as 1,234.50 "EUR". */
export function currencyFormat(currency: string, digits: number): string {
  return `${decimalsFormat(digits)} "${currency}"`
}

/** A streaming workbook writing to `out`: styles on, strings inline (so no shared-strings table is held in memory). */
function workbookWriter(out: PassThrough): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Stint'
  return workbook
}

/** A sheet with its columns' widths and number formats and a bold header row, frozen: the start of every sheet Stint writes. */
function sheetWithHeader(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly XlsxColumn[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  sheet.columns = columns.map((column) => {
    const numFmt = numberFormat(column)
    return { key: column.key, width: widthOf(column), ...(numFmt ? { style: { numFmt } } : {}) }
  })
  const header = sheet.addRow(columns.map((column) => textCell(column.header)))
  header.eachCell((cell) => {
    cell.style = { font: { bold: true } }
  })
  header.commit()
  return sheet
}

/**
 * A workbook of several sheets whose rows are at hand (a billing run's bills and what it
 * left out), each sheet as xlsxStream writes one: bold frozen header, autofilter, typed
 * cells; total rows in bold.
 */
export function xlsxWorkbookStream(sheets: readonly XlsxSheet[]): Readable {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet')
  const out = new PassThrough({ highWaterMark: OUTPUT_BUFFER })
  const workbook = workbookWriter(out)
  const write = async (): Promise<void> => {
    for (const { name, columns, rows } of sheets) {
      if (columns.length === 0) throw new RangeError('an XLSX sheet needs at least one column')
      const sheet = sheetWithHeader(workbook, name, columns)
      for (const row of rows) {
        const added = sheet.addRow(columns.map((column) => xlsxCellValue(column, row.values[column.key])))
        if (row.bold) {
          columns.forEach((column, index) => {
            const numFmt = numberFormat(column)
            added.getCell(index + 1).style = { font: { bold: true }, ...(numFmt ? { numFmt } : {}) }
          })
        }
        added.commit()
      }
      sheet.autoFilter = `A1:${columnLetters(columns.length)}${rows.length + 1}`
      sheet.commit()
      await drained(out)
    }
    await workbook.commit()
  }
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
  return out
}
