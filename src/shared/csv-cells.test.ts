import { describe, expect, it } from 'vitest'
import { seededRandom } from './testing/seeded-random'
import { csvCell, csvNumber, decimalHours, guardFormula, isoDay, isoInstant, wholeMinutes, yesNo, type CsvValue } from './csv-cells'

describe('a text cell that a spreadsheet would run as a formula gets a quote in front', () => {
  it.each<[string, string]>([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://evil.invalid","click")', '\'=HYPERLINK("http://evil.invalid","click")'],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2 licences', "'-2 licences"],
    ['-1.50', "'-1.50"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\uFF1D1+1', "'\uFF1D1+1"], // full-width =, which Numbers folds to '='
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20A1', "'\uFF20A1"],
    ['=', "'="],
  ])('%j becomes %j', (text, cell) => {
    expect(guardFormula(text)).toBe(cell)
    expect(csvCell(text)).toBe(cell)
  })

  it.each<string>([
    '',
    'Replaced toner',
    '1+1',
    'a=b',
    ' =1+1', // a leading space is not a formula to any spreadsheet
    '\n=1', // a line break first: RFC 4180 quoting keeps it, spreadsheets show text
    "'quoted already",
    '2026-11-16',
    'Deployed 🚀',
    '"=1"',
  ])('%j stays as it is', (text) => {
    expect(guardFormula(text)).toBe(text)
  })
})

describe('numbers Stint emits as numbers are never guarded', () => {
  it.each<[CsvValue, string]>([
    [0, '0'],
    [-0, '0'],
    [42, '42'],
    [-3, '-3'],
    [1.5, '1.5'],
    [-0.25, '-0.25'],
    [12345678901234567890n, '12345678901234567890'],
    [-7n, '-7'],
    [csvNumber('-1.50'), '-1.50'],
    [decimalHours(-900), '-0.25'],
    [wholeMinutes(-900), '-15'],
  ])('%s is written %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %s rather than writing it', (value) => {
    expect(() => csvCell(value)).toThrow(/finite/)
  })

  it.each(['1e5', '+1', '=1', '1,5', '', ' 1', '.5', '1.', '--1', '1-1', '0x10', '١٢'])('csvNumber refuses %j, so no text slips past the guard as a "number"', (text) => {
    expect(() => csvNumber(text)).toThrow(RangeError)
  })

  it('an object that only looks like a number cell is refused, not written unguarded', () => {
    const fake = { text: '=1+1' } as unknown as CsvValue
    expect(() => csvCell(fake)).toThrow(TypeError)
  })
})

describe('other values', () => {
  it.each<[CsvValue, string]>([
    [null, ''],
    [undefined, ''],
    [true, 'yes'],
    [false, 'no'],
    [new Date(Date.UTC(2026, 10, 16, 8, 0, 0, 5)), '2026-11-16T08:00:00.005Z'],
  ])('%s is written %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it.each<CsvValue>([{} as unknown as CsvValue, [] as unknown as CsvValue, (() => 1) as unknown as CsvValue, Symbol('s') as unknown as CsvValue])('refuses %s instead of writing [object Object]', (value) => {
    expect(() => csvCell(value)).toThrow(TypeError)
  })

  it('yesNo reads SQLite flags and booleans alike', () => {
    expect([yesNo(1), yesNo(0), yesNo(true), yesNo(false)]).toEqual(['yes', 'no', 'yes', 'no'])
  })
})

describe('durations as decimal hours (two decimals, a dot) and whole minutes', () => {
  it.each<[number, string, string]>([
    [0, '0.00', '0'],
    [17, '0.00', '0'],
    [18, '0.01', '0'], // half of a hundredth (36 s) rounds away from zero
    [29, '0.01', '0'],
    [30, '0.01', '1'], // half a minute rounds up too
    [900, '0.25', '15'],
    [5400, '1.50', '90'],
    [3599, '1.00', '60'],
    [86_400, '24.00', '1440'],
    [144_000, '40.00', '2400'], // a week: hours are not capped at 24
    [-5400, '-1.50', '-90'],
    [-10, '0.00', '0'], // never '-0.00'
  ])('%i s is %s h and %s min', (seconds, hours, minutes) => {
    expect(csvCell(decimalHours(seconds))).toBe(hours)
    expect(csvCell(wholeMinutes(seconds))).toBe(minutes)
  })

  it('refuses a duration that is not a finite number', () => {
    expect(() => decimalHours(Number.NaN)).toThrow(RangeError)
    expect(() => wholeMinutes(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('ISO instants and days', () => {
  it.each<[number, string]>([
    [0, '1970-01-01T00:00:00.000Z'],
    [-1, '1969-12-31T23:59:59.999Z'],
    [Date.UTC(2026, 10, 16, 8, 0, 0), '2026-11-16T08:00:00.000Z'],
    [Date.UTC(2024, 1, 29, 23, 59, 59, 999), '2024-02-29T23:59:59.999Z'],
    [Date.UTC(2000, 1, 29, 12), '2000-02-29T12:00:00.000Z'],
    [Date.UTC(2100, 2, 1), '2100-03-01T00:00:00.000Z'],
    [Date.UTC(9999, 11, 31, 23, 59, 59, 999), '9999-12-31T23:59:59.999Z'],
    [-62_167_219_200_000, '0000-01-01T00:00:00.000Z'],
    [253_402_300_800_000, '+010000-01-01T00:00:00.000Z'], // past four digits: toISOString's extended year
    [-62_167_219_200_001, '-000001-12-31T23:59:59.999Z'],
  ])('%i ms is %s', (ms, text) => {
    expect(isoInstant(ms)).toBe(text)
  })

  it('agrees with Date.prototype.toISOString across the years 0000–9999', () => {
    const random = seededRandom(7)
    const first = -62_167_219_200_000
    const span = 253_402_300_800_000 - first
    const disagreements: string[] = []
    for (let i = 0; i < 100_000; i++) {
      const ms = first + Math.floor(random() * span)
      if (isoInstant(ms) !== new Date(ms).toISOString()) disagreements.push(`${ms}: ${isoInstant(ms)}`)
    }
    expect(disagreements).toEqual([])
  })

  it('refuses an instant a Date cannot hold', () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError)
    expect(() => isoInstant(8.64e15 + 1)).toThrow(RangeError)
  })

  it('an instant outside 0000–9999 is guarded when written as a cell, as any text is', () => {
    expect(csvCell(new Date(-62_167_219_200_001))).toBe("'-000001-12-31T23:59:59.999Z")
  })

  it.each(['2026-11-16', '2024-02-29', '0001-01-01'])('isoDay keeps %s', (day) => {
    expect(isoDay(day)).toBe(day)
  })

  it.each(['2026-1-16', '16.11.2026', '2026-13-01', '2026-00-10', '2026-11-32', '2026-11-16T00:00', ''])('isoDay refuses %j', (day) => {
    expect(() => isoDay(day)).toThrow(RangeError)
  })
})
