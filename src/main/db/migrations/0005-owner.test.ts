import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { silentLogger } from '../../logger'
import { openStore } from '../store'
import { migrations } from '.'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-0005-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('gives the time already on this device to the device’s own user, and indexes by user', async () => {
  const before = migrations.findIndex((m) => m.name === '0005-owner')
  const old = await openStore({ dataDir: dir, logger: silentLogger, migrations: migrations.slice(0, before) })
  old.sqlite
    .prepare(
      `INSERT INTO time_entries (id, day, billable, source, raw_seconds, rounded_seconds, created_at, updated_at) VALUES ('e1', '2026-11-16', 1, 'grid', 3600, 3600, 1, 1)`,
    )
    .run()
  old.sqlite.prepare(`INSERT INTO periods (id, start_day, end_day, status, created_at, updated_at) VALUES ('p1', '2026-11-16', '2026-11-22', 'submitted', 1, 1)`).run()
  await old.close()

  const store = await openStore({ dataDir: dir, logger: silentLogger })
  try {
    const user = (store.sqlite.prepare(`SELECT value FROM app_state WHERE key = 'user_id'`).get() as { value: string }).value
    expect(user).toMatch(/^[0-9a-f-]{36}$/)
    expect(store.sqlite.prepare('SELECT user_id FROM time_entries').all()).toEqual([{ user_id: user }])
    expect(store.sqlite.prepare('SELECT user_id, status FROM periods').all()).toEqual([{ user_id: user, status: 'submitted' }])
    const indexes = (store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'time_entries'`).all() as { name: string }[]).map((r) => r.name)
    expect(indexes).toContain('time_entries_by_user_day_row')
    expect(indexes).not.toContain('time_entries_by_day')
  } finally {
    await store.close()
  }
})
