// npm run bench -- reports — a team report on the team server's database, SQLite and
// PostgreSQL. The server's own schema (its migrations and indexes) holds one million
// entries and their timer runs (bench/support/report-data.ts). We time the report engine
// (runReport, through Kysely: the people it covers, one statement that sums and groups,
// the customers' names, ordering, and its second pass for the "Overlapped" measure over
// the entries' runs) for a year of the 50-person team grouped by customer and month,
// against the best hand-written way to the same rows: one prepared statement that sums
// each work item's entries per month first, then joins work items and customers' names to
// those groups and sums them per customer; and one prepared statement that hands over only
// the runs that overlap another billable run of the same person (window functions over
// each person's runs in time order: the latest end before a run, the next start after
// it), with their entry's customer and day, put through the overlap rule
// (src/shared/billing/entry-overlap.ts, the one home of what "overlapped" means) and
// summed per customer and month. Both run in turn on the same database in the same run;
// the figures are medians, the ratio engine / hand-written. Target: ratio ≤ 1.3 on each
// database, for an approver (a list of people) and an admin (a team filter).
// The PostgreSQL cluster is a throwaway one (tests/support/postgres.ts) whose fsync is
// off; these are reads, which durability settings do not enter.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely } from 'kysely'
import pg from 'pg'
import { it } from 'vitest'
import { overlappedMsByEntry, type EntryRun } from '@shared/billing/entry-overlap'
import { addDays } from '@shared/periods'
import type { ReportQueryInput, ReportResult } from '@shared/reports'
import { runReport, type ReportScope, type ReportStore } from '@shared/reports/engine'
import { SERVER_DATABASE_FILE_NAME, openServerDatabase } from '../src/server/db/open'
import type { ServerDatabase } from '../src/server/db/schema'
import { ServerSqliteDialect } from '../src/server/db/sqlite-dialect'
import { teamReportStore } from '../src/server/reports/team-reports'
import { startPostgres } from '../tests/support/postgres'
import { comparison, ms, note, stats, type Stats } from './support/print'
import { CUSTOMERS, TARGET_ENTRIES, TEAM, USERS, WORK_ITEMS, copyToPostgres, generate } from './support/report-data'
import { timeInTurns } from './support/turns'

const ROUNDS = Number(process.env['BENCH_REPORT_ROUNDS'] ?? 15)
const YEAR = { from: '2025-01-01', to: '2025-12-31' }
const TARGET = { atMost: 1.3 }

interface SqlRow {
  customer_id: string | null
  customer: string | null
  month: string
  total: number
  billable: number
  entries: number
  overlapped: number
}

/** The best hand-written SQL for the report: sums per work item and month first, then names joined to those few thousand groups. */
function bestSql(people: string, dialect: 'sqlite' | 'postgres'): string {
  return `SELECT w.customer_id, c.name AS customer, g.month, sum(g.total) AS total, sum(g.billable) AS billable, sum(g.entries) AS entries
    FROM (SELECT e.work_item_id, substr(e.day, 1, 7) AS month, sum(e.rounded_seconds) AS total, sum(e.rounded_seconds * e.billable) AS billable, count(*) AS entries
          FROM time_entries e
          WHERE e.deleted_at IS NULL AND e.day >= ${dialect === 'sqlite' ? '?' : '$1'} AND e.day <= ${dialect === 'sqlite' ? '?' : '$2'} AND e.status <> 'voided' AND e.user_id IN (${people})
          GROUP BY e.work_item_id, substr(e.day, 1, 7)) g
    LEFT JOIN work_items w ON w.id = g.work_item_id
    LEFT JOIN customers c ON c.id = w.customer_id
    GROUP BY w.customer_id, c.name, g.month
    ORDER BY c.name IS NULL, c.name, g.month`
}

/**
 * The best hand-written statement for the overlapped measure's candidates: each person's
 * billable live runs of the range (a day either side: a run before midnight overlaps one
 * after it) in time order, kept when the latest end before it is later than its start or
 * the next start is earlier than its end, i.e. when it overlaps another run of the same
 * person; with its entry's day and customer. Found the fastest of the ways tried: reading
 * every run, or an EXISTS self-join per run (a person's runs have no index by time).
 */
function overlapSql(people: string, dialect: 'sqlite' | 'postgres'): string {
  return `SELECT c.entry_id, c.started_at, c.ended_at, c.user_id, c.day, w.customer_id
    FROM (SELECT r.entry_id, r.started_at, r.ended_at, e.user_id, e.day, e.work_item_id,
            max(r.ended_at) OVER (PARTITION BY e.user_id ORDER BY r.started_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS ended_before,
            lead(r.started_at) OVER (PARTITION BY e.user_id ORDER BY r.started_at) AS next_start
          FROM entry_runs r JOIN time_entries e ON e.id = r.entry_id
          WHERE e.deleted_at IS NULL AND e.day >= ${dialect === 'sqlite' ? '?' : '$1'} AND e.day <= ${dialect === 'sqlite' ? '?' : '$2'} AND e.billable = 1 AND e.status <> 'voided' AND e.user_id IN (${people})) c
    LEFT JOIN work_items w ON w.id = c.work_item_id
    WHERE c.ended_before > c.started_at OR c.next_start < c.ended_at`
}

