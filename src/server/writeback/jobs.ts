// The write-back outbox: what a period decision asks of the ticket systems, recorded in the
// decision's own transaction, so an approval and its writes commit together or not at all.
// Final approval: every approved entry on a ticket of an active system gets a write (an
// entry approved again unchanged keeps the one it has; a changed one has its old write
// taken back and the new version written; a deleted one is taken back). Void: what was
// written is taken back, what was not yet sent is cancelled. Reopening asks for nothing.
import { createHash } from 'node:crypto'
import type { Selectable, Transaction } from 'kysely'
import { newId } from '@shared/ids'
import { systemMatches, systemOfUrl, type SystemMatch } from '@shared/ticket-systems/system-of-url'
import { fingerprintText } from '@shared/ticket-systems/write-protocol'
import type { ServerDatabase, TicketWritesTable } from '../db/schema'

type Trx = Transaction<ServerDatabase>
type WriteRow = Selectable<TicketWritesTable>

/** States in which a write stands for the entry: it is, or will be, on the ticket (or failed and waits for an admin). */
export const ACTIVE_STATES = ['waiting', 'written', 'failed'] as const

export async function activeSystems(db: Pick<Trx, 'selectFrom'>): Promise<SystemMatch[]> {
  const rows = await db.selectFrom('ticket_systems').select(['id', 'base_url']).where('active', '=', 1).orderBy('id').execute()
  return systemMatches(rows)
}

interface Wanted {
  entryId: string
  version: number
  day: string
  /** The active system the ticket page belongs to; null for none (nothing new is written). */
  systemId: string | null
  ticketUrl: string
  seconds: number
  activityTypeId: string | null
  comment: string
  fingerprint: string
}

function fingerprintOf(w: Omit<Wanted, 'fingerprint' | 'entryId' | 'version' | 'systemId'>): string {
  return createHash('sha256').update(fingerprintText(w)).digest('hex')
}

/** Takes an active write back: sent ones (or ones that may have landed) wait for reversal, the rest are cancelled. */
async function retire(trx: Trx, write: WriteRow, now: number): Promise<void> {
  const mayHaveLanded = write.state === 'written' || (write.state === 'waiting' && (write.attempts > 0 || write.lease_owner !== null))
  if (!mayHaveLanded) {
    await trx.updateTable('ticket_writes').set({ state: 'cancelled', updated_at: now }).where('id', '=', write.id).execute()
    return
  }
  // A worker may be writing it right now: the reversal waits for its lease to end.
  const next = Math.max(now, write.lease_until ?? 0)
  await trx.updateTable('ticket_writes').set({ state: 'reverse_waiting', attempts: 0, last_error: null, next_attempt_at: next, updated_at: now }).where('id', '=', write.id).execute()
}

/** The active writes of `userId`'s entries in the days, or of entries now in them. */
async function activeWrites(trx: Trx, userId: string, start: string, end: string, entryIds: readonly string[]): Promise<WriteRow[]> {
  return trx
    .selectFrom('ticket_writes')
    .selectAll()
    .where('user_id', '=', userId)
    .where('state', 'in', [...ACTIVE_STATES])
    .where((eb) => eb.or([eb.and([eb('day', '>=', start), eb('day', '<=', end)]), ...(entryIds.length > 0 ? [eb('entry_id', 'in', [...entryIds])] : [])]))
    .orderBy('created_at')
    .execute()
}

/**
 * Called when `userId`'s period [start, end] is finally approved, after its entries
 * became 'approved' (their versions are the approved ones).
 */
export async function recordApprovedWrites(trx: Trx, userId: string, start: string, end: string, now: number): Promise<void> {
  const systems = await activeSystems(trx)
  const inDays = await activeWrites(trx, userId, start, end, [])
  // No ticket system and nothing written before: nothing to do (most organisations, most of the time).
  if (systems.length === 0 && inDays.length === 0) return
  const entries = await trx
    .selectFrom('time_entries')
    .leftJoin('work_items', 'work_items.id', 'time_entries.work_item_id')
    .select([
      'time_entries.id',
      'time_entries.version',
      'time_entries.day',
      'time_entries.rounded_seconds',
      'time_entries.activity_type_id',
      'time_entries.description',
      'work_items.title',
      'work_items.ticket_url',
    ])
    .where('time_entries.user_id', '=', userId)
    .where('time_entries.day', '>=', start)
    .where('time_entries.day', '<=', end)
    .where('time_entries.deleted_at', 'is', null)
    .where('time_entries.status', '=', 'approved')
    .orderBy('time_entries.id')
    .execute()
  const wanted = new Map<string, Wanted>()
  for (const entry of entries) {
    if (!entry.ticket_url || entry.rounded_seconds <= 0) continue
    const what = { day: entry.day, ticketUrl: entry.ticket_url, seconds: entry.rounded_seconds, activityTypeId: entry.activity_type_id, comment: entry.description.trim() || (entry.title ?? '') }
    wanted.set(entry.id, { entryId: entry.id, version: entry.version, systemId: systemOfUrl(systems, entry.ticket_url), ...what, fingerprint: fingerprintOf(what) })
  }
  // An unchanged entry keeps its write (even when its system was switched off since); any other is taken back.
  const kept = new Set<string>()
  for (const write of await activeWrites(trx, userId, start, end, [...wanted.keys()])) {
    const want = wanted.get(write.entry_id)
    if (want && want.fingerprint === write.fingerprint && !kept.has(write.entry_id)) kept.add(write.entry_id)
    else await retire(trx, write, now)
  }
  for (const want of wanted.values()) {
    if (kept.has(want.entryId) || want.systemId === null) continue
    await trx
      .insertInto('ticket_writes')
      .values({
        id: newId(),
        entry_id: want.entryId,
        entry_version: want.version,
        user_id: userId,
        day: want.day,
        system_id: want.systemId,
        ticket_url: want.ticketUrl,
        ticket_id: null,
        write_key: `${want.entryId}/v${want.version}`,
        fingerprint: want.fingerprint,
        seconds: want.seconds,
        activity_type_id: want.activityTypeId,
        comment: want.comment,
        sent: null,
        state: 'waiting',
        external_id: null,
        url: null,
        last_error: null,
        next_attempt_at: now,
        lease_owner: null,
        lease_until: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
  }
}

/** Called when `userId`'s approved period [start, end] is voided: everything written for it is taken back. */
export async function recordVoidReversals(trx: Trx, userId: string, start: string, end: string, voidedEntryIds: readonly string[], now: number): Promise<void> {
  for (const write of await activeWrites(trx, userId, start, end, voidedEntryIds)) await retire(trx, write, now)
}
