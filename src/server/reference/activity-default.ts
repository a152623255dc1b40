// One default activity type at a time: whichever path makes one the default (an admin's
// device, the command line), the others stop being it, each as a change devices pull.
import type { Transaction } from 'kysely'
import type { ReferenceSeq } from '../db/change-streams'
import type { ServerDatabase } from '../db/schema'

export async function clearOtherDefaults(trx: Transaction<ServerDatabase>, keepId: string, now: number, nextSeq: () => Promise<ReferenceSeq> | ReferenceSeq): Promise<void> {
  const others = await trx.selectFrom('activity_types').select('id').where('is_default', '=', 1).where('id', '!=', keepId).execute()
  for (const other of others) {
    const seq = await nextSeq()
    await trx.updateTable('activity_types').set((eb) => ({ is_default: 0, seq, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', other.id).execute()
  }
}
