// CSV exports of the team's time, over HTTP, on SQLite and on PostgreSQL: each file read
// back with a strict CSV parser and compared field by field with the JSON report routes
// and the database; who may export whose time; bad input; and the desktop app fetching
// the team's CSV through its transport into a file written atomically.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { decimalHours, guardFormula, wholeMinutes } from '@shared/csv-cells'
import { readableError, type Envelope } from '@shared/errors'
import type { ExportRequestInput, ExportResult } from '@shared/exports'
import { TEAM_ENTRY_CSV_COLUMNS } from '@shared/export-columns'
import { createTranslator } from '@shared/i18n/translator'
import { ReportResultSchema } from '@shared/reports'
import type { ReferenceSeq, UserSeq } from '../../db/change-streams'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../../tests/support/server-db'
import { invokeCall } from '../../../main/api/invoke'
import { FakeClock } from '../../../main/clock'
import { createCore, type Core } from '../../../main/core'
import { silentLogger as appLogger } from '../../../main/logger'
import { saveCsvJob, type CsvDestination } from '../../../main/reports/exporter'
import { MemorySettingsStore } from '../../../main/settings/settings-store'
import { ManualScheduler } from '../../../main/timers/scheduler'
import { readXlsx } from '../../../../tests/support/xlsx-reader'
import { WebDownloads } from '../../../main/web/downloads'
import { startWebHost, type WebHost } from '../../../main/web/server'
import { buildServerApp } from '../../app'
import { TEAM_ENTRIES_PAGE_SIZE } from './exports-entries'
import { silentLogger } from '../../logger'
import { OrgService } from '../../org/org-service'
import { DeviceTokens } from '../../org/tokens'

const postgres = usePostgresCluster()
const H = 3600
const T0 = Date.UTC(2026, 10, 20, 9, 0)

type Person = 'ana' | 'bo' | 'cy' | 'di'

