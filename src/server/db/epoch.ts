// The one home of the database epoch: read by every pull (so devices notice a restore),
// renewed in a backup copy and by `mark-restored`. A restore always happens with the
// server stopped, so a process may keep what it read for its lifetime.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
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
