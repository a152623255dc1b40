import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../logger'
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations'
import { DATABASE_FILE_NAME, STINT_APPLICATION_ID, StoreOpenError, openStore } from './store'

let dir: string
let file: string
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'stint-store-')), 'data')
  file = join(dir, DATABASE_FILE_NAME)
})
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }))

const mode = (path: string) => statSync(path).mode & 0o777
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

async function expectRefusal(kind: StoreOpenError['kind'], message: RegExp, options: { migrations?: readonly Migration[] } = {}) {
  const before = digest(file)
  const folder = readdirSync(dir).sort()
  const error = await openStore({ dataDir: dir, logger: silentLogger, ...options }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StoreOpenError)
  expect((error as StoreOpenError).kind).toBe(kind)
  expect((error as StoreOpenError).message).toMatch(message)
  expect((error as StoreOpenError).message).toContain('left exactly as it was')
  expect(digest(file)).toBe(before)
  // Nothing appeared beside it: no backup, no -wal, no -shm.
  expect(readdirSync(dir).sort()).toEqual(folder)
}

/** A database with enough rows to span several pages, closed (cleanly or as by a crash), then damaged inside a table's b-tree. */
async function damagedDatabase({ cleanClose }: { cleanClose: boolean }): Promise<void> {
  const store = await openStore({ dataDir: dir, logger: silentLogger })
  await sql`CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)`.execute(store.db)
  const insert = store.sqlite.prepare('INSERT INTO filler (body) VALUES (?)')
  for (let i = 0; i < 400; i++) insert.run('x'.repeat(200))
  if (cleanClose) await store.close()
  else store.sqlite.close() // the process died: the open mark stays in the file
  const bytes = readFileSync(file)
  const pageSize = bytes.readUInt16BE(16)
  for (let offset = pageSize * 2; offset < pageSize * 6; offset++) bytes[offset] = (offset * 7919) & 0xff
  writeFileSync(file, bytes)
}

/** Opens the store, counting the PRAGMA quick_checks run on the way. */
async function openCountingChecks(): Promise<{ store: Awaited<ReturnType<typeof openStore>>; quickChecks: number }> {
  const pragma = vi.spyOn(SqliteDatabase.prototype, 'pragma')
  try {
    const store = await openStore({ dataDir: dir, logger: silentLogger })
    return { store, quickChecks: pragma.mock.calls.filter(([source]) => source.startsWith('quick_check')).length }
  } finally {
    pragma.mockRestore()
  }
}

describe('reading the whole file through, only when it is needed', () => {
  it('a start after a clean close does not read the whole file first', async () => {
    await (await openStore({ dataDir: dir, logger: silentLogger })).close()
    const { store, quickChecks } = await openCountingChecks()
    await store.close()
    expect([quickChecks, store.checkedOnOpen]).toEqual([0, false])
  })

  it('a start after a crash reads the whole file through before using it', async () => {
    ;(await openStore({ dataDir: dir, logger: silentLogger })).sqlite.close()
    const { store, quickChecks } = await openCountingChecks()
    await store.close()
    expect([quickChecks, store.checkedOnOpen]).toEqual([1, true])
  })

  it('damage that came after a clean close is found later, in the background, in SQLite’s words', async () => {
    await damagedDatabase({ cleanClose: true })
    const store = await openStore({ dataDir: dir, logger: silentLogger })
    try {
      const problems = await store.checkInBackground()
      expect(problems.length).toBeGreaterThan(0)
    } finally {
      await store.close()
    }
  })

  it('a whole file passes the background check', async () => {
    const store = await openStore({ dataDir: dir, logger: silentLogger })
    try {
      expect(await store.checkInBackground()).toEqual([])
    } finally {
      await store.close()
    }
  })
})

describe('opening the local database', () => {
  it('creates a private folder and private files with the durable pragmas', async () => {
    const store = await openStore({ dataDir: dir, logger: silentLogger })
    try {
      expect(mode(dir)).toBe(0o700)
      expect(mode(file)).toBe(0o600)
      expect(mode(`${file}-wal`)).toBe(0o600)
      expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(store.sqlite.pragma('application_id', { simple: true })).toBe(STINT_APPLICATION_ID)
      expect(store.backupFile).toBeNull()
    } finally {
      await store.close()
    }
  })

  it('tightens a data folder and file that were left readable by others', async () => {
    await (await openStore({ dataDir: dir, logger: silentLogger })).close()
    chmodSync(dir, 0o755)
    chmodSync(file, 0o644)
    await (await openStore({ dataDir: dir, logger: silentLogger })).close()
    expect(mode(dir)).toBe(0o700)
    expect(mode(file)).toBe(0o600)
  })

  it('keeps what was stored across a reopen without migrating again', async () => {
    const first = await openStore({ dataDir: dir, logger: silentLogger })
    await first.db
      .insertInto('timers')
      .values({ id: 't1', slot: 1, label: 'Ticket 42', color: '#4477AA', state: 'idle', created_at: 1, updated_at: 1, deleted_at: null })
      .execute()
    await first.close()
    const second = await openStore({ dataDir: dir, logger: silentLogger })
    try {
      expect(await second.db.selectFrom('timers').select('label').execute()).toEqual([{ label: 'Ticket 42' }])
      expect(second.backupFile).toBeNull()
    } finally {
      await second.close()
    }
  })
})

