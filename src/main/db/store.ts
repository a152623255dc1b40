// Opens the local SQLite database: private folder and files, integrity and version
// checks on a read-only handle before anything is written, a backup before migrating,
// then migrations one transaction each. A file Stint cannot safely use is never touched.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import type { Logger } from '../logger'
import { migrations as shippedMigrations, type Migration } from './migrations'
import type { Database } from './schema'
import { withStatementCache } from './statement-cache'

/** PRAGMA application_id of a Stint database: "STNT". */
export const STINT_APPLICATION_ID = 0x53544e54
export const DATABASE_FILE_NAME = 'stint.sqlite'
const SQLITE_HEADER = 'SQLite format 3\0'

export type StoreOpenErrorKind = 'not-sqlite' | 'not-stint' | 'corrupt' | 'newer-version' | 'unreadable'

export class StoreOpenError extends Error {
  constructor(
    readonly kind: StoreOpenErrorKind,
    readonly file: string,
    message: string,
  ) {
    super(message)
    this.name = 'StoreOpenError'
  }
}

export interface Store {
  readonly db: Kysely<Database>
  readonly sqlite: SqliteDatabase.Database
  readonly file: string
  /** Path of the copy taken before migrating this time, if one was needed. */
  readonly backupFile: string | null
  close(): Promise<void>
}

export interface OpenStoreOptions {
  dataDir: string
  logger: Logger
  now?: () => number
  /** The app's migrations; tests pass their own to exercise upgrades. */
  migrations?: readonly Migration[]
}

const KEPT = 'The file was left exactly as it was.'

function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(16)
    const read = readSync(fd, buffer, 0, 16, 0)
    return buffer.subarray(0, read).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

interface Inspection {
  userVersion: number
  applicationId: number
}

/** Looks at an existing file through a read-only handle so a refusal changes nothing. */
function inspectExisting(file: string): Inspection | null {
  if (!existsSync(file) || statSync(file).size === 0) return null
  if (readHeader(file) !== SQLITE_HEADER) {
    throw new StoreOpenError('not-sqlite', file, `${file} is not a SQLite database, so Stint cannot open it. ${KEPT} Move it away or choose another data folder.`)
  }
  let handle: SqliteDatabase.Database | undefined
  try {
    handle = new SqliteDatabase(file, { readonly: true, fileMustExist: true })
    const check = handle.pragma('quick_check', { simple: false }) as { quick_check: string }[]
    const problems = check.map((row) => row.quick_check).filter((line) => line !== 'ok')
    if (problems.length > 0) {
      throw new StoreOpenError('corrupt', file, `The Stint database ${file} is damaged (${problems.slice(0, 3).join('; ')}). ${KEPT} Restore a backup or keep the file for recovery.`)
    }
    return {
      userVersion: handle.pragma('user_version', { simple: true }) as number,
      applicationId: handle.pragma('application_id', { simple: true }) as number,
    }
  } catch (error) {
    if (error instanceof StoreOpenError) throw error
    const code = (error as { code?: string }).code ?? ''
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new StoreOpenError('corrupt', file, `The Stint database ${file} is damaged (${(error as Error).message}). ${KEPT} Restore a backup or keep the file for recovery.`)
    }
    throw new StoreOpenError('unreadable', file, `Stint could not read ${file}: ${(error as Error).message}. ${KEPT}`)
  } finally {
    handle?.close()
  }
}

function tightenFile(path: string): void {
  if (existsSync(path)) chmodSync(path, 0o600)
}

export async function openStore({ dataDir, logger, now = Date.now, migrations = shippedMigrations }: OpenStoreOptions): Promise<Store> {
  const latest = migrations.length
  ensurePrivateFolder(dataDir)
  const file = join(dataDir, DATABASE_FILE_NAME)
  const existing = inspectExisting(file)

  if (existing) {
    if (existing.applicationId !== STINT_APPLICATION_ID && existing.applicationId !== 0) {
      throw new StoreOpenError('not-stint', file, `${file} is a SQLite database of another program, not Stint's. ${KEPT}`)
    }
    if (existing.userVersion > latest) {
      throw new StoreOpenError(
        'newer-version',
        file,
        `The Stint database ${file} was written by a newer Stint (schema ${existing.userVersion}; this version knows up to ${latest}). ${KEPT} Install the newer Stint to use it.`,
      )
    }
  } else {
    // Create the file private before SQLite opens it; SQLite gives -wal and -shm the same mode.
    closeSync(openSync(file, 'a', 0o600))
  }
  tightenFile(file)

  const sqlite = new SqliteDatabase(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  tightenFile(`${file}-wal`)
  tightenFile(`${file}-shm`)

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  try {
    const backupFile = await migrate(db, sqlite, { file, logger, now, migrations })
    return { db, sqlite, file, backupFile, close: () => db.destroy() }
  } catch (error) {
    await db.destroy()
    throw error
  }
}

async function migrate(
  db: Kysely<Database>,
  sqlite: SqliteDatabase.Database,
  { file, logger, now, migrations }: { file: string; logger: Logger; now: () => number; migrations: readonly Migration[] },
): Promise<string | null> {
  const from = sqlite.pragma('user_version', { simple: true }) as number
  if (from >= migrations.length) return null

  let backupFile: string | null = null
  if (from > 0) {
    backupFile = `${file}.schema-${from}.${now()}.bak`
    await sqlite.backup(backupFile)
    tightenFile(backupFile)
    logger.info(`backed up the database to ${backupFile} before migrating from schema ${from}`)
  }
  for (let version = from; version < migrations.length; version++) {
    const migration = migrations[version]
    if (!migration) throw new Error(`migration ${version + 1} is missing`)
    await db.transaction().execute(async (trx) => {
      await migration.up(trx)
      await sql.raw(`PRAGMA user_version = ${version + 1}`).execute(trx)
      if (version === 0) await sql.raw(`PRAGMA application_id = ${STINT_APPLICATION_ID}`).execute(trx)
    })
    logger.info(`migrated the database to schema ${version + 1} (${migration.name})`)
  }
  return backupFile
}
