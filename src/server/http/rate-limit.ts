// Slows down guessing: after a few bad tokens from one client address within a window,
// that address is answered 429 until the oldest failure leaves the window. The counts
// live in this process's memory only. Each server process limits on its own, a restart
// forgets them, and nothing that matters for correctness depends on them.
export interface FailureLimiterOptions {
  /** Bad attempts allowed per window; the next request is refused. */
  maxFailures?: number
  windowMs?: number
  /** Addresses remembered at most; the longest-quiet ones are forgotten first. */
  maxTracked?: number
}

export class FailureLimiter {
  readonly maxFailures: number
  readonly windowMs: number
  readonly #maxTracked: number
  /** Failure instants per address, oldest first; Map order doubles as least-recently-failed order. */
  readonly #failures = new Map<string, number[]>()

  constructor({ maxFailures = 5, windowMs = 60_000, maxTracked = 10_000 }: FailureLimiterOptions = {}) {
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