/** The candidate runs through the overlap rule, person by person; each entry of the range's whole overlapped seconds added to its customer and month. */
function overlappedByRow(runs: readonly Record<string, unknown>[]): Map<string, number> {
  const byPerson = new Map<string, EntryRun[]>()
  const entries = new Map<string, { day: string; customer: string | null }>()
  for (const run of runs) {
    const person = run['user_id'] as string
    const list = byPerson.get(person) ?? []
    if (list.length === 0) byPerson.set(person, list)
    list.push({ entryId: run['entry_id'] as string, startedAt: Number(run['started_at']), endedAt: Number(run['ended_at']), billable: true })
    entries.set(run['entry_id'] as string, { day: run['day'] as string, customer: run['customer_id'] as string | null })
  }
  const byRow = new Map<string, number>()
  for (const list of byPerson.values()) {
    for (const [id, ms] of overlappedMsByEntry(list)) {
      const entry = entries.get(id)
      if (entry === undefined || entry.day < YEAR.from || entry.day > YEAR.to) continue
      const key = `${entry.customer}|${entry.day.slice(0, 7)}`
      byRow.set(key, (byRow.get(key) ?? 0) + Math.floor(ms / 1000))
    }
  }
  return byRow
}

/** The days the candidates are read for. */
const RUN_DAYS = [addDays(YEAR.from, -1), addDays(YEAR.to, 1)] as const

/** The numbers as numbers (PostgreSQL returns sums as numeric text): part of the hand-written way's work, as it is of the engine's. */
function numeric(rows: readonly Record<string, unknown>[], overlapped: Map<string, number>): SqlRow[] {
  return rows.map((row) => ({
    customer_id: row['customer_id'] as string | null,
    customer: row['customer'] as string | null,
    month: row['month'] as string,
    total: Number(row['total']),
    billable: Number(row['billable']),
    entries: Number(row['entries']),
    overlapped: overlapped.get(`${row['customer_id'] as string | null}|${row['month'] as string}`) ?? 0,
  }))
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
    overlapped: r.overlappedSeconds ?? 0,
  }))
}

interface Asks {
  approver: { scope: ReportScope; query: ReportQueryInput }
  admin: { scope: ReportScope; query: ReportQueryInput }
}

/** What the server passes for the team's approver (their people), and what an admin asks (a team filter). */
function asks(users: readonly string[]): Asks {
  return {
    approver: { scope: { userIds: users }, query: { ...YEAR, groupBy: ['customer', 'month'] } },
    admin: { scope: {}, query: { ...YEAR, groupBy: ['customer', 'month'], filters: { teamIds: [TEAM] } } },
  }
}

/** Checks both ways return the same rows, then times them in turn; the printed lines. */
async function compare(database: string, store: ReportStore, users: readonly string[], handWritten: { approver: () => Promise<SqlRow[]>; admin: () => Promise<SqlRow[]> }): Promise<string[]> {
  const { approver, admin } = asks(users)
  const engine = { approver: () => runReport(store, approver.scope, approver.query), admin: () => runReport(store, admin.scope, admin.query) }
  const report = await engine.approver()
  for (const who of ['approver', 'admin'] as const) {
    const [ours, theirs] = [asSqlRows(await engine[who]()), await handWritten[who]()]
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`${database}: the engine and the hand-written statement returned different rows (${who}).`)
  }
  const overlapped = report.totals.overlappedSeconds ?? 0
  if (overlapped === 0) throw new Error(`${database}: no overlapped time: the runs are missing.`)
  const samples = await timeInTurns([handWritten.approver, engine.approver, handWritten.admin, engine.admin], ROUNDS)
  const [sqlPeople, enginePeople, sqlTeam, engineTeam] = samples.map((way) => stats(way.wall)) as [Stats, Stats, Stats, Stats]
  const [sqlPeopleCpu, enginePeopleCpu, sqlTeamCpu, engineTeamCpu] = samples.map((way) => stats(way.cpu).median) as [number, number, number, number]
  return [
    `${database}: ${YEAR.from} to ${YEAR.to} by customer and month, ${report.rows.length} rows from ${report.totals.entryCount.toLocaleString('en')} entries, ${Math.round(overlapped / 3600).toLocaleString('en')} h overlapped; ${ROUNDS} rounds each way, medians.`,
    comparison(`${database}: the team's approver (${USERS} people), median`, enginePeople.median, sqlPeople.median, ms, TARGET).line,
    comparison(`${database}: an admin filtering by team, median`, engineTeam.median, sqlTeam.median, ms, TARGET).line,
    note(`${database}: p95 engine / hand-written (approver; admin)`, `${(enginePeople.p95 / sqlPeople.p95).toFixed(2)}; ${(engineTeam.p95 / sqlTeam.p95).toFixed(2)}`),
    // In-process CPU time: steady under load on SQLite; on PostgreSQL it leaves out the server's work.
    note(`${database}: CPU time of this process, engine / hand-written (approver; admin)`, `${ms(enginePeopleCpu)} / ${ms(sqlPeopleCpu)}; ${ms(engineTeamCpu)} / ${ms(sqlTeamCpu)}`),
  ]
}

