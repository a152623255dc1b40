// At most one primary timer, in the file itself: a file written with two marks (before
// 0017) keeps the lowest slot's, and a second mark is refused by the database.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { silentLogger } from '../../logger'
import { openStore } from '../store'
import { migrations } from './index'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-0017-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('keeps one primary timer: the lowest slot’s of a file with two, and refuses a second mark', async () => {
  const before = await openStore({ dataDir: dir, logger: silentLogger, migrations: migrations.filter((m) => m.name !== '0017-one-primary-timer') })
  const timer = before.sqlite.prepare(`INSERT INTO timers (id, slot, label, color, state, created_at, updated_at, is_primary) VALUES (?, ?, ?, '#4477AA', 'idle', 1, 1, ?)`)
  timer.run('t3', 3, 'Three', 1)
  timer.run('t2', 2, 'Two', 1)
  timer.run('t1', 1, 'One', 0)
  await before.close()

  const store = await openStore({ dataDir: dir, logger: silentLogger })
  try {
    expect(store.sqlite.prepare(`SELECT slot, is_primary FROM timers ORDER BY slot`).all()).toEqual([
      { slot: 1, is_primary: 0 },
      { slot: 2, is_primary: 1 },
      { slot: 3, is_primary: 0 },
    ])
    expect(() => store.sqlite.prepare(`UPDATE timers SET is_primary = 1 WHERE slot = 1`).run()).toThrow(/UNIQUE constraint failed/)
    // Moving the mark as the engine does (clear, then set) is allowed.
    store.sqlite.transaction(() => {
      store.sqlite.prepare(`UPDATE timers SET is_primary = 0 WHERE slot = 2`).run()
      store.sqlite.prepare(`UPDATE timers SET is_primary = 1 WHERE slot = 1`).run()
    })()
    expect(store.sqlite.prepare(`SELECT slot FROM timers WHERE is_primary = 1`).all()).toEqual([{ slot: 1 }])
  } finally {
    await store.close()
  }
})
