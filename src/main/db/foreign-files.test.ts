import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTranslator } from '@shared/i18n/translator'
import { silentLogger } from '../logger'
import { startFailureMessage } from '../start-failure'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'
import { DATABASE_FILE_NAME, STINT_APPLICATION_ID, StoreOpenError, openStore } from './store'

let dir: string
let file: string
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'stint-foreign-')), 'data')
  mkdirSync(dir, { recursive: true })
  file = join(dir, DATABASE_FILE_NAME)
})
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }))

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** A SQLite file made by some other program, closed cleanly (so no -wal or -shm beside it). */
function foreignDatabase(setup: (db: SqliteDatabase.Database) => void): void {
  const db = new SqliteDatabase(file)
  setup(db)
  db.close()
}

async function expectLeftAlone(kind: StoreOpenError['kind'], message: RegExp): Promise<StoreOpenError> {
  const before = digest(file)
  const folder = readdirSync(dir).sort()
  const error = await openStore({ dataDir: dir, logger: silentLogger }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StoreOpenError)
  expect((error as StoreOpenError).kind).toBe(kind)
  expect((error as StoreOpenError).message).toMatch(message)
  expect((error as StoreOpenError).message).toContain('The file was left exactly as it was.')
  expect(digest(file)).toBe(before)
  // Nothing beside it either: no -wal, no -shm, no backup.
  expect(readdirSync(dir).sort()).toEqual(folder)
  return error as StoreOpenError
}

