// What both hosts say when Stint cannot start: a refused database file says why itself,
// a full or read-only disk is named, anything else is passed on with its own message.
import { StoreOpenError } from './db/store'
import { storageError } from './files/storage-errors'

export function startFailureMessage(error: unknown): string {
  if (error instanceof StoreOpenError) return error.message
  const storage = storageError(error, { doing: 'start', kept: 'Nothing was lost.' })
  return storage?.message ?? `Stint could not start: ${error instanceof Error ? error.message : String(error)}`
}
