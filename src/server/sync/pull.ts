// What changed for a user since their cursor (src/shared/sync-cursor.ts): reference data
// from the reference stream, their own entries and periods from their own stream
// (src/server/db/change-streams.ts), a page at a time. Both streams are read in one
// snapshot (a read-only REPEATABLE READ transaction on PostgreSQL, one read transaction on
// SQLite), and a page takes reference rows first: the person's own rows come only once
// the reference stream is exhausted within the page, so an entry never arrives before the
// work item it is booked on. Within a stream a page ends between two numbers, never inside
// one. Each table is read through an index on (seq) or (user, seq), so a pull costs the
// same with a thousand rows of history or a million.
import type { Kysely, Transaction } from 'kysely'
import type { PullResponse } from '@shared/sync'
import { cursorText, type SyncCursor } from '@shared/sync-cursor'
import type { ServerDatabase } from '../db/schema'
import { periodWire } from '../periods/period-store'
import { activityTypeWire, contractWire, customerWire, entryWire, workItemWire } from './wire'

type Trx = Transaction<ServerDatabase>

/** The last seq of the first `room` of `seqs` (sorted), or null when all of them fit; never cuts inside one seq. */
function pageEnd(seqs: readonly number[], room: number): { last: number | null; more: boolean } {
  if (seqs.length <= room) return { last: seqs[seqs.length - 1] ?? null, more: false }
  return { last: room === 0 ? null : (seqs[room - 1] ?? null), more: true }
}

const upTo = <T extends { seq: number }>(rows: T[], last: number | null) => (last === null ? [] : rows.filter((r) => r.seq <= last))

async function referencePage(trx: Trx, after: number, limit: number) {
  const take = limit + 1
  const [workItems, activityTypes, customers, contracts] = await Promise.all([
    trx.selectFrom('work_items').selectAll().where('seq', '>', after).orderBy('seq').limit(take).execute(),
    trx.selectFrom('activity_types').selectAll().where('seq', '>', after).orderBy('seq').limit(take).execute(),
    trx.selectFrom('customers').selectAll().where('seq', '>', after).orderBy('seq').limit(take).execute(),
    trx.selectFrom('contracts').selectAll().where('seq', '>', after).orderBy('seq').limit(take).execute(),
  ])
  const { last, more } = pageEnd([...workItems, ...activityTypes, ...customers, ...contracts].map((r) => r.seq).sort((a, b) => a - b), limit)
  return {
    workItems: upTo(workItems, last),
    activityTypes: upTo(activityTypes, last),
    customers: upTo(customers, last),
    contracts: upTo(contracts, last),
    cursor: last ?? after,
    more,
  }
}

async function ownPage(trx: Trx, userId: string, after: number, room: number) {
  const take = room + 1
  const [entries, periods] = await Promise.all([
    trx.selectFrom('time_entries').selectAll().where('user_id', '=', userId).where('seq', '>', after).orderBy('seq').limit(take).execute(),
    trx.selectFrom('periods').select(['id', 'seq']).where('user_id', '=', userId).where('seq', '>', after).orderBy('seq').limit(take).execute(),
  ])
  const { last, more } = pageEnd([...entries, ...periods].map((r) => r.seq).sort((a, b) => a - b), room)
  const kept = upTo(periods, last)
  return { entries: upTo(entries, last), periods: await Promise.all(kept.map((p) => periodWire(trx, p.id))), cursor: last ?? after, more }
}

export async function pullChanges(db: Kysely<ServerDatabase>, userId: string, after: SyncCursor, limit: number): Promise<PullResponse> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const reference = await referencePage(trx, after.reference, limit)
      // The person's own rows only once every reference row is in this page.
      const room = reference.more ? 0 : limit - (reference.workItems.length + reference.activityTypes.length + reference.customers.length + reference.contracts.length)
      const own = reference.more ? { entries: [], periods: [], cursor: after.own, more: false } : await ownPage(trx, userId, after.own, room)
      return {
        entries: own.entries.map(entryWire),
        periods: own.periods,
        workItems: reference.workItems.map(workItemWire),
        activityTypes: reference.activityTypes.map(activityTypeWire),
        customers: reference.customers.map(customerWire),
        contracts: reference.contracts.map(contractWire),
        cursor: cursorText({ reference: reference.cursor, own: own.cursor }),
        more: reference.more || own.more,
      }
    })
}
