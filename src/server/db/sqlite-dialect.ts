// Kysely's SQLite dialect with two changes for a server that shares its file with
// admin commands run beside it: write transactions start IMMEDIATE, and migrations run
// in one transaction together with Kysely's record of them, as they do on PostgreSQL.
import type SqliteDatabase from 'better-sqlite3'
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type TransactionSettings } from 'kysely'

class ImmediateSqliteDriver extends SqliteDriver {
  // A deferred transaction that reads and then writes fails with SQLITE_BUSY when another
  // process wrote in between, and busy_timeout cannot help it. Taking the write lock
  // up front makes a second writer wait (up to busy_timeout) instead. A read-only
  // transaction (a pull's snapshot) never writes, so it starts deferred and waits for nobody.
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin deferred' : 'begin immediate'))
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  // SQLite's DDL is transactional; Kysely only says otherwise to stay on the safe side.
  // Saying so lets the Migrator wrap each run, bookkeeping included, in one transaction.
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

export class ServerSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase.Database

  constructor(database: SqliteDatabase.Database) {
    super({ database })
    this.#database = database
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database })
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }
}
