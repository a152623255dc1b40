// The team-report bench's data: the team server's own schema (migrated by the server)
// holding one million entries of 50 people over five years of weekdays, ~300 work items
// over 40 customers with contracts, generated into SQLite and copied row for row to
// PostgreSQL, so both databases answer the same report over the same rows. Every entry has
// its timer run(s) in entry_runs, as a technician's day has them: laid end to end from
// 08:00, one in ten split in two by a short pause, and about one in thirteen started while
// the previous entry still ran (a second timer at once: the "Overlapped" measure's work).
import type SqliteDatabase from 'better-sqlite3'
import type pg from 'pg'
import { addDays, weekdayOf } from '@shared/periods'
import { seededRandom } from '@shared/testing/seeded-random'

export const USERS = 50
export const YEARS = 5
export const CUSTOMERS = 40
export const WORK_ITEMS = 300
export const TARGET_ENTRIES = Number(process.env['BENCH_ENTRIES'] ?? 1_000_000)
const FIRST_DAY = '2021-11-15' // a Monday; five years of weekdays to November 2026
export const TEAM = 'team-1'
/** The share of entries started while the previous one of the day still runs. */
const BESIDE = 0.075
/** The share of entries whose time is two runs with a pause between. */
const SPLIT = 0.1
const MINUTE = 60_000

/** The server's schema, migrated by the server itself, then 1M entries written straight in. */
export function generate(sqlite: SqliteDatabase.Database): { users: string[]; days: number } {
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
  const run = sqlite.prepare(`INSERT INTO entry_runs (entry_id, started_at, ended_at, zone, is_primary) VALUES (?, ?, ?, 'UTC', 0)`)
  // The runs' own stream, so the entries are the same as before runs were generated.
  const timing = seededRandom(11)
  let count = 0
  for (const user of users) {
    sqlite.transaction(() => {
      for (const [index, day] of days.entries()) {
        const week = Math.floor(index / 5)
        let cursor = Date.parse(`${day}T08:00:00Z`)
        let previous = { start: cursor, ms: 0 }
        for (let n = 0; n < entriesOn(index); n++) {
          // A handful of tickets a week per person, as technicians work.
          const item = `item-${(week * 7 + Math.floor(random() * 12)) % WORK_ITEMS}`
          const seconds = 900 * (1 + Math.floor(random() * 4))
          const roll = random()
          const status = index >= days.length - 10 ? 'draft' : roll < 0.01 ? 'voided' : roll < 0.02 ? 'rejected' : 'approved'
          count++
          const id = `e${String(count).padStart(8, '0')}`
          insert.run(id, user, day, item, types[count % types.length] ?? null, random() < 0.8 ? 1 : 0, seconds, seconds, status, random() < 0.005 ? 1 : null, count)
          const ms = seconds * 1000
          const roll2 = timing()
          if (n > 0 && roll2 < BESIDE) {
            // Started a whole number of minutes into the previous entry, while it still ran.
            const start = previous.start + MINUTE * Math.floor(timing() * (previous.ms / MINUTE - 1) + 1)
            run.run(id, start, start + ms)
            cursor = Math.max(cursor, start + ms)
            previous = { start, ms }
          } else if (roll2 < BESIDE + SPLIT) {
            const first = MINUTE * Math.floor(timing() * (ms / MINUTE - 1) + 1)
            const pause = MINUTE * (5 + Math.floor(timing() * 10))
            run.run(id, cursor, cursor + first)
            run.run(id, cursor + first + pause, cursor + ms + pause)
            previous = { start: cursor, ms: ms + pause }
            cursor += ms + pause
          } else {
            run.run(id, cursor, cursor + ms)
            previous = { start: cursor, ms }
            cursor += ms
          }
        }
      }
    })()
  }
  sqlite.exec('ANALYZE')
  return { users, days: days.length }
}

/** The tables the data lives in, parents first (foreign keys are checked as rows arrive). */
const TABLES = ['users', 'teams', 'team_members', 'customers', 'contracts', 'activity_types', 'work_items', 'time_entries', 'entry_runs']
const COPY_BATCH = 20_000

/**
 * Copies every row of the generated tables from SQLite to a migrated PostgreSQL database
 * (same schema, same columns), a batch per statement through json_populate_recordset,
 * then VACUUM ANALYZE, as a long-running server's tables would be. The rows are the
 * server's own already (its foreign keys held in SQLite), so the copy skips the foreign
 * key triggers (session_replication_role, as pg_restore does): checked row by row they
 * made the copy take minutes.
 */
export async function copyToPostgres(sqlite: SqliteDatabase.Database, client: pg.Client): Promise<void> {
  await client.query('SET session_replication_role = replica')
  for (const table of TABLES) {
    let batch: unknown[] = []
    const flush = async () => {
      if (batch.length === 0) return
      await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)`, [JSON.stringify(batch)])
      batch = []
    }
    await client.query('BEGIN')
    for (const row of sqlite.prepare(`SELECT * FROM ${table}`).iterate()) {
      batch.push(row)
      if (batch.length >= COPY_BATCH) await flush()
    }
    await flush()
    await client.query('COMMIT')
  }
  await client.query('SET session_replication_role = DEFAULT')
  await client.query('VACUUM ANALYZE')
}
