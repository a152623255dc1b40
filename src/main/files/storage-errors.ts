// The one place that turns a file-system or SQLite failure to write (a full disk, a
// read-only disk, a folder Stint may not write in) into a sentence a person can act on:
// the cause, what was kept, what to do. Every writer (the database, settings, the team
// token, backups, CSV exports) and the call wrapper ask here instead of passing on
// ENOSPC, EROFS or SQLITE_FULL.
import { StintError } from '@shared/errors'

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

export interface StorageContext {
  /** What Stint was doing, after "could not": "save this change", "open its database". */
  doing: string
  /** Where: a folder or file the person can find. Defaults to Stint's data folder. */
  place?: string
  /** What was kept, as a sentence. Defaults to "Nothing was lost." */
  kept?: string
}

/** The sentence for a storage problem: its cause, what was kept, what to do. */
export function storageMessage(problem: StorageProblem, { doing, place = 'Stint’s data folder', kept = 'Nothing was lost.' }: StorageContext): string {
  switch (problem) {
    case 'disk-full':
      return `The disk holding ${place} is full, so Stint could not ${doing}. ${kept} Free some space on that disk and try again.`
    case 'read-only':
      return `${place} is on a read-only disk, so Stint could not ${doing}. ${kept} Make it writable (or choose another folder) and try again.`
    case 'no-permission':
      return `Stint is not allowed to write in ${place}, so it could not ${doing}. ${kept} Give your user write access to it and try again.`
  }
}

/** A StintError that says what happened, or null when `error` is not a storage problem. */
export function storageError(error: unknown, context: StorageContext): StintError | null {
  const problem = storageProblemOf(error)
  return problem ? new StintError('unavailable', storageMessage(problem, context)) : null
}
