// Opens the team server's database: PostgreSQL when given a postgres:// URL, otherwise
// an embedded SQLite file in a private folder. Either way the schema is brought up to
// date by Kysely's Migrator, one transaction per run, under its migration lock.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import pg from 'pg'
import { silentLogger, type Logger } from '../logger'
import { serverMigrations, staticMigrationProvider } from './migrations'
import { serverPgTypes } from './postgres-types'
import type { ServerDatabase } from './schema'
import { ServerSqliteDialect } from './sqlite-dialect'

export const SERVER_DATABASE_FILE_NAME = 'stint-server.sqlite'
/** PRAGMA application_id of the team server's SQLite file: the bytes "STNS" (the app's is "STNT"). */
export const SERVER_APPLICATION_ID = 0x53544e53
const MIGRATION_TABLE = 'kysely_migration'
const SQLITE_HEADER = 'SQLite format 3\0'
const KEPT = 'Nothing was changed.'

export type ServerDialect = 'sqlite' | 'postgres'

export interface OpenServerDatabaseOptions {
  /** A postgres:// (or postgresql://) URL; without one the SQLite file in dataDir is used. */
  url?: string | undefined
  dataDir: string
  logger?: Logger
  /** The server's migrations; tests pass their own to exercise failures and upgrades. */
  migrations?: Readonly<Record<string, Migration>>
}

export interface OpenedServerDatabase {
  readonly db: Kysely<ServerDatabase>
  readonly dialect: ServerDialect
  /** Where the data is, safe to print: the file, or host, port and database without credentials. */
  readonly location: string
  /** PostgreSQL's connection pool, for the server's metrics; SQLite has none. */
  readonly pool?: pg.Pool
  close(): Promise<void>
}

/** A database the server cannot use; the message says why and what to do. */
export class ServerDatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ServerDatabaseError'
  }
}

export async function openServerDatabase(options: OpenServerDatabaseOptions): Promise<OpenedServerDatabase> {
  const { url, logger = silentLogger, migrations = serverMigrations } = options
  const opened = url === undefined || url === '' ? openSqlite(options.dataDir) : openPostgres(url, logger)
  try {
    await migrate(opened, migrations, logger)
    if (opened.dialect === 'sqlite') await markAsServerDatabase(opened.db)
    return opened
  } catch (error) {
    await opened.close()
    throw error
  }
}

/** Sets the server's application_id once the schema is known to be its own (files made before the mark get it here). */
async function markAsServerDatabase(db: Kysely<ServerDatabase>): Promise<void> {
  const { rows } = await sql<{ application_id: number }>`PRAGMA application_id`.execute(db)
  if (rows[0]?.application_id !== SERVER_APPLICATION_ID) await sql.raw(`PRAGMA application_id = ${SERVER_APPLICATION_ID}`).execute(db)
}

function postgresLocation(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ServerDatabaseError(`DATABASE_URL is not a URL. Use the form postgres://USER:PASSWORD@HOST:5432/DATABASE. ${KEPT}`)
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ServerDatabaseError(
      `DATABASE_URL must start with postgres:// (it starts with ${parsed.protocol}//). Leave it unset to use the built-in SQLite file. ${KEPT}`,
    )
  }
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
}

function openPostgres(url: string, logger: Logger): OpenedServerDatabase {
  const location = postgresLocation(url)
  const pool = new pg.Pool({ connectionString: url, types: serverPgTypes, application_name: 'stint-server', max: 10 })
  // An idle connection that breaks (a database restart) is reported here; without a
  // listener node-postgres would take the whole process down.
  pool.on('error', (error) => logger.error(`lost an idle connection to ${location}`, error))
  const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', location, pool, close: () => db.destroy() }
}

/** The file's magic and its application_id (byte 68 of SQLite's header), or null for a file that is not SQLite. */
function readHeader(file: string): { applicationId: number } | null {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(100)
    const read = readSync(fd, buffer, 0, 100, 0)
    if (read < 100 || buffer.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) return null
    return { applicationId: buffer.readInt32BE(68) }
  } finally {
    closeSync(fd)
  }
}

function notOurs(file: string): ServerDatabaseError {
  return new ServerDatabaseError(`${file} is not the Stint server’s database (it is another program’s SQLite file). ${KEPT} Move it away or choose another --data-dir.`)
}

function tighten(path: string): void {
  if (existsSync(path)) chmodSync(path, 0o600)
}

function openSqlite(dataDir: string): OpenedServerDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  chmodSync(dataDir, 0o700)
  const file = join(dataDir, SERVER_DATABASE_FILE_NAME)
  if (existsSync(file) && statSync(file).size > 0) {
    const header = readHeader(file)
    if (!header) throw new ServerDatabaseError(`${file} is not a SQLite database, so the Stint server cannot use it. ${KEPT} Move it away or choose another --data-dir.`)
    // Marked as someone else's (the Stint app's own file included): refused before SQLite opens it.
    if (header.applicationId !== SERVER_APPLICATION_ID && header.applicationId !== 0) throw notOurs(file)
  }
  // Create the file private before SQLite opens it; SQLite gives -wal and -shm the same mode.
  closeSync(openSync(file, 'a', 0o600))

  const sqlite = new SqliteDatabase(file)
  try {
    // Unmarked (made before the mark, or by another program): the server's own files have
    // its migration table. Only read so far: nothing is written before this check.
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[]
    if (sqlite.pragma('application_id', { simple: true }) === 0 && tables.length > 0 && !tables.includes(MIGRATION_TABLE)) throw notOurs(file)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
  } catch (error) {
    sqlite.close()
    if (error instanceof ServerDatabaseError) throw error
    throw new ServerDatabaseError(`The Stint server could not open ${file}: ${(error as Error).message}. ${KEPT}`, { cause: error })
  }
  tighten(file)
  tighten(`${file}-wal`)
  tighten(`${file}-shm`)
  const db = new Kysely<ServerDatabase>({ dialect: new ServerSqliteDialect(sqlite) })
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() }
}

/** Names of migrations this database has run that this build does not know: it was upgraded by a newer server. */
async function unknownMigrations(db: Kysely<ServerDatabase>, known: readonly string[]): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((table) => table.name === MIGRATION_TABLE)) return []
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own bookkeeping table is not part of the app's schema
  const rows = await (db as Kysely<any>).selectFrom(MIGRATION_TABLE).select('name').execute()
  return rows.map((row: { name: string }) => row.name).filter((name) => !known.includes(name))
}

async function migrate(opened: OpenedServerDatabase, migrations: Readonly<Record<string, Migration>>, logger: Logger): Promise<void> {
  const { db, location } = opened
  let newer: string[]
  try {
    newer = await unknownMigrations(db, Object.keys(migrations))
  } catch (error) {
    throw new ServerDatabaseError(
      `The Stint server could not reach ${location}: ${(error as Error).message}. ${KEPT} Check DATABASE_URL and that the database server is running.`,
      { cause: error },
    )
  }
  if (newer.length > 0) {
    throw new ServerDatabaseError(
      `${location} was upgraded by a newer Stint server (it has migration ${newer.join(', ')}, which this version does not know). ${KEPT} Run the newer server.`,
    )
  }
  const migrator = new Migrator({ db, provider: staticMigrationProvider(migrations) })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName
    throw new ServerDatabaseError(
      `The Stint server could not bring ${location} up to date${failed ? ` (migration ${failed} failed)` : ''}: ${(error as Error).message}. The migration was rolled back and the data left as it was.`,
      { cause: error },
    )
  }
  for (const result of results) logger.info(`migrated ${location}: ${result.migrationName}`)
}
