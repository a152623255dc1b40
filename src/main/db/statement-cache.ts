// Kysely's SQLite driver prepares every query anew; preparing costs more than running a
// small indexed query. This wraps the connection so each distinct SQL text is prepared
// once and reused (least recently used texts are dropped past a bound, since `IN (?, ?)`
// lists make texts of every length). SQLite re-prepares a statement by itself when the
// schema changes, so a cached statement never runs against a stale plan.
import type SqliteDatabase from 'better-sqlite3'
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely'

export const STATEMENT_CACHE_SIZE = 256

export function withStatementCache(sqlite: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE): KyselySqliteDatabase & { readonly cached: number } {
  const cache = new Map<string, SqliteStatement>()
  return {
    get cached() {
      return cache.size
    },
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql)
      if (hit) {
        cache.delete(sql) // re-insert: Map order is the recency order
        cache.set(sql, hit)
        return hit
      }
      const statement = sqlite.prepare(sql)
      cache.set(sql, statement)
      if (cache.size > size) cache.delete(cache.keys().next().value as string)
      return statement
    },
  }
}
