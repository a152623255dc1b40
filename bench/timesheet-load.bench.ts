// npm run bench — loading one user's period grid from a big database. A real SQLite
// file (the app's own schema and indexes) holds one million entries: 50 users, five
// years of weekdays, about fifteen entries a day each. We time TimesheetService.load
// for random weeks of one user (everything the grid needs: status, entries, added rows,
// notes, names, grouping into cells) against one hand-written prepared statement that
// returns the same grid rows (cells grouped by SQLite), in the same run. Targets: p95 <
// 5 ms, ratio < 1.5. Also: the raw entry rows through Kysely against the same statement.
import { it } from 'vitest'
import { addDays } from '@shared/periods'
import { seededRandom } from '@shared/testing/seeded-random'
import { liveEntries } from '../src/main/entries/entry-reads'
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
    sqlite.exec('ANALYZE')
    const generated = performance.now() - started

    // Random weeks of one user, the same weeks for both ways of reading them.
    const weeks = Array.from({ length: ROUNDS }, () => days[Math.floor(random() * days.length)] ?? FIRST_DAY)
    const periodOf = (day: string) => env.core.timesheet.periodOf(day)
    const prepared = sqlite.prepare(
      `SELECT id, day, work_item_id, activity_type_id, billable, source, rounded_seconds, created_at FROM time_entries
       WHERE user_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL AND status != 'voided'`,
    )

    // Same rows? Checked once before timing anything.
    const probe = periodOf(weeks[0] ?? FIRST_DAY)
    const viaKysely = await liveEntries(env.core.store.db, me, probe.start, probe.end).execute()
    const viaSql = prepared.all(me, probe.start, probe.end)
    if (JSON.stringify(viaKysely) !== JSON.stringify(viaSql)) throw new Error('The prepared statement and the grid query returned different rows.')

    // Every way of reading runs on the same week one after the other, so a busy moment of
    // the machine (or a garbage collection) lands on all of them alike; who goes first
    // rotates, because the first to read a week also pays for its pages coming off disk.
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
    // The grid's rows in one hand-written statement: one line per (row, day) cell with the
    // cell's total, its hand-entered part and its entry count, as TimesheetService.load returns them.
    const cells = sqlite.prepare(
      `SELECT work_item_id, activity_type_id, billable, day, sum(rounded_seconds) AS total,
              sum(CASE WHEN source = 'grid' THEN rounded_seconds ELSE 0 END) AS grid,
              sum(source != 'grid' OR rounded_seconds > 0) AS entries
       FROM time_entries
       WHERE user_id = ? AND day >= ? AND day <= ? AND deleted_at IS NULL AND status != 'voided'
       GROUP BY work_item_id, activity_type_id, billable, day`,
    )
    const cellTotal = (cells.all(me, probe.start, probe.end) as { total: number }[]).reduce((sum, c) => sum + c.total, 0)
    const loadTotal = (await env.core.timesheet.load(probe.start)).rows.reduce((sum, r) => sum + r.totalSeconds, 0)
    if (cellTotal !== loadTotal) throw new Error(`The hand-written cells add up to ${cellTotal} s, the grid to ${loadTotal} s.`)

    const [grouped, baseline, query, load] = (await timeInTurn([
      (day) => {
        const p = periodOf(day)
        return cells.all(me, p.start, p.end)
      },
      (day) => {
        const p = periodOf(day)
        return prepared.all(me, p.start, p.end)
      },
      (day) => {
        const p = periodOf(day)
        return liveEntries(env.core.store.db, me, p.start, p.end).execute()
      },
      (day) => env.core.timesheet.load(day),
    ])) as [ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>]
    const sheet = await env.core.timesheet.load(weeks[0] ?? FIRST_DAY)
    const total = (sqlite.prepare('SELECT count(*) AS n FROM time_entries').get() as { n: number }).n

    const ms = (v: number) => `${v.toFixed(3)} ms`
    const ratio = load.p95 / grouped.p95
    console.log(
      [
        '',
        `Timesheet load: ${total.toLocaleString('en')} entries, ${USERS} users, ${days.length} weekdays (${(perUser / days.length).toFixed(1)} entries a day each), generated in ${(generated / 1000).toFixed(1)} s.`,
        `A week of one user is ${sheet.rows.length} rows; ${ROUNDS} random weeks each way.`,
        row('prepared SQL, the grid’s cells (GROUP BY row, day): median', ms(grouped.median), '(baseline)', true),
        row('prepared SQL, the grid’s cells: p95', ms(grouped.p95), '(baseline)', true),
        row('TimesheetService.load, the whole grid: median', ms(load.median), '< 5 ms', load.median < 5),
        row('TimesheetService.load, the whole grid: p95', ms(load.p95), '< 5 ms', load.p95 < 5),
        row('load p95 / prepared grid SQL p95', ratio.toFixed(2), '< 1.5', ratio < 1.5),
        row('prepared SQL, the raw entry rows: p95', ms(baseline.p95), '(for reference)', true),
        row('the same entry rows through Kysely: p95 / prepared p95', (query.p95 / baseline.p95).toFixed(2), '< 1.5', query.p95 / baseline.p95 < 1.5),
        '',
      ].join('\n'),
    )
  } finally {
    await env.dispose()
  }
}, 600_000)
