// What each sync state says, in the sidebar and in Settings: a short title, a detail
// line, and the sentence a screen reader hears when the state needs the person (or
// stops needing them). Pure, so every wording is tested without a host.
import { format } from 'date-fns'
import type { SyncStatus } from '@shared/sync'
import { todayLocal } from '../format'

export type SyncTone = 'local' | 'busy' | 'ok' | 'waiting' | 'offline' | 'problem'

export interface SyncStatusText {
  tone: SyncTone
  title: string
  /** Lines under the title (last sync, the host's message, the next try). */
  details: string[]
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** "14:05" today, "17 Nov 14:05" on another day. */
export function syncTime(ms: number, now = Date.now()): string {
  return todayLocal(ms) === todayLocal(now) ? format(ms, 'HH:mm') : format(ms, 'd MMM HH:mm')
}

export function describeSyncStatus(status: SyncStatus, now = Date.now()): SyncStatusText {
  const last = status.lastSyncedAt === null ? null : `Last synced ${syncTime(status.lastSyncedAt, now)}`
  const waiting = plural(status.pending, 'change waiting', 'changes waiting')
  switch (status.state) {
    case 'standalone':
      return { tone: 'local', title: 'Saved on this device · works offline', details: [] }
    case 'syncing':
      return { tone: 'busy', title: 'Syncing…', details: status.pending > 0 ? [`${plural(status.pending, 'change', 'changes')} to send`] : [] }
    case 'synced':
      return { tone: 'ok', title: 'Synced', details: [last ?? 'Up to date with the team server'] }
    case 'pending': {
      // A message here is the server asking this device to wait (429): no problem, just a later send.
      if (status.message === null) return { tone: 'waiting', title: waiting, details: [last ?? 'Not synced yet'] }
      const details = [status.message]
      if (status.nextAttemptAt !== null) details.push(`Sending at ${syncTime(status.nextAttemptAt, now)}`)
      return { tone: 'waiting', title: waiting, details }
    }
    case 'offline':
      return { tone: 'offline', title: 'Offline', details: retryDetails(status.message ?? 'The team server cannot be reached.', status, waiting, now) }
    case 'problem':
      // The server answered with an error (or this device failed unexpectedly): not "offline"; the message says which.
      return { tone: 'problem', title: 'Sync problem', details: retryDetails(status.message ?? 'The team server answered with an error.', status, waiting, now) }
    case 'attention':
      // The link to the list says how many; a detail line would only repeat it.
      return { tone: 'problem', title: 'Needs attention', details: [] }
    case 'unauthorized':
      return { tone: 'problem', title: 'Not signed in', details: [status.message ?? 'The team server did not accept this device.'] }
  }
}

/** The message, when sync tries again, and what waits meanwhile. */
function retryDetails(message: string, status: SyncStatus, waiting: string, now: number): string[] {
  const details = [message]
  if (status.nextAttemptAt !== null) details.push(`Trying again at ${syncTime(status.nextAttemptAt, now)}`)
  if (status.pending > 0) details.push(`${waiting} on this device`)
  return details
}

/** The states a person has to act on; moving into or out of one is announced, the rest is quiet. */
export function needsPerson(status: SyncStatus): boolean {
  return status.state === 'offline' || status.state === 'problem' || status.state === 'attention' || status.state === 'unauthorized'
}

/** What a screen reader hears when the state changes (see needsPerson), or after "Sync now". */
export function spokenSyncStatus(status: SyncStatus): string {
  switch (status.state) {
    case 'standalone':
      return 'Saved on this device only.'
    case 'syncing':
      return 'Syncing.'
    case 'synced':
      return 'Synced with the team server.'
    case 'pending':
      return `${plural(status.pending, 'change', 'changes')} waiting to sync.`
    case 'offline':
      return `Sync is offline. ${status.message ?? ''}`.trim()
    case 'problem':
      return `Sync has a problem. ${status.message ?? ''}`.trim()
    case 'attention':
      return `Sync needs attention: ${plural(status.issues, 'change', 'changes')} the server did not take.`
    case 'unauthorized':
      return `Not signed in to the team server. ${status.message ?? ''}`.trim()
  }
}
