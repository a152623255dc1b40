// A step of a transaction that may fail on its own: a savepoint around it, so when the
// database refuses what the step wrote, only that step is undone and the transaction
// goes on (on PostgreSQL a failed statement otherwise aborts the whole transaction).
// Only a refusal of the values written is caught; a lost connection or a serialization
// failure still fails the transaction, which is the server's problem, not the step's.
//
// On PostgreSQL a step that succeeds does not release its savepoint at once: the next
// step releases it in the same round trip that takes its own (one simple-protocol query,
// `release …; savepoint …`), and commit releases the last one. A round trip costs the
// server more CPU than the statement, and a push may run many steps. Every savepoint has
// a name of its own, so a rollback always reaches exactly its own step's savepoint.
// SQLite runs in-process: it releases at once, as before.
import { sql, type Transaction } from 'kysely'
import { isPostgres } from './dialect'
import { isContentError } from './errors'
import type { ServerDatabase } from './schema'

export type StepOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** Per transaction: the number of the next savepoint, and a succeeded step's savepoint still to release. */
const marks = new WeakMap<object, { next: number; unreleased: string | null }>()

export async function inSavepoint<T>(trx: Transaction<ServerDatabase>, step: () => Promise<T>): Promise<StepOutcome<T>> {
  let mark = marks.get(trx)
  if (!mark) {
    mark = { next: 1, unreleased: null }
    marks.set(trx, mark)
  }
  // Names are made here from a counter, never from input.
  const name = `stint_step_${mark.next++}`
  const deferred = isPostgres(trx)
  const release = mark.unreleased
  mark.unreleased = null
  await sql.raw(release === null ? `savepoint ${name}` : `release savepoint ${release}; savepoint ${name}`).execute(trx)
  try {
    const value = await step()
    if (deferred) mark.unreleased = name
    else await sql.raw(`release savepoint ${name}`).execute(trx)
    return { ok: true, value }
  } catch (error) {
    if (!isContentError(error)) throw error
    // A step inside this one may have left its savepoint for later: rolling back to this one undoes it too.
    mark.unreleased = null
    await sql.raw(`rollback to savepoint ${name}`).execute(trx)
    await sql.raw(`release savepoint ${name}`).execute(trx)
    return { ok: false, error }
  }
}
