// The sync status line in the window's language: the host sends its sentence by id (a
// transport refusal, or one of the status's own), the window says it; a status without
// an id (an older host) is shown as the host wrote it.
import { describe, expect, it } from 'vitest'
import { createTranslator } from '@shared/i18n/translator'
import type { SyncStatus } from '@shared/sync'
import { describeSyncStatus, spokenSyncStatus, syncMessage } from './sync-status-text'

const DE = createTranslator('de')
const status = (patch: Partial<SyncStatus>): SyncStatus => ({ state: 'offline', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null, ...patch })

const offline = status({
  state: 'offline',
  message: 'The team server at https://ts.example.com cannot be reached (fetch failed).',
  messageId: 'refusal.transport.offline',
  values: { server: 'https://ts.example.com', reason: 'fetch failed' },
})

describe('the sync status line by id', () => {
  it('says the host’s sentence in German, in the line and to a screen reader', () => {
    expect(describeSyncStatus(offline, 0, DE).details[0]).toBe('Der Team-Server unter https://ts.example.com ist nicht erreichbar (fetch failed).')
    expect(spokenSyncStatus(offline, DE)).toMatch(/Der Team-Server unter https:\/\/ts\.example\.com ist nicht erreichbar/)
  })

  it('says the status’s own sentences (asked to wait, not signed in) in German', () => {
    const waiting = status({ state: 'pending', pending: 2, message: 'The team server asked this device to wait before sending more (Too many pushes). Your changes are kept here.', messageId: 'sync.askedToWaitDetail', values: { reason: 'Too many pushes' } })
    expect(describeSyncStatus(waiting, 0, DE).details[0]).toBe('Der Team-Server hat dieses Gerät gebeten, mit weiteren Sendungen zu warten (Too many pushes). Ihre Änderungen bleiben hier erhalten.')
    const signedOut = status({ state: 'unauthorized', message: 'Not signed in to the team server: paste the device token in Settings → Team server.', messageId: 'refusal.team.notSignedIn' })
    expect(syncMessage(signedOut, DE)).toBe('Nicht beim Team-Server angemeldet: Fügen Sie das Gerätetoken unter Einstellungen → Team-Server ein.')
  })

  it('reads in English as the host wrote it', () => {
    expect(describeSyncStatus(offline, 0).details[0]).toBe(offline.message)
  })

  it('shows a status without an id, or with an id this build does not know, as the host wrote it', () => {
    const older = status({ state: 'problem', message: 'The team server has a problem (HTTP 502: Bad gateway).' })
    expect(syncMessage(older, DE)).toBe(older.message)
    expect(syncMessage({ ...older, messageId: 'sync.fromTheFuture' }, DE)).toBe(older.message)
  })
})
