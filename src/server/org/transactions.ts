// Every admin change runs in one serializable transaction: on PostgreSQL two changes
// that would together break a rule (two first admins, demoting the last two admins at
// once) cannot both commit; the loser is rolled back and told to try again. SQLite's
// write transactions are serial anyway.
import type { Kysely, Transaction } from 'kysely'
import { StintError } from '@shared/errors'
import { isSerializationFailure } from '../db/errors'
import type { ServerDatabase } from '../db/schema'

export async function inWriteTransaction<T>(db: Kysely<ServerDatabase>, action: string, work: (trx: Transaction<ServerDatabase>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().setIsolationLevel('serializable').execute(work)
  } catch (error) {
    if (isSerializationFailure(error)) {
      throw new StintError('conflict', `${action} met another change made at the same moment and was rolled back; nothing was changed. Run it again.`)
    }
    throw error
  }
}
