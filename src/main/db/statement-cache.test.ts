import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { expect, it } from 'vitest'
import { withStatementCache } from './statement-cache'

it('prepares each SQL text once, keeps only the most recent texts, and follows schema changes', async () => {
  const sqlite = new SqliteDatabase(':memory:')
  let prepared = 0
  const counting = new Proxy(sqlite, {
    get(target, key, receiver) {
      if (key === 'prepare') return (text: string) => (prepared++, target.prepare(text))
      return Reflect.get(target, key, receiver) as unknown
    },
  })
  const cached = withStatementCache(counting, 3)
  const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: cached }) })
  await sql`CREATE TABLE t (id INTEGER PRIMARY KEY)`.execute(db)
  for (let i = 0; i < 5; i++) await db.insertInto('t').values({ id: i } as never).execute()
  const ids = async () => (await db.selectFrom('t').select('id').orderBy('id').execute()).map((r) => r.id)
  expect(await ids()).toEqual([0, 1, 2, 3, 4])
  expect(prepared).toBe(3) // CREATE, one INSERT text, one SELECT text

  // A schema change under a cached statement: SQLite re-prepares it by itself.
  await sql`ALTER TABLE t ADD COLUMN name TEXT NOT NULL DEFAULT 'x'`.execute(db)
  expect(await db.selectFrom('t').selectAll().where('id', '=', 1).execute()).toEqual([{ id: 1, name: 'x' }])

  for (let i = 0; i < 10; i++) await sql.raw(`SELECT ${i} AS n`).execute(db)
  expect(cached.cached).toBe(3)
  await db.destroy()
})
