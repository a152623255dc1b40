// What each sync state says, in the sidebar and in Settings: a short title, a detail
// line, and the sentence a screen reader hears when the state needs the person (or
// stops needing them). Pure, so every wording is tested without a host.
import { format } from 'date-fns'
import { EN, type MessageId } from '@shared/i18n/catalogue'
import { formatClock } from '@shared/i18n/formats'
import { refusalText } from '@shared/i18n/refusal-text'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import type { SyncStatus } from '@shared/sync'
import { formatDay, todayLocal } from '../format'

export type SyncTone = 'local' | 'busy' | 'ok' | 'waiting' | 'offline' | 'problem'

export interface SyncStatusText {
  tone: SyncTone
  title: string
  /** Lines under the title (last sync, the host's message, the next try). */
  details: string[]
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** "14:05" today, "17 Nov 14:05" on another day; in English without a locale (as before), else in the locale's words. */
export function syncTime(ms: number, now = Date.now(), locale?: string): string {
  if (locale === undefined) return todayLocal(ms) === todayLocal(now) ? format(ms, 'HH:mm') : format(ms, 'd MMM HH:mm')
  const clock = formatClock(ms, locale)
  return todayLocal(ms) === todayLocal(now) ? clock : `${formatDay(todayLocal(ms), locale)} ${clock}`
}

/**
 * The host's message in the reader's language: by its id (a refusal, or a sync.* sentence of
 * the status's own) when it has one this build knows, else as the host wrote it.
 */
export function syncMessage(status: SyncStatus, translator: Translator = ENGLISH): string | null {
  const { message, messageId, values } = status
  if (message === null || messageId === undefined) return message
  const refusal = refusalText(messageId, values, translator)
  if (refusal !== null) return refusal
  return Object.hasOwn(EN, messageId) ? translator.t(messageId as MessageId, values) : message
}

export function describeSyncStatus(status: SyncStatus, now = Date.now(), translator: Translator = ENGLISH): SyncStatusText {
  const { t } = translator
  const message = syncMessage(status, translator)
  // English keeps its short "17 Nov 14:05"; other languages write the day their way.
  const time = (ms: number): string => syncTime(ms, now, translator.language === 'en' ? undefined : translator.locale)
  const last = status.lastSyncedAt === null ? null : t('sync.lastSynced', { time: time(status.lastSyncedAt) })
  const waiting = t('sync.waiting', { count: status.pending })
  switch (status.state) {
    case 'standalone':
      return { tone: 'local', title: t('sync.local'), details: [] }
    case 'syncing':
      return { tone: 'busy', title: t('sync.syncing'), details: status.pending > 0 ? [t('sync.toSend', { count: status.pending })] : [] }
    case 'synced':
      return { tone: 'ok', title: t('sync.synced'), details: [last ?? t('sync.upToDate')] }
    case 'pending': {
      // A message here is the server asking this device to wait (429): no problem, just a later send.
      if (message === null) return { tone: 'waiting', title: waiting, details: [last ?? t('sync.notYet')] }
      const details = [message]
      if (status.nextAttemptAt !== null) details.push(t('sync.sendingAt', { time: time(status.nextAttemptAt) }))
      return { tone: 'waiting', title: waiting, details }
    }
    case 'offline':
      return { tone: 'offline', title: t('sync.offline'), details: retryDetails(message ?? t('sync.unreachable'), status, time, translator) }
    case 'problem':
      // The server answered with an error (or this device failed unexpectedly): not "offline"; the message says which.
      return { tone: 'problem', title: t('sync.problem'), details: retryDetails(message ?? t('sync.serverError'), status, time, translator) }
    case 'attention':
      // The link to the list says how many; a detail line would only repeat it.
      return { tone: 'problem', title: t('sync.attention'), details: [] }
    case 'unauthorized':
      return { tone: 'problem', title: t('sync.notSignedIn'), details: [message ?? t('sync.notAccepted')] }
  }
}

/** The message, when sync tries again, and what waits meanwhile. */
function retryDetails(message: string, status: SyncStatus, time: (ms: number) => string, { t }: Translator): string[] {
  const details = [message]
  if (status.nextAttemptAt !== null) details.push(t('sync.tryingAt', { time: time(status.nextAttemptAt) }))
  if (status.pending > 0) details.push(t('sync.waitingHere', { count: status.pending }))
  return details
}

/** The states a person has to act on; moving into or out of one is announced, the rest is quiet. */
export function needsPerson(status: SyncStatus): boolean {
  return status.state === 'offline' || status.state === 'problem' || status.state === 'attention' || status.state === 'unauthorized'
}

/** What a screen reader hears when the state changes (see needsPerson), or after "Sync now". */
export function spokenSyncStatus(status: SyncStatus, translator: Translator = ENGLISH): string {
  const { t } = translator
  const message = syncMessage(status, translator) ?? ''
  switch (status.state) {
    case 'standalone':
      return t('sync.spokenLocal')
    case 'syncing':
      return t('sync.spokenSyncing')
    case 'synced':
      return t('sync.spokenSynced')
    case 'pending':
      return t('sync.spokenPending', { count: status.pending })
    case 'offline':
      return t('sync.spokenOffline', { message }).trim()
    case 'problem':
      return t('sync.spokenProblem', { message }).trim()
    case 'attention':
      return t('sync.spokenAttention', { count: status.issues })
    case 'unauthorized':
      return t('sync.spokenUnauthorized', { message }).trim()
  }
}
