// npm run bench -- timesheet-load — loading one user's period grid from a big database.
// A real SQLite file (the app's own schema, indexes and pragmas: WAL, synchronous=FULL)
// holds one million entries (bench/support/timesheet-data.ts). We time
// TimesheetService.load for random weeks of one user — everything the grid shows: the
// period's status, level, reason, whether a move of it waits in the outbox and its
// history (the grid locks and explains from them), the cells, the rows added by hand, the
// notes, the rows in name order — against the baseline a good engineer would write by
// hand for the same data: ONE better-sqlite3 statement, prepared once, its lines read as
// arrays, returning the cells grouped by SQLite, the added rows, the notes and the
// period's head and history lines. The baseline leaves out what load does in memory (one
// object per cell, the rows' order by names read once), so the ratio is what the app's
// shape costs on top of its one statement. Both run in turn on the same weeks in the same
// run. Target: load <= 1.3x the baseline, median and p95.
import { it } from 'vitest'
import { openTempCore } from '../src/main/testing/temp-core'
import { DEFAULT_PERIOD_RULE, periodContaining } from '@shared/periods'
import { seededRandom } from '@shared/testing/seeded-random'
import { comparison, note, stats } from './support/print'
import { FIRST_DAY, USERS, generateTimesheetData } from './support/timesheet-data'

const ROUNDS = Number(process.env['BENCH_LOAD_ROUNDS'] ?? 600)
const TARGET = { atMost: 1.3 }

/** Sub-millisecond figures need three decimals. */
const ms = (value: number): string => `${value.toFixed(3)} ms`

/**
 * The baseline, by hand: one statement, each part through its index. A line per (row,
 * day) cell with its total, its hand-entered part and its entry count; a line per row
 * added by hand and per note; the period's head line (always one: its status, open when
 * none is stored, level, reason and whether a submission or withdrawal waits in the
 * outbox); a line per history event.
 */
const BASELINE_SQL = `
SELECT 'cell' AS kind, work_item_id, activity_type_id, billable, day, sum(rounded_seconds) AS total,
       sum(CASE WHEN source = 'grid' THEN rounded_seconds ELSE 0 END) AS grid,
       sum(source != 'grid' OR rounded_seconds > 0) AS entries, NULL AS text
  FROM time_entries
 WHERE user_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL AND status != 'voided'
 GROUP BY day, work_item_id, activity_type_id, billable
UNION ALL
SELECT 'added', work_item_id, activity_type_id, billable, NULL, 0, 0, 0, NULL
  FROM timesheet_rows WHERE user_id = ? AND period_start = ? AND deleted_at IS NULL
UNION ALL
SELECT 'note', work_item_id, activity_type_id, billable, day, 0, 0, 0, note
  FROM cell_notes WHERE user_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL
UNION ALL
SELECT 'head', p.id, coalesce(p.status, 'open'), p.level, NULL, 0, 0,
       EXISTS (SELECT 1 FROM sync_outbox WHERE entity IN ('period.submit', 'period.withdraw') AND entity_id = ?), p.reason
  FROM (SELECT 1) LEFT JOIN periods AS p ON p.user_id = ? AND p.start_day = ? AND p.deleted_at IS NULL
UNION ALL
SELECT 'event', e.id, e.from_status, e.to_status, e.actor, e.at, 0, 0, e.reason
  FROM periods AS p JOIN period_events AS e ON e.period_id = p.id
 WHERE p.user_id = ? AND p.start_day = ? AND p.deleted_at IS NULL`

type Line = [kind: 'cell' | 'added' | 'note' | 'head' | 'event', a: string | null, b: string | null, c: number | string | null, d: string | null, total: number, grid: number, entries: number, text: string | null]

