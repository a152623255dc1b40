// Decides, before anything is written, whether the file in Stint's place is Stint's
// database. The header bytes are read first; inside, Stint looks only through a
// read-only handle on a file marked as its own, or at a private copy of any other, so a
// refusal leaves the file, and the folder around it, exactly as they were (a read-only
// handle on a WAL-mode file would otherwise leave a -wal and a -shm beside it).
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { refusalText, type Refusal } from '@shared/i18n/refusal-text'
import { ENGLISH } from '@shared/i18n/translator'
import type { StorageProblem } from '../files/storage-errors'
import type { Migration } from './migrations'

/** PRAGMA application_id of a Stint database: the bytes "STNT". */
export const STINT_APPLICATION_ID = 0x53544e54

const SQLITE_MAGIC = 'SQLite format 3\0'
const HEADER_BYTES = 100

export type StoreOpenErrorKind = 'not-sqlite' | 'not-stint' | 'corrupt' | 'newer-version' | 'unreadable' | StorageProblem

export class StoreOpenError extends Error {
  /** What the message says, by id, when it has one: the start-up message box says it in the app's language. */
  readonly refusal: Refusal | undefined
  constructor(
    readonly kind: StoreOpenErrorKind,
    readonly file: string,
    message: string,
    options?: { cause?: unknown; refusal?: Refusal },
  ) {
    super(message, options)
    this.name = 'StoreOpenError'
    this.refusal = options?.refusal
  }
}

/**
 * What is in Stint's place: nothing yet (or an empty database), or Stint's database at some
 * schema; `checked` says whether its pages were read through (PRAGMA quick_check) on the way.
 */
export type FileVerdict = { readonly kind: 'new' } | { readonly kind: 'stint'; readonly userVersion: number; readonly marked: boolean; readonly checked: boolean }

/**
 * app_state key set while Stint has the database open and removed at a clean close. Found
 * at start, the last run ended uncleanly (a crash, a power cut), and the whole file is
 * read through before use; after a clean close that read waits until after start-up.
 */
export const OPEN_MARK_KEY = 'open_since'

interface Header {
  applicationId: number
  userVersion: number
}

interface Look extends Header {
  tables: string[]
  problems: string[]
  checked: boolean
}

