import type { PowerMonitor } from 'electron'
import { describe, expect, it } from 'vitest'
import type { IdleSource } from '../timers/timer-engine'
import { connectPowerMonitor } from './power'

describe('the power monitor adapter', () => {
  it('turns sleep and lock into an absence, wake and unlock into its end, and lends the idle time', async () => {
    const listeners = new Map<string, () => void>()
    const monitor = {
      on: (name: string, listener: () => void) => listeners.set(name, listener),
      getSystemIdleTime: () => 321,
    }
    const calls: string[] = []
    let source: IdleSource | null = null
    connectPowerMonitor(
      monitor as unknown as Pick<PowerMonitor, 'on' | 'getSystemIdleTime'>,
      {
        away: () => (calls.push('away'), Promise.resolve()),
        back: () => (calls.push('back'), Promise.resolve()),
        attachIdleSource: (s) => void (source = s),
      },
      () => calls.push('error'),
    )
    for (const name of ['suspend', 'resume', 'lock-screen', 'unlock-screen']) listeners.get(name)?.()
    await Promise.resolve()
    expect(calls).toEqual(['away', 'back', 'away', 'back'])
    expect((source as IdleSource | null)?.idleSeconds()).toBe(321)
  })
})
