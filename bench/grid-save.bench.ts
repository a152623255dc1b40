// npm run bench -- bench/grid-save.bench.ts — a keystroke that commits a grid cell, to
// "saved" and the grid back: TimesheetService.setCells (the main-process call behind the
// grid's Enter), on a real SQLite file with the app's pragmas (WAL, synchronous=FULL),
// 200 rows in the week. Baseline in the same run, on the same file: one hand-written
// prepared UPDATE of that cell's entry, committed alone (one fsync, as every save pays).
// Target: setCells p95 <= 30 ms; its ratio to the baseline is printed beside it.
import { it } from 'vitest'
import type { RowKey } from '@shared/timesheet'
import { openTempCore } from '../src/main/testing/temp-core'

const ROWS = 200
const SAMPLES = Number(process.env['BENCH_SAVE_SAMPLES'] ?? 150)
const MONDAY = '2026-11-16' // the week of the fake clock
const WEEK = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95) }
}

function line(label: string, measured: string, target: string, ok: boolean): string {
  return `${ok ? 'ok  ' : 'MISS'}  ${label.padEnd(62)} ${measured.padStart(18)}   target ${target}`
}

it(`grid: a committed cell to "saved", ${ROWS} rows in the week`, async () => {
  const env = await openTempCore()
  try {
    const { sqlite } = env.core.store
    const me = (sqlite.prepare(`SELECT value FROM app_state WHERE key = 'user_id'`).get() as { value: string }).value
    // A busy week: 200 rows, each with typed time on one weekday; the cells typed into are in them.
    const rows: RowKey[] = []
    for (let i = 0; i < ROWS; i++) {
      const item = await env.core.work.createWorkItem({ kind: 'ticket', reference: `T-${String(i).padStart(4, '0')}`, title: `Ticket ${i}` })
      rows.push({ workItemId: item.id, activityTypeId: null, billable: true })
    }
    await env.core.timesheet.setCells(rows.map((row, i) => ({ day: WEEK[i % WEEK.length] ?? MONDAY, row, totalSeconds: 60 })))

    // The baseline's own cell, so the two never change each other's rows.
    const baselineRow = rows[ROWS - 1]
    const baselineDay = WEEK[(ROWS - 1) % WEEK.length] ?? MONDAY
    const entryId = (sqlite.prepare(`SELECT id FROM time_entries WHERE user_id = ? AND day = ? AND work_item_id = ? AND deleted_at IS NULL`).get(me, baselineDay, baselineRow?.workItemId) as { id: string }).id
    const update = sqlite.prepare(`UPDATE time_entries SET raw_seconds = ?, rounded_seconds = ?, updated_at = ?, version = version + 1 WHERE id = ?`)

    const typed = (i: number) => 60 * ((i % 50) + 2) // minutes, far below the 24-hour day
    const runs: ((i: number) => unknown)[] = [
      (i) => update.run(typed(i), typed(i), env.clock.now(), entryId),
      (i) => env.core.timesheet.setCells([{ day: WEEK[i % 4] ?? MONDAY, row: rows[i % (ROWS - 1)] ?? { workItemId: null, activityTypeId: null, billable: true }, totalSeconds: typed(i) }]),
    ]
    for (let i = 0; i < 20; i++) for (const run of runs) await run(i) // warm up
    const samples = runs.map((): number[] => [])
    for (let i = 0; i < SAMPLES; i++) {
      for (let turn = 0; turn < runs.length; turn++) {
        const index = (i + turn) % runs.length
        const t = performance.now()
        await runs[index]?.(i + 20)
        samples[index]?.push(performance.now() - t)
      }
    }
    const [baseline, save] = samples.map(stats) as [ReturnType<typeof stats>, ReturnType<typeof stats>]
    const ms = (v: number) => `${v.toFixed(2)} ms`
    const synchronous = sqlite.pragma('synchronous', { simple: true }) as number
    console.log(
      [
        '',
        `Grid save: ${ROWS} rows in the week, ${SAMPLES} saves each way; journal_mode=${String(sqlite.pragma('journal_mode', { simple: true }))}, synchronous=${synchronous === 2 ? 'FULL' : synchronous}.`,
        line('baseline: one prepared UPDATE of the cell, committed: median', ms(baseline.median), '(baseline)', true),
        line('baseline: one prepared UPDATE of the cell, committed: p95', ms(baseline.p95), '(baseline)', true),
        line('TimesheetService.setCells, saved and the grid back: median', ms(save.median), '<= 30 ms', save.median <= 30),
        line('TimesheetService.setCells, saved and the grid back: p95', ms(save.p95), '<= 30 ms', save.p95 <= 30),
        line('setCells median / baseline median', (save.median / baseline.median).toFixed(2), '(printed)', true),
        '',
      ].join('\n'),
    )
  } finally {
    await env.dispose()
  }
}, 120_000)
