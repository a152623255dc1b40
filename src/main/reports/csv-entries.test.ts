import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { guardFormula } from '@shared/csv-cells'
import { seededRandom } from '@shared/testing/seeded-random'
import { readLocalUserId } from '../profile'
import { openTempCore, T0, type TempCore } from '../testing/temp-core'
import { ENTRY_CSV_COLUMNS, entriesCsvPages, entriesCsvRows, entriesPageQuery, type EntryCsvKey, type EntryCsvRow } from './csv-entries'
import { exportCsv } from './csv-export'

let env: TempCore
let me: string
let dir: string

beforeEach(async () => {
  env = await openTempCore()
  me = await readLocalUserId(env.core.store.db)
  dir = mkdtempSync(join(tmpdir(), 'stint-csv-entries-'))
})
afterEach(async () => {
  await env.dispose()
  rmSync(dir, { recursive: true, force: true })
})

interface Entry {
  id: string
  day: string
  user?: string
  workItem?: string | null
  activityType?: string | null
  billable?: 0 | 1
  description?: string
  source?: 'timer' | 'grid' | 'manual'
  raw?: number
  rounded?: number
  status?: 'draft' | 'submitted' | 'approved' | 'rejected' | 'voided'
  createdAt?: number
  deletedAt?: number | null
}

/** Entries written straight into the table: quicker than the services for thousands, and free to hold text the grid would trim. */
function insertEntries(entries: readonly Entry[]): void {
  const { sqlite } = env.core.store
  const insert = sqlite.prepare(
    `INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, created_at, updated_at, deleted_at)
     VALUES (@id, @user, @day, @workItem, @activityType, @billable, @description, @source, @raw, @rounded, @status, @createdAt, @createdAt, @deletedAt)`,
  )
  sqlite.transaction(() => {
    for (const e of entries) {
      insert.run({
        id: e.id,
        user: e.user ?? me,
        day: e.day,
        workItem: e.workItem ?? null,
        activityType: e.activityType ?? null,
        billable: e.billable ?? 1,
        description: e.description ?? '',
        source: e.source ?? 'manual',
        raw: e.raw ?? 900,
        rounded: e.rounded ?? 900,
        status: e.status ?? 'draft',
        createdAt: e.createdAt ?? T0,
        deletedAt: e.deletedAt ?? null,
      })
    }
  })()
}

async function collect(pages: AsyncIterable<EntryCsvRow[]>): Promise<EntryCsvRow[][]> {
  const all: EntryCsvRow[][] = []
  for await (const page of pages) all.push(page)
  return all
}

function parseStrict(file: string): Record<EntryCsvKey, string>[] {
  return parse(readFileSync(file), { bom: true, columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false, trim: false })
}