it(`a year of a ${USERS}-person team by customer and month, from ${TARGET_ENTRIES.toLocaleString('en')} entries, on SQLite and PostgreSQL`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-bench-reports-'))
  const lines: string[] = ['']
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
    const total = (connection.prepare('SELECT count(*) AS n FROM time_entries').get() as { n: number }).n
    const runs = (connection.prepare('SELECT count(*) AS n FROM entry_runs').get() as { n: number }).n
    lines.push(`Reports: ${total.toLocaleString('en')} entries (${runs.toLocaleString('en')} timer runs), ${USERS} people, ${days} weekdays, ${WORK_ITEMS} work items over ${CUSTOMERS} customers; generated in ${(generated / 1000).toFixed(1)} s.`)

    const db = new Kysely<ServerDatabase>({ dialect: new ServerSqliteDialect(connection) })
    const byPeople = connection.prepare(bestSql(users.map(() => '?').join(', '), 'sqlite'))
    const overlapOfPeople = connection.prepare(overlapSql(users.map(() => '?').join(', '), 'sqlite'))
    // The admin's team filter the best way found for each database: the team's people as a
    // list read first (on PostgreSQL a subquery here was planned as a parallel scan, twice as slow).
    const members = connection.prepare('SELECT user_id FROM team_members WHERE team_id = ?').pluck()
    lines.push(
      ...(await compare('SQLite', teamReportStore(db), users, {
        approver: () => {
          const overlapped = overlappedByRow(overlapOfPeople.all(...RUN_DAYS, ...users) as Record<string, unknown>[])
          return Promise.resolve(numeric(byPeople.all(YEAR.from, YEAR.to, ...users) as Record<string, unknown>[], overlapped))
        },
        admin: () => {
          const people = members.all(TEAM) as string[]
          const list = people.map(() => '?').join(', ')
          const overlapped = overlappedByRow(connection.prepare(overlapSql(list, 'sqlite')).all(...RUN_DAYS, ...people) as Record<string, unknown>[])
          return Promise.resolve(numeric(connection.prepare(bestSql(list, 'sqlite')).all(YEAR.from, YEAR.to, ...people) as Record<string, unknown>[], overlapped))
        },
      })),
    )
    await db.destroy() // closes the connection too
    sqlite = undefined

    const cluster = await startPostgres()
    const client = new pg.Client({ connectionString: cluster.url })
    let server: Awaited<ReturnType<typeof openServerDatabase>> | undefined
    try {
      server = await openServerDatabase({ url: cluster.url, dataDir })
      await client.connect()
      const copying = performance.now()
      const source = new SqliteDatabase(join(dataDir, SERVER_DATABASE_FILE_NAME), { readonly: true })
      try {
        await copyToPostgres(source, client)
      } finally {
        source.close()
      }
      lines.push(`PostgreSQL: the same rows copied in ${((performance.now() - copying) / 1000).toFixed(1)} s.`)
      const people = users.map((_, i) => `$${i + 3}`).join(', ')
      // Named statements: prepared once on this connection, as a server's hot query would be.
      const approverStatement = { name: 'report-people', text: bestSql(people, 'postgres') }
      const overlapStatement = { name: 'report-overlap', text: overlapSql(people, 'postgres') }
      const membersStatement = { name: 'team-members', text: 'SELECT user_id FROM team_members WHERE team_id = $1' }
      const handWritten = async (who: readonly string[]) => {
        const overlapped = overlappedByRow((await client.query({ ...overlapStatement, values: [...RUN_DAYS, ...who] })).rows as Record<string, unknown>[])
        return numeric((await client.query({ ...approverStatement, values: [YEAR.from, YEAR.to, ...who] })).rows as Record<string, unknown>[], overlapped)
      }
      lines.push(
        ...(await compare('PostgreSQL', teamReportStore(server.db), users, {
          approver: () => handWritten(users),
          admin: async () => handWritten(((await client.query({ ...membersStatement, values: [TEAM] })).rows as { user_id: string }[]).map((row) => row.user_id)),
        })),
      )
    } finally {
      await client.end().catch(() => undefined)
      await server?.close()
      await cluster.stop()
    }
    console.log([...lines, ''].join('\n'))
  } finally {
    sqlite?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 900_000)
