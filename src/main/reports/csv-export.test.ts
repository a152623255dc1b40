import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { csvCell, csvNumber, decimalHours, wholeMinutes } from '@shared/csv-cells'
import { CsvRecords } from '@shared/csv-writer'
import { csvChunks, CsvExportError, CsvRecordCounter, csvStream, exportBytes, exportCsv, writeAtomically, type CsvColumn, type CsvRow } from './csv-export'

type Key = 'label' | 'text' | 'hours' | 'minutes' | 'count' | 'at'
const COLUMNS: readonly CsvColumn<Key>[] = [
  { key: 'label', header: 'label' },
  { key: 'text', header: 'text, with "quotes"' },
  { key: 'hours', header: 'hours' },
  { key: 'minutes', header: 'minutes' },
  { key: 'count', header: 'count' },
  { key: 'at', header: 'at' },
]

/** Everything that has broken a CSV file somewhere. */
const NASTY: [string, string][] = [
  ['empty', ''],
  ['plain', 'Replaced toner'],
  ['quotes', 'Call with "Anna", "again"'],
  ['only a quote', '"'],
  ['two quotes', '""'],
  ['commas', 'a,b,,c,'],
  ['CRLF', 'line one\r\nline two'],
  ['LF', 'line one\nline two\n'],
  ['lone CR', 'line one\rline two'],
  ['ends in CR', 'text\r'],
  ['emoji', 'Deployed 🚀 to 12 laptops 👩🏽‍💻'],
  ['accents and CJK', 'Müller café – 東京 “quoted”'],
  ['formula =', '=HYPERLINK("http://evil.invalid","click")'],
  ['formula +', '+1+1'],
  ['formula -', '-2 licences; +1 seat'],
  ['formula @', '@SUM(A1)'],
  ['formula tab', '\t=1+1'],
  ['formula CR', '\r=1+1'],
  ['full-width =', '\uFF1D1+1'],
  ['leading space', ' =1+1'],
  ['very long', `${'long text, "quoted", 🚀\n'.repeat(20_000)}end`],
  ['BOM inside', '\uFEFFtext'],
  ['NUL and controls', 'a\u0000b\u0007c'],
]

const rowOf = (label: string, text: string, i: number): CsvRow<Key> => ({
  label,
  text,
  hours: decimalHours(i * 901 - 3000),
  minutes: wholeMinutes(i * 901 - 3000),
  count: i % 2 === 0 ? i : null,
  at: new Date(Date.UTC(2026, 10, 16, 8, 0, 0, i)),
})
const NASTY_ROWS = NASTY.map(([label, text], i) => rowOf(label, text, i))

/** The strictest reading csv-parse offers: no loose quotes, every record the same width. */
function parseStrict(bytes: Buffer, { bom }: { bom: boolean }): string[][] {
  return parse(bytes, { bom, relax_quotes: false, relax_column_count: false, skip_empty_lines: false, trim: false, ltrim: false, rtrim: false })
}

/** Outside quoted fields, every line break must be CRLF (RFC 4180), so no reader can split a record elsewhere. */
function bareLineBreaks(text: string): number {
  const unquoted = text.replaceAll(/"(?:[^"]|"")*"/g, '')
  return (unquoted.match(/\r(?!\n)|(?<!\r)\n/g) ?? []).length
}

const expectedCells = (rows: readonly CsvRow<Key>[]): string[][] => [COLUMNS.map((c) => c.header), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c.key])))]

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-csv-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve()
    yield item
  }
}

async function streamed(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done()
      },
    }),
  )
  return Buffer.concat(chunks)
}

