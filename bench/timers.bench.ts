// npm run bench — timers. Targets are printed beside what was measured, as ratios
// against a baseline from the same run; nothing here fails a build.
//  1. Nine timers for a simulated hour on the fake clock: engine wake-ups and store
//     writes (target: at most one a minute, plus one per transition).
//  2. CPU time of a browser-host process with nine running timers over 60 real
//     seconds, against the same process with none, side by side (target ratio ≤ 1.05).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'vitest'
import { openTempCore } from '../src/main/testing/temp-core'
import { startHost, type RunningHost } from '../tests/support/web-host'

const REAL_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60)

function row(label: string, measured: string, target: string, ok: boolean): string {
  return `${ok ? 'ok  ' : 'MISS'}  ${label.padEnd(58)} ${measured.padStart(16)}   target ${target}`
}

it('nine timers for a simulated hour', async () => {
  const env = await openTempCore()
  try {
    const engine = env.core.timers
    const atStartUp = engine.stats.writes // start-up's own write (creating the slots) is not a transition
    for (let slot = 1; slot <= 9; slot++) await engine.start(slot)
    const transitions = 9
    const before = { ...engine.stats }
    // Second by second, so any wake-up more often than once a minute would be counted.
    for (let second = 1; second <= 3600; second++) {
      env.clock.advance(1000)
      env.scheduler.runDue()
      await engine.settled()
    }
    const wakeUps = engine.stats.wakeUps - before.wakeUps
    const writes = engine.stats.writes - before.writes
    console.log(
      [
        '',
        'Timer engine, nine timers, one simulated hour (fake clock, stepped every second):',
        row('wake-ups during the hour', String(wakeUps), '≤ 60', wakeUps <= 60),
        row('store writes during the hour', String(writes), '≤ 60', writes <= 60),
        row('store writes including the 9 starts', String(engine.stats.writes - atStartUp), `≤ ${60 + transitions}`, engine.stats.writes - atStartUp <= 60 + transitions),
        '',
      ].join('\n'),
    )
  } finally {
    await env.dispose()
  }
}, 120_000)

/** Nanoseconds a process has spent on a CPU, all its threads (Linux /proc schedstat). */
function cpuNanos(pid: number): number {
  let total = 0
  for (const task of readdirSync(`/proc/${pid}/task`)) total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0])
  return total
}

async function call(host: RunningHost, name: string, body: unknown): Promise<void> {
  const login = await fetch(`${host.origin}/?token=${host.token}`, { redirect: 'manual' })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const response = await fetch(`${host.origin}/api/call/${name}`, { method: 'POST', headers: { Cookie: cookie, Origin: host.origin, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`)
}

it(`host CPU over ${REAL_SECONDS} real seconds: nine running timers against none`, async () => {
  if (process.platform !== 'linux') {
    console.log('CPU comparison skipped: it reads /proc, which only Linux has.')
    return
  }
  const dirs = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'stint-bench-')))
  const [idleDir = '', busyDir = '', controlDir = ''] = dirs
  const idle = await startHost(idleDir)
  const busy = await startHost(busyDir)
  // A second idle host: how far apart two identical processes land is the noise floor.
  const control = await startHost(controlDir)
  try {
    for (let slot = 1; slot <= 9; slot++) await call(busy, 'timers.start', { slot })
    await call(idle, 'timers.list', {})
    await call(control, 'timers.list', {})
    await new Promise((resolve) => setTimeout(resolve, 2000)) // let start-up work settle
    const pids = { idle: idle.process.pid ?? 0, busy: busy.process.pid ?? 0, control: control.process.pid ?? 0 }
    const start = { idle: cpuNanos(pids.idle), busy: cpuNanos(pids.busy), control: cpuNanos(pids.control) }
    await new Promise((resolve) => setTimeout(resolve, REAL_SECONDS * 1000))
    const used = { idle: cpuNanos(pids.idle) - start.idle, busy: cpuNanos(pids.busy) - start.busy, control: cpuNanos(pids.control) - start.control }
    const ratio = used.busy / Math.max(used.idle, 1)
    const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`
    console.log(
      [
        '',
        `Browser host, ${REAL_SECONDS} s side by side (CPU time of all threads, /proc schedstat):`,
        row('no timer running (baseline)', ms(used.idle), '—', true),
        row('nine timers running', ms(used.busy), '—', true),
        row('ratio nine running / none', ratio.toFixed(2), '≤ 1.05', ratio <= 1.05),
        row('noise floor: second idle host / first idle host', (used.control / Math.max(used.idle, 1)).toFixed(2), '(1.00 = no noise)', true),
        '',
      ].join('\n'),
    )
  } finally {
    await idle.stop()
    await busy.stop()
    await control.stop()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
}, (REAL_SECONDS + 60) * 1000)
