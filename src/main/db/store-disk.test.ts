// The database on a disk that cannot take a write: a real read-only mount and a real
// full tmpfs. Stint says what is wrong in words, and leaves the file and the folder as
// they were: no partial backup, no empty database, no -wal or -shm.
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../logger'
import { makeReadOnly, mountTinyDisk, mountsAvailable } from '../testing/real-disks'
import { migrations } from './migrations'
import { DATABASE_FILE_NAME, StoreOpenError, openStore } from './store'

let root: string
let dir: string
let file: string
const undo: (() => void)[] = []
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stint-store-disk-'))
  dir = join(root, 'data')
  mkdirSync(dir, { mode: 0o700 })
  file = join(dir, DATABASE_FILE_NAME)
})
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step()
  rmSync(root, { recursive: true, force: true })
})

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** Writes a filler file until the disk refuses another byte, then gives `reserve` bytes back. */
function fillDisk(folder: string, reserve = 0): void {
  const fd = openSync(join(folder, 'filler'), 'w')
  const block = Buffer.alloc(4096, 1)
  try {
    for (;;) writeSync(fd, block)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
    // The last partial block: fill every byte that is left.
    try {
      for (;;) writeSync(fd, Buffer.alloc(1, 1))
    } catch {
      // full
    }
  } finally {
    closeSync(fd)
  }
  if (reserve > 0) truncateSync(join(folder, 'filler'), statSync(join(folder, 'filler')).size - reserve)
}

async function refusal(): Promise<StoreOpenError> {
  const error = await openStore({ dataDir: dir, logger: silentLogger }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StoreOpenError)
  return error as StoreOpenError
}

describe.skipIf(!mountsAvailable)('the database on a disk that takes no more writes', () => {
  it('on a read-only disk, is not opened, and the reason is said in words', async () => {
    const store = await openStore({ dataDir: dir, logger: silentLogger })
    await store.close()
    const before = digest(file)
    undo.push(makeReadOnly(dir))

    const error = await refusal()

    expect(error.kind).toBe('read-only')
    expect(error.message).toContain(`${dir} is on a read-only disk, so Stint could not open its database.`)
    expect(error.message).toContain('The file was left exactly as it was.')
    expect(error.message).not.toMatch(/EROFS|SQLITE_/)
    expect(digest(file)).toBe(before)
    expect(readdirSync(dir)).toEqual([DATABASE_FILE_NAME])
  })

  it.each([
    ['with no byte free', 0],
    ['with room to open it but not for the backup', 96 * 1024],
  ])('on a full disk (%s), an upgrade leaves no partial backup and the database as it was', async (_case, reserve) => {
    undo.push(mountTinyDisk(dir, 1024))
    const old = await openStore({ dataDir: dir, logger: silentLogger, migrations: migrations.slice(0, 5) })
    await old.close()
    const before = digest(file)
    fillDisk(dir, reserve)

    const error = await refusal()

    expect(error.kind).toBe('disk-full')
    expect(error.message).toContain(`The disk holding ${dir} is full, so Stint could not`)
    expect(error.message).toContain('The file was left exactly as it was.')
    expect(error.message).not.toMatch(/ENOSPC|SQLITE_FULL|database or disk is full/)
    expect(digest(file)).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(['filler', DATABASE_FILE_NAME])
  })

  it('on a full disk, a first start leaves no empty database behind', async () => {
    undo.push(mountTinyDisk(dir, 256))
    fillDisk(dir)

    const error = await refusal()

    expect(error.kind).toBe('disk-full')
    expect(error.message).toContain(`The disk holding ${dir} is full`)
    expect(existsSync(file)).toBe(false)
    expect(readdirSync(dir)).toEqual(['filler'])
  })
})
