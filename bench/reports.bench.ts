// npm run bench — a team report on the team server's SQLite. A real server database
// (its own migrations and indexes) holds one million entries: 50 people, five years of
// weekdays, ~300 work items over 40 customers with contracts. We time the report engine
// (one GROUP BY through Kysely, the customers' names, ordering) for a year of the
// 50-person team grouped by customer and month, against one hand-written prepared
// statement that returns the same rows with the names, in the same run on the same
// connection. Target: ratio ≤ 1.5.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely } from 'kysely'
import { it } from 'vitest'
import { addDays, weekdayOf } from '@shared/periods'
import type { ReportQueryInput, ReportResult } from '@shared/reports'
import { runReport, type ReportScope } from '@shared/reports/engine'
import { seededRandom } from '@shared/testing/seeded-random'
import { SERVER_DATABASE_FILE_NAME, openServerDatabase } from '../src/server/db/open'
import type { ServerDatabase } from '../src/server/db/schema'
import { ServerSqliteDialect } from '../src/server/db/sqlite-dialect'
import { teamReportStore } from '../src/server/reports/team-reports'

const USERS = 50
const YEARS = 5
const CUSTOMERS = 40
const WORK_ITEMS = 300
const TARGET_ENTRIES = Number(process.env['BENCH_ENTRIES'] ?? 1_000_000)
const ROUNDS = Number(process.env['BENCH_REPORT_ROUNDS'] ?? 15)
const FIRST_DAY = '2021-11-15' // a Monday; five years of weekdays to November 2026
const YEAR = { from: '2025-01-01', to: '2025-12-31' }
const TEAM = 'team-1'

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95) }
}

function row(label: string, measured: string, target: string, ok: boolean): string {
  return `${ok ? 'ok  ' : 'MISS'}  ${label.padEnd(58)} ${measured.padStart(16)}   target ${target}`
}

/** The server's schema, migrated by the server itself, then 1M entries written straight in. */
function generate(sqlite: SqliteDatabase.Database): { users: string[]; days: number } {
  const random = seededRandom(7)
  const users = Array.from({ length: USERS }, (_, i) => `user-${String(i + 1).padStart(2, '0')}`)
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => `cust-${String(i + 1).padStart(2, '0')}`)
  const synced = 'created_at, updated_at, seq'
  sqlite.transaction(() => {
    const user = sqlite.prepare(`INSERT INTO users (id, name, email, role, created_at, updated_at) VALUES (?, ?, ?, 'member', 0, 0)`)
    users.forEach((id, i) => user.run(id, `Person ${i + 1}`, `${id}@example.com`))
    sqlite.prepare(`INSERT INTO teams (id, name, created_at, updated_at) VALUES (?, 'Service Desk', 0, 0)`).run(TEAM)
    const member = sqlite.prepare('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)')
    for (const id of users) member.run(TEAM, id)
    const customer = sqlite.prepare(`INSERT INTO customers (id, name, ${synced}) VALUES (?, ?, 0, 0, 1)`)
    const contract = sqlite.prepare(`INSERT INTO contracts (id, customer_id, name, included_minutes, ${synced}) VALUES (?, ?, ?, ?, 0, 0, 1)`)
    customers.forEach((id, i) => {
      customer.run(id, `Customer ${String(i + 1).padStart(2, '0')} Ltd`)
      contract.run(`contract-${i + 1}`, id, 'Managed IT', 600 * (1 + (i % 4)))
    })
    // Nine in ten work items belong to a customer (most under its contract); the rest are internal.
    const item = sqlite.prepare(`INSERT INTO work_items (id, kind, reference, title, customer_id, contract_id, ${synced}) VALUES (?, 'ticket', ?, ?, ?, ?, 0, 0, 1)`)
    for (let i = 0; i < WORK_ITEMS; i++) {
      const owner = i % 10 === 9 ? null : i % CUSTOMERS
      item.run(`item-${i}`, `T-${10000 + i}`, `Ticket ${i}`, owner === null ? null : customers[owner], owner !== null && i % 5 !== 0 ? `contract-${owner + 1}` : null)
    }
  })()
  const types = (sqlite.prepare('SELECT id FROM activity_types').all() as { id: string }[]).map((t) => t.id)
  if (types.length === 0) {
    const type = sqlite.prepare(`INSERT INTO activity_types (id, name, ${synced}) VALUES (?, ?, 0, 0, 1)`)
    for (const name of ['Remote support', 'On-site', 'Admin', 'Meeting', 'Training']) {
      type.run(`type-${name}`, name)
      types.push(`type-${name}`)
    }
  }

  const days: string[] = []
  for (let i = 0; days.length < YEARS * 261; i++) {
    const day = addDays(FIRST_DAY, i)
    const weekday = weekdayOf(day)
    if (weekday !== 0 && weekday !== 6) days.push(day)
  }
  const perUser = TARGET_ENTRIES / USERS
  const entriesOn = (index: number) => Math.floor(((index + 1) * perUser) / days.length) - Math.floor((index * perUser) / days.length)
  const insert = sqlite.prepare(
    `INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, source, raw_seconds, rounded_seconds, status, deleted_at, created_at, updated_at, seq)
     VALUES (?, ?, ?, ?, ?, ?, 'grid', ?, ?, ?, ?, 0, 0, ?)`,
  )
  let count = 0
  for (const user of users) {
    sqlite.transaction(() => {
      for (const [index, day] of days.entries()) {
        const week = Math.floor(index / 5)
        for (let n = 0; n < entriesOn(index); n++) {
          // A handful of tickets a week per person, as technicians work.
          const item = `item-${(week * 7 + Math.floor(random() * 12)) % WORK_ITEMS}`
          const seconds = 900 * (1 + Math.floor(random() * 4))
          const roll = random()
          const status = index >= days.length - 10 ? 'draft' : roll < 0.01 ? 'voided' : roll < 0.02 ? 'rejected' : 'approved'
          count++
          insert.run(`e${String(count).padStart(8, '0')}`, user, day, item, types[count % types.length] ?? null, random() < 0.8 ? 1 : 0, seconds, seconds, status, random() < 0.005 ? 1 : null, count)
        }
      }
    })()
  }
  sqlite.exec('ANALYZE')
  return { users, days: days.length }
}

