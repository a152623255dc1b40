// Time a timer measured that falls into a submitted or approved period: it never changes
// that period and is never lost. Standalone, submitting approves and locks at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StopResult } from '@shared/timers'
import { T0, openTempCore, type TempCore } from '../testing/temp-core'

const MINUTE = 60_000

let env: TempCore
beforeEach(async () => {
  env = await openTempCore() // Monday 16 November 2026, 09:00 in Berlin
})
afterEach(() => env.dispose())

const engine = () => env.core.timers
const stopped = (result: StopResult) => {
  if (result.outcome !== 'stopped') throw new Error(`expected a booked stop, got ${result.outcome}`)
  return result
}
const liveEntries = () => env.core.store.db.selectFrom('time_entries').select(['day', 'raw_seconds', 'status']).where('deleted_at', 'is', null).orderBy('day').execute()

describe('a timer stopped in a locked period', () => {
  it('books nothing into this approved week and asks what to do with the time', async () => {
    await env.core.submission.submit('2026-11-16')
    await engine().start(1)
    env.clock.advance(40 * MINUTE)
    const result = stopped(await engine().stop(1))
    expect(result.entries).toEqual([])
    expect(await liveEntries()).toEqual([])
    const prompts = await engine().prompts()
    expect(prompts.map((p) => [p.kind, p.slot, p.fromAt, p.toAt])).toEqual([['locked-period', 1, T0, T0 + 40 * MINUTE]])
  })
})