describe('a database Stint must not touch', () => {
  it('refuses a file that is not SQLite and leaves it as it was', async () => {
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200))
    await expectRefusal('not-sqlite', /is not a SQLite database/)
  })

  it('refuses a database written by a newer Stint and changes nothing', async () => {
    await (await openStore({ dataDir: dir, logger: silentLogger })).close()
    const raw = new SqliteDatabase(file)
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    raw.close()
    await expectRefusal('newer-version', new RegExp(`newer Stint \\(schema ${LATEST_SCHEMA_VERSION + 5}; this version knows up to ${LATEST_SCHEMA_VERSION}\\)`))
  })

  it('refuses a database damaged after an unclean shutdown and keeps the file for recovery', async () => {
    await damagedDatabase({ cleanClose: false })
    await expectRefusal('corrupt', /is damaged/)
  })

  it('refuses the SQLite database of another program', async () => {
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dir, { recursive: true })
    const raw = new SqliteDatabase(file)
    raw.pragma('application_id = 1234')
    raw.exec('CREATE TABLE other_app (x)')
    raw.close()
    await expectRefusal('not-stint', /another program/)
  })
})

describe('migrations', () => {
  const addNotes: Migration = {
    name: '9999-test-notes',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors the loose typing of real migrations
    up: async (db: Kysely<any>) => {
      await sql`CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT`.execute(db)
    },
  }

  it('backs the database up before migrating it, and the backup is the old schema', async () => {
    const old = await openStore({ dataDir: dir, logger: silentLogger })
    await old.db
      .insertInto('timers')
      .values({ id: 't1', slot: 1, label: 'Before upgrade', color: '#4477AA', state: 'idle', created_at: 1, updated_at: 1, deleted_at: null })
      .execute()
    await old.close()

    const said: string[] = []
    const logger = { ...silentLogger, info: (message: string) => void said.push(message) }
    const upgraded = await openStore({ dataDir: dir, logger, now: () => 1_700_000_000_000, migrations: [...migrations, addNotes] })
    try {
      // One line for the whole upgrade, after the backup's.
      expect(said.filter((line) => line.includes('schema'))).toEqual([
        `backed up the database to ${file}.schema-${migrations.length}.1700000000000.bak before migrating from schema ${migrations.length}`,
        `migrated the database from schema ${migrations.length} to ${migrations.length + 1} (${addNotes.name})`,
      ])
      expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length + 1)
      expect(upgraded.backupFile).toBe(`${file}.schema-${migrations.length}.1700000000000.bak`)
      const backupFile = upgraded.backupFile ?? ''
      expect(mode(backupFile)).toBe(0o600)
      const backup = new SqliteDatabase(backupFile, { readonly: true })
      expect(backup.pragma('user_version', { simple: true })).toBe(migrations.length)
      expect(backup.prepare('SELECT label FROM timers').all()).toEqual([{ label: 'Before upgrade' }])
      expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").all()).toEqual([])
      backup.close()
    } finally {
      await upgraded.close()
    }
  })

  it('rolls a failing migration back completely and keeps the previous schema', async () => {
    await (await openStore({ dataDir: dir, logger: silentLogger })).close()
    const halfDone: Migration = {
      name: '9999-fails-halfway',
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors the loose typing of real migrations
      up: async (db: Kysely<any>) => {
        await sql`CREATE TABLE half (x TEXT) STRICT`.execute(db)
        throw new Error('disk full, say')
      },
    }
    await expect(openStore({ dataDir: dir, logger: silentLogger, migrations: [...migrations, halfDone] })).rejects.toThrow('disk full, say')

    const raw = new SqliteDatabase(file, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([])
    raw.close()
    expect(existsSync(file)).toBe(true)
  })

  it('gives every timer slot at most one open segment', async () => {
    const store = await openStore({ dataDir: dir, logger: silentLogger })
    try {
      await store.db
        .insertInto('timers')
        .values({ id: 't1', slot: 1, label: 'T', color: '#4477AA', state: 'running', created_at: 1, updated_at: 1, deleted_at: null })
        .execute()
      const segment = { timer_id: 't1', started_at: 10, ended_at: null, time_zone: 'UTC', created_at: 10, updated_at: 10 }
      await store.db.insertInto('timer_segments').values({ id: 's1', ...segment }).execute()
      await expect(store.db.insertInto('timer_segments').values({ id: 's2', ...segment }).execute()).rejects.toThrow(/UNIQUE/)
      await expect(
        store.db.insertInto('timer_segments').values({ id: 's3', ...segment, started_at: 50, ended_at: 40 }).execute(),
      ).rejects.toThrow(/CHECK/)
    } finally {
      await store.close()
    }
  })
})