it(`a year of a ${USERS}-person team by customer and month, from ${TARGET_ENTRIES.toLocaleString('en')} entries`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-bench-reports-'))
  let sqlite: SqliteDatabase.Database | undefined
  try {
    await (await openServerDatabase({ dataDir })).close()
    // The server's pragmas on one connection that both ways of reading share; durability
    // is off only while generating.
    const connection = new SqliteDatabase(join(dataDir, SERVER_DATABASE_FILE_NAME))
    sqlite = connection
    connection.pragma('journal_mode = WAL')
    connection.pragma('synchronous = OFF')
    const started = performance.now()
    const { users, days } = generate(connection)
    const generated = performance.now() - started
    connection.pragma('synchronous = FULL')
    connection.pragma('foreign_keys = ON')
    const db = new Kysely<ServerDatabase>({ dialect: new ServerSqliteDialect(connection) })
    const store = teamReportStore(db)

    // What the server passes for the team's approver (their people), and what an admin asks (a team filter).
    const approver: { scope: ReportScope; query: ReportQueryInput } = { scope: { userIds: users }, query: { ...YEAR, groupBy: ['customer', 'month'] } }
    const admin: { scope: ReportScope; query: ReportQueryInput } = { scope: {}, query: { ...YEAR, groupBy: ['customer', 'month'], filters: { teamIds: [TEAM] } } }
    // Grouped first, named after: the names of 40 customers are not looked up 200,000 times.
    const statement = (people: string) =>
      connection.prepare(
        `SELECT g.customer_id, c.name AS customer, g.month, g.total, g.billable, g.entries
         FROM (SELECT w.customer_id AS customer_id, substr(e.day, 1, 7) AS month,
                      sum(e.rounded_seconds) AS total, sum(e.rounded_seconds * e.billable) AS billable, count(*) AS entries
               FROM time_entries e LEFT JOIN work_items w ON w.id = e.work_item_id
               WHERE e.deleted_at IS NULL AND e.day >= ? AND e.day <= ? AND e.status != 'voided' AND e.user_id IN (${people})
               GROUP BY w.customer_id, month) g
         LEFT JOIN customers c ON c.id = g.customer_id
         ORDER BY c.name IS NULL, c.name, g.month`,
      )
    const byPeople = statement(users.map(() => '?').join(', '))
    const byTeam = statement('SELECT user_id FROM team_members WHERE team_id = ?')
    const handWritten = {
      approver: () => byPeople.all(YEAR.from, YEAR.to, ...users) as SqlRow[],
      admin: () => byTeam.all(YEAR.from, YEAR.to, TEAM) as SqlRow[],
    }

    // Same rows? Checked before timing anything.
    const viaEngine = await runReport(store, approver.scope, approver.query)
    for (const [name, sqlRows] of [['approver', handWritten.approver()], ['admin', handWritten.admin()]] as const) {
      const engineRows = name === 'approver' ? viaEngine : await runReport(store, admin.scope, admin.query)
      if (JSON.stringify(asSqlRows(engineRows)) !== JSON.stringify(sqlRows)) throw new Error(`The engine and the hand-written statement returned different rows (${name}).`)
    }

    // Each way runs in turn, who goes first rotating, so a busy moment of the machine
    // (or a garbage collection) lands on all alike.
    const runs = [handWritten.approver, () => runReport(store, approver.scope, approver.query), handWritten.admin, () => runReport(store, admin.scope, admin.query)]
    for (const run of runs) await run() // warm up
    const samples = runs.map((): number[] => [])
    for (let round = 0; round < ROUNDS; round++) {
      for (let turn = 0; turn < runs.length; turn++) {
        const index = (round + turn) % runs.length
        const t = performance.now()
        await runs[index]?.()
        samples[index]?.push(performance.now() - t)
      }
    }
    const [sqlPeople, enginePeople, sqlTeam, engineTeam] = samples.map(stats) as [ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>]
    const total = (connection.prepare('SELECT count(*) AS n FROM time_entries').get() as { n: number }).n
    await db.destroy()
    sqlite = undefined

    const ms = (v: number) => `${v.toFixed(1)} ms`
    const ratio = enginePeople.median / sqlPeople.median
    const teamRatio = engineTeam.median / sqlTeam.median
    console.log(
      [
        '',
        `Reports: ${total.toLocaleString('en')} entries, ${USERS} people, ${days} weekdays, ${WORK_ITEMS} work items over ${CUSTOMERS} customers; generated in ${(generated / 1000).toFixed(1)} s.`,
        `${YEAR.from} to ${YEAR.to} of the ${USERS}-person team by customer and month: ${viaEngine.rows.length} rows from ${viaEngine.totals.entryCount.toLocaleString('en')} entries; ${ROUNDS} rounds each way.`,
        row('prepared SQL, GROUP BY customer, month (+ names): median', ms(sqlPeople.median), '(baseline)', true),
        row('runReport for the team’s approver (50 people): median', ms(enginePeople.median), `≤ ${ms(1.5 * sqlPeople.median)}`, ratio <= 1.5),
        row('runReport median / prepared SQL median', ratio.toFixed(2), '≤ 1.5', ratio <= 1.5),
        row('runReport: p95 / prepared SQL p95', (enginePeople.p95 / sqlPeople.p95).toFixed(2), '(for reference)', true),
        row('an admin filtering by team: prepared SQL median', ms(sqlTeam.median), '(baseline)', true),
        row('an admin filtering by team: runReport / prepared SQL', teamRatio.toFixed(2), '≤ 1.5', teamRatio <= 1.5),
        '',
      ].join('\n'),
    )
  } finally {
    sqlite?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 600_000)

interface SqlRow {
  customer_id: string | null
  customer: string | null
  month: string
  total: number
  billable: number
  entries: number
}

/** The engine's rows in the hand-written statement's shape and order (customer name, no customer last, month). */
function asSqlRows(result: ReportResult): SqlRow[] {
  return result.rows.map((r) => ({
    customer_id: r.keys[0]?.id ?? null,
    customer: r.keys[0]?.id === null ? null : (r.keys[0]?.label ?? null),
    month: r.keys[1]?.id ?? '',
    total: r.totalSeconds,
    billable: r.billableSeconds,
    entries: r.entryCount,
  }))
}
