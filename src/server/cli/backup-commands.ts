// Backups of the SQLite database while the server runs, and the mark a restored database
// needs. `backup` takes a consistent copy (VACUUM INTO reads one snapshot; writers carry
// on) and gives the copy its own epoch, so when it is ever restored, every device notices
// and sends back what the copy lacks. PostgreSQL is backed up with pg_dump; after a
// pg_restore, `mark-restored` gives the database a new epoch (see README, "Team server").
import { chmodSync, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, sql } from 'kysely'
import { StintError } from '@shared/errors'
import { renewDatabaseEpoch } from '../db/epoch'
import type { ServerDatabase } from '../db/schema'
import { ServerSqliteDialect } from '../db/sqlite-dialect'
import { text, type CommandSpec } from './spec'

async function giveCopyItsOwnEpoch(file: string): Promise<void> {
  const copy = new Kysely<ServerDatabase>({ dialect: new ServerSqliteDialect(new SqliteDatabase(file)) })
  try {
    await renewDatabaseEpoch(copy)
  } finally {
    await copy.destroy()
  }
}

export const BACKUP_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['backup'],
    summary: 'Copy the SQLite database to FILE while the server runs (for PostgreSQL use pg_dump -Fc).',
    options: { to: { type: 'string', hint: 'FILE', required: true } },
    async run({ db, io }, values) {
      if (io.env['DATABASE_URL']) {
        throw new StintError('invalid_request', 'This server keeps its data in PostgreSQL: back it up with `pg_dump -Fc`, see README, "Team server". Nothing was changed.')
      }
      const file = resolve(text(values, 'to'))
      if (existsSync(file)) throw new StintError('conflict', `${file} already exists; a backup never overwrites a file. Choose a new name. Nothing was changed.`)
      try {
        await sql`VACUUM INTO ${file}`.execute(db)
      } catch (error) {
        throw new StintError('unavailable', `The backup could not be written to ${file}: ${(error as Error).message}. Nothing was changed.`)
      }
      chmodSync(file, 0o600)
      await giveCopyItsOwnEpoch(file)
      io.err(`Backed up to ${file}. To restore it: stop the server, put it in place of stint-server.sqlite (and remove any -wal and -shm files beside it), start the server.`)
    },
  },
  {
    words: ['mark-restored'],
    summary: 'After restoring a backup by hand (pg_restore): make every device pull everything again and send back what the backup lacks.',
    options: {},
    async run({ db, io }) {
      await renewDatabaseEpoch(db)
      io.err('Marked as restored. Each device pulls everything again on its next sync and sends back the changes this backup does not have.')
    },
  },
]
