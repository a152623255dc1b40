// An XLSX report written to a file: atomic (a failure leaves no file and keeps the one
// already there), with the rows it wrote counted; read back by tests/support/xlsx-reader.ts.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { XlsxColumn } from '../../documents/xlsx-writer'
import { readXlsx } from '../../../tests/support/xlsx-reader'
import { exportXlsx } from './xlsx-export'

type Key = 'day' | 'count'
/** A day and a count: enough to see the file written, typed, and left whole or not at all. */
const COLUMNS: readonly XlsxColumn<Key>[] = [
  { key: 'day', header: 'Day', kind: 'day' },
  { key: 'count', header: 'Entries', kind: 'number' },
]

describe('exportXlsx', () => {
  let folder: string
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'stint-xlsx-'))
  })
  afterEach(() => rmSync(folder, { recursive: true, force: true }))

  it('writes the file atomically and says how many rows', async () => {
    const target = join(folder, 'report.xlsx')
    const result = await exportXlsx({ path: target }, COLUMNS, [{ day: '2026-11-16', count: 1 }])
    expect(result).toMatchObject({ path: target, rows: 1 })
    expect(result.bytes).toBe(readFileSync(target).length)
    expect(readXlsx(readFileSync(target)).cell('B2')?.number).toBe(1)
    expect(readdirSync(folder)).toEqual(['report.xlsx'])
  })

  it('a row source that fails leaves no file and keeps the one already there', async () => {
    const target = join(folder, 'report.xlsx')
    writeFileSync(target, 'last month')
    function* rows() {
      for (let i = 0; i < 1000; i++) yield { day: '2026-11-16', count: i }
      throw new Error('the database went away')
    }
    await expect(exportXlsx({ path: target }, COLUMNS, rows())).rejects.toThrow(/Nothing was written/)
    expect(readFileSync(target, 'utf8')).toBe('last month')
    expect(readdirSync(folder)).toEqual(['report.xlsx'])
  })

  it('a day that is not a day fails the export rather than writing a wrong date', async () => {
    const target = join(folder, 'bad.xlsx')
    await expect(exportXlsx({ path: target }, COLUMNS, [{ day: '16.11.2026', count: 1 }])).rejects.toThrow(/Nothing was written/)
    expect(readdirSync(folder)).toEqual([])
  })
})
