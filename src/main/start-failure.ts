// What both hosts say when Stint cannot start: a refused database file says why itself,
// a full or read-only disk is named, anything else is passed on with its own message.
// The app's message box says it in the app's language; the browser host's console in English.
import { readableError, StintError } from '@shared/errors'
import { refusalText } from '@shared/i18n/refusal-text'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { StoreOpenError } from './db/store'
import { storageMessage, storageProblemOf } from './files/storage-errors'

export function startFailureMessage(error: unknown, reader: Translator = ENGLISH): string {
  if (error instanceof StoreOpenError) return (error.refusal && reader !== ENGLISH ? refusalText(error.refusal.id, error.refusal.values, reader) : null) ?? error.message
  const problem = storageProblemOf(error)
  if (problem) return storageMessage(problem, { doing: 'start' }, reader)
  return reader.t('notices.startFailed', { reason: error instanceof Error ? error.message : String(error) })
}

/** What went wrong with something the person asked for, in the reader's words when it is a refusal or a full disk; else its own message. */
export function failureMessage(error: unknown, reader: Translator = ENGLISH): string {
  if (error instanceof StintError) return readableError(error.body(), reader)
  const problem = storageProblemOf(error)
  if (problem) return storageMessage(problem, { doing: 'saveChange' }, reader)
  return error instanceof Error ? error.message : String(error)
}
