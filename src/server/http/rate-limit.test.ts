// The two limits on their own: the bad-token budget per address (failures in a window,
// then a wait until the oldest leaves it; addresses do not share counts; memory stays
// bounded), and each token's bucket for expensive routes (a burst, then a steady rate).
import { describe, expect, it } from 'vitest'
import { FailureLimiter, isExpensiveRoute, TokenBuckets } from './rate-limit'

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

describe('TokenBuckets', () => {
  it('allows a burst at once, then one request per refill step, telling how long to wait', () => {
    const buckets = new TokenBuckets({ burst: 3, perMinute: 60 })
    expect([buckets.take('t', 0), buckets.take('t', 0), buckets.take('t', 0)]).toEqual([0, 0, 0])
    expect(buckets.take('t', 0)).toBe(1000)
    expect(buckets.take('t', 400)).toBe(600)
    expect(buckets.take('t', 1000)).toBe(0)
    expect(buckets.take('t', 1000)).toBe(1000)
    expect(buckets.take('other', 1000)).toBe(0)
  })

  it('refills to the burst and no further after a quiet spell', () => {
    const buckets = new TokenBuckets({ burst: 2, perMinute: 60 })
    buckets.take('t', 0)
    buckets.take('t', 0)
    const later = 10 * 60_000
    expect([buckets.take('t', later), buckets.take('t', later)]).toEqual([0, 0])
    expect(buckets.take('t', later)).toBeGreaterThan(0)
  })

  it('remembers a bounded number of tokens; a forgotten one starts full', () => {
    const buckets = new TokenBuckets({ burst: 1, perMinute: 1, maxTracked: 2 })
    for (const token of ['a', 'b', 'c']) buckets.take(token, 0)
    expect(buckets.tracked).toBe(2)
    expect(buckets.take('a', 0)).toBe(0)
    expect(buckets.take('c', 0)).toBeGreaterThan(0)
  })
})

describe('isExpensiveRoute', () => {
  it('names push, every report and every export; nothing else', () => {
    expect(isExpensiveRoute('POST', '/v1/sync/push')).toBe(true)
    expect(isExpensiveRoute('POST', '/v1/reports')).toBe(true)
    expect(isExpensiveRoute('GET', '/v1/reports/contracts')).toBe(true)
    expect(isExpensiveRoute('POST', '/v1/exports/csv')).toBe(true)
    for (const url of ['/v1/sync/pull', '/v1/me', '/v1/approvals', '/v1/health', '/v1/reportsx']) expect(isExpensiveRoute('GET', url), url).toBe(false)
    expect(isExpensiveRoute('GET', undefined)).toBe(false)
  })
})
