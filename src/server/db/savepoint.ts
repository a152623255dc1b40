// A step of a transaction that may fail on its own: a savepoint around it, so when the
// database refuses what the step wrote, only that step is undone and the transaction
// goes on (on PostgreSQL a failed statement otherwise aborts the whole transaction).
// Only a refusal of the values written is caught; a lost connection or a serialization
// failure still fails the transaction, which is the server's problem, not the step's.
import { sql, type Transaction } from 'kysely'
import { isContentError } from './errors'
import type { ServerDatabase } from './schema'

// One name serves every step: both databases roll back to the most recent savepoint of a name.
const STEP = sql.id('stint_step')

export type StepOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown }

export async function inSavepoint<T>(trx: Transaction<ServerDatabase>, step: () => Promise<T>): Promise<StepOutcome<T>> {
  const name = STEP
  await sql`savepoint ${name}`.execute(trx)
  try {
    const value = await step()
    await sql`release savepoint ${name}`.execute(trx)
    return { ok: true, value }
  } catch (error) {
    if (!isContentError(error)) throw error
    await sql`rollback to savepoint ${name}`.execute(trx)
    await sql`release savepoint ${name}`.execute(trx)
    return { ok: false, error }
  }
}
