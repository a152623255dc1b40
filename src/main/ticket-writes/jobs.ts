// The desktop's write-back outbox for a standalone technician: what submitting (= approving)
// a period asks of the ticket systems, recorded in the submit's own transaction, so the
// approval and its writes commit together or not at all. Every approved entry on a ticket
// of an active system gets a write; one submitted again unchanged keeps the one it has; one
// changed or deleted after a reopen has its old write taken back and the new version
// written. Reopening asks for nothing by itself. Never with a team server: it writes then.
import { createHash } from 'node:crypto'
import type { Selectable, Transaction } from 'kysely'
import { newId } from '@shared/ids'
import type { Period } from '@shared/periods'
import { systemMatches, systemOfUrl, type SystemMatch } from '@shared/ticket-systems/system-of-url'
import { fingerprintText } from '@shared/ticket-systems/write-protocol'
import type { Database, TicketWritesTable } from '../db/schema'

type Trx = Transaction<Database>
type WriteRow = Selectable<TicketWritesTable>

/** States in which a write stands for the entry: it is, or will be, on the ticket (or failed and waits for a retry). */
export const ACTIVE_STATES = ['waiting', 'written', 'failed'] as const

async function activeSystems(trx: Trx): Promise<SystemMatch[]> {
  const rows = await trx.selectFrom('ticket_systems').select(['id', 'base_url']).where('active', '=', 1).orderBy('id').execute()
  return systemMatches(rows)
}

/** Takes an active write back: sent ones (or ones that may have landed) wait for reversal, the rest are cancelled. */
async function retire(trx: Trx, write: WriteRow, now: number): Promise<void> {
  const mayHaveLanded = write.state === 'written' || (write.state === 'waiting' && (write.attempts > 0 || write.lease_owner !== null)) || write.sent !== null
  if (!mayHaveLanded) {
    await trx.updateTable('ticket_writes').set({ state: 'cancelled', updated_at: now }).where('id', '=', write.id).execute()
    return
  }
  // The worker may be writing it right now: the reversal waits for its lease to end.
  const next = Math.max(now, write.lease_until ?? 0)
  await trx.updateTable('ticket_writes').set({ state: 'reverse_waiting', attempts: 0, last_error: null, next_attempt_at: next, updated_at: now }).where('id', '=', write.id).execute()
}

/** Called in the transaction that approves `userId`'s standalone period, after its entries became 'approved'. */
export async function recordSubmittedWrites(trx: Trx, userId: string, period: Period, now: number): Promise<void> {
  const systems = await activeSystems(trx)
  const active = (entryIds: readonly string[]) =>
    trx
      .selectFrom('ticket_writes')
      .selectAll()
      .where('user_id', '=', userId)
      .where('state', 'in', [...ACTIVE_STATES])
      .where((eb) => eb.or([eb.and([eb('day', '>=', period.start), eb('day', '<=', period.end)]), ...(entryIds.length > 0 ? [eb('entry_id', 'in', [...entryIds])] : [])]))
      .orderBy('created_at')
      .execute()
  if (systems.length === 0 && (await active([])).length === 0) return
  const entries = await trx
    .selectFrom('time_entries')
    .leftJoin('work_items', 'work_items.id', 'time_entries.work_item_id')
    .select(['time_entries.id', 'time_entries.version', 'time_entries.day', 'time_entries.rounded_seconds', 'time_entries.activity_type_id', 'time_entries.description', 'work_items.title', 'work_items.ticket_url'])
    .where('time_entries.user_id', '=', userId)
    .where('time_entries.day', '>=', period.start)
    .where('time_entries.day', '<=', period.end)
    .where('time_entries.deleted_at', 'is', null)
    .where('time_entries.status', '=', 'approved')
    .orderBy('time_entries.id')
    .execute()
  const wanted = new Map<string, { version: number; systemId: string | null; fingerprint: string; what: { day: string; ticketUrl: string; seconds: number; activityTypeId: string | null; comment: string } }>()
  for (const entry of entries) {
    if (!entry.ticket_url || entry.rounded_seconds <= 0) continue
    const what = { day: entry.day, ticketUrl: entry.ticket_url, seconds: entry.rounded_seconds, activityTypeId: entry.activity_type_id, comment: entry.description.trim() || (entry.title ?? '') }
    const fingerprint = createHash('sha256').update(fingerprintText(what)).digest('hex')
    wanted.set(entry.id, { version: entry.version, systemId: systemOfUrl(systems, entry.ticket_url), fingerprint, what })
  }
  // An unchanged entry keeps its write (even when its system was switched off since); any other is taken back.
  const kept = new Set<string>()
  for (const write of await active([...wanted.keys()])) {
    const want = wanted.get(write.entry_id)
    if (want && want.fingerprint === write.fingerprint && !kept.has(write.entry_id)) kept.add(write.entry_id)
    else await retire(trx, write, now)
  }
  for (const [entryId, want] of wanted) {
    if (kept.has(entryId) || want.systemId === null) continue
    // The key is unique per write: an entry changed without a new version (its ticket's title) gets a suffix.
    const base = `${entryId}/v${want.version}`
    const taken = await trx.selectFrom('ticket_writes').select((eb) => eb.fn.countAll<number>().as('n')).where('entry_id', '=', entryId).where('entry_version', '=', want.version).executeTakeFirstOrThrow()
    const count = taken.n
    const writeKey = count === 0 ? base : `${base}.${count + 1}`
    await trx
      .insertInto('ticket_writes')
      .values({
        id: newId(),
        entry_id: entryId,
        entry_version: want.version,
        user_id: userId,
        day: want.what.day,
        system_id: want.systemId,
        ticket_url: want.what.ticketUrl,
        ticket_id: null,
        write_key: writeKey,
        fingerprint: want.fingerprint,
        seconds: want.what.seconds,
        activity_type_id: want.what.activityTypeId,
        comment: want.what.comment,
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
