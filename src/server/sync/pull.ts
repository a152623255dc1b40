// What changed for a user since their cursor: their own entries and periods, and all
// reference data, in change order, a page at a time. Each table is read through an
// index on (user, seq) or (seq), so a pull costs the same with a thousand rows of
// history or a million.
import type { Kysely } from 'kysely'
import type { PullResponse } from '@shared/sync'
import type { ServerDatabase } from '../db/schema'
import { periodWire } from '../periods/period-store'
import { activityTypeWire, contractWire, customerWire, entryWire, workItemWire } from './wire'

export async function pullChanges(db: Kysely<ServerDatabase>, userId: string, after: number, limit: number): Promise<PullResponse> {
  // Up to limit + 1 rows from each table; the merged first `limit` by seq are this page.
  const take = limit + 1
  const [entries, periods, workItems, activityTypes, customers, contracts] = await Promise.all([
    db.selectFrom('time_entries').selectAll().where('user_id', '=', userId).where('seq', '>', after).orderBy('seq').limit(take).execute(),
    db.selectFrom('periods').select(['id', 'seq']).where('user_id', '=', userId).where('seq', '>', after).orderBy('seq').limit(take).execute(),
    db.selectFrom('work_items').selectAll().where('seq', '>', after).orderBy('seq').limit(take).execute(),
    db.selectFrom('activity_types').selectAll().where('seq', '>', after).orderBy('seq').limit(take).execute(),
    db.selectFrom('customers').selectAll().where('seq', '>', after).orderBy('seq').limit(take).execute(),
    db.selectFrom('contracts').selectAll().where('seq', '>', after).orderBy('seq').limit(take).execute(),
  ])
  const all = [...entries, ...periods, ...workItems, ...activityTypes, ...customers, ...contracts].map((r) => r.seq).sort((a, b) => a - b)
  const more = all.length > limit
  // With more to come, stop before the first seq of the next page, never inside one seq.
  const last = more ? (all[limit - 1] ?? after) : (all[all.length - 1] ?? after)
  const upTo = <T extends { seq: number }>(rows: T[]) => rows.filter((r) => r.seq <= last)
  return {
    entries: upTo(entries).map(entryWire),
    periods: await Promise.all(upTo(periods).map((p) => periodWire(db, p.id))),
    workItems: upTo(workItems).map(workItemWire),
    activityTypes: upTo(activityTypes).map(activityTypeWire),
    customers: upTo(customers).map(customerWire),
    contracts: upTo(contracts).map(contractWire),
    cursor: last,
    more,
  }
}
