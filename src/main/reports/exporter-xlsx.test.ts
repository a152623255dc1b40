// The 'export.csv' call with file 'xlsx' on a real core and a real SQLite file: each
// kind of export read back with an independent reader (fflate and the sheet's XML, not
// exceljs) — the CSV's columns with headers in the reader's language, days as dates,
// hours and counts as numbers, names that look like formulas kept as text.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '@shared/errors'
import type { ExportRequestInput, ExportResult } from '@shared/exports'
import { invokeCall } from '../api/invoke'
import { FakeClock } from '../clock'
import { createCore, type Core } from '../core'
import { silentLogger } from '../logger'
import { readLocalUserId } from '../profile'
import { MemorySettingsStore } from '../settings/settings-store'
import { T0 } from '../testing/temp-core'
import { readXlsx, type ReadSheet } from '../../../tests/support/xlsx-reader'
import { ManualScheduler } from '../timers/scheduler'
import { saveCsvJob, type CsvDestination, type CsvJob } from './exporter'

let dir: string
let dataDir: string
let core: Core
let me: string
let target: string
const delivered: CsvJob[] = []

const destination: CsvDestination = {
  async deliver(job) {
    delivered.push(job)
    return { status: 'saved', ...(await saveCsvJob(job, target)) }
  },
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stint-exporter-xlsx-'))
  dataDir = mkdtempSync(join(tmpdir(), 'stint-exporter-xlsx-data-'))
  const clock = new FakeClock(T0, 'Europe/Berlin')
  core = await createCore({
    dataDir,
    clock,
    logger: silentLogger,
    settings: new MemorySettingsStore(),
    scheduler: new ManualScheduler(() => clock.now()),
    host: 'web',
    version: '0.0.0-test',
    exportDestination: destination,
  })
  me = await readLocalUserId(core.store.db)
  target = join(dir, 'export.xlsx')
  delivered.length = 0
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

async function exported(request: ExportRequestInput): Promise<{ sheet: ReadSheet; result: ExportResult }> {
  const envelope = (await invokeCall(core.handlers, 'export.csv', { file: 'xlsx', ...request }, silentLogger)) as Envelope<ExportResult>
  if (!envelope.ok) throw new Error(`the export failed: ${envelope.error.message}`)
  return { sheet: readXlsx(readFileSync(target)), result: envelope.value }
}

/** The sheet's rows as objects by header, as a person reads them. */
function records(sheet: ReadSheet): Record<string, string | number | null>[] {
  const [header, ...rows] = sheet.values()
  return rows.map((row) => Object.fromEntries((header ?? []).map((name, index) => [String(name), row[index] ?? null])))
}

const id = (n: number) => `0190e000-0000-7000-8000-${String(n).padStart(12, '0')}`

function insertEntries(entries: readonly { id: string; day: string; workItem?: string; billable?: 0 | 1; description?: string; rounded: number }[]): void {
  const insert = core.store.sqlite.prepare(
    `INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, created_at, updated_at, deleted_at)
     VALUES (@id, @user, @day, @workItem, NULL, @billable, @description, 'manual', @rounded, @rounded, 'draft', @createdAt, @createdAt, NULL)`,
  )
  for (const e of entries) insert.run({ id: e.id, user: me, day: e.day, workItem: e.workItem ?? null, billable: e.billable ?? 1, description: e.description ?? '', rounded: e.rounded, createdAt: T0 })
}

async function reference() {
  const { work } = core
  const acme = await work.createCustomer('Acme, Inc.')
  const globex = await work.createCustomer('=Globex')
  const support = await work.createContract({ customerId: acme.id, name: 'Support "Gold"', includedMinutes: 600 })
  const printer = await work.createWorkItem({ kind: 'ticket', reference: 'T-1', title: 'Printer', customerId: acme.id, contractId: support.id })
  const mail = await work.createWorkItem({ kind: 'ticket', reference: '-2', title: 'Mail, again', customerId: globex.id, contractId: null })
  return { acme, globex, support, printer, mail }
}

describe('XLSX exports', () => {
  it('a report: the CSV’s columns in English words, hours and shares as numbers, "=Globex" as text', async () => {
    const { printer, mail, globex } = await reference()
    insertEntries([
      { id: id(1), day: '2026-11-02', workItem: printer.id, rounded: 5400 },
      { id: id(2), day: '2026-11-03', workItem: printer.id, rounded: 1800, billable: 0 },
      { id: id(3), day: '2026-11-04', workItem: mail.id, rounded: 900 },
    ])
    const { sheet, result } = await exported({ what: { kind: 'report', query: { from: '2026-11-01', to: '2026-11-30', groupBy: ['customer', 'day'] } } })
    expect(result).toMatchObject({ status: 'saved', rows: 3 })
    expect(sheet.values()[0]).toEqual(['Customer', 'Customer ID', 'Day', 'Hours', 'Minutes', 'Billable hours', 'Billable minutes', 'Non-billable hours', 'Non-billable minutes', 'Entries', 'Billable share (%)', 'Overlapped hours', 'Overlapped minutes'])
    expect(records(sheet)[0]).toEqual({
      Customer: '=Globex',
      'Customer ID': globex.id,
      Day: '2026-11-04',
      Hours: 0.25,
      Minutes: 15,
      'Billable hours': 0.25,
      'Billable minutes': 15,
      'Non-billable hours': 0,
      'Non-billable minutes': 0,
      Entries: 1,
      'Billable share (%)': 100,
      'Overlapped hours': 0,
      'Overlapped minutes': 0,
    })
    expect(sheet.cell('A2')).toMatchObject({ type: 'inlineStr', raw: '=Globex', formula: undefined })
    expect(sheet.cell('C2')).toMatchObject({ type: 'n', numFmt: 'yyyy-mm-dd', day: '2026-11-04' })
    expect(sheet.cell('D2')).toMatchObject({ type: 'n', numFmt: '0.00' })
    expect(sheet.frozenRows).toBe(1)
    expect(sheet.autoFilter).toBe('A1:M4')
    expect(delivered.map((job) => [job.fileName, job.file?.extension])).toEqual([['stint-report-2026-11-01-to-2026-11-30.xlsx', 'xlsx']])
  })

  it('raw entries in German: German headers, days as dates, formula-like descriptions as text', async () => {
    insertEntries([
      { id: id(1), day: '2026-11-02', description: '=cmd|calc', rounded: 5400 },
      { id: id(2), day: '2016-02-29', description: '-5 min, travel', rounded: 900 },
    ])
    const { sheet, result } = await exported({ what: { kind: 'entries', from: '2016-01-01', to: '2026-12-31' }, language: 'de' })
    expect(result).toMatchObject({ rows: 2 })
    const rows = records(sheet)
    expect(rows.map((row) => [row['Datum'], row['Beschreibung'], row['Stunden'], row['Minuten']])).toEqual([
      ['2016-02-29', '-5 min, travel', 0.25, 15],
      ['2026-11-02', '=cmd|calc', 1.5, 90],
    ])
    expect(sheet.values()[0]).toContain('Eintrags-ID')
    for (const cell of [...(sheet.rows.get(2)?.values() ?? []), ...(sheet.rows.get(3)?.values() ?? [])]) expect(cell.formula).toBeUndefined()
  })

  it('contract usage and a month view per ticket', async () => {
    const { support, printer, mail } = await reference()
    insertEntries([
      { id: id(1), day: '2026-11-02', workItem: printer.id, rounded: 9 * 3600 },
      { id: id(2), day: '2026-11-03', workItem: mail.id, rounded: 900 },
    ])
    const usage = records((await exported({ what: { kind: 'contractUsage', query: { month: '2026-11' } } })).sheet)
    expect(usage).toEqual([expect.objectContaining({ Month: '2026-11', Contract: 'Support "Gold"', 'Included hours': 10, 'Booked hours': 9, 'Share of included (%)': 90, 'Contract ID': support.id })])
    const tickets = records((await exported({ what: { kind: 'month', query: { month: '2026-11', view: 'tickets' } } })).sheet)
    expect(tickets.map((row) => [row['Ticket'], row['Customer'], row['Hours'], row['Entries']])).toEqual([
      ['-2', '=Globex', 0.25, 1],
      ['T-1', 'Acme, Inc.', 9, 1],
    ])
    expect(delivered.map((job) => job.fileName)).toEqual(['stint-contract-usage-2026-11.xlsx', 'stint-month-tickets-2026-11.xlsx'])
  })

  it('CSV stays the default: a request without `file` writes CSV as before', async () => {
    target = join(dir, 'export.csv')
    const envelope = (await invokeCall(core.handlers, 'export.csv', { what: { kind: 'contractUsage', query: { month: '2026-11' } } }, silentLogger)) as Envelope<ExportResult>
    expect(envelope.ok).toBe(true)
    expect(readFileSync(target, 'utf8').startsWith('month,customer,contract,')).toBe(true)
    expect(delivered.map((job) => job.file)).toEqual([undefined])
  })
})
