// Applies a page of server changes to the local database, in one transaction with the
// new cursor, with the outbox triggers quiet. A row that still has a change of this
// device waiting to be sent is left alone: that change goes up with the version it was
// made on, and the server answers with a conflict showing both, so nothing is lost.
// A row with an unsettled issue stays as the user left it until they pick.
import type { Kysely, Transaction } from 'kysely'
import type { PeriodWire, PullResponse } from '@shared/sync'
import { cursorText, parseCursor, START_CURSOR } from '@shared/sync-cursor'
import type { Database, OutboxEntity } from '../db/schema'
import { applyServerEntries } from '../entries/server-copies'
import { asServerCopy } from './outbox'
import { activityTypeFromWire, contractFromWire, customerFromWire, entryFromWire, workItemFromWire } from './wire'

export const CURSOR_KEY = 'sync_cursor'

/**
 * Where this device stands in the server's change streams, in the wire form. A plain
 * number stored by an older version means that number in both streams; anything
 * unreadable starts over from the beginning, which costs a full pull but loses nothing.
 */
export async function readCursor(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('app_state').select('value').where('key', '=', CURSOR_KEY).executeTakeFirst()
  return cursorText((row ? parseCursor(row.value) : null) ?? START_CURSOR)
}

/**
 * Rows this page must not overwrite: a change of them waits in the outbox, or the user
 * has not yet settled an issue about them. For the latter the issue gets the server's
 * newest copy instead, so "use the server's" always means the server as it is now.
 */
async function heldBack(trx: Transaction<Database>, entity: OutboxEntity, rows: readonly { id: string }[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  const ids = rows.map((r) => r.id)
  const waiting = await trx.selectFrom('sync_outbox').select('entity_id').where('entity', '=', entity).where('entity_id', 'in', ids).execute()
  const open = await trx.selectFrom('sync_issues').select(['id', 'entity_id']).where('entity', '=', entity).where('entity_id', 'in', ids).where('resolved_at', 'is', null).execute()
  for (const issue of open) {
    const copy = rows.find((r) => r.id === issue.entity_id)
    await trx.updateTable('sync_issues').set({ server_copy: JSON.stringify(copy) }).where('id', '=', issue.id).execute()
  }
  return new Set([...waiting, ...open].map((r) => r.entity_id))
}

type Upsertable = 'work_items' | 'activity_types' | 'customers' | 'contracts'

async function upsert(trx: Transaction<Database>, table: Upsertable, row: { id: string; updated_at: number }, insertOnly: Record<string, unknown> = {}): Promise<number> {
  const exists = await trx.selectFrom(table).select('id').where('id', '=', row.id).executeTakeFirst()
  if (exists) {
    const { id, ...changes } = row
    await trx.updateTable(table).set(changes).where('id', '=', id).execute()
  } else {
    await trx
      .insertInto(table)
      .values({ ...insertOnly, ...row, created_at: row.updated_at })
      .execute()
  }
  return 1
}

/** A period whose status the server changed, as this page brought it. */
export interface PeriodDecision {
  start: string
  end: string
  from: string | null
  status: PeriodWire['status']
  reason: string | null
  by: string | null
}

/** Applies one page; returns how many rows changed here (so the UI can reload) and the periods whose status moved. */
export async function applyPull(db: Kysely<Database>, userId: string, page: PullResponse): Promise<number> {
  return (await applyPullPage(db, userId, page)).changed
}

export async function applyPullPage(db: Kysely<Database>, userId: string, page: PullResponse): Promise<{ changed: number; decisions: PeriodDecision[] }> {
  let changed = 0
  const decisions: PeriodDecision[] = []
  await db.transaction().execute(async (trx) => {
    await asServerCopy(trx, async () => {
      const skip = {
        customer: await heldBack(trx, 'customer', page.customers),
        contract: await heldBack(trx, 'contract', page.contracts),
        activityType: await heldBack(trx, 'activityType', page.activityTypes),
        workItem: await heldBack(trx, 'workItem', page.workItems),
        entry: await heldBack(trx, 'entry', page.entries),
      }
      for (const c of page.customers) if (!skip.customer.has(c.id)) changed += await upsert(trx, 'customers', customerFromWire(c))
      for (const c of page.contracts) if (!skip.contract.has(c.id)) changed += await upsert(trx, 'contracts', contractFromWire(c))
      for (const t of page.activityTypes) {
        if (skip.activityType.has(t.id)) continue
        // One default at a time: the server's choice replaces this device's.
        if (t.isDefault && t.deletedAt === null) await trx.updateTable('activity_types').set({ is_default: 0 }).where('is_default', '=', 1).where('id', '!=', t.id).execute()
        changed += await upsert(trx, 'activity_types', activityTypeFromWire(t))
      }
      for (const w of page.workItems) if (!skip.workItem.has(w.id)) changed += await upsert(trx, 'work_items', workItemFromWire(w))
      // Entries go through their one home; a pulled copy is the server's decision, applied as such (not refused by the local lock).
      // One statement per page: a device back from a week offline pulls its own changes back by the thousand.
      changed += await applyServerEntries(
        trx,
        page.entries.filter((e) => !skip.entry.has(e.id)).map((e) => entryFromWire(e, userId)),
      )

      const movesWaiting = new Set(
        page.periods.length === 0 ? [] : (await trx.selectFrom('sync_outbox').select('entity_id').where('entity', 'in', ['period.submit', 'period.withdraw']).execute()).map((r) => r.entity_id),
      )
      for (const p of page.periods) {
        // A submission or withdrawal still on its way decides this period's status here until the server has it.
        if (movesWaiting.has(p.start)) continue
        const existing = await trx.selectFrom('periods').select(['id', 'status']).where('user_id', '=', userId).where('start_day', '=', p.start).where('deleted_at', 'is', null).executeTakeFirst()
        if (existing?.status !== p.status) {
          const last = p.events[p.events.length - 1]
          decisions.push({ start: p.start, end: p.end, from: existing?.status ?? null, status: p.status, reason: p.reason, by: last?.actorName ?? null })
        }
        const values = { status: p.status, level: p.level, reason: p.reason, end_day: p.end, updated_at: p.updatedAt, server_version: p.version }
        let periodId = existing?.id
        if (periodId) await trx.updateTable('periods').set(values).where('id', '=', periodId).execute()
        else {
          periodId = p.id
          await trx.insertInto('periods').values({ id: p.id, user_id: userId, start_day: p.start, created_at: p.updatedAt, deleted_at: null, ...values }).execute()
        }
        for (const event of p.events) {
          await trx
            .insertInto('period_events')
            .values({ id: event.id, period_id: periodId, from_status: event.from, to_status: event.to, reason: event.reason, actor: event.actorName, at: event.at })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute()
        }
        changed++
      }
      await trx.insertInto('app_state').values({ key: CURSOR_KEY, value: page.cursor }).onConflict((oc) => oc.column('key').doUpdateSet({ value: page.cursor })).execute()
    })
  })
  return { changed, decisions }
}