/** SQLite keeps user_version at byte 60 and application_id at byte 68, big-endian. */
function readHeader(file: string): Header | null {
  const fd = openSync(file, 'r')
  try {
    const bytes = Buffer.alloc(HEADER_BYTES)
    const read = readSync(fd, bytes, 0, HEADER_BYTES, 0)
    if (read < HEADER_BYTES || bytes.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return null
    return { userVersion: bytes.readInt32BE(60), applicationId: bytes.readInt32BE(68) }
  } finally {
    closeSync(fd)
  }
}

/** The lines of PRAGMA quick_check that are not "ok": what is damaged, in SQLite's words. */
export function quickCheckProblems(handle: SqliteDatabase.Database): string[] {
  const check = handle.pragma('quick_check', { simple: false }) as { quick_check: string }[]
  return check.map((row) => row.quick_check).filter((line) => line !== 'ok')
}

/**
 * What the file holds. The pages are read through (quick_check) unless `full` says it may
 * wait: it gets the schema it will be opened at and whether the last run closed cleanly.
 */
function lookThrough(handle: SqliteDatabase.Database, full: (userVersion: number, closedCleanly: boolean) => boolean = () => true): Look {
  const tables = handle.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[]
  const userVersion = handle.pragma('user_version', { simple: true }) as number
  const closedCleanly = tables.includes('app_state') && handle.prepare('SELECT 1 FROM app_state WHERE key = ?').get(OPEN_MARK_KEY) === undefined
  const checked = full(userVersion, closedCleanly)
  return {
    problems: checked ? quickCheckProblems(handle) : [],
    userVersion,
    applicationId: handle.pragma('application_id', { simple: true }) as number,
    tables,
    checked,
  }
}

/** Stint's own file: a read-only handle, and any -wal or -shm that handle made is removed again. */
function lookReadOnly(file: string, full: (userVersion: number, closedCleanly: boolean) => boolean): Look {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((path) => !existsSync(path))
  let handle: SqliteDatabase.Database | undefined
  try {
    handle = new SqliteDatabase(file, { readonly: true, fileMustExist: true })
    return lookThrough(handle, full)
  } finally {
    handle?.close()
    // A read-only handle writes no frames, so a -wal it created is empty; only those are removed.
    for (const path of sideFiles) if (existsSync(path) && (path.endsWith('-shm') || statSync(path).size === 0)) rmSync(path, { force: true })
  }
}

/** Anyone else's file: a private copy (with its -wal, so committed changes are seen), never the file itself. */
function lookAtCopy(file: string): Look {
  const folder = mkdtempSync(join(tmpdir(), 'stint-check-'))
  try {
    const copy = join(folder, basename(file))
    try {
      copyFileSync(file, copy)
      if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`)
    } catch (error) {
      // Said as it is: the trouble is with the temporary folder, not with the file or its disk.
      throw fileRefusal('unreadable', file, { id: 'refusal.file.noPrivateCopy', values: { file, folder: tmpdir(), detail: (error as Error).message } }, error)
    }
    const handle = new SqliteDatabase(copy, { fileMustExist: true })
    try {
      return lookThrough(handle)
    } finally {
      handle.close()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

const expectedTablesCache = new WeakMap<readonly Migration[], Map<number, string[]>>()

/** The tables Stint's own migrations make up to `version`: the marks of a Stint database at that schema. */
async function tablesOfSchema(migrations: readonly Migration[], version: number): Promise<string[]> {
  const known = expectedTablesCache.get(migrations) ?? new Map<number, string[]>()
  expectedTablesCache.set(migrations, known)
  const cached = known.get(version)
  if (cached) return cached
  const memory = new SqliteDatabase(':memory:')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: memory }) })
  try {
    for (const migration of migrations.slice(0, version)) await migration.up(db)
    const tables = lookThrough(memory).tables
    known.set(version, tables)
    return tables
  } finally {
    await db.destroy()
  }
}

/** A refusal of the file, by id (the start-up box says it in the app's language); its message is the English the log has. */
export function fileRefusal(kind: StoreOpenErrorKind, file: string, refusal: Refusal, cause?: unknown): StoreOpenError {
  return new StoreOpenError(kind, file, refusalText(refusal.id, refusal.values, ENGLISH, 'log') ?? refusal.id, { ...(cause === undefined ? {} : { cause }), refusal })
}

/** Another program's database, with its first five tables when it has any. */
function foreign(file: string, tables: readonly string[]): StoreOpenError {
  const values = { file, listed: tables.length > 0 ? 'yes' : 'no', tables: tables.slice(0, 5).join(', '), more: Math.max(0, tables.length - 5) }
  return fileRefusal('not-stint', file, { id: 'refusal.file.notStint', values })
}

function newer(file: string, version: number, latest: number): StoreOpenError {
  return fileRefusal('newer-version', file, { id: 'refusal.file.newer', values: { file, version, latest } })
}

/** Said when the file was found damaged: what is wrong, that it was kept, what to do. */
export function corrupt(file: string, detail: string): StoreOpenError {
  return fileRefusal('corrupt', file, { id: 'refusal.file.corrupt', values: { file, detail } })
}

/**
 * What the file at `file` is, or a StoreOpenError that says why Stint will not use it.
 * Nothing here writes to the file or leaves anything beside it.
 */
export async function checkDatabaseFile(file: string, migrations: readonly Migration[]): Promise<FileVerdict> {
  const latest = migrations.length
  if (!existsSync(file) || statSync(file).size === 0) return { kind: 'new' }
  const header = readHeader(file)
  if (!header) throw fileRefusal('not-sqlite', file, { id: 'refusal.file.notSqlite', values: { file } })
  // What the header alone proves is refused without opening the file at all.
  if (header.applicationId !== STINT_APPLICATION_ID && header.applicationId !== 0) throw foreign(file, [])
  if (header.applicationId === STINT_APPLICATION_ID && header.userVersion > latest) throw newer(file, header.userVersion, latest)

  let look: Look
  try {
    // Stint's own file at this schema after a clean close: its pages are read later, off the start path (store.ts).
    const full = (userVersion: number, closedCleanly: boolean) => !closedCleanly || userVersion !== latest
    look = header.applicationId === STINT_APPLICATION_ID ? lookReadOnly(file, full) : lookAtCopy(file)
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw corrupt(file, (error as Error).message)
    throw error
  }
  if (look.problems.length > 0) throw corrupt(file, look.problems.slice(0, 3).join('; '))
  if (look.applicationId === STINT_APPLICATION_ID) {
    if (look.userVersion > latest) throw newer(file, look.userVersion, latest)
    return { kind: 'stint', userVersion: look.userVersion, marked: true, checked: look.checked }
  }
  if (look.applicationId !== 0) throw foreign(file, [])
  // No mark: an empty database is a first start that stopped early; otherwise Stint's
  // tables at the schema the file claims are what make it Stint's.
  if (look.tables.length === 0 && look.userVersion === 0) return { kind: 'new' }
  if (look.userVersion >= 1 && look.userVersion <= latest) {
    const expected = await tablesOfSchema(migrations, look.userVersion)
    if (expected.every((table) => look.tables.includes(table))) return { kind: 'stint', userVersion: look.userVersion, marked: false, checked: look.checked }
  }
  throw foreign(file, look.tables)
}
