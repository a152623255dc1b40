// The XLSX writer, read back with an independent reader (fflate and plain XML patterns,
// tests/support/xlsx-reader.ts): typed cells, the frozen bold header, the autofilter, and
// formula-looking text kept as text.
import { buffer } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { csvNumber, decimalHours, wholeMinutes } from '@shared/csv-cells'
import { CONTRACT_USAGE_CSV_COLUMNS, ENTRY_CSV_COLUMNS } from '@shared/export-columns'
import { createTranslator } from '@shared/i18n/translator'
import { xlsxColumnsOf } from '@shared/xlsx-columns'
import { readXlsx } from '../../tests/support/xlsx-reader'
import { columnLetters, xlsxStream, type XlsxColumn } from './xlsx-writer'

type Key = 'day' | 'note' | 'hours' | 'count' | 'amount'
const COLUMNS: readonly XlsxColumn<Key>[] = [
  { key: 'day', header: 'Day', kind: 'day' },
  { key: 'note', header: 'Note', kind: 'text' },
  { key: 'hours', header: 'Hours', kind: 'hours' },
  { key: 'count', header: 'Entries', kind: 'number' },
  { key: 'amount', header: 'Amount', kind: 'amount', digits: 2 },
]

async function bytesOf(columns: readonly XlsxColumn<Key>[], rows: Parameters<typeof xlsxStream<Key>>[1]): Promise<Uint8Array> {
  return new Uint8Array(await buffer(xlsxStream(columns, rows)))
}

describe('xlsxStream', () => {
  it('writes days as dates, hours, counts and amounts as numbers with formats, text as text', async () => {
    const sheet = readXlsx(
      await bytesOf(COLUMNS, [
        { day: '2026-11-16', note: 'Printer', hours: decimalHours(5400), count: 3, amount: 12345 },
        { day: '2024-02-29', note: 'Leap day', hours: csvNumber('0.25'), count: 1, amount: -5 },
      ]),
    )
    expect(sheet.values()).toEqual([
      ['Day', 'Note', 'Hours', 'Entries', 'Amount'],
      ['2026-11-16', 'Printer', 1.5, 3, 123.45],
      ['2024-02-29', 'Leap day', 0.25, 1, -0.05],
    ])
    const day = sheet.cell('A2')
    expect(day?.type).toBe('n')
    expect(day?.numFmt).toBe('yyyy-mm-dd')
    expect(day?.number).toBe(46342) // the serial of 2026-11-16, no time of day
    expect(sheet.cell('B2')?.type).toBe('inlineStr')
    expect(sheet.cell('C2')).toMatchObject({ type: 'n', numFmt: '0.00', number: 1.5 })
    expect(sheet.cell('D2')).toMatchObject({ type: 'n', numFmt: '0', number: 3 })
    expect(sheet.cell('E2')).toMatchObject({ type: 'n', numFmt: '#,##0.00', number: 123.45 })
  })

  it('makes the header bold and frozen, and filters over the header and every row', async () => {
    const sheet = readXlsx(await bytesOf(COLUMNS, [{ day: '2026-11-16', note: 'a', hours: 1, count: 1, amount: 0 }]))
    expect(sheet.frozenRows).toBe(1)
    expect(sheet.autoFilter).toBe('A1:E2')
    for (const ref of ['A1', 'B1', 'C1', 'D1', 'E1']) expect(sheet.cell(ref)).toMatchObject({ type: 'inlineStr', bold: true, formula: undefined })
    expect(sheet.cell('B2')?.bold).toBe(false)
    expect(sheet.columnWidths).toHaveLength(5)
    expect(Math.min(...sheet.columnWidths)).toBeGreaterThanOrEqual(10)
  })

  it('keeps text that looks like a formula as a string cell, never a formula', async () => {
    const risky = ['=1+1', '+49 30 1234', '-5 min, travel', '@SUM(A1:A2)', '=HYPERLINK("http://evil.example","x")']
    const sheet = readXlsx(await bytesOf(COLUMNS, risky.map((note) => ({ day: '2026-11-16', note, hours: 1, count: 1, amount: 0 }))))
    risky.forEach((note, index) => {
      const cell = sheet.cell(`B${index + 2}`)
      expect(cell).toMatchObject({ type: 'inlineStr', raw: note, formula: undefined })
    })
    expect(sheet.cell('B2')?.raw.startsWith("'")).toBe(false) // no CSV guard quote: the cell type already says text
  })

  it('drops characters XML cannot hold, so the file still opens', async () => {
    const sheet = readXlsx(await bytesOf(COLUMNS, [{ day: null, note: 'bell\u0007 and tab\tkept', hours: null, count: null, amount: null }]))
    expect(sheet.cell('B2')?.raw).toBe('bell and tab\tkept')
  })

  it('writes rows from async pages and counts them', async () => {
    async function* pages() {
      await Promise.resolve()
      yield [{ day: '2026-11-01', note: 'p1', hours: wholeMinutes(60), count: 1, amount: 1 }]
      yield [{ day: '2026-11-02', note: 'p2', hours: 2, count: 2, amount: 2 }]
    }
    const written = { rows: 0 }
    const sheet = readXlsx(new Uint8Array(await buffer(xlsxStream(COLUMNS, pages(), {}, written))))
    expect(written.rows).toBe(2)
    expect(sheet.values().slice(1).map((row) => row[1])).toEqual(['p1', 'p2'])
  })

  it('headers in the reader’s language, from the CSV’s own columns', () => {
    const german = xlsxColumnsOf(CONTRACT_USAGE_CSV_COLUMNS, createTranslator('de'))
    expect(german.map((column) => column.key)).toEqual(CONTRACT_USAGE_CSV_COLUMNS.map((column) => column.key))
    expect(german.find((column) => column.key === 'included_hours')).toMatchObject({ header: 'Enthaltene Stunden', kind: 'hours' })
    const english = xlsxColumnsOf(ENTRY_CSV_COLUMNS, createTranslator('en'))
    expect(english.find((column) => column.key === 'date')).toMatchObject({ header: 'Date', kind: 'day' })
    expect(english.find((column) => column.key === 'minutes')).toMatchObject({ kind: 'number', digits: 0 })
    expect(english.find((column) => column.key === 'description')).toMatchObject({ kind: 'text' })
  })

  it('names columns past Z', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA'])
  })
})
