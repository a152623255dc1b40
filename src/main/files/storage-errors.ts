// The one place that turns a file-system or SQLite failure to write (a full disk, a
// read-only disk, a folder Stint may not write in) into a sentence a person can act on:
// the cause, what was kept, what to do. Every writer (the database, settings, the team
// token, backups, CSV exports) and the call wrapper ask here instead of passing on
// ENOSPC, EROFS or SQLITE_FULL.
import { StintError } from '@shared/errors'
import { refusalText, type Refusal, type RefusalId } from '@shared/i18n/refusal-text'
import { ENGLISH, type Translator } from '@shared/i18n/translator'

export type StorageProblem = 'disk-full' | 'read-only' | 'no-permission'

const PROBLEM_OF_CODE: Readonly<Record<string, StorageProblem>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  SQLITE_FULL: 'disk-full',
  // SQLite could not grow the -shm file beside a WAL database: in practice, no space.
  SQLITE_IOERR_SHMSIZE: 'disk-full',
  EROFS: 'read-only',
  SQLITE_READONLY: 'read-only',
  SQLITE_READONLY_DIRECTORY: 'read-only',
  SQLITE_READONLY_CANTINIT: 'read-only',
  SQLITE_READONLY_CANTLOCK: 'read-only',
  SQLITE_READONLY_RECOVERY: 'read-only',
  SQLITE_READONLY_ROLLBACK: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  SQLITE_PERM: 'no-permission',
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') return code
  // Wrapped failures (a CSV export, a store refusal) carry the original as their cause.
  return 'cause' in error ? codeOf((error as { cause?: unknown }).cause) : undefined
}

/** Which storage problem `error` is, if it is one. */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const code = codeOf(error)
  return code === undefined ? null : (PROBLEM_OF_CODE[code] ?? null)
}

/** What Stint was doing, after "could not" (refusal.storage.doing.*). */
export type StorageDoing = 'start' | 'saveChange' | 'saveSettings' | 'saveToken' | 'openDatabase' | 'createDatabase' | 'upgradeDatabase'
/** What was kept, as a sentence (refusal.storage.kept.*). */
export type StorageKept = 'nothingLost' | 'savedBefore' | 'settings' | 'token' | 'file'

export interface StorageContext {
  doing: StorageDoing
  /** Where: a folder or file the person can find. Defaults to Stint's data folder. */
  place?: string
  /** What was kept. Defaults to "Nothing was lost." */
  kept?: StorageKept
}

const REFUSAL_OF_PROBLEM = { 'disk-full': 'refusal.storage.diskFull', 'read-only': 'refusal.storage.readOnly', 'no-permission': 'refusal.storage.noPermission' } as const satisfies Record<
  StorageProblem,
  RefusalId
>

/** A storage problem as a refusal: its cause, what was kept, what to do, by id (the reader says it in their language). */
export function storageRefusal(problem: StorageProblem, { doing, place = 'dataFolder', kept = 'nothingLost' }: StorageContext): Refusal {
  return { id: REFUSAL_OF_PROBLEM[problem], values: { place, doing, kept } }
}

/** The sentence for a storage problem: in English (the log's, as it always was) unless a reader is given. */
export function storageMessage(problem: StorageProblem, context: StorageContext, reader: Translator = ENGLISH): string {
  const { id, values } = storageRefusal(problem, context)
  return refusalText(id, values, reader, reader === ENGLISH ? 'log' : 'reader') ?? id
}

/** A StintError that says what happened, or null when `error` is not a storage problem. */
export function storageError(error: unknown, context: StorageContext): StintError | null {
  const problem = storageProblemOf(error)
  return problem ? new StintError('unavailable', storageRefusal(problem, context)) : null
}
