import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { silentLogger } from '../../logger'
import { openStore } from '../store'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-0011-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('keeps a sync issue’s refusal id and values beside its reason; an issue without them has neither, and values never come without an id', async () => {
  const store = await openStore({ dataDir: dir, logger: silentLogger })
  try {
    const insert = (id: string, messageId: string | null, values: string | null) =>
      store.sqlite
        .prepare(`INSERT INTO sync_issues (id, kind, entity, entity_id, mutation, reason, message_id, message_values, created_at) VALUES (?, 'refused', 'entry', 'e1', '{}', 'No.', ?, ?, 1)`)
        .run(id, messageId, values)
    store.sqlite.prepare(`INSERT INTO sync_issues (id, kind, entity, entity_id, mutation, reason, created_at) VALUES ('old', 'refused', 'entry', 'e1', '{}', 'No.', 1)`).run()
    insert('new', 'refusal.sync.dayOver24h', JSON.stringify({ isoDay: '2026-11-16', hours: 25 }))
    expect(store.sqlite.prepare(`SELECT id, message_id, message_values FROM sync_issues ORDER BY id`).all()).toEqual([
      { id: 'new', message_id: 'refusal.sync.dayOver24h', message_values: '{"isoDay":"2026-11-16","hours":25}' },
      { id: 'old', message_id: null, message_values: null },
    ])
    expect(() => insert('orphan', null, '{}')).toThrow(/CHECK constraint failed/)
    expect(() => insert('list', 'refusal.sync.noCopy', '[1]')).toThrow(/CHECK constraint failed/)
    expect(() => insert('empty', '', null)).toThrow(/CHECK constraint failed/)
  } finally {
    await store.close()
  }
})
