// Two limits, neither of which ever turns away a valid token for someone else's mistakes:
//  - guessing: bad tokens from one client address are counted; past a budget, that address
//    gets 429 for requests WITHOUT a valid token until the oldest failure leaves the window.
//    A request with a valid token is always looked up and served (a token is 256 random
//    bits, so the limit is about load and noise, not about lucky guesses), so one bad
//    device behind a NAT or a proxy never locks out its neighbours.
//  - load: each signed-in token has a bucket for the expensive routes (push, reports,
//    exports), with a burst large enough for a device catching up after a week offline.
// The counts live in this process's memory only. Each server process limits on its own, a
// restart forgets them, and nothing that matters for correctness depends on them.
export interface FailureLimiterOptions {
  /** Bad attempts allowed per window; the next unauthenticated request is refused. */
  maxFailures?: number
  windowMs?: number
  /** Addresses remembered at most; the longest-quiet ones are forgotten first. */
  maxTracked?: number
}

export const DEFAULT_BAD_TOKENS_PER_MINUTE = 10
export const DEFAULT_RATE_BURST = 600
export const DEFAULT_RATE_PER_MINUTE = 120

export class FailureLimiter {
  readonly maxFailures: number
  readonly windowMs: number
  readonly #maxTracked: number
  /** Failure instants per address, oldest first; Map order doubles as least-recently-failed order. */
  readonly #failures = new Map<string, number[]>()

  constructor({ maxFailures = DEFAULT_BAD_TOKENS_PER_MINUTE, windowMs = 60_000, maxTracked = 10_000 }: FailureLimiterOptions = {}) {
    this.maxFailures = maxFailures
    this.windowMs = windowMs
    this.#maxTracked = maxTracked
  }

  /** How long `key` must wait before trying again, in ms; 0 when it may try now. */
  retryAfterMs(key: string, now: number): number {
    const recent = this.#recent(key, now)
    if (recent.length < this.maxFailures) return 0
    const oldest = recent[recent.length - this.maxFailures] ?? now
    return Math.max(1, oldest + this.windowMs - now)
  }

  recordFailure(key: string, now: number): void {
    const recent = this.#recent(key, now)
    recent.push(now)
    // Only the last maxFailures instants decide anything; keep no more.
    if (recent.length > this.maxFailures) recent.splice(0, recent.length - this.maxFailures)
    this.#failures.delete(key)
    this.#failures.set(key, recent)
    if (this.#failures.size > this.#maxTracked) {
      const quietest = this.#failures.keys().next().value
      if (quietest !== undefined) this.#failures.delete(quietest)
    }
  }

  /** Addresses currently remembered (for tests). */
  get tracked(): number {
    return this.#failures.size
  }

  #recent(key: string, now: number): number[] {
    const all = this.#failures.get(key)
    if (!all) return []
    const recent = all.filter((at) => now - at < this.windowMs)
    if (recent.length === 0) this.#failures.delete(key)
    return recent
  }
}

export interface TokenBucketOptions {
  /** Requests a token may make at once, after a quiet spell. */
  burst?: number
  /** Requests per minute it may keep making once the burst is spent. */
  perMinute?: number
  /** Tokens remembered at most; the longest-quiet ones are forgotten (a forgotten bucket starts full). */
  maxTracked?: number
}

/** One bucket per key: it holds up to `burst` requests and refills at `perMinute`. */
export class TokenBuckets {
  readonly burst: number
  readonly perMinute: number
  readonly #maxTracked: number
  readonly #buckets = new Map<string, { level: number; at: number }>()

  constructor({ burst = DEFAULT_RATE_BURST, perMinute = DEFAULT_RATE_PER_MINUTE, maxTracked = 10_000 }: TokenBucketOptions = {}) {
    this.burst = burst
    this.perMinute = perMinute
    this.#maxTracked = maxTracked
  }

  /** Takes one request from `key`'s bucket: 0 when it may go now, else how long to wait in ms (nothing is taken then). */
  take(key: string, now: number): number {
    const known = this.#buckets.get(key)
    const refilled = known ? Math.min(this.burst, known.level + ((now - known.at) * this.perMinute) / 60_000) : this.burst
    this.#buckets.delete(key)
    if (refilled >= 1) {
      this.#buckets.set(key, { level: refilled - 1, at: now })
      this.#forgetQuietest()
      return 0
    }
    this.#buckets.set(key, { level: refilled, at: now })
    return Math.max(1, Math.ceil(((1 - refilled) * 60_000) / this.perMinute))
  }

  /** Tokens currently remembered (for tests). */
  get tracked(): number {
    return this.#buckets.size
  }

  #forgetQuietest(): void {
    if (this.#buckets.size <= this.#maxTracked) return
    const quietest = this.#buckets.keys().next().value
    if (quietest !== undefined) this.#buckets.delete(quietest)
  }
}

export interface RateLimitOptions {
  badTokens?: FailureLimiterOptions
  expensive?: TokenBucketOptions
}

/**
 * The routes that cost the server real work per call: a push (a transaction over up to
 * 500 changes), reports and exports (aggregates over everyone's time). Named by path here,
 * in one place, so a new report or export route is limited without remembering to ask.
 */
export function isExpensiveRoute(method: string, routeUrl: string | undefined): boolean {
  if (routeUrl === undefined) return false
  if (method === 'POST' && routeUrl === '/v1/sync/push') return true
  return routeUrl === '/v1/reports' || routeUrl.startsWith('/v1/reports/') || routeUrl.startsWith('/v1/exports/')
}

/** "Try again in 40 s." / "… in 2 min." */
export function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`
}
