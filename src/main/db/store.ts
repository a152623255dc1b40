// Opens the local SQLite database: the file is checked first (file-check.ts: is it
// Stint's, whole, not newer) without writing anything, then the folder and files are
// made private, a backup is taken before migrating, and migrations run one transaction
// each. A file Stint cannot safely use is never touched.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import type { Logger } from '../logger'
import { migrations as shippedMigrations, type Migration } from './migrations'
import type { Database } from './schema'
import { KEPT, STINT_APPLICATION_ID, StoreOpenError, checkDatabaseFile } from './file-check'
import { withStatementCache } from './statement-cache'

export { STINT_APPLICATION_ID, StoreOpenError, type StoreOpenErrorKind } from './file-check'

export const DATABASE_FILE_NAME = 'stint.sqlite'

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

function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
}

function tightenFile(path: string): void {
  if (existsSync(path)) chmodSync(path, 0o600)
}

export async function openStore({ dataDir, logger, now = Date.now, migrations = shippedMigrations }: OpenStoreOptions): Promise<Store> {
  const file = join(dataDir, DATABASE_FILE_NAME)
  let verdict
  try {
    verdict = await checkDatabaseFile(file, migrations)
  } catch (error) {
    if (error instanceof StoreOpenError) throw error
    throw new StoreOpenError('unreadable', file, `Stint could not read ${file}: ${(error as Error).message}. ${KEPT}`, { cause: error })
  }
  ensurePrivateFolder(dataDir)
  // Create a new file private before SQLite opens it; SQLite gives -wal and -shm the same mode.
  if (verdict.kind === 'new') closeSync(openSync(file, 'a', 0o600))
  if (verdict.kind === 'stint' && !verdict.marked) logger.info(`${file} is a Stint database without Stint's application id (recognised by its tables); it gets the mark now`)
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
  if (from >= migrations.length) {
    // A Stint database at the latest schema that lacks the mark (recognised by its tables) gets it now.
    if (sqlite.pragma('application_id', { simple: true }) !== STINT_APPLICATION_ID) sqlite.pragma(`application_id = ${STINT_APPLICATION_ID}`)
    return null
  }

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
      // The mark that tells Stint's file from any other SQLite file, set with the schema.
      await sql.raw(`PRAGMA application_id = ${STINT_APPLICATION_ID}`).execute(trx)
    })
    logger.info(`migrated the database to schema ${version + 1} (${migration.name})`)
  }
  return backupFile
}
