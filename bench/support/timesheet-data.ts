// The timesheet-load bench's data: the device's own schema (the app's indexes and
// pragmas) holding one million entries: 50 users, five years of weekdays, about fifteen
// entries a day each, with approved periods (and their history), rows added by hand and
// cell notes for the device's own user.
import type SqliteDatabase from 'better-sqlite3'
import { addDays } from '@shared/periods'
import { seededRandom } from '@shared/testing/seeded-random'

export const USERS = 50
export const YEARS = 5
export const TARGET_ENTRIES = Number(process.env['BENCH_ENTRIES'] ?? 1_000_000)
export const FIRST_DAY = '2021-11-15' // a Monday; five years of weekdays end in the week of the fake clock (16 Nov 2026)

export interface TimesheetData {
  /** Every weekday that holds entries, oldest first. */
  days: string[]
  /** Entries per user and weekday, on average. */
  perDay: number
}

/** Fills the device's database; `me` is the device's own user, whose periods, rows and notes are written too. */
export function generateTimesheetData(sqlite: SqliteDatabase.Database, me: string): TimesheetData {
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
  return { days, perDay: perUser / days.length }
}
