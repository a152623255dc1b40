// The server's clock port: milliseconds since the epoch, UTC. Services and routes read
// time only through it, so tests run on a clock that moves when they say.
export type Clock = () => number

/**
 * The machine's clock, moved by STINT_TEST_CLOCK_OFFSET_MS when a test sets it: the
 * end-to-end suite runs its hosts and servers on one fixed date (the browser host reads
 * the same variable).
 */
export function serverClock(env: NodeJS.ProcessEnv): Clock {
  const offset = Number(env['STINT_TEST_CLOCK_OFFSET_MS'] ?? 0)
  return Number.isFinite(offset) && offset !== 0 ? () => Date.now() + offset : Date.now
}
