import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readableError, StintError } from '@shared/errors'
import { createTranslator } from '@shared/i18n/translator'
import { makeReadOnly, mountTinyDisk, mountsAvailable, readOnlyAvailable } from '../testing/real-disks'
import { failureMessage, startFailureMessage } from '../start-failure'
import { storageError, storageMessage, storageProblemOf } from './storage-errors'

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
    const message = storageError(fs, { doing: 'saveSettings', place: disk })?.message
    expect(message).toBe(`The disk holding ${disk} is full, so Stint could not save your settings. Nothing was lost. Free some space on that disk and try again.`)
  })

  it('is named when SQLite reaches the most pages it may use', () => {
    const db = new SqliteDatabase(':memory:')
    db.exec('CREATE TABLE t (x TEXT)')
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const error = failureOf(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(10_000)))
    db.close()
    expect(storageProblemOf(error)).toBe('disk-full')
    const stint = storageError(error, { doing: 'saveChange' })
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
    expect(storageError(error, { doing: 'saveSettings', place: folder })?.message).not.toMatch(/EROFS|EACCES/)
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
    expect(storageError(Object.assign(new Error('no such file'), { code: 'ENOENT' }), { doing: 'saveChange' })).toBeNull()
    expect(storageProblemOf(new Error('export stopped', { cause: Object.assign(new Error('full'), { code: 'ENOSPC' }) }))).toBe('disk-full')
  })
})

describe('in the reader’s language', () => {
  const GERMAN = createTranslator('de')
  const full = Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' })

  it('the window gets the refusal by id, and a German window reads it in German', () => {
    const body = storageError(full, { doing: 'saveChange', kept: 'savedBefore' })?.body()
    expect(body).toMatchObject({
      code: 'unavailable',
      message: 'The disk holding Stint’s data folder is full, so Stint could not save this change. Nothing was lost: everything saved before is still there. Free some space on that disk and try again.',
      messageId: 'refusal.storage.diskFull',
      values: { place: 'dataFolder', doing: 'saveChange', kept: 'savedBefore' },
    })
    expect(body && readableError(body, GERMAN)).toBe(
      'Der Datenträger mit dem Datenordner von Stint ist voll, daher konnte Stint diese Änderung nicht speichern. Es ist nichts verloren gegangen: Alles bisher Gespeicherte ist noch da. Geben Sie auf diesem Datenträger Speicherplatz frei und versuchen Sie es erneut.',
    )
  })

  it('names a folder as it is, in either language', () => {
    expect(storageMessage('no-permission', { doing: 'saveSettings', place: '/home/ana/.config/Stint', kept: 'settings' })).toBe(
      'Stint is not allowed to write in /home/ana/.config/Stint, so it could not save your settings. Your settings are as they were. Give your user write access to it and try again.',
    )
    expect(storageMessage('read-only', { doing: 'saveToken', place: '/media/stick', kept: 'token' }, GERMAN)).toBe(
      'Der Datenträger mit /media/stick ist schreibgeschützt, daher konnte Stint das Token des Team-Servers nicht speichern. Das zuvor gespeicherte Token ist unverändert. Machen Sie ihn beschreibbar (oder wählen Sie einen anderen Ordner) und versuchen Sie es erneut.',
    )
  })

  it('the message boxes: a start that failed, and a request from the tray or a link that failed', () => {
    expect(startFailureMessage(full)).toBe('The disk holding Stint’s data folder is full, so Stint could not start. Nothing was lost. Free some space on that disk and try again.')
    expect(startFailureMessage(full, GERMAN)).toMatch(/^Der Datenträger mit dem Datenordner von Stint ist voll, daher konnte Stint nicht starten\. Es ist nichts verloren gegangen\./)
    expect(startFailureMessage(new Error('boom'), GERMAN)).toBe('Stint konnte nicht starten: boom')
    expect(startFailureMessage(new Error('boom'))).toBe('Stint could not start: boom')
    expect(failureMessage(full, GERMAN)).toMatch(/^Der Datenträger mit dem Datenordner von Stint ist voll, daher konnte Stint diese Änderung nicht speichern\./)
    expect(failureMessage(new StintError('conflict', { id: 'refusal.timerNotRunning', values: { label: 'Timer 2' } }), GERMAN)).toBe('Timer 2 läuft nicht.')
  })
})
