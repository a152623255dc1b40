// npm run bench -- bench/wakeups.bench.ts — idle wake-ups of a whole host (core + browser
// host, no page open) with nine running timers against the same host with none, in the
// same run, over a simulated hour. Wake-ups are everything the host schedules after
// warm-up: the core's timeouts (its scheduler, on the fake clock, stepped every second so
// anything more often than a minute shows) plus any real Node timer it sets meanwhile (a
// setInterval of N ms counts 3,600,000 / N wake-ups an hour). Target: nine timers add at
// most one wake-up a minute over none.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'vitest'
import { silentLogger } from '../src/main/logger'
import { openTempCore } from '../src/main/testing/temp-core'
import { startWebHost } from '../src/main/web/server'

const HOUR_MS = 3_600_000

/** Counts real Node timers set while `during` runs: one-shot timeouts once, intervals by how often they fire in an hour. */
async function countRealTimers(during: () => Promise<void>): Promise<number> {
  const realTimeout = globalThis.setTimeout
  const realInterval = globalThis.setInterval
  let wakeUps = 0
  globalThis.setTimeout = ((callback: () => void, ms?: number) => {
    wakeUps++
    return realTimeout(callback, ms)
  }) as typeof setTimeout
  globalThis.setInterval = ((callback: () => void, ms?: number) => {
    wakeUps += Math.ceil(HOUR_MS / Math.max(1, ms ?? 1))
    return realInterval(callback, ms)
  })
  try {
    await during()
  } finally {
    globalThis.setTimeout = realTimeout
    globalThis.setInterval = realInterval
  }
  return wakeUps
}

/** A host's wake-ups over one simulated hour, after its timers (if any) have started. */
async function wakeUpsInAnHour(runningTimers: number): Promise<{ core: number; real: number }> {
  const env = await openTempCore()
  const rendererDir = mkdtempSync(join(tmpdir(), 'stint-bench-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stint</title>')
  const host = await startWebHost({ core: env.core, rendererDir, token: 'bench-token-0123456789abcdefghijklmnopqrstuvwxyz', logger: silentLogger })
  try {
    for (let slot = 1; slot <= runningTimers; slot++) await env.core.timers.start(slot)
    // Warm-up: whatever start-up scheduled runs once before counting.
    env.clock.advance(1000)
    env.scheduler.runDue()
    await env.core.timers.settled()
    let core = 0
    const real = await countRealTimers(async () => {
      for (let second = 1; second <= 3600; second++) {
        env.clock.advance(1000)
        core += env.scheduler.runDue()
        await env.core.timers.settled()
      }
    })
    return { core, real }
  } finally {
    await host.close()
    await env.dispose()
    rmSync(rendererDir, { recursive: true, force: true })
  }
}

it('idle wake-ups in an hour: nine running timers against none', async () => {
  const none = await wakeUpsInAnHour(0)
  const nine = await wakeUpsInAnHour(9)
  const total = (w: { core: number; real: number }) => w.core + w.real
  const added = total(nine) - total(none)
  console.log(
    [
      '',
      'Idle wake-ups of a host (core + browser host, no page open), one simulated hour:',
      `  no running timer:    ${String(total(none)).padStart(5)}  (core ${none.core}, real Node timers ${none.real})`,
      `  nine running timers: ${String(total(nine)).padStart(5)}  (core ${nine.core}, real Node timers ${nine.real})`,
      `${added <= 60 ? 'ok  ' : 'MISS'}  added by nine timers: ${added} an hour (${(added / 60).toFixed(2)} a minute)   target ≤ 1 a minute (≤ 60 an hour)`,
      '',
    ].join('\n'),
  )
}, 120_000)
