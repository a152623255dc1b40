// npm run bench -- bench/timesheet-load.bench.ts — loading one user's period grid from a
// big database. A real SQLite file (the app's own schema, indexes and pragmas: WAL,
// synchronous=FULL) holds one million entries: 50 users, five years of weekdays, about
// fifteen entries a day each, with approved periods (and their history), rows added by
// hand and cell notes. We time TimesheetService.load for random weeks of one user
// (everything the grid shows: status, history, cells, added rows, notes, names, order)
// against the baseline a good engineer would write by hand: ONE better-sqlite3 statement,
// prepared once, that returns the same cells grouped by SQLite, the added rows and the
// notes, in the same run. Target: load p95 <= 1.3x the baseline's p95.
import { it } from 'vitest'
import { addDays } from '@shared/periods'
import { seededRandom } from '@shared/testing/seeded-random'
import { openTempCore } from '../src/main/testing/temp-core'

const USERS = 50
const YEARS = 5
const TARGET_ENTRIES = Number(process.env['BENCH_ENTRIES'] ?? 1_000_000)
const ROUNDS = 400
const FIRST_DAY = '2021-11-15' // a Monday; five years of weekdays end in the week of the fake clock (16 Nov 2026)

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95) }
}

function row(label: string, measured: string, target: string, ok: boolean): string {
  return `${ok ? 'ok  ' : 'MISS'}  ${label.padEnd(58)} ${measured.padStart(16)}   target ${target}`
}

