import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/sync'
import { roundEnded } from './sync-rounds'

const status = (state: SyncStatus['state'], lastSyncedAt: number | null = null): SyncStatus => ({ state, pending: 0, issues: 0, lastSyncedAt, nextAttemptAt: null, message: null })

describe('When a sync round has ended', () => {
  it('a round that went through is told by its new lastSyncedAt, whatever state comes with it', () => {
    expect(roundEnded(status('syncing', 1), status('synced', 2))).toBe(true)
    // The status pushed at a round's very end may still say "syncing"; the new time tells it is over.
    expect(roundEnded(status('syncing', 1), status('syncing', 2))).toBe(true)
    expect(roundEnded(null, status('syncing', 5))).toBe(true)
  })

  it('a round that ended otherwise is told by a settled state that differs from the last one', () => {
    expect(roundEnded(status('syncing', 1), status('offline', 1))).toBe(true)
    expect(roundEnded(status('synced', 1), status('standalone', 1))).toBe(true)
    expect(roundEnded(null, status('synced'))).toBe(true)
  })

  it('the start of a round and a repeated status say nothing new', () => {
    expect(roundEnded(status('synced', 1), status('syncing', 1))).toBe(false)
    expect(roundEnded(null, status('syncing'))).toBe(false)
    expect(roundEnded(status('synced', 1), status('synced', 1))).toBe(false)
  })
})
