// The change counter: every write to a synced row is stamped with the next org.change_seq.
// Bumping one row inside the writer's transaction makes concurrent writers queue on that
// row's lock, so the order of the numbers is the order of the commits and a client that
// pulls "everything above seq N" can never miss a row that commits late with a lower N.
import type { Kysely, Transaction } from 'kysely'
import { StintError } from '@shared/errors'
import type { ServerDatabase } from './schema'

/** The next change number. Call it inside the transaction that writes the change, never outside one. */
export async function nextChangeSeq(trx: Transaction<ServerDatabase> | Kysely<ServerDatabase>): Promise<number> {
  if (!trx.isTransaction) throw new Error('nextChangeSeq must run inside the transaction that writes the change')
  const row = await trx
    .updateTable('org')
    .set((eb) => ({ change_seq: eb('change_seq', '+', 1) }))
    .returning('change_seq')
    .executeTakeFirst()
  if (!row) throw new StintError('unavailable', 'This server has no organisation yet, so it cannot record changes. Run `npm run server -- init` first; nothing was changed.')
  return row.change_seq
}
