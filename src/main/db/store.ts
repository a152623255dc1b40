// Opens the local SQLite database: the file is checked first (file-check.ts: is it
// Stint's, whole, not newer) without writing anything, then the folder and files are
// made private, a backup is taken before migrating, and migrations run one transaction
// each. A file Stint cannot safely use is never touched.
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { storageMessage, storageProblemOf, storageRefusal, type StorageDoing, type StorageKept } from '../files/storage-errors'
import type { Logger } from '../logger'
import { migrations as shippedMigrations, type Migration } from './migrations'
import type { Database } from './schema'
import { OPEN_MARK_KEY, STINT_APPLICATION_ID, StoreOpenError, checkDatabaseFile, fileRefusal, type FileVerdict } from './file-check'
import { checkFileInWorker } from './background-check'
import { withStatementCache } from './statement-cache'

export { STINT_APPLICATION_ID, StoreOpenError, type StoreOpenErrorKind } from './file-check'

export const DATABASE_FILE_NAME = 'stint.sqlite'

export interface Store {
  readonly db: Kysely<Database>
  readonly sqlite: SqliteDatabase.Database
  readonly file: string
  /** Path of the copy taken before migrating this time, if one was needed. */
  readonly backupFile: string | null
  /** Whether this start read the whole file through (after an unclean close, a migration, a new or unmarked file). */
  readonly checkedOnOpen: boolean
  /**
   * Reads the whole file through off the main thread (PRAGMA quick_check on its own
   * read-only connection in a worker): what is damaged, in SQLite's words; [] when whole.
   */
  checkInBackground(): Promise<string[]>
  /** A clean close: the open mark goes, so the next start need not read the file through first. */
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

/** A disk that takes no writes (full, read-only, not ours) said in words; null for any other failure. */
function diskRefusal(error: unknown, file: string, doing: StorageDoing, kept: StorageKept): StoreOpenError | null {
  const problem = storageProblemOf(error)
  if (!problem) return null
  const context = { doing, place: dirname(file), kept }
  return new StoreOpenError(problem, file, storageMessage(problem, context), { cause: error, refusal: storageRefusal(problem, context) })
}

/** Whether Stint may use the file, decided before anything is written. */
async function checkBeforeWriting(file: string, dataDir: string, migrations: readonly Migration[]): Promise<FileVerdict> {
  try {
    // A folder that takes no writes is said so now, rather than as whatever SQLite trips over first.
    if (existsSync(dataDir)) accessSync(dataDir, constants.W_OK)
    return await checkDatabaseFile(file, migrations)
  } catch (error) {
    if (error instanceof StoreOpenError) throw error
    const kept = existsSync(file) ? 'file' : 'nothingLost'
    throw diskRefusal(error, file, 'openDatabase', kept) ?? fileRefusal('unreadable', file, { id: 'refusal.file.unreadable', values: { file, detail: (error as Error).message, kept } }, error)
  }
}

function openConnection(file: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    return sqlite
  } catch (error) {
    sqlite.close()
    throw error
  }
}

export async function openStore({ dataDir, logger, now = Date.now, migrations = shippedMigrations }: OpenStoreOptions): Promise<Store> {
  const file = join(dataDir, DATABASE_FILE_NAME)
  const verdict = await checkBeforeWriting(file, dataDir, migrations)
  const creating = !existsSync(file)
  // A first start that fails leaves nothing behind; an existing file is never removed.
  const forget = () => {
    if (creating) for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true })
  }
  const refuse = (error: unknown, doing: StorageDoing): unknown => {
    forget()
    return diskRefusal(error, file, creating ? 'createDatabase' : doing, creating ? 'nothingLost' : 'file') ?? error
  }

  let sqlite: SqliteDatabase.Database
  try {
    ensurePrivateFolder(dataDir)
    // Create a new file private before SQLite opens it; SQLite gives -wal and -shm the same mode.
    if (verdict.kind === 'new') closeSync(openSync(file, 'a', 0o600))
    tightenFile(file)
    sqlite = openConnection(file)
    tightenFile(`${file}-wal`)
    tightenFile(`${file}-shm`)
  } catch (error) {
    throw refuse(error, 'openDatabase')
  }
  if (verdict.kind === 'stint' && !verdict.marked) logger.info(`${file} is a Stint database without Stint's application id (recognised by its tables); it gets the mark now`)

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  try {
    const backupFile = await migrate(db, sqlite, { file, logger, now, migrations })
    // Until a clean close, the next start reads the file through before using it.
    sqlite.prepare('INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)').run(OPEN_MARK_KEY, String(now()))
    return {
      db,
      sqlite,
      file,
      backupFile,
      checkedOnOpen: verdict.kind === 'new' || verdict.checked,
      checkInBackground: () => checkFileInWorker(file),
      close: async () => {
        try {
          if (sqlite.open) sqlite.prepare('DELETE FROM app_state WHERE key = ?').run(OPEN_MARK_KEY)
        } catch (error) {
          // A disk that takes no more writes: the mark stays, and the next start reads the file through. Nothing is lost.
          logger.warn(`could not record a clean close of ${file}: ${(error as Error).message}`)
        }
        await db.destroy()
      },
    }
  } catch (error) {
    await db.destroy()
    // Kysely closes only a connection it has used; a failure before its first query (the backup) leaves it open.
    if (sqlite.open) sqlite.close()
    throw refuse(error, 'upgradeDatabase')
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
    try {
      await sqlite.backup(backupFile)
      tightenFile(backupFile)
    } catch (error) {
      // A backup cut short (a full disk) is no backup: it goes, and nothing is migrated.
      rmSync(backupFile, { force: true })
      throw error
    }
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
  }
  // One line, whatever the number of steps: a new database is made by all of them.
  if (from === 0) logger.info(`created the database at schema ${migrations.length}`)
  else logger.info(`migrated the database from schema ${from} to ${migrations.length} (${migrations.slice(from).map((m) => m.name).join(', ')})`)
  return backupFile
}
