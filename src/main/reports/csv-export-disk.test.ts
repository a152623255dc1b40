// A CSV export onto a real full tmpfs and a real read-only mount: the reason is named
// with what to do, the file already there is kept, and no temporary file is left.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeReadOnly, mountTinyDisk, mountsAvailable } from '../testing/real-disks'
import { exportCsv, type CsvColumn, type CsvRow } from './csv-export'

const COLUMNS: readonly CsvColumn<'note'>[] = [{ key: 'note', header: 'note' }]
function* rows(count: number): Generator<CsvRow<'note'>> {
  for (let i = 0; i < count; i++) yield { note: `Row ${i}: replaced the toner on the second floor printer` }
}

let root: string
let folder: string
const undo: (() => void)[] = []
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stint-csv-disk-'))
  folder = join(root, 'exports')
  mkdirSync(folder)
})
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step()
  rmSync(root, { recursive: true, force: true })
})

describe.skipIf(!mountsAvailable)('a CSV export onto a disk that takes no more writes', () => {
  it('a full disk: the reason and what to do, last month’s file kept, no temporary file left', async () => {
    undo.push(mountTinyDisk(folder, 64))
    const target = join(folder, 'report.csv')
    writeFileSync(target, 'last month\r\n')

    await expect(exportCsv({ path: target }, COLUMNS, rows(50_000))).rejects.toThrow(
      new RegExp(`because the disk holding ${folder} is full\\. Nothing was written to ${target}\\. The file already at ${target} was left as it was\\. Free some space on that disk or choose another folder\\.$`),
    )
    expect(readFileSync(target, 'utf8')).toBe('last month\r\n')
    expect(readdirSync(folder)).toEqual(['report.csv'])
  })

  it('a read-only folder: the reason and what to do, nothing left behind', async () => {
    undo.push(makeReadOnly(folder))
    const target = join(folder, 'report.csv')
    await expect(exportCsv({ path: target }, COLUMNS, rows(10))).rejects.toThrow(
      `because ${folder} is on a read-only disk. Nothing was written to ${target}. Choose another folder.`,
    )
    expect(readdirSync(folder)).toEqual([])
  })
})