describe('an export reads back exactly, field by field, through a strict CSV parser', () => {
  it('with quotes, commas, CRLF/LF/CR, emoji, formula-like and very long text', async () => {
    const target = join(dir, 'nasty.csv')
    const result = await exportCsv({ path: target }, COLUMNS, NASTY_ROWS)
    const bytes = readFileSync(target)
    expect(result).toEqual({ path: target, rows: NASTY_ROWS.length, bytes: bytes.length })

    const records = parseStrict(bytes, { bom: false })
    const expected = expectedCells(NASTY_ROWS)
    expect(records).toHaveLength(expected.length)
    records.forEach((record, r) => {
      expect(record, `record ${r}`).toHaveLength(COLUMNS.length)
      record.forEach((cell, c) => expect(cell, `record ${r}, column ${COLUMNS[c]?.key}`).toBe(expected[r]?.[c]))
    })
    expect(bareLineBreaks(bytes.toString('utf8'))).toBe(0)
    expect(bytes.toString('utf8').endsWith('\r\n')).toBe(true)
  })

  it('text comes back as it was, apart from the quote the formula guard put in front', async () => {
    const target = join(dir, 'text.csv')
    await exportCsv({ path: target }, COLUMNS, NASTY_ROWS)
    const texts = parseStrict(readFileSync(target), { bom: false })
      .slice(1)
      .map((record) => record[1])
    NASTY.forEach(([label, text], i) => {
      const guarded = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)
      expect(texts[i], label).toBe(guarded ? `'${text}` : text)
    })
  })

  it('numbers, durations, empty cells and instants are written as the cell rules say', async () => {
    const target = join(dir, 'values.csv')
    const rows: CsvRow<Key>[] = [
      { label: 'negative duration', text: null, hours: decimalHours(-5400), minutes: wholeMinutes(-5400), count: -3, at: new Date(0) },
      { label: 'nothing', text: undefined, hours: csvNumber('0.00'), minutes: 0, count: 12345678901234567890n, at: null },
    ]
    await exportCsv({ path: target }, COLUMNS, rows)
    expect(parseStrict(readFileSync(target), { bom: false }).slice(1)).toEqual([
      ['negative duration', '', '-1.50', '-90', '-3', '1970-01-01T00:00:00.000Z'],
      ['nothing', '', '0.00', '0', '12345678901234567890', ''],
    ])
  })

  it('writes exactly what csv-stringify writes for the same cells (RFC 4180, CRLF)', async () => {
    const target = join(dir, 'oracle.csv')
    await exportCsv({ path: target }, COLUMNS, NASTY_ROWS, { bom: true })
    const oracle = stringify(expectedCells(NASTY_ROWS), { bom: true, record_delimiter: '\r\n', quote_record_delimiter: true, escape_formulas: false })
    expect(readFileSync(target, 'utf8')).toBe(oracle)
  })

  it('the same rows give the same bytes from an array, an async source of rows and an async source of pages', async () => {
    const fromArray = await streamed(csvStream(COLUMNS, NASTY_ROWS))
    const fromRows = await streamed(csvStream(COLUMNS, slowly(NASTY_ROWS)))
    const fromPages = await streamed(csvStream(COLUMNS, slowly([NASTY_ROWS.slice(0, 5), [], NASTY_ROWS.slice(5)])))
    expect(fromRows.equals(fromArray)).toBe(true)
    expect(fromPages.equals(fromArray)).toBe(true)
  })

  it('records a source made itself go in as they are, between pages of rows, and count as rows', async () => {
    let text = ''
    for await (const chunk of csvChunks(COLUMNS, NASTY_ROWS.slice(5, 9))) text += chunk
    const made = new CsvRecords(text.slice(text.indexOf('\r\n') + 2), 4) // without the header
    const target = join(dir, 'mixed.csv')
    const result = await exportCsv({ path: target }, COLUMNS, slowly([NASTY_ROWS.slice(0, 5), made, ...NASTY_ROWS.slice(9)]))
    expect(result.rows).toBe(NASTY_ROWS.length)
    expect((await streamed(csvStream(COLUMNS, NASTY_ROWS))).equals(readFileSync(target))).toBe(true)
  })

  it('an export of no rows is the header alone', async () => {
    const target = join(dir, 'empty.csv')
    expect((await exportCsv({ path: target }, COLUMNS, [])).rows).toBe(0)
    expect(readFileSync(target, 'utf8')).toBe('label,"text, with ""quotes""",hours,minutes,count,at\r\n')
  })

  it('many rows cross many chunks without losing or splitting one', async () => {
    const target = join(dir, 'many.csv')
    const short = NASTY.filter(([label]) => label !== 'very long')
    const rows = Array.from({ length: 20_000 }, (_, i) => rowOf(`row ${i}`, short[i % short.length]?.[1] ?? '', i))
    const chunks: string[] = []
    for await (const chunk of csvChunks(COLUMNS, rows)) chunks.push(chunk)
    expect(chunks.length).toBeGreaterThan(10)
    await exportCsv({ path: target }, COLUMNS, rows)
    const records = parseStrict(readFileSync(target), { bom: false })
    expect(records.map((record) => record[0])).toEqual(['label', ...rows.map((row) => row.label)])
  })
})

