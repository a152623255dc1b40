// The 'export.csv' call on a real core and a real SQLite file: every kind of export
// read back with a strict CSV parser and compared field by field with what the report
// engine and the database say, the bad inputs the issue lists, and failures that must
// leave no file behind.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { guardFormula } from '@shared/csv-cells'
import type { ExportRequestInput, ExportResult } from '@shared/exports'
import { readableError, type Envelope } from '@shared/errors'
import { createTranslator } from '@shared/i18n/translator'
import { MAX_MONTH_VIEW_ROWS } from '@shared/month-views'
import { MAX_REPORT_ROWS, type ReportResult } from '@shared/reports'
import { invokeCall } from '../api/invoke'
import { FakeClock } from '../clock'
import { createCore, type Core } from '../core'
import { silentLogger } from '../logger'
import { readLocalUserId } from '../profile'
import { MemorySettingsStore } from '../settings/settings-store'
import { T0 } from '../testing/temp-core'
import { ManualScheduler } from '../timers/scheduler'
import { saveCsvJob, type CsvDestination, type CsvJob } from './exporter'

let dir: string
let dataDir: string
let core: Core
let me: string
/** Where the fake "save dialog" saves; null: the person cancels. */
let target: string | null
const delivered: CsvJob[] = []

const destination: CsvDestination = {
  async deliver(job) {
    delivered.push(job)
    if (target === null) return { status: 'cancelled' }
    const result = await saveCsvJob(job, target)
    return { status: 'saved', ...result }
  },
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stint-exporter-'))
  dataDir = mkdtempSync(join(tmpdir(), 'stint-exporter-data-'))
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
  target = join(dir, 'export.csv')
  delivered.length = 0
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

async function exportCsv(request: ExportRequestInput): Promise<Envelope<ExportResult>> {
  return (await invokeCall(core.handlers, 'export.csv', request, silentLogger)) as Envelope<ExportResult>
}

async function exported(request: ExportRequestInput): Promise<Record<string, string>[]> {
  const envelope = await exportCsv(request)
  if (!envelope.ok) throw new Error(`the export failed: ${envelope.error.message}`)
  expect(envelope.value.status).toBe('saved')
  return parseStrict(readFileSync(target ?? ''))
}

function parseStrict(text: Buffer | string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false, trim: false })
}

function headerOf(file: string): string[] {
  return parse(readFileSync(file), { bom: true, to_line: 1 })[0] ?? []
}

interface Entry {
  id: string
  day: string
  workItem?: string | null
  activityType?: string | null
  billable?: 0 | 1
  description?: string
  rounded?: number
  raw?: number
  status?: 'draft' | 'submitted' | 'approved' | 'rejected' | 'voided'
  createdAt?: number
}

function insertEntries(entries: readonly Entry[]): void {
  const { sqlite } = core.store
  const insert = sqlite.prepare(
    `INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, created_at, updated_at, deleted_at)
     VALUES (@id, @user, @day, @workItem, @activityType, @billable, @description, 'manual', @raw, @rounded, @status, @createdAt, @createdAt, NULL)`,
  )
  sqlite.transaction(() => {
    for (const e of entries) {
      insert.run({
        id: e.id,
        user: me,
        day: e.day,
        workItem: e.workItem ?? null,
        activityType: e.activityType ?? null,
        billable: e.billable ?? 1,
        description: e.description ?? '',
        raw: e.raw ?? e.rounded ?? 900,
        rounded: e.rounded ?? 900,
        status: e.status ?? 'draft',
        createdAt: e.createdAt ?? T0,
      })
    }
  })()
}

const id = (n: number) => `0190e000-0000-7000-8000-${String(n).padStart(12, '0')}`

