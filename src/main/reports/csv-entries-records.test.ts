// The entries export the app writes (entriesCsvRecords: one template per entry) must be
// byte for byte what the general writer makes of the same entries as rows
// (entriesCsvPages through csvChunks), whatever the entries hold.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readLocalUserId } from '../profile'
import { openTempCore, T0, type TempCore } from '../testing/temp-core'
import { ENTRY_CSV_COLUMNS, entriesCsvPages, entriesCsvRecords, type EntriesCsvOptions } from './csv-entries'
import { exportCsv } from './csv-export'

let env: TempCore
let me: string
let dir: string

beforeEach(async () => {
  env = await openTempCore()
  me = await readLocalUserId(env.core.store.db)
  dir = mkdtempSync(join(tmpdir(), 'stint-csv-records-'))
})
afterEach(async () => {
  await env.dispose()
  rmSync(dir, { recursive: true, force: true })
})

/** Names that need quoting, a guard, both, or nothing; a work item with no customer; one this device does not have. */
function seedNastyEntries(): void {
  const { sqlite } = env.core.store
  sqlite.exec(`
    INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'Acme, Inc.', 0, 0), ('c2', '=cmd|'' /C calc''!A0', 0, 0);
    INSERT INTO contracts (id, customer_id, name, created_at, updated_at) VALUES ('k1', 'c1', 'Support "Gold"', 0, 0);
    INSERT INTO work_items (id, kind, reference, title, customer_id, contract_id, active, billable, created_at, updated_at)
      VALUES ('w1', 'ticket', 'T-1042', 'Printer, floor 3', 'c1', 'k1', 1, 1, 0, 0),
             ('w2', 'ticket', '-123', 'Line one' || char(10) || 'line two', 'c2', NULL, 1, 1, 0, 0),
             ('w3', 'task', NULL, '@home 🚀', NULL, NULL, 1, 0, 0, 0);
    INSERT INTO activity_types (id, name, active, is_default, created_at, updated_at) VALUES ('t-odd', '+Travel, "far"', 1, 0, 0, 0);`)
  const insert = sqlite.prepare(
    `INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const workItems = ['w1', 'w2', 'w3', null, 'not-on-this-device']
  const types = ['t-odd', null, 'unknown-type']
  const descriptions = ['', 'plain', 'say "hi", then leave', 'one\r\ntwo\nthree\rfour', '=1+1', '-3 h travel', '\tindented', '🚀 deployed 👩🏽‍💻', '＝full-width']
  const statuses = ['draft', 'submitted', 'approved', 'rejected', 'voided']
  // Instants inside 0000–9999 and outside it (toISOString's '+010000-…' and '-000001-…' are guarded like any text).
  const instants = [T0, 0, -1, 253_402_300_800_000, -62_167_219_200_001, T0 + 999]
  // Off for the ids this device does not have, as synced time can name them.
  sqlite.pragma('foreign_keys = OFF')
  sqlite.transaction(() => {
    for (let i = 0; i < 90; i++) {
      const rounded = [0, 900, 5400, 86_400, 1, 17, 3_599][i % 7] ?? 0
      insert.run(`e-${String(i).padStart(3, '0')}`, me, `2026-11-${16 + (i % 5)}`, workItems[i % workItems.length], types[i % types.length], i % 2, descriptions[i % descriptions.length], ['timer', 'grid', 'manual'][i % 3], rounded + (i % 4) * 7, rounded, statuses[i % statuses.length], instants[i % instants.length], T0)
    }
  })()
  // Cell notes on some cells (one of them deleted), quoting and formula guards included.
  const note = sqlite.prepare(
    `INSERT INTO cell_notes (id, user_id, day, work_item_id, activity_type_id, billable, note, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const notes = ['Asked for a quote, "urgent"', '=HYPERLINK("x")', 'two\nlines', 'gone']
  for (let i = 0; i < 12; i++) note.run(`n-${i}`, me, `2026-11-${16 + (i % 5)}`, workItems[i % workItems.length], types[i % types.length], i % 2, notes[i % notes.length], T0, T0, i % 4 === 3 ? T0 : null)
  sqlite.pragma('foreign_keys = ON')
}

async function bothWays(options: EntriesCsvOptions): Promise<[Buffer, Buffer]> {
  const [records, rows] = [join(dir, 'records.csv'), join(dir, 'rows.csv')]
  const fast = await exportCsv({ path: records }, ENTRY_CSV_COLUMNS, entriesCsvRecords(env.core.store.db, me, '2026-11-16', '2026-11-22', options), { bom: true })
  const general = await exportCsv({ path: rows }, ENTRY_CSV_COLUMNS, entriesCsvPages(env.core.store.db, me, '2026-11-16', '2026-11-22', options), { bom: true })
  expect(fast.rows).toBe(general.rows)
  return [readFileSync(records), readFileSync(rows)]
}

describe('the entries export the app writes', () => {
  it.each([
    ['in one page', {}],
    ['in pages of 7, voided entries included', { pageSize: 7, includeVoided: true }],
    ['filtered to two work items and billable time', { filters: { workItemIds: ['w2', null], billable: true } }],
  ])('is byte for byte the general writer’s file for the same entries, %s', async (_label, options: EntriesCsvOptions) => {
    seedNastyEntries()
    const [fast, general] = await bothWays(options)
    expect(general.length).toBeGreaterThan(1_000)
    expect(fast.toString('utf8')).toBe(general.toString('utf8'))
  })

  it('of no entries is the header alone, as the general writer’s', async () => {
    const [fast, general] = await bothWays({})
    expect(fast.toString('utf8')).toBe(`\uFEFF${ENTRY_CSV_COLUMNS.map((column) => column.header).join(',')}\r\n`)
    expect(fast.equals(general)).toBe(true)
  })
})
