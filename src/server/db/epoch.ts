// The one home of restore detection. The database epoch is read by every pull (so
// devices notice a restore), renewed in a backup copy and by `mark-restored`. A restore
// always happens with the server stopped, so a process may keep what it read for its
// lifetime. A restore nobody marked (pg_restore without `mark-restored`, a SQLite file or
// a disk snapshot copied back by hand) keeps the old epoch; it shows instead as a device's
// cursor beyond every number this database has given (databaseBehind).
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { SyncCursor } from '@shared/sync-cursor'
import type { Logger } from '../logger'
import { streamHeads } from './change-streams'
import type { ServerDatabase } from './schema'

const read = new WeakMap<Kysely<ServerDatabase>, Promise<string>>()

export function databaseEpoch(db: Kysely<ServerDatabase>): Promise<string> {
  let epoch = read.get(db)
  if (!epoch) {
    epoch = db
      .selectFrom('database_epoch')
      .select('epoch')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
      .then((row) => row.epoch)
    // A failed read is not kept: the next pull asks the database again.
    epoch.catch(() => read.delete(db))
    read.set(db, epoch)
  }
  return epoch
}

/** Gives the database a new epoch: every device pulls everything again on its next sync. Returns it. */
export async function renewDatabaseEpoch(db: Kysely<ServerDatabase>): Promise<string> {
  const epoch = randomUUID()
  await db.updateTable('database_epoch').set({ epoch }).where('id', '=', 1).execute()
  read.delete(db)
  return epoch
}

/**
 * Whether `cursor`, which a device of `userId` says it has pulled to, lies beyond the
 * numbers this database has given in either of the person's streams: the database is
 * older than what the device has seen, so it was restored from a backup. The answer only
 * concerns that device (it pulls everything again and sends back what the database
 * lacks); a device that sends a made-up cursor only makes itself pull again.
 */
export async function databaseBehind(db: Kysely<ServerDatabase>, userId: string, cursor: SyncCursor): Promise<boolean> {
  if (cursor.reference === 0 && cursor.own === 0) return false
  const heads = await streamHeads(db, userId)
  return cursor.reference > heads.reference || cursor.own > heads.own
}

/** What the operator reads when a device has seen more than this database holds. */
export function logBehind(logger: Logger, email: string): void {
  logger.warn(`a device of ${email} has pulled changes this database never numbered: the database was restored from a backup without \`mark-restored\`; that device pulls everything again and sends back what was lost`)
}
