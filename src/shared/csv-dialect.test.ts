import { describe, expect, it } from 'vitest'
import { csvNumber, decimalHours, wholeMinutes } from './csv-cells'
import { csvDialect, CsvFormatSchema, MACHINE_DIALECT } from './csv-dialect'
import { csvChunks, type CsvColumn } from './csv-writer'

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = ''
  for await (const chunk of chunks) all += chunk
  return all
}

const COLUMNS: CsvColumn[] = [
  { key: 'date', header: 'date', kind: 'day' },
  { key: 'customer', header: 'customer' },
  { key: 'hours', header: 'hours' },
  { key: 'minutes', header: 'minutes' },
  { key: 'share', header: 'share_percent' },
  { key: 'entries', header: 'entries' },
  { key: 'billable', header: 'billable' },
  { key: 'created_at', header: 'created_at' },
]
const ROWS = [
  { date: '2026-12-03', customer: 'Acme; Inc.', hours: decimalHours(5400), minutes: wholeMinutes(5400), share: csvNumber('62.5'), entries: 3, billable: 'yes', created_at: new Date(Date.UTC(2026, 11, 3, 8)) },
  { date: '2026-01-31', customer: 'Müller, "Die Drucker"', hours: decimalHours(-900), minutes: wholeMinutes(-900), share: null, entries: 0, billable: 'no', created_at: null },
  { date: null, customer: '=cmd', hours: decimalHours(0), minutes: wholeMinutes(0), share: csvNumber('100.0'), entries: 1, billable: 'yes', created_at: null },
]

describe('a CSV file keeps machine formats unless a locale’s are asked for', () => {
  it('the machine’s way is ISO days, dot decimals and commas, byte for byte as before', async () => {
    expect(await text(csvChunks(COLUMNS, ROWS))).toBe(
      'date,customer,hours,minutes,share_percent,entries,billable,created_at\r\n' +
        '2026-12-03,Acme; Inc.,1.50,90,62.5,3,yes,2026-12-03T08:00:00.000Z\r\n' +
        '2026-01-31,"Müller, ""Die Drucker""",-0.25,-15,,0,no,\r\n' +
        ",'=cmd,0.00,0,100.0,1,yes,\r\n",
    )
    expect(await text(csvChunks(COLUMNS, ROWS, { dialect: MACHINE_DIALECT }))).toBe(await text(csvChunks(COLUMNS, ROWS)))
  })

  it('German: days as 03.12.2026, decimal commas, fields split by semicolons; instants, words and headers unchanged', async () => {
    expect(await text(csvChunks(COLUMNS, ROWS, { dialect: csvDialect('de') }))).toBe(
      'date;customer;hours;minutes;share_percent;entries;billable;created_at\r\n' +
        '03.12.2026;"Acme; Inc.";1,50;90;62,5;3;yes;2026-12-03T08:00:00.000Z\r\n' +
        '31.01.2026;"Müller, ""Die Drucker""";-0,25;-15;;0;no;\r\n' +
        ";'=cmd;0,00;0;100,0;1;yes;\r\n",
    )
  })

  it('English (as written in Britain): days as 03/12/2026, dot decimals and commas', async () => {
    const file = await text(csvChunks(COLUMNS, ROWS.slice(0, 1), { dialect: csvDialect('en'), bom: true }))
    expect(file).toBe('\uFEFFdate,customer,hours,minutes,share_percent,entries,billable,created_at\r\n03/12/2026,"Acme; Inc.",1.50,90,62.5,3,yes,2026-12-03T08:00:00.000Z\r\n')
  })

  it('finished records, which only the machine’s way makes, are refused in a locale’s file rather than written wrong', async () => {
    const { CsvRecords } = await import('./csv-writer')
    const records: AsyncIterable<InstanceType<typeof CsvRecords>> = {
      [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: false, value: new CsvRecords('2026-12-03,1.50\r\n', 1) }) }),
    }
    await expect(text(csvChunks([{ key: 'a', header: 'a' }], records, { dialect: csvDialect('de') }))).rejects.toThrow(/machine dialect/)
  })

  it('a format is "machine" or a language Stint speaks; anything else says which there are', () => {
    expect(CsvFormatSchema.parse('de')).toBe('de')
    const refused = CsvFormatSchema.safeParse('fr')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toBe('A CSV format is "machine" or a language: en, de.')
  })
})
