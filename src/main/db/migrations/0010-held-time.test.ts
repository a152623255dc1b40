import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { silentLogger } from '../../logger'
import { openStore } from '../store'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-0010-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('keeps held time with its exact pieces, refusing a state it does not know and a piece that is not a span', async () => {
  const store = await openStore({ dataDir: dir, logger: silentLogger })
  try {
    const held = store.sqlite.prepare(`INSERT INTO held_time (id, user_id, label, billable, state, created_at, updated_at) VALUES (?, 'u', 'Timer 1', 1, ?, 1, 1)`)
    held.run('h1', 'asking')
    expect(() => held.run('h2', 'forgotten')).toThrow(/CHECK constraint failed/)
    const piece = store.sqlite.prepare(`INSERT INTO held_time_ranges (id, held_id, day, started_at, ended_at, time_zone) VALUES (?, 'h1', ?, ?, ?, 'Europe/Berlin')`)
    piece.run('r1', '2026-11-15', 1000, 2000)
    expect(() => piece.run('r2', '2026-11-15', 2000, 2000)).toThrow(/CHECK constraint failed/)
    expect(() => piece.run('r3', '15.11.2026', 1000, 2000)).toThrow(/CHECK constraint failed/)
    expect(() => store.sqlite.prepare(`INSERT INTO held_time_ranges (id, held_id, day, started_at, ended_at, time_zone) VALUES ('r4', 'nope', '2026-11-15', 1, 2, 'UTC')`).run()).toThrow(/FOREIGN KEY/)
    // Not synced: no outbox trigger fires for it.
    expect(store.sqlite.prepare(`SELECT count(*) AS n FROM sync_outbox`).get()).toEqual({ n: 0 })
  } finally {
    await store.close()
  }
})