/** Two customers, a contract with 10 included hours, three work items. */
async function reference() {
  const { work } = core
  const acme = await work.createCustomer('Acme, Inc.')
  const globex = await work.createCustomer('=Globex')
  const support = await work.createContract({ customerId: acme.id, name: 'Support "Gold"', includedMinutes: 600 })
  const printer = await work.createWorkItem({ kind: 'ticket', reference: 'T-1', title: 'Printer', customerId: acme.id, contractId: support.id })
  const mail = await work.createWorkItem({ kind: 'ticket', reference: '-2', title: 'Mail, again', customerId: globex.id, contractId: null })
  const admin = await work.createWorkItem({ kind: 'general', reference: null, title: 'Admin', customerId: null, contractId: null })
  return { acme, globex, support, printer, mail, admin }
}

describe('a report export has every row of the report, field by field', () => {
  it('grouped by customer and month: names with ids, time in hours and minutes, billable share', async () => {
    const { acme, globex, printer, mail, admin } = await reference()
    insertEntries([
      { id: id(1), day: '2026-11-02', workItem: printer.id, rounded: 5400 },
      { id: id(2), day: '2026-11-03', workItem: printer.id, rounded: 1800, billable: 0 },
      { id: id(3), day: '2026-12-01', workItem: mail.id, rounded: 900 },
      { id: id(4), day: '2026-11-04', workItem: admin.id, rounded: 3600, billable: 0 },
    ])
    const query = { from: '2026-11-01', to: '2026-12-31', groupBy: ['customer', 'month'] as const }
    const report: ReportResult = await core.handlers['reports.run']({ ...query, groupBy: [...query.groupBy] } as never)
    const rows = await exported({ what: { kind: 'report', query: { ...query, groupBy: [...query.groupBy] } } })
    expect(rows).toHaveLength(report.rows.length)
    // In the report's order: by name ('=' sorts before letters), "No customer" last.
    expect(rows).toEqual([
      // The formula guard: a customer called "=Globex" is text.
      expect.objectContaining({ customer: "'=Globex", customer_id: globex.id, month: '2026-12', hours: '0.25', minutes: '15', entries: '1', billable_share_percent: '100.0' }),
      {
        customer: 'Acme, Inc.',
        customer_id: acme.id,
        month: '2026-11',
        hours: '2.00',
        minutes: '120',
        billable_hours: '1.50',
        billable_minutes: '90',
        non_billable_hours: '0.50',
        non_billable_minutes: '30',
        entries: '2',
        billable_share_percent: '75.0',
        // This device measures overlapped time: always its two columns, last (these entries have no runs).
        overlapped_hours: '0.00',
        overlapped_minutes: '0',
      },
      expect.objectContaining({ customer: 'No customer', customer_id: '', month: '2026-11', hours: '1.00', billable_hours: '0.00', billable_share_percent: '0.0' }),
    ])
  })

  it('grouped by time alone, with expected hours and the share of them', async () => {
    // Last week (the clock reads Monday 16 November): every day of it has begun, so all five expect their hours.
    insertEntries([{ id: id(1), day: '2026-11-09', rounded: 4 * 3600 }])
    const rows = await exported({ what: { kind: 'report', query: { from: '2026-11-09', to: '2026-11-15', groupBy: ['week'], expectedSeconds: [0, 8 * 3600, 8 * 3600, 8 * 3600, 8 * 3600, 8 * 3600, 0] } } })
    expect(rows).toEqual([
      expect.objectContaining({ week_starting: '2026-11-09', hours: '4.00', expected_hours: '40.00', expected_minutes: '2400', percent_of_expected: '10.0', billable_percent_of_expected: '10.0' }),
    ])
  })

  it(`has no ${MAX_REPORT_ROWS.toLocaleString('en')}-row limit: a report too long for the screen exports whole`, async () => {
    const items: string[] = []
    for (let n = 1; n <= 20; n++) items.push((await core.work.createWorkItem({ kind: 'ticket', reference: `T-${n}`, title: `Ticket ${n}`, customerId: null, contractId: null })).id)
    const types = (await core.work.listActivityTypes()).map((type) => type.id)
    expect(types).toHaveLength(5)
    // 1,096 days × 20 work items × 5 activity types: 109,600 groups of one entry each.
    const entries: Entry[] = []
    let n = 0
    for (let day = 0; day < 1096; day++) {
      const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
      for (const item of items) for (const type of types) entries.push({ id: id(++n), day: date, workItem: item, activityType: type, rounded: 60 })
    }
    insertEntries(entries)
    const query = { from: '2024-01-01', to: '2026-12-31', groupBy: ['day', 'workItem', 'activityType'] } as const
    const onScreen = await invokeCall(core.handlers, 'reports.run', { ...query, groupBy: [...query.groupBy] }, silentLogger)
    expect(onScreen.ok ? 'ran' : onScreen.error.message).toMatch(/more than 100,000 rows/)
    const envelope = await exportCsv({ what: { kind: 'report', query: { ...query, groupBy: [...query.groupBy] } } })
    expect(envelope.ok && envelope.value.status === 'saved' ? envelope.value.rows : envelope).toBe(n)
    const rows = parseStrict(readFileSync(target ?? ''))
    expect(rows).toHaveLength(n)
    expect(new Set(rows.map((row) => `${row['day']}|${row['work_item_id']}|${row['activity_type_id']}`)).size).toBe(n)
    expect(rows.every((row) => row['entries'] === '1' && row['minutes'] === '1' && row['hours'] === '0.02')).toBe(true)
    expect(rows[0]).toEqual(expect.objectContaining({ day: '2024-01-01', work_item: 'T-1 · Ticket 1' }))
  }, 120_000)
})