describe("a person's entries of a range, as CSV", () => {
  it('a booked cell exports with the names of what it was booked against, and the cell’s note', async () => {
    const { work, timesheet } = env.core
    const customer = await work.createCustomer('Acme, Inc.')
    const contract = await work.createContract({ customerId: customer.id, name: 'Support "Gold"' })
    const item = await work.createWorkItem({ kind: 'ticket', reference: 'T-1042', title: 'Printer on floor 3', customerId: customer.id, contractId: contract.id })
    const [type] = await work.listActivityTypes()
    if (!type) throw new Error('the seeded activity types are missing')
    await timesheet.setCells([{ day: '2026-11-16', row: { workItemId: item.id, activityTypeId: type.id, billable: true }, totalSeconds: 5400 }])
    const details = await timesheet.cellDetails('2026-11-16', { workItemId: item.id, activityTypeId: type.id, billable: true })
    const entry = details.entries[0]
    if (!entry) throw new Error('the cell booked no entry')
    await timesheet.describeEntry(entry.id, 'Replaced toner, "again"\nand cleaned the rollers')
    await timesheet.setCellNote('2026-11-16', { workItemId: item.id, activityTypeId: type.id, billable: true }, 'Customer asked for a quote, "urgent"')

    const file = join(dir, 'entries.csv')
    const result = await exportCsv({ path: file }, ENTRY_CSV_COLUMNS, entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-22'), { bom: true })
    expect(result.rows).toBe(1)
    expect(parseStrict(file)).toEqual([
      {
        date: '2026-11-16',
        work_item_reference: 'T-1042',
        work_item_title: 'Printer on floor 3',
        customer: 'Acme, Inc.',
        contract: 'Support "Gold"',
        activity_type: type.name,
        billable: 'yes',
        description: 'Replaced toner, "again"\nand cleaned the rollers',
        cell_note: 'Customer asked for a quote, "urgent"',
        source: 'grid',
        status: 'draft',
        hours: '1.50',
        minutes: '90',
        raw_minutes: '90',
        created_at: new Date(T0).toISOString(),
        entry_id: entry.id,
      },
    ])
  })

  it('descriptions with quotes, line breaks, emoji and formulas read back exactly (formulas guarded)', async () => {
    const descriptions = ['say "hi", then leave', 'one\r\ntwo\nthree\rfour', '🚀 deployed 👩🏽‍💻', '=1+1', '+49 30 1234', '-3 h travel', '@admin', '\tindented', '\rcarriage', 'x'.repeat(100_000)]
    insertEntries(descriptions.map((description, i) => ({ id: `e-${i}`, day: '2026-11-17', description })))
    const file = join(dir, 'entries.csv')
    await exportCsv({ path: file }, ENTRY_CSV_COLUMNS, entriesCsvPages(env.core.store.db, me, '2026-11-17', '2026-11-17'))
    const rows = parseStrict(file)
    expect(rows.map((row) => row.description)).toEqual(descriptions.map(guardFormula))
    expect(rows.map((row) => [row.work_item_reference, row.customer, row.activity_type, row.billable, row.hours, row.minutes])).toEqual(descriptions.map(() => ['', '', '', 'yes', '0.25', '15']))
  })

  it('durations: hours to two decimals, minutes whole, the measured time beside the booked', async () => {
    insertEntries([
      { id: 'a', day: '2026-11-16', raw: 5341, rounded: 5400 },
      { id: 'b', day: '2026-11-16', raw: 17, rounded: 0 },
      { id: 'c', day: '2026-11-16', raw: 86_400, rounded: 86_400, billable: 0 },
    ])
    const [page] = await collect(entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-16'))
    const file = join(dir, 'entries.csv')
    await exportCsv({ path: file }, ENTRY_CSV_COLUMNS, page ?? [])
    expect(parseStrict(file).map((row) => [row.entry_id, row.hours, row.minutes, row.raw_minutes, row.billable])).toEqual([
      ['a', '1.50', '90', '89', 'yes'],
      ['b', '0.00', '0', '0', 'yes'],
      ['c', '24.00', '1440', '1440', 'no'],
    ])
  })

  it('only live entries of this person from the first to the last day, voided ones on request', async () => {
    insertEntries([
      { id: 'before', day: '2026-11-15' },
      { id: 'first', day: '2026-11-16' },
      { id: 'last', day: '2026-11-22' },
      { id: 'after', day: '2026-11-23' },
      { id: 'someone else', day: '2026-11-18', user: 'another-user' },
      { id: 'deleted', day: '2026-11-18', deletedAt: T0 },
      { id: 'voided', day: '2026-11-18', status: 'voided' },
      { id: 'approved', day: '2026-11-18', status: 'approved' },
    ])
    const ids = async (options = {}) => (await collect(entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-22', options))).flat().map((row) => row.entry_id)
    expect(await ids()).toEqual(['first', 'approved', 'last'])
    expect(await ids({ includeVoided: true })).toEqual(['first', 'approved', 'voided', 'last'])
  })

  it('a deleted work item or activity type still names the time booked on it', async () => {
    const { sqlite } = env.core.store
    sqlite.prepare(`INSERT INTO work_items (id, kind, reference, title, active, billable, created_at, updated_at, deleted_at) VALUES ('gone', 'task', NULL, 'Old project', 0, 1, 0, 0, 1)`).run()
    sqlite.prepare(`INSERT INTO activity_types (id, name, active, is_default, created_at, updated_at, deleted_at) VALUES ('old-type', 'Travel', 0, 0, 0, 0, 1)`).run()
    insertEntries([{ id: 'e', day: '2026-11-16', workItem: 'gone', activityType: 'old-type' }])
    const rows = (await collect(entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-16'))).flat()
    expect(rows.map((row) => [row.work_item_reference, row.work_item_title, row.customer, row.contract, row.activity_type])).toEqual([[null, 'Old project', null, null, 'Travel']])
  })

  it('refuses a day that is not YYYY-MM-DD and a page size below one', async () => {
    await expect(collect(entriesCsvPages(env.core.store.db, me, '16.11.2026', '2026-11-22'))).rejects.toThrow(RangeError)
    await expect(collect(entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-22', { pageSize: 0 }))).rejects.toThrow(/page size/)
  })
})

describe('reading in pages', () => {
  it('12,345 entries in pages of 5,000 come out each exactly once, in day and id order', async () => {
    // Three days, so that both page boundaries fall inside a day; ids in random order, so the order is the query's.
    const random = seededRandom(12_345)
    const entries = Array.from({ length: 12_345 }, (_, i) => ({ id: `${Math.floor(random() * 1e9).toString(36)}-${i}`, day: `2026-11-${16 + (i % 3)}` }))
    insertEntries(entries)
    const pages = await collect(entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-22', { pageSize: 5_000 }))
    expect(pages.map((page) => page.length)).toEqual([5_000, 5_000, 2_345])

    const got = pages.flat().map((row) => `${row.date} ${row.entry_id}`)
    const expected = entries.map((e) => `${e.day} ${e.id}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    expect(new Set(got).size).toBe(12_345)
    expect(got).toEqual(expected)

    const oneByOne: string[] = []
    for await (const row of entriesCsvRows(env.core.store.db, me, '2026-11-16', '2026-11-22', { pageSize: 5_000 })) oneByOne.push(`${row.date} ${row.entry_id}`)
    expect(oneByOne).toEqual(expected)
  })

  it('a range that is a whole number of pages ends without an empty page', async () => {
    insertEntries(Array.from({ length: 6 }, (_, i) => ({ id: `e-${i}`, day: '2026-11-16' })))
    expect((await collect(entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-16', { pageSize: 3 }))).map((page) => page.length)).toEqual([3, 3])
    expect(await collect(entriesCsvPages(env.core.store.db, me, '2026-11-17', '2026-11-17'))).toEqual([])
  })

  it('entries booked while an export runs are never written twice; those after the cursor are written', async () => {
    insertEntries(Array.from({ length: 6 }, (_, i) => ({ id: `e-${i}`, day: '2026-11-17' })))
    const seen: string[] = []
    let first = true
    for await (const page of entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-22', { pageSize: 2 })) {
      seen.push(...page.map((row) => row.entry_id))
      if (first) {
        first = false
        // One before the cursor (an earlier day), one after it (a later day).
        insertEntries([
          { id: 'a-early', day: '2026-11-16' },
          { id: 'z-late', day: '2026-11-18' },
        ])
      }
    }
    expect(seen).toEqual(['e-0', 'e-1', 'e-2', 'e-3', 'e-4', 'e-5', 'z-late'])
  })

  it.each([
    ['the first page', undefined],
    ['a later page', { day: '2026-11-16', id: 'e-1' }],
  ])('%s seeks the (user, day, id) index: no table scan, and no sort of the page', (_label, after) => {
    const query = entriesPageQuery(env.core.store.db, { userId: me, from: '2026-11-01', to: '2026-11-30', after, includeVoided: false, pageSize: 2_000 }).compile()
    const plan = env.core.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[]
    const details = plan.map((step) => step.detail).join('\n')
    expect(details).toMatch(/SEARCH e USING INDEX time_entries_by_user_day_id \(user_id=\? AND day>\? AND day<\?\)/)
    expect(details).not.toMatch(/SCAN e\b/)
    // Sorting each page in a temporary B-tree took half the read time of a million-row export.
    expect(details).not.toMatch(/TEMP B-TREE/)
  })
})
