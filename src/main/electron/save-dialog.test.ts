import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { MACHINE_DIALECT } from '@shared/csv-dialect'
import { join } from 'node:path'
import type { BaseWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rowsBody, XLSX_FILE, type CsvJob } from '../reports/exporter'
import { readXlsx } from '../../../tests/support/xlsx-reader'
import { saveDialogDestination } from './save-dialog'

/** A save dialog that answers as the person would, and remembers what it was asked. */
class FakeDialog {
  readonly asked: { parent: BaseWindow | null; options: SaveDialogOptions }[] = []
  constructor(private readonly answer: (options: SaveDialogOptions) => SaveDialogReturnValue) {}
  showSaveDialog(...args: [BaseWindow, SaveDialogOptions] | [SaveDialogOptions]): Promise<SaveDialogReturnValue> {
    const [parent, options] = args.length === 2 ? args : [null, args[0]]
    this.asked.push({ parent, options })
    return Promise.resolve(this.answer(options))
  }
}

const fakeWindow = { isDestroyed: () => false } as unknown as BaseWindow

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-save-dialog-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function job(rows: () => Iterable<{ name: string; hours: string }> | AsyncIterable<{ name: string; hours: string }>, bom = false): CsvJob {
  return {
    fileName: 'stint-entries-2026-11-01-to-2026-11-30.csv',
    bom,
    dialect: MACHINE_DIALECT,
    body: rowsBody(
      [
        { key: 'name', header: 'name' },
        { key: 'hours', header: 'hours' },
      ],
      rows,
    ),
  }
}

function destination(dialog: FakeDialog, window: BaseWindow | null = fakeWindow) {
  return saveDialogDestination({ dialog, window: () => window, downloadsFolder: () => join(dir, 'Downloads') })
}

describe('exporting CSV in the app', () => {
  it('asks where to save, in Downloads with the suggested name and a CSV filter, modal to the window', async () => {
    const dialog = new FakeDialog(() => ({ canceled: true, filePath: '' }))
    await destination(dialog).deliver(job(() => []))
    expect(dialog.asked).toHaveLength(1)
    const [{ parent, options } = { parent: null, options: {} }] = dialog.asked
    expect(parent).toBe(fakeWindow)
    expect(options.defaultPath).toBe(join(dir, 'Downloads', 'stint-entries-2026-11-01-to-2026-11-30.csv'))
    expect(options.filters?.[0]).toEqual({ name: 'CSV (comma-separated values)', extensions: ['csv'] })
    expect(options.properties).toContain('showOverwriteConfirmation')
  })

  it('an XLSX job: an Excel filter and title, and the workbook written to the chosen file', async () => {
    const path = join(dir, 'november.xlsx')
    const dialog = new FakeDialog(() => ({ canceled: false, filePath: path }))
    const columns = [{ key: 'name', header: 'name' }] as const
    const workbook: CsvJob = { ...job(() => []), fileName: 'stint-report.xlsx', file: XLSX_FILE, body: rowsBody(columns, () => [{ name: '=1+1' }], [{ key: 'name', header: 'Name', kind: 'text' }]) }
    const result = await destination(dialog).deliver(workbook)
    const options: SaveDialogOptions = dialog.asked[0]?.options ?? {}
    expect(options.title).toBe('Export Excel workbook')
    expect(options.filters?.[0]).toEqual({ name: 'Excel workbook (XLSX)', extensions: ['xlsx'] })
    expect(result).toMatchObject({ status: 'saved', path, rows: 1 })
    expect(readXlsx(readFileSync(path)).cell('A2')).toMatchObject({ type: 'inlineStr', raw: '=1+1', formula: undefined })
  })

  it('writes the chosen file and says where, how many rows and bytes', async () => {
    const path = join(dir, 'november.csv')
    const dialog = new FakeDialog(() => ({ canceled: false, filePath: path }))
    const result = await destination(dialog).deliver(job(() => [{ name: 'Acme, "Gold"', hours: '=1+1' }], true))
    const text = readFileSync(path, 'utf8')
    expect(text).toBe('\uFEFFname,hours\r\n"Acme, ""Gold""",\'=1+1\r\n')
    expect(result).toEqual({ status: 'saved', path, rows: 1, bytes: Buffer.byteLength(text) })
    expect(readdirSync(dir)).toEqual(['november.csv'])
  })

  it('closing the dialog writes nothing and never reads the rows', async () => {
    let read = false
    const dialog = new FakeDialog(() => ({ canceled: true, filePath: '' }))
    const result = await destination(dialog).deliver(
      job(() => {
        read = true
        return []
      }),
    )
    expect(result).toEqual({ status: 'cancelled' })
    expect(read).toBe(false)
    expect(readdirSync(dir)).toEqual([])
  })

  it('opens the next dialog in the folder chosen last time', async () => {
    const folder = mkdtempSync(join(dir, 'reports-'))
    const dialog = new FakeDialog(() => ({ canceled: false, filePath: join(folder, 'one.csv') }))
    const exports = destination(dialog)
    await exports.deliver(job(() => []))
    await exports.deliver(job(() => []))
    expect(dialog.asked[1]?.options.defaultPath).toBe(join(folder, 'stint-entries-2026-11-01-to-2026-11-30.csv'))
  })

  it('without a window the dialog stands alone', async () => {
    const dialog = new FakeDialog(() => ({ canceled: true, filePath: '' }))
    await destination(dialog, null).deliver(job(() => []))
    expect(dialog.asked[0]?.parent).toBeNull()
  })

  it('an export that fails halfway leaves no file and no temporary file, and a file already there untouched', async () => {
    const path = join(dir, 'keep.csv')
    const dialog = new FakeDialog(() => ({ canceled: false, filePath: path }))
    const exports = destination(dialog)
    await exports.deliver(job(() => [{ name: 'old', hours: '1.00' }]))
    const before = readFileSync(path, 'utf8')
    function* failing() {
      for (let n = 0; n < 20_000; n++) yield { name: `row ${n}`, hours: '1.00' }
      throw new Error('the database went away')
    }
    await expect(exports.deliver(job(failing))).rejects.toThrow(/stopped after 20,000 rows because the database went away\. Nothing was written to .*keep\.csv\. The file already at .* was left as it was/)
    expect(readFileSync(path, 'utf8')).toBe(before)
    expect(readdirSync(dir)).toEqual(['keep.csv'])
  })
})
