// Writes of time entries that are not a local edit, so the period lock does not refuse
// them: copies the team server sent (a pulled page, the server's side of a conflict) are
// the server's decision, which holds the periods' authority, and are applied as such
// (an administrator voiding an entry of an approved period must reach this device); the
// entries of a period following its own status move here in standalone mode; and the
// rows re-owned when the device is bound to a server account. Nothing here changes how
// much time a locked period holds by the user's hand.
import { sql, type Transaction } from 'kysely'
import type { Period } from '@shared/periods'
import type { EntryRowFields } from '@shared/sync-rows'
import type { Database, EntryStatus } from '../db/schema'

/** A server copy as the device stores it (sync/wire.ts): the synced columns, whose time it is, its status and version there. */
export type ServerEntry = EntryRowFields & { user_id: string; status: EntryStatus; server_version: number }

/** A pulled copy of an entry: replaces the local row, or arrives as a new one (one statement either way). */
export async function applyServerEntry(trx: Transaction<Database>, entry: ServerEntry): Promise<void> {
  const { id, ...changes } = entry
  await trx
    .insertInto('time_entries')
    // Zone and timer are this device's detail of its own runs; a copy from the server has neither, and leaves a local row's alone.
    .values({ id, ...changes, timer_id: null, time_zone: null, created_at: entry.updated_at })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
    .execute()
}

/** The columns a server copy sets, in the order applyServerEntries packs them. */
const COPY_COLUMNS = ['id', 'user_id', 'day', 'work_item_id', 'activity_type_id', 'billable', 'description', 'source', 'raw_seconds', 'rounded_seconds', 'status', 'updated_at', 'deleted_at', 'server_version'] as const

/**
 * A pulled page of entries in one statement: each replaces its local row or arrives as a
 * new one, as applyServerEntry does. A row already as the server has it (typically this
 * device's own change coming back after its push) is not written at all. Returns how
 * many rows were written, so a page of echoes reloads nothing.
 */
export async function applyServerEntries(trx: Transaction<Database>, entries: readonly ServerEntry[]): Promise<number> {
  if (entries.length === 0) return 0
  const packed = JSON.stringify(entries.map((e) => COPY_COLUMNS.map((column) => e[column])))
  const columns = sql.join(COPY_COLUMNS.map((c) => sql.ref(c)))
  const picked = sql.join(COPY_COLUMNS.map((_, i) => sql`json_extract(j.value, ${`$[${i}]`})`))
  const updates = COPY_COLUMNS.filter((c) => c !== 'id')
  // Zone and timer are this device's detail of its own runs (see applyServerEntry); a new copy was created, as far as this device knows, when last changed.
  const result = await sql`
    INSERT INTO time_entries (${columns}, timer_id, time_zone, created_at)
    SELECT ${picked}, NULL, NULL, json_extract(j.value, ${`$[${COPY_COLUMNS.indexOf('updated_at')}]`}) FROM json_each(${packed}) AS j WHERE true
    ON CONFLICT (id) DO UPDATE SET ${sql.join(updates.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}
    WHERE ${sql.join(
      updates.map((c) => sql`time_entries.${sql.ref(c)} IS NOT excluded.${sql.ref(c)}`),
      sql` OR `,
    )}`.execute(trx)
  return Number(result.numAffectedRows ?? 0n)
}

/** Standalone, an entry's status follows its period's move (submit approves, reopen makes drafts again). */
export async function followPeriodStatus(trx: Transaction<Database>, user: string, period: Period, status: Extract<EntryStatus, 'approved' | 'draft'>): Promise<void> {
  await trx
    .updateTable('time_entries')
    .set({ status })
    .where('user_id', '=', user)
    .where('day', '>=', period.start)
    .where('day', '<=', period.end)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'voided')
    .execute()
}

/** Binding the device to a server account: its entries (and time held for a question) become the account's. */
export async function rebindOwner(trx: Transaction<Database>, from: string, to: string): Promise<void> {
  await trx.updateTable('time_entries').set({ user_id: to }).where('user_id', '=', from).execute()
  await trx.updateTable('held_time').set({ user_id: to }).where('user_id', '=', from).execute()
}

/** The server's version of an entry it accepted or that the user sends again on top of it. */
export async function recordServerVersion(trx: Transaction<Database>, id: string, version: number): Promise<void> {
  await trx.updateTable('time_entries').set({ server_version: version }).where('id', '=', id).execute()
}

/** The server's versions of the entries a pushed batch applied, in one statement: `[id, version]` pairs. */
export async function recordServerVersions(trx: Transaction<Database>, versions: readonly (readonly [string, number])[]): Promise<void> {
  if (versions.length === 0) return
  await sql`
    UPDATE time_entries SET server_version = json_extract(v.value, '$[1]')
    FROM json_each(${JSON.stringify(versions)}) AS v
    WHERE time_entries.id = json_extract(v.value, '$[0]')`.execute(trx)
}

/**
 * The user settled a refused entry by dropping their change, and the server never had
 * the row: it goes (as a tombstone), since the server's periods never held it.
 */
export async function dropNeverSent(trx: Transaction<Database>, id: string, now: number): Promise<void> {
  await trx.updateTable('time_entries').set({ deleted_at: now, updated_at: now }).where('id', '=', id).where('server_version', 'is', null).execute()
}