it(`loading one user's week from ${TARGET_ENTRIES.toLocaleString('en')} entries (${USERS} users, ${YEARS} years)`, async () => {
  const env = await openTempCore()
  try {
    const { sqlite } = env.core.store
    const me = (sqlite.prepare(`SELECT value FROM app_state WHERE key = 'user_id'`).get() as { value: string }).value
    const users = [me, ...Array.from({ length: USERS - 1 }, (_, i) => `user-${String(i + 1).padStart(2, '0')}`)]

    // Reference data: 300 work items, the seeded activity types.
    const types = (sqlite.prepare('SELECT id FROM activity_types').all() as { id: string }[]).map((t) => t.id)
    const insertItem = sqlite.prepare(`INSERT INTO work_items (id, kind, reference, title, active, billable, created_at, updated_at) VALUES (?, 'ticket', ?, ?, 1, 1, 0, 0)`)
    const items = Array.from({ length: 300 }, (_, i) => `item-${i}`)
    sqlite.transaction(() => items.forEach((id, i) => insertItem.run(id, `T-${10000 + i}`, `Ticket ${i}`)))()

    const days: string[] = []
    for (let d = FIRST_DAY, i = 0; days.length < YEARS * 261; d = addDays(FIRST_DAY, ++i)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay()
      if (weekday !== 0 && weekday !== 6) days.push(d)
    }
    // Exactly TARGET_ENTRIES in all: each user's share spread evenly over the weekdays.
    const perUser = TARGET_ENTRIES / USERS
    const entriesOn = (index: number) => Math.floor(((index + 1) * perUser) / days.length) - Math.floor((index * perUser) / days.length)
    const random = seededRandom(42)
    const insert = sqlite.prepare(
      `INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, 0, 0)`,
    )
    const started = performance.now()
    let count = 0
    // Other people's entries reach a device by a pull, which writes no outbox rows; so does this seeding.
    sqlite.prepare(`INSERT INTO app_state (key, value) VALUES ('sync_applying', '1')`).run()
    // The entries' indexes are built once all rows are in (far quicker than growing them row by
    // row), from the app's own definitions, so the file ends up exactly as the app makes it.
    const indexes = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'time_entries' AND sql IS NOT NULL`).all() as { name: string; sql: string }[]
    for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`)
    for (const user of users) {
      // Each person works on a handful of tickets a week, like a real technician.
      sqlite.transaction(() => {
        for (const [index, day] of days.entries()) {
          const week = Math.floor(index / 5)
          for (let n = 0; n < entriesOn(index); n++) {
            const item = items[(week * 7 + Math.floor(random() * 12)) % items.length] ?? null
            const seconds = 900 * (1 + Math.floor(random() * 4))
            const status = index < days.length - 10 ? 'approved' : 'draft'
            insert.run(`e-${++count}`, user, day, item, types[Math.floor(random() * types.length)] ?? null, random() < 0.8 ? 1 : 0, random() < 0.3 ? 'timer' : 'grid', seconds, seconds, status)
          }
        }
      })()
    }
    for (const index of indexes) sqlite.exec(index.sql)
    // My side of it: each past week approved (with its two events), two rows added by hand
    // and three notes in every week, like a technician who plans and explains.
    const insertPeriod = sqlite.prepare(`INSERT INTO periods (id, user_id, start_day, end_day, status, reason, created_at, updated_at) VALUES (?, ?, ?, ?, 'approved', NULL, 0, 0)`)
    const insertEvent = sqlite.prepare(`INSERT INTO period_events (id, period_id, from_status, to_status, reason, actor, at) VALUES (?, ?, ?, ?, NULL, 'me', ?)`)
    const insertRow = sqlite.prepare(`INSERT INTO timesheet_rows (id, user_id, period_start, work_item_id, activity_type_id, billable, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 1, 0, 0)`)
    const insertNote = sqlite.prepare(`INSERT INTO cell_notes (id, user_id, day, work_item_id, activity_type_id, billable, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`)
    const findCell = sqlite.prepare(`SELECT work_item_id, activity_type_id, billable FROM time_entries WHERE user_id = ? AND day = ? LIMIT 1 OFFSET ?`)
    sqlite.transaction(() => {
      for (let index = 0; index < days.length; index += 5) {
        const monday = days[index] ?? FIRST_DAY
        const week = index / 5
        if (index < days.length - 10) {
          insertPeriod.run(`p-${week}`, me, monday, addDays(monday, 6))
          insertEvent.run(`pe-${week}-1`, `p-${week}`, 'open', 'submitted', week * 2)
          insertEvent.run(`pe-${week}-2`, `p-${week}`, 'submitted', 'approved', week * 2 + 1)
        }
        insertRow.run(`r-${week}-1`, me, monday, items[(week * 7 + 20) % items.length] ?? null)
        insertRow.run(`r-${week}-2`, me, monday, items[(week * 7 + 21) % items.length] ?? null)
        for (let n = 0; n < 3; n++) {
          const day = days[index + n] ?? monday
          const cell = findCell.get(me, day, n) as { work_item_id: string | null; activity_type_id: string | null; billable: number } | undefined
          if (cell) insertNote.run(`n-${week}-${n}`, me, day, cell.work_item_id, cell.activity_type_id, cell.billable, `Called the customer back (${n})`)
        }
      }
    })()
    sqlite.prepare(`DELETE FROM app_state WHERE key = 'sync_applying'`).run()
    sqlite.exec('ANALYZE')
    const generated = performance.now() - started

    // Random weeks of one user, the same weeks for both ways of reading them.
    const weeks = Array.from({ length: ROUNDS }, () => days[Math.floor(random() * days.length)] ?? FIRST_DAY)
    const periodOf = (day: string) => env.core.timesheet.periodOf(day)

    // The baseline, by hand: one statement, prepared once as an app would, returning one
    // line per (row, day) cell with its total, its hand-entered part and its entry count,
    // plus a line per row added by hand and per note. What the grid shows, grouped by SQLite.
    const baseline = sqlite.prepare(
      `SELECT 'cell' AS kind, work_item_id, activity_type_id, billable, day, sum(rounded_seconds) AS total,
              sum(CASE WHEN source = 'grid' THEN rounded_seconds ELSE 0 END) AS grid,
              sum(source != 'grid' OR rounded_seconds > 0) AS entries, NULL AS note
         FROM time_entries
        WHERE user_id = $user AND day >= $start AND day <= $end AND deleted_at IS NULL AND status != 'voided'
        GROUP BY day, work_item_id, activity_type_id, billable
       UNION ALL
       SELECT 'added', work_item_id, activity_type_id, billable, NULL, 0, 0, 0, NULL FROM timesheet_rows
        WHERE user_id = $user AND period_start = $start AND deleted_at IS NULL
       UNION ALL
       SELECT 'note', work_item_id, activity_type_id, billable, day, 0, 0, 0, note FROM cell_notes
        WHERE user_id = $user AND day >= $start AND day <= $end AND deleted_at IS NULL`,
    )
    interface Line {
      kind: 'cell' | 'added' | 'note'
      work_item_id: string | null
      activity_type_id: string | null
      billable: number
      day: string | null
      total: number
      grid: number
      entries: number
      note: string | null
    }
    // What the grid also shows, by hand as well: the period's status, whether a move of it
    // waits in the outbox, and its history. Timed as a second reference, not the baseline.
    const status = sqlite.prepare(`SELECT id, status, level, reason FROM periods WHERE user_id = ? AND start_day = ? AND deleted_at IS NULL`)
    const history = sqlite.prepare(`SELECT * FROM period_events WHERE period_id = ? ORDER BY at, id`)
    const queued = sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE entity IN ('period.submit', 'period.withdraw') AND entity_id = ?) AS queued`)
    const runWithStatus = (day: string) => {
      const p = periodOf(day)
      const period = status.get(me, p.start) as { id: string } | undefined
      return [baseline.all({ user: me, start: p.start, end: p.end }), period, period ? history.all(period.id) : [], queued.get(p.start)]
    }
    const runBaseline = (day: string) => {
      const p = periodOf(day)
      return baseline.all({ user: me, start: p.start, end: p.end }) as Line[]
    }

    // Same grid? Every cell, added row and note of a few weeks, checked before timing anything.
    for (const day of weeks.slice(0, 20)) {
      const lines = runBaseline(day)
      const sheet = await env.core.timesheet.load(day)
      const rowOf = (l: Line) => sheet.rows.find((r) => r.workItemId === l.work_item_id && r.activityTypeId === l.activity_type_id && r.billable === (l.billable === 1))
      const cells = lines.filter((l) => l.kind === 'cell')
      const shown = sheet.rows.flatMap((r) => r.cells.filter((c) => c.totalSeconds > 0 || c.entryCount > 0))
      const same =
        cells.length === shown.length &&
        cells.every((l) => {
          const c = rowOf(l)?.cells.find((x) => x.day === l.day)
          return c !== undefined && c.totalSeconds === l.total && c.gridSeconds === l.grid && c.entryCount === l.entries
        }) &&
        lines.filter((l) => l.kind === 'added').every((l) => rowOf(l)?.added === true) &&
        lines.filter((l) => l.kind === 'note').every((l) => rowOf(l) === undefined || rowOf(l)?.cells.find((c) => c.day === l.day)?.note === l.note) &&
        sheet.rows.every((r) => lines.some((l) => l.kind !== 'note' && rowOf(l) === r))
      if (!same) throw new Error(`The hand-written statement and TimesheetService.load disagree on the week of ${day}.`)
    }

    // All ways run on the same week one after the other, so a busy moment of the machine
    // (or a garbage collection) lands on both alike; who goes first alternates, because
    // the first to read a week also pays for its pages coming off disk.
    const timeInTurn = async (runs: ((day: string) => unknown)[]) => {
      for (const day of weeks.slice(0, 50)) for (const run of runs) await run(day) // warm up
      const samples = runs.map((): number[] => [])
      for (const [round, day] of weeks.entries()) {
        for (let turn = 0; turn < runs.length; turn++) {
          const index = (round + turn) % runs.length
          const run = runs[index]
          if (!run) continue
          const t = performance.now()
          await run(day)
          samples[index]?.push(performance.now() - t)
        }
      }
      return samples.map(stats)
    }
    const [hand, load, withStatus] = (await timeInTurn([runBaseline, (day) => env.core.timesheet.load(day), runWithStatus])) as [ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>]
    const sheet = await env.core.timesheet.load(weeks[0] ?? FIRST_DAY)
    const total = (sqlite.prepare('SELECT count(*) AS n FROM time_entries').get() as { n: number }).n
    const synchronous = sqlite.pragma('synchronous', { simple: true }) as number
    const journal = sqlite.pragma('journal_mode', { simple: true }) as string

    const ms = (v: number) => `${v.toFixed(3)} ms`
    const ratio = load.p95 / hand.p95
    console.log(
      [
        '',
        `Timesheet load: ${total.toLocaleString('en')} entries, ${USERS} users, ${days.length} weekdays (${(perUser / days.length).toFixed(1)} entries a day each), generated in ${(generated / 1000).toFixed(1)} s; journal_mode=${journal}, synchronous=${synchronous === 2 ? 'FULL' : synchronous}.`,
        `A week of one user is ${sheet.rows.length} rows, ${sheet.rows.reduce((n, r) => n + r.cells.filter((c) => c.entryCount > 0).length, 0)} cells with time, ${sheet.history.length} history events; ${ROUNDS} random weeks each way.`,
        row('baseline: one prepared statement, the grid’s lines: median', ms(hand.median), '(baseline)', true),
        row('baseline: one prepared statement, the grid’s lines: p95', ms(hand.p95), '(baseline)', true),
        row('TimesheetService.load, the whole grid: median', ms(load.median), '< 5 ms', load.median < 5),
        row('TimesheetService.load, the whole grid: p95', ms(load.p95), '< 5 ms', load.p95 < 5),
        row('load median / baseline median', (load.median / hand.median).toFixed(2), '<= 1.3', load.median / hand.median <= 1.3),
        row('load p95 / baseline p95', ratio.toFixed(2), '<= 1.3', ratio <= 1.3),
        row('reference: the baseline + status, history, outbox by hand: median', ms(withStatus.median), '', true),
        row('load median / that reference median', (load.median / withStatus.median).toFixed(2), '<= 1.3', load.median / withStatus.median <= 1.3),
        '',
      ].join('\n'),
    )
  } finally {
    await env.dispose()
  }
}, 600_000)