function parseStrict(text: string | Buffer): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false, trim: false })
}

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  const token = {} as Record<Person, string>
  const id = {} as Record<Person, string>
  let entrySeq = 0
  const descriptions = ['say "hi", then leave', 'one\r\ntwo', '🚀 deployed', '=HYPERLINK("x")', '+1', '-3 h travel', '@here', '\ttab']

  // Field: Bo and Cy work in it, Cy approves it. Di is in no team. Ana is the admin.
  beforeEach(async () => {
    entrySeq = 0
    const org = new OrgService(t.db, () => T0)
    const tokens = new DeviceTokens(t.db, () => T0)
    const init = await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    token.ana = init.token.token
    id.ana = init.admin.id
    for (const [person, name, role] of [
      ['bo', 'Bo', 'member'],
      ['cy', 'Cy', 'approver'],
      ['di', 'Di', 'member'],
    ] as const) {
      id[person] = (await org.addUser({ name, email: `${person}@example.com`, role })).id
      token[person] = (await tokens.issueToken({ user: `${person}@example.com`, label: 'laptop' })).token
    }
    await org.addTeam({ name: 'Field', pattern: 'one' })
    for (const member of ['bo', 'cy']) await org.addMember({ team: 'Field', user: `${member}@example.com` })
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com'] })

    const synced = { created_at: T0, updated_at: T0, seq: 1 as ReferenceSeq, deleted_at: null, created_by: null, admin_managed: 1 as const }
    await t.db.insertInto('customers').values({ id: 'cust-acme', name: 'Acme, Inc.', name_key: 'acme, inc.', organisation: 'Acme Group', ...synced }).execute()
    await t.db.insertInto('contracts').values({ id: 'contract-gold', customer_id: 'cust-acme', name: 'Support "Gold"', name_key: 'support "gold"', included_minutes: 600, ...synced }).execute()
    await t.db.insertInto('work_items').values({ id: 'wi-printer', kind: 'ticket', reference: 'T-1', title: 'Printer', name_key: 'ref:t-1', customer_id: 'cust-acme', contract_id: 'contract-gold', ...synced }).execute()
    await t.db.insertInto('activity_types').values({ id: 'type-remote', name: 'Remote', name_key: 'remote', ...synced }).execute()
    const entry = (person: Person, day: string, seconds: number, extra: { billable?: 0 | 1; description?: string; status?: 'draft' | 'approved' | 'voided' } = {}) => ({
      id: `0190e000-0000-7000-8000-${String(++entrySeq).padStart(12, '0')}`,
      user_id: id[person],
      day,
      work_item_id: 'wi-printer',
      activity_type_id: 'type-remote',
      billable: extra.billable ?? 1,
      description: extra.description ?? '',
      source: 'grid' as const,
      raw_seconds: seconds,
      rounded_seconds: seconds,
      status: extra.status ?? 'draft',
      created_at: T0,
      updated_at: T0,
      seq: 1 as UserSeq,
      deleted_at: null,
    })
    await t.db
      .insertInto('time_entries')
      .values([
        ...descriptions.map((description) => entry('bo', '2026-11-02', 1800, { description })),
        entry('bo', '2026-11-03', 2 * H, { billable: 0, status: 'approved' }),
        entry('cy', '2026-11-04', 3 * H),
        entry('di', '2026-11-05', 4 * H),
        entry('ana', '2026-11-06', 5 * H),
        entry('bo', '2026-11-07', H, { status: 'voided' }),
      ])
      .execute()
    app = buildServerApp({ db: t.db, clock: () => T0, logger: silentLogger })
    await app.ready()
  })
  afterEach(async () => {
    await app.close()
  })

  const exportAs = (person: Person, body: ExportRequestInput) =>
    app.inject({ method: 'POST', url: '/v1/exports/csv', headers: { authorization: `Bearer ${token[person]}` }, payload: { scope: 'team', ...body } })
  const entriesOf = async (person: Person, filters: object = {}) => {
    const reply = await exportAs(person, { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters } })
    expect(reply.statusCode, reply.body).toBe(200)
    return parseStrict(reply.rawPayload)
  }

  it('streams the entries a member may see as CSV: the header, every field read back, formulas guarded', async () => {
    const reply = await exportAs('bo', { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, bom: true })
    expect(reply.statusCode).toBe(200)
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="stint-team-entries-2026-11-01-to-2026-11-30.csv"; filename*=UTF-8''stint-team-entries-2026-11-01-to-2026-11-30.csv`)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(parse(reply.rawPayload, { bom: true, to_line: 1 })[0]).toEqual(TEAM_ENTRY_CSV_COLUMNS.map((column) => column.header))
    const rows = parseStrict(reply.rawPayload)
    expect(rows.map((row) => row['description'])).toEqual([...descriptions.map(guardFormula), ''])
    expect(rows[0]).toEqual({
      date: '2026-11-02',
      person: 'Bo',
      work_item_reference: 'T-1',
      work_item_title: 'Printer',
      customer: 'Acme, Inc.',
      contract: 'Support "Gold"',
      activity_type: 'Remote',
      billable: 'yes',
      description: 'say "hi", then leave',
      source: 'grid',
      status: 'draft',
      hours: '0.50',
      minutes: '30',
      raw_minutes: '30',
      created_at: new Date(T0).toISOString(),
      entry_id: '0190e000-0000-7000-8000-000000000001',
      person_id: id.bo,
    })
  })

  it('a member exports only their own time, an approver also their team’s, an admin everyone’s', async () => {
    const people = async (person: Person) => [...new Set((await entriesOf(person)).map((row) => row['person']))]
    expect(await people('bo')).toEqual(['Bo'])
    expect(await people('cy')).toEqual(['Bo', 'Cy'])
    expect(await people('di')).toEqual(['Di'])
    expect(await people('ana')).toEqual(['Bo', 'Cy', 'Di', 'Ana'])
  })

  it('a member asking for someone else’s time is refused, and no CSV is sent', async () => {
    const reply = await exportAs('bo', { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters: { userIds: [id.di] } } })
    expect(reply.statusCode).toBe(403)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(reply.json<{ error: { message: string } }>().error.message).toMatch(/not among those whose time you may see; nothing was exported/)
    const report = await exportAs('bo', { what: { kind: 'report', query: { from: '2026-11-01', to: '2026-11-30', groupBy: ['user'], filters: { userIds: [id.di] } } } })
    expect(report.statusCode).toBe(403)
  })

  it('streams XLSX on request: headers in the asked language, days as dates, hours as numbers, every description a string', async () => {
    const reply = await exportAs('bo', { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, file: 'xlsx', language: 'de' })
    expect(reply.statusCode, reply.body).toBe(200)
    expect(reply.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(reply.headers['content-disposition']).toContain('filename="stint-team-entries-2026-11-01-to-2026-11-30.xlsx"')
    const sheet = readXlsx(reply.rawPayload)
    const [header, ...rows] = sheet.values()
    expect(header?.slice(0, 3)).toEqual(['Datum', 'Person', 'Referenz des Arbeitselements'])
    const column = (name: string) => (header ?? []).indexOf(name)
    expect(rows.map((row) => row[column('Beschreibung')] ?? '')).toEqual([...descriptions, ''])
    expect(rows[0]?.[column('Datum')]).toBe('2026-11-02')
    expect(rows[0]?.[column('Stunden')]).toBe(0.5)
    for (const row of sheet.rows.values()) for (const cell of row.values()) expect(cell.formula).toBeUndefined()
    expect(sheet.frozenRows).toBe(1)
    // A refusal still comes before the first byte, as JSON.
    const refused = await exportAs('bo', { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters: { userIds: [id.di] } }, file: 'xlsx' })
    expect(refused.statusCode).toBe(403)
    expect(refused.headers['content-type']).toMatch(/^application\/json/)
  })

  it('applies the filters: team, person, organisation, billable, statuses, voided', async () => {
    const ids = async (filters: object) => (await entriesOf('ana', filters)).map((row) => `${row['person'] ?? ''}:${row['date'] ?? ''}`)
    expect(await ids({ teamIds: [null] })).toEqual(['Di:2026-11-05', 'Ana:2026-11-06'])
    expect(await ids({ userIds: [id.cy] })).toEqual(['Cy:2026-11-04'])
    expect(await ids({ billable: false })).toEqual(['Bo:2026-11-03'])
    expect(await ids({ statuses: ['approved'] })).toEqual(['Bo:2026-11-03'])
    expect((await ids({ organisations: ['Acme Group'] })).length).toBe(descriptions.length + 4)
    expect(await ids({ organisations: ['Nobody'] })).toEqual([])
    const withVoided = await exportAs('ana', { what: { kind: 'entries', from: '2026-11-07', to: '2026-11-07', includeVoided: true } })
    expect(parseStrict(withVoided.rawPayload).map((row) => row['status'])).toEqual(['voided'])
  })

  it('keeps exactly the entries the report counts, filter by filter (one set of filter conditions)', async () => {
    const field = (await t.db.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id
    const cases: object[] = [
      {},
      { teamIds: [field] },
      { teamIds: [field, null] },
      { customerIds: ['cust-acme'] },
      { customerIds: [null] },
      { organisations: [null] },
      { contractIds: ['contract-gold'] },
      { workItemIds: ['wi-printer'] },
      { workItemIds: [null] },
      { activityTypeIds: ['type-remote'] },
      { billable: true, teamIds: [field] },
    ]
    for (const filters of cases) {
      const rows = await entriesOf('ana', filters)
      const reply = await app.inject({ method: 'POST', url: '/v1/reports', headers: { authorization: `Bearer ${token.ana}` }, payload: { from: '2026-11-01', to: '2026-11-30', groupBy: ['user'], filters } })
      const { totals } = ReportResultSchema.parse(reply.json())
      expect([JSON.stringify(filters), rows.length, rows.reduce((sum, row) => sum + Number(row['minutes']) * 60, 0)]).toEqual([JSON.stringify(filters), totals.entryCount, totals.totalSeconds])
    }
    // Not all or nothing: the team keeps Bo's and Cy's time only.
    expect(new Set((await entriesOf('ana', { teamIds: [field] })).map((row) => row['person']))).toEqual(new Set(['Bo', 'Cy']))
  })

  it('filters that match nothing give the header row alone', async () => {
    const reply = await exportAs('ana', { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters: { customerIds: ['nobody'] } } })
    expect([reply.statusCode, reply.body]).toEqual([200, `${TEAM_ENTRY_CSV_COLUMNS.map((column) => column.header).join(',')}\r\n`])
  })

  it('a report has every row of the JSON report, field by field, overlapped time too', async () => {
    // Bo's first two entries ran side by side for a quarter of an hour (runs as sync keeps them).
    const run = (n: number, from: number, to: number) => ({ entry_id: `0190e000-0000-7000-8000-${String(n).padStart(12, '0')}`, started_at: Date.UTC(2026, 10, 2, 9, from), ended_at: Date.UTC(2026, 10, 2, 9, to), zone: 'UTC' })
    await t.db.insertInto('entry_runs').values([run(1, 0, 30), run(2, 15, 45)]).execute()
    const query = { from: '2026-11-01', to: '2026-11-30', groupBy: ['user', 'billable'] as ('user' | 'billable')[] }
    const json = ReportResultSchema.parse((await app.inject({ method: 'POST', url: '/v1/reports', headers: { authorization: `Bearer ${token.cy}` }, payload: query })).json())
    expect(json.rows.map((row) => row.overlappedSeconds)).toEqual([30 * 60, 0, 0])
    expect(json.totals.overlappedSeconds).toBe(30 * 60)
    const reply = await exportAs('cy', { what: { kind: 'report', query } })
    expect(reply.headers['content-disposition']).toMatch(/filename="stint-team-report-2026-11-01-to-2026-11-30\.csv"/)
    const rows = parseStrict(reply.rawPayload)
    expect(rows).toEqual(
      json.rows.map((row) => ({
        person: row.keys[0]?.label,
        person_id: row.keys[0]?.id,
        billable: row.keys[1]?.id === 'billable' ? 'yes' : 'no',
        hours: decimalHours(row.totalSeconds).text,
        minutes: wholeMinutes(row.totalSeconds).text,
        billable_hours: decimalHours(row.billableSeconds).text,
        billable_minutes: wholeMinutes(row.billableSeconds).text,
        non_billable_hours: decimalHours(row.nonBillableSeconds).text,
        non_billable_minutes: wholeMinutes(row.nonBillableSeconds).text,
        entries: String(row.entryCount),
        billable_share_percent: ((row.billableSeconds / row.totalSeconds) * 100).toFixed(1),
        overlapped_hours: decimalHours(row.overlappedSeconds ?? 0).text,
        overlapped_minutes: wholeMinutes(row.overlappedSeconds ?? 0).text,
      })),
    )
    expect(rows.map((row) => row['person'])).toEqual(['Bo', 'Bo', 'Cy'])
    expect(rows[0]?.['overlapped_minutes']).toBe('30')
    // The sheet has the same two columns, as numbers.
    const sheet = readXlsx((await exportAs('cy', { what: { kind: 'report', query }, file: 'xlsx', language: 'en' })).rawPayload)
    const [header, ...cells] = sheet.values()
    expect(header?.slice(-2)).toEqual(['Overlapped hours', 'Overlapped minutes'])
    expect(cells.map((row) => row[row.length - 1])).toEqual([30, 0, 0])
  })

  it('contract usage over the time the caller may see', async () => {
    const rows = async (person: Person) => parseStrict((await exportAs(person, { what: { kind: 'contractUsage', query: { month: '2026-11' } } })).rawPayload)
    expect(await rows('ana')).toEqual([
      expect.objectContaining({ customer: 'Acme, Inc.', contract: 'Support "Gold"', included_hours: '10.00', booked_hours: '18.00', billable_hours: '16.00', beyond_included_hours: '6.00', share_of_included_percent: '160.0', level: 'over' }),
    ])
    expect(await rows('di')).toEqual([expect.objectContaining({ booked_hours: '4.00', billable_hours: '4.00', share_of_included_percent: '40.0', level: 'ok' })])
  })

  it('a month view: per person as the server knows them, within what the caller may see', async () => {
    const reply = await exportAs('cy', { what: { kind: 'month', query: { month: '2026-11', view: 'entries' } } })
    expect(reply.headers['content-disposition']).toMatch(/filename="stint-team-month-entries-2026-11\.csv"/)
    const rows = parseStrict(reply.rawPayload)
    expect(rows.map((row) => row['person'])).toEqual([...descriptions.map(() => 'Bo'), 'Bo', 'Cy'])
    expect(rows.map((row) => row['description']).slice(0, descriptions.length)).toEqual(descriptions.map(guardFormula))
    const tickets = parseStrict((await exportAs('ana', { what: { kind: 'month', query: { month: '2026-11', view: 'tickets' } } })).rawPayload)
    expect(tickets).toEqual([expect.objectContaining({ month: '2026-11', ticket: 'T-1', customer: 'Acme, Inc.', organisation: 'Acme Group', hours: '18.00', minutes: '1080', billable_hours: '16.00', entries: String(descriptions.length + 4) })])
  })

  it('bad input: a range that ends before it starts, a ten-year report, a day that does not exist, no token', async () => {
    const backwards = await exportAs('ana', { what: { kind: 'entries', from: '2026-11-30', to: '2026-11-01' } })
    expect([backwards.statusCode, backwards.json<{ error: { message: string } }>().error.message]).toEqual([400, expect.stringMatching(/ends \(2026-11-01\) before it starts \(2026-11-30\)/) as string])
    const long = await exportAs('ana', { what: { kind: 'report', query: { from: '2016-01-01', to: '2025-12-31', groupBy: ['month'] } } })
    expect([long.statusCode, long.json<{ error: { message: string } }>().error.message]).toEqual([400, expect.stringMatching(/A report covers at most three years/) as string])
    const tenYears = await exportAs('ana', { what: { kind: 'entries', from: '2016-01-01', to: '2025-12-31' } })
    expect(tenYears.statusCode).toBe(200)
    const noDay = await exportAs('ana', { what: { kind: 'entries', from: '2026-02-30', to: '2026-03-01' } })
    expect([noDay.statusCode, noDay.json<{ error: { message: string } }>().error.message]).toEqual([400, expect.stringMatching(/first day of the export \(from\) is wrong/) as string])
    const anonymous = await app.inject({ method: 'POST', url: '/v1/exports/csv', payload: { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' } } })
    expect(anonymous.statusCode).toBe(401)
  })

  it('the desktop app fetches the team’s CSV through its transport and writes it atomically; a refusal writes nothing', async () => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 })
    const dir = mkdtempSync(join(tmpdir(), 'stint-team-export-'))
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-team-export-data-'))
    const target = join(dir, 'team.csv')
    const destination: CsvDestination = { deliver: async (job) => ({ status: 'saved', ...(await saveCsvJob(job, target)) }) }
    const clock = new FakeClock(T0)
    let core: Core | undefined
    try {
      core = await createCore({ dataDir, clock, logger: appLogger, settings: new MemorySettingsStore(), scheduler: new ManualScheduler(() => clock.now()), host: 'electron', version: '0.0.0-test', exportDestination: destination })
      await core.team.connect(url, token.cy)
      const call = async (request: ExportRequestInput) => (await invokeCall(core?.handlers ?? ({} as Core['handlers']), 'export.csv', request, appLogger)) as Envelope<ExportResult>

      const saved = await call({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, scope: 'team', bom: true })
      const direct = await exportAs('cy', { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, bom: true })
      expect(saved).toEqual({ ok: true, value: { status: 'saved', path: target, rows: descriptions.length + 2, bytes: direct.rawPayload.length } })
      expect(readFileSync(target)).toEqual(direct.rawPayload)
      expect(parseStrict(readFileSync(target)).map((row) => row['person'])).toEqual([...descriptions.map(() => 'Bo'), 'Bo', 'Cy'])

      const refused = await call({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters: { userIds: [id.di] } }, scope: 'team' })
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message: expect.stringMatching(/^The team server refused: One of the people chosen is not among those whose time you may see; nothing was exported/) as string,
          messageId: 'refusal.server.refused',
          values: { refusal: 'refusal.report.peopleOutside', count: 1, what: 'exported' },
        },
      })
      expect(refused.ok ? '' : readableError(refused.error, createTranslator('de'))).toBe(
        'Der Team-Server hat abgelehnt: Eine der gewählten Personen gehört nicht zu denen, deren Zeit Sie sehen dürfen; es wurde nichts exportiert. Wählen Sie aus Ihrer eigenen Zeit und den Teams, die Sie genehmigen.',
      )
      expect(readdirSync(dir)).toEqual(['team.csv'])
      expect(readFileSync(target)).toEqual(direct.rawPayload)

      // In German formats: the server writes the dialect, the desktop keeps its bytes.
      const german = await call({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, scope: 'team', format: 'de' })
      const directGerman = await exportAs('cy', { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, format: 'de' })
      expect(german.ok).toBe(true)
      expect(readFileSync(target)).toEqual(directGerman.rawPayload)
      const germanRows: Record<string, string>[] = parse(directGerman.rawPayload, { columns: true, delimiter: ';', relax_quotes: false, relax_column_count: false })
      expect(germanRows[0]).toMatchObject({ date: '02.11.2026', person: 'Bo', hours: '0,50', minutes: '30' })

      // XLSX from the team server: the server's bytes, saved whole; its rows are not counted as they pass.
      const workbook = await call({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' }, scope: 'team', file: 'xlsx', language: 'en' })
      expect(workbook).toMatchObject({ ok: true, value: { status: 'saved', path: target } })
      expect(workbook.ok && workbook.value.status === 'saved' ? workbook.value.rows : 'no').toBeUndefined()
      const sheet = readXlsx(readFileSync(target))
      expect(sheet.values().slice(1).map((row) => row[1])).toEqual([...descriptions.map(() => 'Bo'), 'Bo', 'Cy'])
    } finally {
      await core?.close()
      rmSync(dir, { recursive: true, force: true })
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('through the browser host the download is the server’s stream; a server failure halfway cuts both the download and the desktop file off', async () => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 })
    const dir = mkdtempSync(join(tmpdir(), 'stint-team-download-'))
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-team-download-data-'))
    const target = join(dir, 'team.csv')
    const clock = new FakeClock(T0)
    const downloads = new WebDownloads({ now: () => clock.now() })
    let core: Core | undefined
    let host: WebHost | undefined
    try {
      core = await createCore({ dataDir, clock, logger: appLogger, settings: new MemorySettingsStore(), scheduler: new ManualScheduler(() => clock.now()), host: 'web', version: '0.0.0-test', exportDestination: downloads })
      await core.team.connect(url, token.ana)
      host = await startWebHost({ core, rendererDir: dir, token: 'launch-secret-0123456789', logger: appLogger, downloads })
      const port = host.port
      const call = async (request: ExportRequestInput) => (await invokeCall(core?.handlers ?? ({} as Core['handlers']), 'export.csv', request, appLogger)) as Envelope<ExportResult>
      const get = async (path: string) => {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { Cookie: `stint_token_${port}=launch-secret-0123456789` } })
        try {
          return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()), cut: false }
        } catch {
          return { status: response.status, type: response.headers.get('content-type'), body: Buffer.alloc(0), cut: true }
        }
      }
      const request: ExportRequestInput = { what: { kind: 'report', query: { from: '2026-11-01', to: '2026-11-30', groupBy: ['user', 'day'] } }, scope: 'team' }
      const answer = await call(request)
      if (!answer.ok || answer.value.status !== 'download') throw new Error(`no download: ${JSON.stringify(answer)}`)
      expect(answer.value.fileName).toBe('stint-team-report-2026-11-01-to-2026-11-30.csv')
      const downloaded = await get(answer.value.url)
      const direct = await exportAs('ana', request)
      expect([downloaded.status, downloaded.type, downloaded.cut]).toEqual([200, 'text/csv; charset=utf-8', false])
      expect(downloaded.body).toEqual(direct.rawPayload)

      // A page and more of good rows, then one the server cannot write: it has sent its headers and must cut the stream.
      const long = 'x'.repeat(100)
      const synced = { created_at: T0, updated_at: T0, seq: 1 as UserSeq, deleted_at: null }
      const many = Array.from({ length: TEAM_ENTRIES_PAGE_SIZE + 100 }, (_, n) => ({ id: `0190e000-0000-7000-9000-${String(n).padStart(12, '0')}`, user_id: id.di, day: '2026-12-01', work_item_id: null, activity_type_id: null, billable: 1 as const, description: long, source: 'grid' as const, raw_seconds: 60, rounded_seconds: 60, ...synced }))
      for (let start = 0; start < many.length; start += 300) await t.db.insertInto('time_entries').values(many.slice(start, start + 300)).execute()
      await t.db.insertInto('time_entries').values({ ...many[0], id: '0190e000-0000-7000-9999-000000000000', day: '2026-12-02', created_at: 9e15 } as (typeof many)[number]).execute()
      const broken: ExportRequestInput = { what: { kind: 'entries', from: '2026-12-01', to: '2026-12-31' }, scope: 'team' }
      const brokenAnswer = await call(broken)
      if (!brokenAnswer.ok || brokenAnswer.value.status !== 'download') throw new Error('no download')
      const cut = await get(brokenAnswer.value.url)
      expect([cut.status, cut.cut]).toEqual([200, true])

      // The desktop app: its file export of the same stream leaves nothing behind.
      const saving = await createCore({ dataDir: mkdtempSync(join(dir, 'desk-')), clock, logger: appLogger, settings: new MemorySettingsStore(), scheduler: new ManualScheduler(() => clock.now()), host: 'electron', version: '0.0.0-test', exportDestination: { deliver: async (job) => ({ status: 'saved', ...(await saveCsvJob(job, target)) }) } })
      try {
        await saving.team.connect(url, token.ana)
        const saved = (await invokeCall(saving.handlers, 'export.csv', broken, appLogger)) as Envelope<ExportResult>
        expect(saved).toEqual({
          ok: false,
          error: {
            code: 'unavailable',
            message: expect.stringMatching(/^The CSV export stopped after [\d,]+ rows because .*Nothing was written to .*team\.csv\./) as string,
            messageId: 'refusal.export.stopped',
            values: expect.objectContaining({ why: 'other', fileKept: 'no' }) as Record<string, unknown>,
          },
        })
        expect(readdirSync(dir).filter((name) => name.includes('team'))).toEqual([])
      } finally {
        await saving.close()
      }
    } finally {
      await host?.close()
      await core?.close()
      rmSync(dir, { recursive: true, force: true })
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
}

describeEachDialect('CSV exports of the team’s time', suite)