describe('an entries export', () => {
  it('applies the report filters: customer, contract, work item, activity type, billable, statuses', async () => {
    const { acme, support, printer, mail, admin } = await reference()
    const [remote, onsite] = (await core.work.listActivityTypes()).map((type) => type.id)
    insertEntries([
      { id: id(1), day: '2026-11-02', workItem: printer.id, activityType: remote ?? null },
      { id: id(2), day: '2026-11-03', workItem: printer.id, activityType: onsite ?? null, billable: 0, status: 'approved' },
      { id: id(3), day: '2026-11-04', workItem: mail.id, activityType: remote ?? null },
      { id: id(4), day: '2026-11-05', workItem: admin.id },
      { id: id(5), day: '2026-11-06', workItem: null, status: 'voided' },
    ])
    const ids = async (filters: object, includeVoided = false) =>
      (await exported({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters, includeVoided } })).map((row) => row['entry_id'])
    expect(await ids({})).toEqual([id(1), id(2), id(3), id(4)])
    expect(await ids({}, true)).toEqual([id(1), id(2), id(3), id(4), id(5)])
    expect(await ids({ customerIds: [acme.id] })).toEqual([id(1), id(2)])
    expect(await ids({ customerIds: [null] })).toEqual([id(4)])
    expect(await ids({ customerIds: [null] }, true)).toEqual([id(4), id(5)])
    expect(await ids({ contractIds: [support.id] })).toEqual([id(1), id(2)])
    expect(await ids({ workItemIds: [mail.id, null] }, true)).toEqual([id(3), id(5)])
    expect(await ids({ activityTypeIds: [remote] })).toEqual([id(1), id(3)])
    expect(await ids({ billable: false })).toEqual([id(2)])
    expect(await ids({ statuses: ['approved'] })).toEqual([id(2)])
    expect(await ids({ statuses: ['voided'] })).toEqual([id(5)])
    core.store.sqlite.prepare("UPDATE customers SET organisation = 'Acme Group' WHERE id = ?").run(acme.id)
    expect(await ids({ organisations: ['Acme Group'] })).toEqual([id(1), id(2)])
    expect(await ids({ organisations: [null] })).toEqual([id(3), id(4)])
    expect(await ids({ organisations: ['Nobody'] })).toEqual([])
  })

  it('filters that match nothing give a file of the header row alone', async () => {
    const { admin } = await reference()
    insertEntries([{ id: id(1), day: '2026-11-02', workItem: admin.id }])
    const envelope = await exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters: { billable: false } } })
    expect(envelope).toEqual({ ok: true, value: { status: 'saved', path: target, rows: 0, bytes: expect.any(Number) as number } })
    expect(readFileSync(target ?? '', 'utf8')).toBe(
      'date,work_item_reference,work_item_title,customer,contract,activity_type,billable,description,cell_note,source,status,hours,minutes,raw_minutes,created_at,entry_id\r\n',
    )
  })

  it('an empty range (a day with nothing booked) is the header row alone too', async () => {
    expect(await exported({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-01' } })).toEqual([])
    expect(headerOf(target ?? '')).toContain('entry_id')
  })

  it('covers ten years at once, every entry in day order', async () => {
    insertEntries([
      { id: id(1), day: '2035-12-31', rounded: 60 },
      { id: id(2), day: '2026-01-01', rounded: 120 },
      { id: id(3), day: '2030-06-15', rounded: 180 },
    ])
    const rows = await exported({ what: { kind: 'entries', from: '2026-01-01', to: '2035-12-31' } })
    expect(rows.map((row) => [row['date'], row['minutes']])).toEqual([
      ['2026-01-01', '2'],
      ['2030-06-15', '3'],
      ['2035-12-31', '1'],
    ])
  })

  it('descriptions with quotes, commas, line breaks, emoji and formula-like text read back as written, formulas guarded', async () => {
    const descriptions = ['say "hi", then leave', 'one\r\ntwo\nthree\rfour', '🚀 deployed 👩🏽‍💻, ok', '=SUM(A1:A9)', '+49 30 1234', '-3 h travel', '@admin', '\tindented', 'plain']
    insertEntries(descriptions.map((description, index) => ({ id: id(index + 1), day: '2026-11-02', description })))
    const rows = await exported({ what: { kind: 'entries', from: '2026-11-02', to: '2026-11-02' }, bom: true })
    expect(rows.map((row) => row['description'])).toEqual(descriptions.map(guardFormula))
    expect(rows.map((row) => row['description'])).toEqual(['say "hi", then leave', 'one\r\ntwo\nthree\rfour', '🚀 deployed 👩🏽‍💻, ok', "'=SUM(A1:A9)", "'+49 30 1234", "'-3 h travel", "'@admin", "'\tindented", 'plain'])
    expect(readFileSync(target ?? '').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })
})

describe('an export in the formats of the reader’s locale', () => {
  it('German: the same rows as the machine’s file, days as 02.11.2026, decimals with a comma, split by semicolons', async () => {
    const { printer } = await reference()
    insertEntries([
      { id: id(1), day: '2026-11-02', workItem: printer.id, rounded: 5400, raw: 5350, description: 'Toner; again' },
      { id: id(2), day: '2026-11-30', rounded: 900 },
    ])
    const what = { kind: 'entries', from: '2026-11-01', to: '2026-11-30' } as const
    const machine = await exported({ what })
    const envelope = await exportCsv({ what, format: 'de' })
    expect(envelope.ok).toBe(true)
    const file = readFileSync(target ?? '', 'utf8')
    expect(file.split('\r\n')[0]).toBe('date;work_item_reference;work_item_title;customer;contract;activity_type;billable;description;cell_note;source;status;hours;minutes;raw_minutes;created_at;entry_id')
    const german: Record<string, string>[] = parse(file, { columns: true, delimiter: ';', relax_quotes: false, relax_column_count: false })
    expect(german.map((row) => [row['date'], row['hours'], row['description']])).toEqual([
      ['02.11.2026', '1,50', 'Toner; again'],
      ['30.11.2026', '0,25', ''],
    ])
    // Everything but days and decimals is what the machine's file says.
    const withoutFormats = (row: Record<string, string> | undefined) => Object.fromEntries(Object.entries(row ?? {}).filter(([key]) => key !== 'date' && key !== 'hours'))
    expect(withoutFormats(german[0])).toEqual(withoutFormats(machine[0]))
  })

  it('a report in German: week starts as dates; hours and percentages with a decimal comma', async () => {
    const { printer } = await reference()
    insertEntries([{ id: id(1), day: '2026-11-04', workItem: printer.id, rounded: 2700 }])
    const envelope = await exportCsv({ what: { kind: 'report', query: { from: '2026-11-02', to: '2026-11-08', groupBy: ['week'] } }, format: 'de' })
    expect(envelope.ok).toBe(true)
    const [header, row] = readFileSync(target ?? '', 'utf8').split('\r\n')
    expect(header).toBe('week_starting;hours;minutes;billable_hours;billable_minutes;non_billable_hours;non_billable_minutes;entries;billable_share_percent;expected_hours;expected_minutes;percent_of_expected;billable_percent_of_expected;overlapped_hours;overlapped_minutes')
    expect(row).toBe('02.11.2026;0,75;45;0,75;45;0,00;0;1;100,0;40,00;2400;1,9;1,9;0,00;0')
  })

  it('a format Stint does not have is refused before any file is written', async () => {
    const envelope = await exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, format: 'fr' as 'de' })
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) expect(envelope.error.message).toContain('A CSV format is "machine" or a language: en, de.')
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('contract usage export', () => {
  it('one row per contract: included, used, billable, beyond included, share and level', async () => {
    const { support, printer } = await reference()
    insertEntries([
      { id: id(1), day: '2026-11-02', workItem: printer.id, rounded: 9 * 3600 },
      { id: id(2), day: '2026-11-03', workItem: printer.id, rounded: 3600, billable: 0 },
    ])
    const rows = await exported({ what: { kind: 'contractUsage', query: { month: '2026-11' } } })
    expect(rows).toEqual([
      {
        month: '2026-11',
        customer: 'Acme, Inc.',
        contract: 'Support "Gold"',
        included_hours: '10.00',
        included_minutes: '600',
        booked_hours: '10.00',
        booked_minutes: '600',
        billable_hours: '9.00',
        billable_minutes: '540',
        non_billable_hours: '1.00',
        non_billable_minutes: '60',
        beyond_included_hours: '0.00',
        beyond_included_minutes: '0',
        entries: '2',
        share_of_included_percent: '90.0',
        level: 'warning',
        customer_id: support.customerId,
        contract_id: support.id,
      },
    ])
  })
})

describe('month view exports', () => {
  it('per ticket, per customer, per organisation: names, the month’s time and the ticket’s lifetime', async () => {
    const { acme, printer, mail } = await reference()
    core.store.sqlite.prepare("UPDATE customers SET organisation = 'Acme Group' WHERE id = ?").run(acme.id)
    insertEntries([
      { id: id(1), day: '2026-10-30', workItem: printer.id, rounded: 3600 },
      { id: id(2), day: '2026-11-02', workItem: printer.id, rounded: 5400 },
      { id: id(3), day: '2026-11-03', workItem: printer.id, rounded: 1800, billable: 0 },
      { id: id(4), day: '2026-11-04', workItem: mail.id, rounded: 900 },
    ])
    const tickets = await exported({ what: { kind: 'month', query: { month: '2026-11', view: 'tickets' } } })
    // By ticket number, as the view orders them.
    expect(tickets).toEqual([
      expect.objectContaining({ month: '2026-11', ticket: "'-2", title: 'Mail, again', customer: "'=Globex", organisation: '', hours: '0.25', minutes: '15', entries: '1', work_item_id: mail.id }),
      expect.objectContaining({
        ticket: 'T-1',
        title: 'Printer',
        customer: 'Acme, Inc.',
        organisation: 'Acme Group',
        hours: '2.00',
        minutes: '120',
        billable_hours: '1.50',
        billable_minutes: '90',
        entries: '2',
        lifetime_hours: '3.00',
        lifetime_minutes: '180',
        created_at: new Date(T0).toISOString(),
        work_item_id: printer.id,
        customer_id: acme.id,
      }),
    ])
    const customers = await exported({ what: { kind: 'month', query: { month: '2026-11', view: 'customers' } } })
    expect(customers.map((row) => [row['customer'], row['organisation'], row['hours'], row['tickets']])).toEqual(
      expect.arrayContaining([
        ['Acme, Inc.', 'Acme Group', '2.00', '1'],
        ["'=Globex", '', '0.25', '1'],
      ]),
    )
    const organisations = await exported({ what: { kind: 'month', query: { month: '2026-11', view: 'organisations' } } })
    expect(organisations.map((row) => [row['organisation'], row['customers'], row['hours']])).toEqual(
      expect.arrayContaining([
        ['Acme Group', '1', '2.00'],
        ['(no organisation)', '1', '0.25'],
      ]),
    )
    expect(delivered.map((job) => job.fileName).slice(-1)).toEqual(['stint-month-organisations-2026-11.csv'])
  })

  it('the entries of a month, every one: the view’s row limit does not apply', async () => {
    const entries: Entry[] = []
    for (let n = 1; n <= MAX_MONTH_VIEW_ROWS + 1; n++) entries.push({ id: id(n), day: '2026-11-02', description: n === 1 ? '=cmd|calc' : '', rounded: 60 })
    insertEntries(entries)
    const view = await core.handlers['reports.month']({ month: '2026-11', view: 'entries', statuses: ['draft'] })
    expect([view.rows.length, view.rowCount]).toEqual([MAX_MONTH_VIEW_ROWS, MAX_MONTH_VIEW_ROWS + 1])
    const rows = await exported({ what: { kind: 'month', query: { month: '2026-11', view: 'entries' } } })
    expect(rows).toHaveLength(MAX_MONTH_VIEW_ROWS + 1)
    expect(rows[0]).toEqual(
      expect.objectContaining({ date: '2026-11-02', person: 'You', billable: 'yes', hours: '0.02', minutes: '1', description: "'=cmd|calc", status: 'draft', created_at: new Date(T0).toISOString(), entry_id: id(1) }),
    )
    expect(new Set(rows.map((row) => row['entry_id'])).size).toBe(MAX_MONTH_VIEW_ROWS + 1)
  })
})

describe('bad input gets a clear answer and writes nothing', () => {
  const nothingWritten = () => expect(readdirSync(dir)).toEqual([])

  it('a range that ends before it starts', async () => {
    const entries = await exportCsv({ what: { kind: 'entries', from: '2026-11-30', to: '2026-11-01' } })
    expect(entries.ok ? 'saved' : entries.error.message).toMatch(/ends \(2026-11-01\) before it starts \(2026-11-30\)/)
    const report = await exportCsv({ what: { kind: 'report', query: { from: '2026-11-30', to: '2026-11-01', groupBy: ['day'] } } })
    expect(report.ok ? 'saved' : report.error.message).toMatch(/ends \(2026-11-01\) before it starts \(2026-11-30\)/)
    expect(delivered).toEqual([])
    nothingWritten()
  })

  it('a report of ten years gets the engine’s three-year message; ten years of entries are fine', async () => {
    const report = await exportCsv({ what: { kind: 'report', query: { from: '2016-01-01', to: '2025-12-31', groupBy: ['month'] } } })
    expect(report.ok ? 'saved' : report.error.message).toMatch(/A report covers at most three years/)
    nothingWritten()
    expect((await exportCsv({ what: { kind: 'entries', from: '2016-01-01', to: '2025-12-31' } })).ok).toBe(true)
  })

  it('a day that does not exist', async () => {
    const envelope = await exportCsv({ what: { kind: 'entries', from: '2026-02-30', to: '2026-03-05' } })
    // Refused by the request's schema, before any dialog: the same check the team server makes.
    const problem = 'The first day of the export (from) is wrong: "2026-02-30" is not a real date: February 2026 has days 01 to 28.'
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: `export.csv was refused, nothing was changed. what.from: ${problem}`,
        issues: [{ path: 'what.from', message: problem }],
        messageId: 'refusal.requestRefused',
        values: { call: 'export.csv', summary: `what.from: ${problem}` },
      },
    })
    nothingWritten()
  })

  it('a filter by person on this device, which holds only one person’s time', async () => {
    const envelope = await exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters: { userIds: ['someone'] } } })
    expect(envelope.ok ? 'saved' : envelope.error.message).toMatch(/cannot be filtered by person here/)
    const report = await exportCsv({ what: { kind: 'report', query: { from: '2026-11-01', to: '2026-11-30', groupBy: ['user'] } } })
    expect(report.ok ? 'saved' : report.error.message).toMatch(/cannot be grouped by person here/)
    nothingWritten()
  })

  it('the team’s time without a team server', async () => {
    const envelope = await exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, scope: 'team' })
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/^The team’s time comes from the team server, and none is connected.*Nothing was exported\./) as string, messageId: 'refusal.export.teamNone' },
    })
    expect(envelope.ok ? '' : readableError(envelope.error, createTranslator('de'))).toMatch(/^Die Zeit des Teams kommt vom Team-Server, und es ist keiner verbunden: .* Es wurde nichts exportiert\.$/)
    nothingWritten()
  })

  it('closing the save dialog writes nothing and says so', async () => {
    target = null
    expect(await exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' } })).toEqual({ ok: true, value: { status: 'cancelled' } })
    nothingWritten()
  })
})

