// A call that cannot write because the disk is full or read-only answers with the cause
// and what to do, never "internal", and changes nothing. SQLite's max_page_count makes
// a real SQLITE_FULL without a full disk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Logger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { invokeCall } from './invoke'

let env: TempCore
const logged: unknown[][] = []
const logger: Logger = { info() {}, warn() {}, error: (...args: unknown[]) => void logged.push(args) }
beforeEach(async () => {
  env = await openTempCore()
  logged.length = 0
})
afterEach(() => env.dispose())

const work = (title: string) => ({ title, kind: 'task' as const })

describe('a change when the disk is full', () => {
  it('is refused with the cause and what to do, and what was saved stays', async () => {
    const saved = await invokeCall(env.core.handlers, 'work.createItem', work('Saved before'), logger)
    expect(saved.ok).toBe(true)
    const sqlite = env.core.store.sqlite
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`)

    // Pages already there still have room for a few rows: keep adding until the file must grow.
    let envelope = await invokeCall(env.core.handlers, 'work.createItem', work('Item 0'), logger)
    let count = 0
    while (envelope.ok && count < 1000) envelope = await invokeCall(env.core.handlers, 'work.createItem', work(`Item ${++count} ${'x'.repeat(150)}`), logger)

    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message:
          'The disk holding Stint’s data folder is full, so Stint could not save this change. Nothing was lost: everything saved before is still there. Free some space on that disk and try again.',
        messageId: 'refusal.storage.diskFull',
        values: { place: 'dataFolder', doing: 'saveChange', kept: 'savedBefore' },
      },
    })
    const titles = (await env.core.store.db.selectFrom('work_items').select('title').execute()).map((row) => row.title)
    expect(titles).toContain('Saved before')
    expect(titles.some((title) => title.startsWith(`Item ${count} `))).toBe(false)
    expect(logged).toEqual([])
  })
})
