// Which database a Kysely handle talks to, for the few statements written set-wise for
// PostgreSQL (one array per column, unnested server-side) where SQLite keeps the
// portable form: SQLite runs in-process, so parameters cost it nothing to send.
import { PostgresAdapter, type Kysely, type Transaction } from 'kysely'
import type { ServerDatabase } from './schema'

export function isPostgres(db: Kysely<ServerDatabase> | Transaction<ServerDatabase>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