describe('a byte-order mark for spreadsheet apps, on request', () => {
  it('is written first when asked for, and read back as no part of the first header', async () => {
    const target = join(dir, 'bom.csv')
    await exportCsv({ path: target }, COLUMNS, NASTY_ROWS.slice(0, 3), { bom: true })
    const bytes = readFileSync(target)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(parseStrict(bytes, { bom: true })).toEqual(expectedCells(NASTY_ROWS.slice(0, 3)))
  })

  it('is not written by default', async () => {
    const target = join(dir, 'plain.csv')
    await exportCsv({ path: target }, COLUMNS, [])
    expect(readFileSync(target, 'utf8').startsWith('label,')).toBe(true)
  })
})

describe('an export that fails leaves no file pretending to be complete', () => {
  async function* failingAfter(count: number): AsyncGenerator<CsvRow<Key>> {
    for (let i = 0; i < count; i++) yield rowOf(`row ${i}`, 'text', i)
    await Promise.resolve()
    throw new Error('the database went away')
  }

  it('a row source that throws halfway leaves neither the target nor a temporary file', async () => {
    const target = join(dir, 'report.csv')
    const failure = exportCsv({ path: target }, COLUMNS, failingAfter(50_000))
    await expect(failure).rejects.toBeInstanceOf(CsvExportError)
    await expect(failure).rejects.toThrow(/stopped after 50,000 rows because the database went away\. Nothing was written to .*report\.csv\.$/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('a file already at the target is not touched by an export that fails', async () => {
    const target = join(dir, 'report.csv')
    writeFileSync(target, 'the export of last month\r\n')
    const failure = exportCsv({ path: target }, COLUMNS, failingAfter(10))
    await expect(failure).rejects.toThrow(/Nothing was written to .*report\.csv\. The file already at .*report\.csv was left as it was\.$/)
    expect(readFileSync(target, 'utf8')).toBe('the export of last month\r\n')
    expect(readdirSync(dir)).toEqual(['report.csv'])
  })

  it('a value no cell can hold stops the export the same way', async () => {
    const target = join(dir, 'report.csv')
    const rows = [rowOf('fine', 'text', 0), { ...rowOf('bad', 'text', 1), count: Number.NaN }]
    await expect(exportCsv({ path: target }, COLUMNS, rows)).rejects.toThrow(/stopped after 1 row because a CSV cell cannot hold NaN/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('a folder that does not exist is named, and the row source is never read', async () => {
    let read = 0
    function* rows(): Generator<CsvRow<Key>> {
      for (;;) {
        read++
        yield rowOf('row', 'text', read)
        if (read > 100_000) return
      }
    }
    const target = join(dir, 'missing', 'report.csv')
    await expect(exportCsv({ path: target }, COLUMNS, rows())).rejects.toThrow(`because the folder ${join(dir, 'missing')} does not exist. Nothing was written to ${target}.`)
    expect(read).toBeLessThan(100_000)
  })

  it('a target that is a folder is refused and the folder kept', async () => {
    const target = join(dir, 'taken')
    mkdirSync(target)
    await expect(exportCsv({ path: target }, COLUMNS, NASTY_ROWS)).rejects.toThrow(`because ${target} is a folder. Nothing was written to ${target}.`)
    expect(statSync(target).isDirectory()).toBe(true)
    expect(readdirSync(dir)).toEqual(['taken'])
  })

  it('names the kind of file that failed: an Excel workbook or a PDF is not called a CSV export', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'PK'
      await Promise.resolve()
      throw new Error('the workbook could not be finished')
    }
    const xlsx = join(dir, 'month.xlsx')
    await expect(writeAtomically(xlsx, failing(), () => 3, undefined)).rejects.toThrow(`The Excel export stopped after 3 rows because the workbook could not be finished. Nothing was written to ${xlsx}.`)
    const pdf = join(dir, 'Timesheet.PDF')
    await expect(writeAtomically(pdf, failing(), () => 0, undefined)).rejects.toThrow(`The PDF could not be written because the workbook could not be finished. Nothing was written to ${pdf}.`)
    expect(readdirSync(dir)).toEqual([])
  })

  it('a cancelled export leaves nothing and says it was cancelled', async () => {
    const target = join(dir, 'report.csv')
    const controller = new AbortController()
    async function* rows(): AsyncGenerator<CsvRow<Key>> {
      for (let i = 0; ; i++) {
        if (i === 1000) controller.abort()
        await Promise.resolve()
        yield rowOf(`row ${i}`, 'text', i)
      }
    }
    await expect(exportCsv({ path: target }, COLUMNS, rows(), { signal: controller.signal })).rejects.toThrow(/because the export was cancelled\. Nothing was written/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('a finished export', () => {
  it('replaces the file that was there, privately (0600), with no temporary file left', async () => {
    const target = join(dir, 'report.csv')
    writeFileSync(target, 'old', { mode: 0o644 })
    await exportCsv({ path: target }, COLUMNS, NASTY_ROWS)
    expect(readFileSync(target, 'utf8').startsWith('label,')).toBe(true)
    expect(readdirSync(dir)).toEqual(['report.csv'])
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600)
  })
})

describe('csvStream, for a download', () => {
  it('gives the same bytes as the file export', async () => {
    const target = join(dir, 'report.csv')
    await exportCsv({ path: target }, COLUMNS, NASTY_ROWS, { bom: true })
    const bytes = await streamed(csvStream(COLUMNS, NASTY_ROWS, { bom: true }))
    expect(bytes.equals(readFileSync(target))).toBe(true)
  })

  it('errors when the row source fails, so a piped response is cut off rather than ended cleanly', async () => {
    async function* rows(): AsyncGenerator<CsvRow<Key>> {
      yield rowOf('one', 'text', 1)
      await Promise.resolve()
      throw new Error('the database went away')
    }
    await expect(streamed(csvStream(COLUMNS, rows()))).rejects.toThrow('the database went away')
  })

  it('closes the row source when the client goes away', async () => {
    let closed = false
    async function* rows(): AsyncGenerator<CsvRow<Key>> {
      try {
        for (let i = 0; ; i++) {
          await Promise.resolve()
          yield rowOf(`row ${i}`, 'text', i)
        }
      } finally {
        closed = true
      }
    }
    const stream = csvStream(COLUMNS, rows())
    for await (const chunk of stream) {
      expect((chunk as Buffer).length).toBeGreaterThan(0)
      break // leaving the loop destroys the stream, as a closed connection does
    }
    await new Promise((resolve) => setImmediate(resolve))
    expect(closed).toBe(true)
  })

  it('refuses an export without columns', async () => {
    await expect(streamed(csvStream([], []))).rejects.toThrow('at least one column')
  })
})

describe('exportBytes, for CSV the team server made', () => {
  async function* arriving(bytes: Buffer, pieces: number, failAfter?: number) {
    const size = Math.ceil(bytes.length / pieces)
    for (let at = 0, n = 0; at < bytes.length; at += size, n++) {
      if (failAfter !== undefined && n === failAfter) throw new TypeError('terminated')
      await Promise.resolve()
      yield bytes.subarray(at, at + size)
    }
  }

  it('writes the bytes as they came and counts the records, quoted line breaks not counted', async () => {
    const text = await streamed(csvStream(COLUMNS, NASTY.map(([label, text], i) => rowOf(label, text, i)), { bom: true }))
    const path = join(dir, 'team.csv')
    // 97 pieces: some cut through a quoted field, an emoji, a CRLF.
    const result = await exportBytes({ path }, arriving(text, 97))
    expect(readFileSync(path)).toEqual(text)
    expect(result).toEqual({ path, rows: NASTY.length, bytes: text.length })
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('a connection that drops halfway leaves no file and no temporary file, and the old file as it was', async () => {
    const path = join(dir, 'team.csv')
    writeFileSync(path, 'the old export\r\n')
    const text = await streamed(csvStream(COLUMNS, NASTY.map(([label, text], i) => rowOf(label, text, i))))
    const failing = exportBytes({ path }, arriving(text, 10, 5))
    await expect(failing).rejects.toThrow(CsvExportError)
    await expect(failing).rejects.toThrow(/because terminated\. Nothing was written to .*team\.csv\. The file already at .* was left as it was\./)
    expect(readFileSync(path, 'utf8')).toBe('the old export\r\n')
    expect(readdirSync(dir)).toEqual(['team.csv'])
  })

  it('the record counter follows RFC 4180 quoting', () => {
    const counter = new CsvRecordCounter()
    for (const piece of ['a,b\r\n', '"x\r\ny","say ""', 'hi""\n"\r\n', 'plain,row\r\n']) counter.add(Buffer.from(piece))
    expect(counter.rows).toBe(2)
    expect(new CsvRecordCounter().rows).toBe(0)
  })
})

describe('types', () => {
  it('a column the rows do not have does not compile', () => {
    const rows: CsvRow<Key>[] = []
    // @ts-expect-error the rows have no 'nope'
    const call = () => exportCsv({ path: join(dir, 'never.csv') }, [{ key: 'nope', header: 'x' }], rows)
    expect(call).toBeTypeOf('function') // never called: the check is the compiler's
  })
})
