// The bad-token limiter on its own: five failures in a window are allowed, the sixth
// attempt waits until the oldest failure leaves the window, addresses do not share counts,
// and memory stays bounded however many addresses try.
import { describe, expect, it } from 'vitest'
import { FailureLimiter } from './rate-limit'

describe('FailureLimiter', () => {
  it('lets five failures through, then makes the address wait until the oldest one expires', () => {
    const limiter = new FailureLimiter({ maxFailures: 5, windowMs: 60_000 })
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfterMs('10.0.0.1', 1000 + i * 1000)).toBe(0)
      limiter.recordFailure('10.0.0.1', 1000 + i * 1000)
    }
    expect(limiter.retryAfterMs('10.0.0.1', 6000)).toBe(55_000)
    expect(limiter.retryAfterMs('10.0.0.2', 6000)).toBe(0)
    expect(limiter.retryAfterMs('10.0.0.1', 60_999)).toBe(1)
    expect(limiter.retryAfterMs('10.0.0.1', 61_000)).toBe(0)
    // One more failure now blocks again until the next-oldest one expires.
    limiter.recordFailure('10.0.0.1', 61_000)
    expect(limiter.retryAfterMs('10.0.0.1', 61_000)).toBe(1000)
  })

  it('forgets failures older than the window', () => {
    const limiter = new FailureLimiter({ maxFailures: 2, windowMs: 1000 })
    limiter.recordFailure('a', 0)
    limiter.recordFailure('a', 500)
    expect(limiter.retryAfterMs('a', 999)).toBe(1)
    expect(limiter.retryAfterMs('a', 1500)).toBe(0)
    expect(limiter.tracked).toBe(0)
  })

  it('remembers a bounded number of addresses, dropping the quietest first', () => {
    const limiter = new FailureLimiter({ maxFailures: 1, windowMs: 60_000, maxTracked: 3 })
    for (const address of ['a', 'b', 'c', 'd']) limiter.recordFailure(address, 0)
    expect(limiter.tracked).toBe(3)
    expect(limiter.retryAfterMs('a', 1)).toBe(0)
    expect(limiter.retryAfterMs('d', 1)).toBeGreaterThan(0)
  })
})