it(`loading one user's week from a million entries (${USERS} users, five years)`, async () => {
  const env = await openTempCore()
  try {
    const { sqlite } = env.core.store
    const me = (sqlite.prepare(`SELECT value FROM app_state WHERE key = 'user_id'`).get() as { value: string }).value
    const started = performance.now()
    const { days, perDay } = generateTimesheetData(sqlite, me)
    const generated = performance.now() - started

    // Random weeks of one user, the same weeks for both ways of reading them.
    const random = seededRandom(43)
    const weeks = Array.from({ length: ROUNDS }, () => days[Math.floor(random() * days.length)] ?? FIRST_DAY)
    // The baseline is handed each week's bounds, worked out before the clock runs; the app
    // finds its period (and label) itself, inside what is timed.
    const bounds = new Map(weeks.map((day) => [day, periodContaining(day, DEFAULT_PERIOD_RULE)]))
    const periodOf = (day: string) => bounds.get(day) ?? periodContaining(day, DEFAULT_PERIOD_RULE)

    const baseline = sqlite.prepare<string[], Line>(BASELINE_SQL).raw(true)
    const runBaseline = (day: string): Line[] => {
      const { start, end } = periodOf(day)
      return baseline.all(me, start, end, me, start, me, start, end, start, me, start, me, start)
    }
    // The weaker reference earlier versions of this bench compared against: the same
    // statement without the period's head, which the grid cannot do without.
    const cellsOnly = sqlite.prepare<string[], Line>(BASELINE_SQL.slice(0, BASELINE_SQL.indexOf("UNION ALL\nSELECT 'head'"))).raw(true)
    const runCellsOnly = (day: string): Line[] => {
      const { start, end } = periodOf(day)
      return cellsOnly.all(me, start, end, me, start, me, start, end)
    }

    // Same grid? Every cell, added row, note, the status and the history of a few weeks,
    // checked before timing anything.
    for (const day of weeks.slice(0, 20)) {
      const lines = runBaseline(day)
      const sheet = await env.core.timesheet.load(day)
      const rowOf = (l: Line) => sheet.rows.find((r) => r.workItemId === l[1] && r.activityTypeId === l[2] && r.billable === (l[3] === 1))
      const cells = lines.filter((l) => l[0] === 'cell')
      const shown = sheet.rows.flatMap((r) => r.cells.filter((c) => c.totalSeconds > 0 || c.entryCount > 0))
      const head = lines.find((l) => l[0] === 'head')
      const events = lines.filter((l) => l[0] === 'event').sort((a, b) => a[5] - b[5] || String(a[1]).localeCompare(String(b[1])))
      const same =
        cells.length === shown.length &&
        cells.every((l) => {
          const c = rowOf(l)?.cells.find((x) => x.day === l[4])
          return c !== undefined && c.totalSeconds === l[5] && c.gridSeconds === l[6] && c.entryCount === l[7]
        }) &&
        lines.filter((l) => l[0] === 'added').every((l) => rowOf(l)?.added === true) &&
        lines.filter((l) => l[0] === 'note').every((l) => rowOf(l) === undefined || rowOf(l)?.cells.find((c) => c.day === l[4])?.note === l[8]) &&
        sheet.rows.every((r) => lines.some((l) => (l[0] === 'cell' || l[0] === 'added') && rowOf(l) === r)) &&
        head !== undefined &&
        sheet.status === head[2] &&
        sheet.level === head[3] &&
        sheet.reason === head[8] &&
        sheet.queued === (head[7] === 1) &&
        JSON.stringify(sheet.history.map((e) => [e.id, e.from, e.to, e.actor, e.at, e.reason])) === JSON.stringify(events.map((e) => [e[1], e[2], e[3], e[4], e[5], e[8]]))
      if (!same) throw new Error(`The hand-written statement and TimesheetService.load disagree on the week of ${day}.`)
    }

    // All ways run on the same week one after the other, so a busy moment of the machine
    // (or a garbage collection) lands on all alike; who goes first rotates, because the
    // first to read a week also pays for its pages coming off disk.
    const runs: ((day: string) => unknown)[] = [runBaseline, (day) => env.core.timesheet.load(day), runCellsOnly]
    for (const day of weeks.slice(0, 50)) for (const run of runs) await run(day) // warm up
    const wall = runs.map((): number[] => [])
    const cpu = runs.map((): number[] => [])
    for (const [round, day] of weeks.entries()) {
      for (let turn = 0; turn < runs.length; turn++) {
        const index = (round + turn) % runs.length
        const used = process.cpuUsage()
        const t = performance.now()
        await runs[index]?.(day)
        wall[index]?.push(performance.now() - t)
        const { user, system } = process.cpuUsage(used)
        cpu[index]?.push((user + system) / 1000)
      }
    }
    const [hand, load, old] = wall.map(stats) as [ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>]
    const [handCpu, loadCpu] = cpu.map(stats) as [ReturnType<typeof stats>, ReturnType<typeof stats>]
    const sheet = await env.core.timesheet.load(weeks[0] ?? FIRST_DAY)
    const total = (sqlite.prepare('SELECT count(*) AS n FROM time_entries').get() as { n: number }).n
    const synchronous = sqlite.pragma('synchronous', { simple: true }) as number
    const journal = sqlite.pragma('journal_mode', { simple: true }) as string

    console.log(
      [
        '',
        `Timesheet load: ${total.toLocaleString('en')} entries, ${USERS} users, ${days.length} weekdays (${perDay.toFixed(1)} entries a day each), generated in ${(generated / 1000).toFixed(1)} s; journal_mode=${journal}, synchronous=${synchronous === 2 ? 'FULL' : synchronous}.`,
        `A week of one user is ${sheet.rows.length} rows, ${sheet.rows.reduce((n, r) => n + r.cells.filter((c) => c.entryCount > 0).length, 0)} cells with time, ${sheet.history.length} history events; ${ROUNDS} random weeks each way.`,
        comparison('TimesheetService.load vs one hand-written statement: median', load.median, hand.median, ms, TARGET).line,
        comparison('TimesheetService.load vs one hand-written statement: p95', load.p95, hand.p95, ms, TARGET).line,
        note('CPU time of this process, load / hand-written (medians)', `${ms(loadCpu.median)} / ${ms(handCpu.median)} = ${(loadCpu.median / handCpu.median).toFixed(2)}`),
        note('reference: the statement without the period head (median; p95)', `${ms(old.median)}; ${ms(old.p95)}`),
        '',
      ].join('\n'),
    )
  } finally {
    await env.dispose()
  }
}, 600_000)