describe('an export that fails halfway leaves no file pretending to be complete', () => {
  it('a row that cannot be written, thousands of rows in, leaves neither the file nor a temporary file', async () => {
    const entries: Entry[] = []
    for (let n = 1; n <= 5000; n++) entries.push({ id: id(n), day: '2026-11-02', description: `entry ${n}` })
    // A creation instant no date can show: the row fails when it is turned into cells, on the third page.
    entries.push({ id: id(5001), day: '2026-11-03', createdAt: 9e15 })
    insertEntries(entries)
    const envelope = await exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' } })
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: expect.stringMatching(/^The CSV export stopped after [\d,]+ rows because .*Nothing was written to /) as string,
        messageId: 'refusal.export.stopped',
        values: expect.objectContaining({ why: 'other', fileKept: 'no' }) as Record<string, unknown>,
      },
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('a folder that does not exist is named, and nothing is written', async () => {
    insertEntries([{ id: id(1), day: '2026-11-02' }])
    target = join(dir, 'gone', 'export.csv')
    const envelope = await exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' } })
    expect(envelope.ok ? 'saved' : envelope.error.message).toMatch(/the folder .*gone does not exist.*Choose a folder that exists/)
    expect(envelope.ok ? 'saved' : readableError(envelope.error, createTranslator('de'))).toBe(
      `Der CSV-Export wurde nach 1 Zeile angehalten, weil es den Ordner ${join(dir, 'gone')} nicht gibt. In ${target} wurde nichts geschrieben. Wählen Sie einen Ordner, den es gibt.`,
    )
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('file names', () => {
  it('say what was exported and for when', async () => {
    await exportCsv({ what: { kind: 'report', query: { from: '2026-11-01', to: '2026-11-30', groupBy: ['day'] } } })
    await exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' } })
    await exportCsv({ what: { kind: 'contractUsage', query: { month: '2026-11' } } })
    expect(delivered.map((job) => job.fileName)).toEqual(['stint-report-2026-11-01-to-2026-11-30.csv', 'stint-entries-2026-11-01-to-2026-11-30.csv', 'stint-contract-usage-2026-11.csv'])
  })
})