describe('a SQLite file of another program in Stint’s place', () => {
  it('is refused and left exactly as it was when it has tables of its own', async () => {
    foreignDatabase((db) => {
      db.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread')")
    })
    const error = await expectLeftAlone('not-stint', /another program/)
    expect(error.message).toBe(`${file} is a SQLite database of another program, not Stint's (its tables: recipes). The file was left exactly as it was. Move it away or choose another data folder.`)
    // The start-up box says it in the app's language.
    expect(startFailureMessage(error, createTranslator('de'))).toBe(
      `${file} ist eine SQLite-Datenbank eines anderen Programms, nicht die von Stint (ihre Tabellen: recipes). Die Datei blieb genau so, wie sie war. Verschieben Sie sie oder wählen Sie einen anderen Datenordner.`,
    )
  })

  it('names its first five tables and counts the rest', async () => {
    foreignDatabase((db) => {
      for (const name of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']) db.exec(`CREATE TABLE ${name} (x TEXT)`)
    })
    const error = await expectLeftAlone('not-stint', /another program/)
    expect(error.message).toContain("not Stint's (its tables: a1, a2, a3, a4, a5 and 2 more).")
    expect(startFailureMessage(error, createTranslator('de'))).toContain('nicht die von Stint (ihre Tabellen: a1, a2, a3, a4, a5 und 2 weitere).')
  })

  it('is refused before anything is written when its tables clash with Stint’s', async () => {
    foreignDatabase((db) => {
      db.exec("CREATE TABLE timers (id INTEGER PRIMARY KEY, what TEXT); INSERT INTO timers (what) VALUES ('egg')")
    })
    await expectLeftAlone('not-stint', /another program/)
  })

  it('in WAL mode, is refused without a -wal or -shm appearing beside it', async () => {
    foreignDatabase((db) => {
      db.pragma('journal_mode = WAL')
      db.exec('CREATE TABLE notes (body TEXT)')
    })
    expect(readdirSync(dir)).toEqual([DATABASE_FILE_NAME])
    await expectLeftAlone('not-stint', /another program/)
  })

  it('with its own application id, in WAL mode, is refused without a -wal or -shm appearing', async () => {
    foreignDatabase((db) => {
      db.pragma('journal_mode = WAL')
      db.pragma('application_id = 1234')
      db.exec('CREATE TABLE other_app (x)')
    })
    await expectLeftAlone('not-stint', /another program/)
  })

  it('that is still in use by that program (a -wal beside it) is refused and neither file changes', async () => {
    const holder = new SqliteDatabase(file)
    try {
      holder.pragma('journal_mode = WAL')
      holder.pragma('wal_autocheckpoint = 0')
      holder.exec("CREATE TABLE ledger (amount INTEGER); INSERT INTO ledger VALUES (42)")
      const wal = digest(`${file}-wal`)
      await expectLeftAlone('not-stint', /another program/)
      expect(digest(`${file}-wal`)).toBe(wal)
      expect(holder.prepare('SELECT amount FROM ledger').all()).toEqual([{ amount: 42 }])
    } finally {
      holder.close()
    }
  })
})

describe('Stint’s own databases that a refusal must not touch', () => {
  it('a database of a newer Stint, in WAL mode, leaves no -wal or -shm behind', async () => {
    await (await openStore({ dataDir: dir, logger: silentLogger })).close()
    const raw = new SqliteDatabase(file)
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    raw.close()
    expect(readdirSync(dir)).toEqual([DATABASE_FILE_NAME])
    await expectLeftAlone('newer-version', /newer Stint/)
  })
})

describe('Stint databases without the application id', () => {
  it('an empty SQLite file (a first start that stopped early) becomes Stint’s database', async () => {
    foreignDatabase((db) => db.pragma('journal_mode = WAL'))
    const store = await openStore({ dataDir: dir, logger: silentLogger })
    try {
      expect(store.sqlite.pragma('application_id', { simple: true })).toBe(STINT_APPLICATION_ID)
      expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    } finally {
      await store.close()
    }
  })

  it('a Stint database whose application id is 0 is recognised by its tables, kept, and marked as Stint’s', async () => {
    // Made by running Stint's first five migrations, then losing the mark.
    const old = await openStore({ dataDir: dir, logger: silentLogger, migrations: migrations.slice(0, 5) })
    await old.db
      .insertInto('timers')
      .values({ id: 't1', slot: 1, label: 'Kept', color: '#4477AA', state: 'idle', created_at: 1, updated_at: 1, deleted_at: null })
      .execute()
    await old.close()
    const raw = new SqliteDatabase(file)
    raw.pragma('application_id = 0')
    raw.close()

    const store = await openStore({ dataDir: dir, logger: silentLogger, now: () => 1_700_000_000_000 })
    try {
      expect(store.sqlite.pragma('application_id', { simple: true })).toBe(STINT_APPLICATION_ID)
      expect(store.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(await store.db.selectFrom('timers').select('label').execute()).toEqual([{ label: 'Kept' }])
      expect(store.backupFile).toBe(`${file}.schema-5.1700000000000.bak`)
    } finally {
      await store.close()
    }
  })

  it('a Stint database at the latest schema with application id 0 gets the mark without migrating', async () => {
    await (await openStore({ dataDir: dir, logger: silentLogger })).close()
    const raw = new SqliteDatabase(file)
    raw.pragma('application_id = 0')
    raw.close()
    const store = await openStore({ dataDir: dir, logger: silentLogger })
    try {
      expect(store.sqlite.pragma('application_id', { simple: true })).toBe(STINT_APPLICATION_ID)
      expect(store.backupFile).toBeNull()
    } finally {
      await store.close()
    }
  })

  it('a first start that crashed before its changes left the -wal opens with everything in it', async () => {
    const crashed = join(dir, '..', 'crashed')
    mkdirSync(crashed)
    // Copy the files of a running Stint mid-session: the main file has not seen a checkpoint yet.
    const running = await openStore({ dataDir: crashed, logger: silentLogger })
    running.sqlite.pragma('wal_autocheckpoint = 0')
    await running.db
      .insertInto('timers')
      .values({ id: 't1', slot: 1, label: 'In the WAL', color: '#4477AA', state: 'idle', created_at: 1, updated_at: 1, deleted_at: null })
      .execute()
    copyFileSync(join(crashed, DATABASE_FILE_NAME), file)
    copyFileSync(join(crashed, `${DATABASE_FILE_NAME}-wal`), `${file}-wal`)
    await running.close()

    const store = await openStore({ dataDir: dir, logger: silentLogger })
    try {
      expect(await store.db.selectFrom('timers').select('label').execute()).toEqual([{ label: 'In the WAL' }])
    } finally {
      await store.close()
    }
  })
})
