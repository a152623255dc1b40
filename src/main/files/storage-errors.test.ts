import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { makeReadOnly, mountTinyDisk, mountsAvailable, readOnlyAvailable } from '../testing/real-disks'
import { storageError, storageProblemOf } from './storage-errors'

let root: string
let undo: (() => void) | null = null
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stint-storage-'))
})
afterEach(() => {
  undo?.()
  undo = null
  rmSync(root, { recursive: true, force: true })
})

function failureOf(action: () => void): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected the action to fail')
}

describe('a full disk', () => {
  it.skipIf(!mountsAvailable)('is named whether the file system or SQLite reports it', () => {
    const disk = join(root, 'disk')
    mkdirSync(disk)
    undo = mountTinyDisk(disk, 64)
    const fs = failureOf(() => writeFileSync(join(disk, 'big'), Buffer.alloc(256 * 1024)))
    expect(storageProblemOf(fs)).toBe('disk-full')
    const message = storageError(fs, { doing: 'save your settings', place: disk })?.message
    expect(message).toBe(`The disk holding ${disk} is full, so Stint could not save your settings. Nothing was lost. Free some space on that disk and try again.`)
  })

  it('is named when SQLite reaches the most pages it may use', () => {
    const db = new SqliteDatabase(':memory:')
    db.exec('CREATE TABLE t (x TEXT)')
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const error = failureOf(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(10_000)))
    db.close()
    expect(storageProblemOf(error)).toBe('disk-full')
    const stint = storageError(error, { doing: 'save this change' })
    expect(stint).toBeInstanceOf(StintError)
    expect(stint?.code).toBe('unavailable')
    expect(stint?.message).toMatch(/^The disk holding Stint’s data folder is full, so Stint could not save this change\. Nothing was lost\./)
  })
})

describe('a read-only folder', () => {
  it.skipIf(!readOnlyAvailable)('is named, not passed on as EROFS or EACCES', () => {
    const folder = join(root, 'folder')
    mkdirSync(folder)
    undo = makeReadOnly(folder)
    const error = failureOf(() => writeFileSync(join(folder, 'settings.json'), '{}'))
    expect(['read-only', 'no-permission']).toContain(storageProblemOf(error))
    expect(storageError(error, { doing: 'save your settings', place: folder })?.message).not.toMatch(/EROFS|EACCES/)
  })

  it('is named when SQLite may only read the database', () => {
    const file = join(root, 'db.sqlite')
    new SqliteDatabase(file).exec('CREATE TABLE t (x)')
    const db = new SqliteDatabase(file, { readonly: true })
    const error = failureOf(() => db.exec('INSERT INTO t VALUES (1)'))
    db.close()
    expect(storageProblemOf(error)).toBe('read-only')
  })
})

describe('other failures', () => {
  it('are not storage problems, so they keep their own message', () => {
    expect(storageProblemOf(new Error('boom'))).toBeNull()
    expect(storageError(Object.assign(new Error('no such file'), { code: 'ENOENT' }), { doing: 'x' })).toBeNull()
    expect(storageProblemOf(new Error('export stopped', { cause: Object.assign(new Error('full'), { code: 'ENOSPC' }) }))).toBe('disk-full')
  })
})
