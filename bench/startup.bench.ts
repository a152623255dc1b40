// npm run bench -- bench/startup.bench.ts — start-up with a million entries against an
// empty database, in the same run. "Start" is what the app does before the user sees
// their week: open the file (the checks before anything is written, migrations if any),
// build the services, and load the first grid. After a clean close; the start after a
// crash, which reads the whole file through first, is printed for reference.
// Target: a million entries start ≤ 1.3× an empty database.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { it } from 'vitest'
import { FakeClock } from '../src/main/clock'
import { createCore, type Core } from '../src/main/core'
import { silentLogger } from '../src/main/logger'
import { MemorySettingsStore } from '../src/main/settings/settings-store'
import { T0 } from '../src/main/testing/temp-core'
import { ManualScheduler } from '../src/main/timers/scheduler'

const ENTRIES = Number(process.env['BENCH_ENTRIES'] ?? 1_000_000)
const ROUNDS = 7

function open(dataDir: string): Promise<Core> {
  const clock = new FakeClock(T0, 'Europe/Berlin')
  return createCore({ dataDir, clock, logger: silentLogger, settings: new MemorySettingsStore(), scheduler: new ManualScheduler(() => clock.now()), host: 'web', version: '0.0.0-bench' })
}

/** One start: open, services, the first grid. Milliseconds; the core is closed after (cleanly unless `crash`). */
async function start(dataDir: string, { crash = false } = {}): Promise<number> {
  const started = performance.now()
  const core = await open(dataDir)
  await core.timesheet.load('2026-11-16')
  const ms = performance.now() - started
  if (crash) core.store.sqlite.close() // as if the process died: the open mark stays
  else await core.close({ keepRunning: false })
  return ms
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN

it(`start-up with ${ENTRIES.toLocaleString('en')} entries against an empty database`, async () => {
  const emptyDir = mkdtempSync(join(tmpdir(), 'stint-bench-start-empty-'))
  const bigDir = mkdtempSync(join(tmpdir(), 'stint-bench-start-big-'))
  try {
    await (await open(emptyDir)).close({ keepRunning: false })
    const big = await open(bigDir)
    // Fifty people's five years, written as the server's copies (no outbox lines: a synced device's state).
    await sql`INSERT INTO app_state (key, value) VALUES ('sync_applying', '1')`.execute(big.store.db)
    await sql`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ENTRIES})
      INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, timer_id, time_zone, created_at, updated_at, deleted_at)
      SELECT 'e-' || i, 'user-' || (i % 50), date('2021-11-15', '+' || (i % 1827) || ' days'), NULL, NULL, 1, '', 'grid', 900, 900, 'approved', NULL, NULL, 0, 0, NULL FROM n`.execute(big.store.db)
    await sql`DELETE FROM app_state WHERE key = 'sync_applying'`.execute(big.store.db)
    big.store.sqlite.exec('ANALYZE')
    await big.close({ keepRunning: false })

    // Warm both files into the page cache alike, then alternate so drift hits both.
    await start(emptyDir)
    await start(bigDir)
    const emptyMs: number[] = []
    const bigMs: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      emptyMs.push(await start(emptyDir))
      bigMs.push(await start(bigDir))
    }
    await start(bigDir, { crash: true })
    const afterCrashMs = await start(bigDir)

    const ratio = median(bigMs) / median(emptyMs)
    console.log(
      [
        '',
        `Start-up (open + checks + services + first grid), median of ${ROUNDS}, after a clean close:`,
        `  empty database:                               ${median(emptyMs).toFixed(1)} ms   (baseline)`,
        `  ${ENTRIES.toLocaleString('en')} entries:                          ${median(bigMs).toFixed(1)} ms`,
        `${ratio <= 1.3 ? 'ok  ' : 'MISS'}  ratio ${ratio.toFixed(2)}   target ≤ 1.3`,
        `  for reference, ${ENTRIES.toLocaleString('en')} entries after a crash (whole file read first): ${afterCrashMs.toFixed(1)} ms`,
        '',
      ].join('\n'),
    )
  } finally {
    rmSync(emptyDir, { recursive: true, force: true })
    rmSync(bigDir, { recursive: true, force: true })
  }
}, 900_000)
