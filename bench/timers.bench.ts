// npm run bench -- timers — timers, each figure beside a baseline from the same run;
// nothing here fails a build.
//  1. A simulated hour on the fake clock with no timer running (the baseline), then the
//     same hour with nine running: engine wake-ups and store writes (target: nine
//     running add at most one of each a minute over none, plus one write per start).
//  2. CPU time of a browser-host process with nine running timers over 60 real
//     seconds, against the same process with none, side by side (target ratio ≤ 1.05).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'vitest'
import { openTempCore } from '../src/main/testing/temp-core'
import { startHost, type RunningHost } from '../tests/support/web-host'
import { absolute, comparison, ms, note } from './support/print'

const REAL_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60)

it('nine timers for a simulated hour, against none', async () => {
  const env = await openTempCore()
  try {
    const engine = env.core.timers
    /** Wake-ups and writes of the engine over one simulated hour, stepped second by second so that any wake-up more often than once a minute is counted. */
    const anHour = async (): Promise<{ wakeUps: number; writes: number }> => {
      const before = { ...engine.stats }
      for (let second = 1; second <= 3600; second++) {
        env.clock.advance(1000)
        env.scheduler.runDue()
        await engine.settled()
      }
      return { wakeUps: engine.stats.wakeUps - before.wakeUps, writes: engine.stats.writes - before.writes }
    }
    const none = await anHour()
    const atStart = engine.stats.writes
    for (let slot = 1; slot <= 9; slot++) await engine.start(slot)
    const starts = engine.stats.writes - atStart
    const nine = await anHour()
    const within = (figure: number, baseline: number, extra: number) => figure - baseline <= extra
    console.log(
      [
        '',
        'Timer engine, one simulated hour (fake clock, stepped every second), nine timers running against none:',
        absolute('wake-ups during the hour', `${nine.wakeUps} · baseline ${none.wakeUps}`, '≤ baseline + 60', within(nine.wakeUps, none.wakeUps, 60)),
        absolute('store writes during the hour', `${nine.writes} · baseline ${none.writes}`, '≤ baseline + 60', within(nine.writes, none.writes, 60)),
        absolute('store writes for the 9 starts', String(starts), '≤ 9', starts <= 9),
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
  // The way the page calls: the launch secret in the Authorization header.
  const response = await fetch(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
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
    console.log(
      [
        '',
        `Browser host, ${REAL_SECONDS} s side by side (CPU time of all threads, /proc schedstat):`,
        comparison('CPU time, nine running (baseline: none)', used.busy / 1e6, Math.max(used.idle, 1) / 1e6, ms, { atMost: 1.05 }).line,
        note('noise floor: second idle host / first idle host', `${(used.control / Math.max(used.idle, 1)).toFixed(2)} (1.00 = no noise)`),
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
