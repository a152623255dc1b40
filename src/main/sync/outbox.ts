// The device's outbox, turned into batches for the server and settled by its answers.
// A batch, once formed, is frozen: the same mutation ids and payloads are sent again
// until the server answers, so a push that died half-way is replayed, never re-made
// with other ids. Changes made meanwhile wait for the next batch. Several changes of
// one row since the last batch travel as one mutation with the row as it is now. A
// batch the server cannot take is split in halves (same ids), and a single change it
// cannot take is set aside as an issue, so one bad row never holds up the rest.
import { sql, type Kysely, type Transaction } from 'kysely'
import { newId } from '@shared/ids'
import { MutationSchema, type Mutation, type MutationResult } from '@shared/sync'
import type { Database, OutboxEntity } from '../db/schema'
import { undoRefusedOrgChange } from './server-copy'
import { activityTypeToWire, contractToWire, customerToWire, entryToWire, workItemToWire } from './wire'

type Db = Kysely<Database> | Transaction<Database>

export interface Batch {
  id: string
  mutations: Mutation[]
}

/** Reference data first, so an entry never reaches the server before the item it is booked on; period moves last. */
const ORDER: Record<OutboxEntity, number> = { customer: 0, contract: 1, activityType: 2, workItem: 3, entry: 4, 'period.submit': 5, 'period.withdraw': 5 }
const PERIOD_MOVES = new Set<OutboxEntity>(['period.submit', 'period.withdraw'])

/** Runs `work` with the outbox triggers quiet: the rows it writes are the server's, not changes to send. */
export async function asServerCopy<T>(trx: Transaction<Database>, work: () => Promise<T>): Promise<T> {
  await sql`INSERT OR REPLACE INTO app_state (key, value) VALUES ('sync_applying', '1')`.execute(trx)
  try {
    return await work()
  } finally {
    await sql`DELETE FROM app_state WHERE key = 'sync_applying'`.execute(trx)
  }
}

export async function pendingCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sync_outbox')
    .select(sql<number>`count(DISTINCT entity || ':' || entity_id || ':' || CASE WHEN entity LIKE 'period.%' THEN seq ELSE 0 END)`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/** Queues a period move (submit, withdraw); unlike row changes these are never merged. */
export async function enqueuePeriodMove(trx: Transaction<Database>, move: { type: 'period.submit'; start: string; end: string } | { type: 'period.withdraw'; start: string }, now: number): Promise<void> {
  await trx.insertInto('sync_outbox').values({ entity: move.type, entity_id: move.start, payload: JSON.stringify(move), created_at: now, mutation_id: null, batch_id: null }).execute()
}

/**
 * The batch to send: one already sent and not yet answered (a batch split in halves is two
 * of them, the half with the earliest change first), else a new one of up to `limit`
 * mutations; null when nothing waits. `skip`: unanswered batches to leave for later (a
 * change the server keeps failing on must not hold up the rest). A batch is read back in
 * the order it was made in: reference data first, then time, then period moves.
 */
export async function takeBatch(db: Kysely<Database>, limit: number, skip: readonly string[] = []): Promise<Batch | null> {
  return db.transaction().execute(async (trx) => {
    const open = (await trx.selectFrom('sync_outbox').select(['batch_id', 'entity', 'payload', 'seq']).where('batch_id', 'is not', null).orderBy('seq').execute())
      .filter((row) => !skip.includes(row.batch_id ?? ''))
      .sort((a, b) => ORDER[a.entity] - ORDER[b.entity] || a.seq - b.seq)
    const first = open[0]?.batch_id
    if (first) {
      return { id: first, mutations: open.filter((row) => row.batch_id === first).map((row) => MutationSchema.parse(JSON.parse(row.payload ?? 'null'))) }
    }
    const waiting = await trx.selectFrom('sync_outbox').selectAll().where('batch_id', 'is', null).orderBy('seq').execute()
    if (waiting.length === 0) return null

    // One mutation per row changed (its latest outbox line), each period move on its own.
    const groups = new Map<string, { first: number; lines: typeof waiting }>()
    for (const line of waiting) {
      const key = PERIOD_MOVES.has(line.entity) ? `${line.entity}:${line.seq}` : `${line.entity}:${line.entity_id}`
      const group = groups.get(key) ?? { first: line.seq, lines: [] }
      group.lines.push(line)
      groups.set(key, group)
    }
    const chosen = [...groups.values()].sort((a, b) => a.first - b.first).slice(0, limit)
    chosen.sort((a, b) => ORDER[a.lines[0]?.entity ?? 'entry'] - ORDER[b.lines[0]?.entity ?? 'entry'] || a.first - b.first)

    const batchId = newId()
    const mutations: Mutation[] = []
    for (const { lines } of chosen) {
      const latest = lines[lines.length - 1]
      if (!latest) continue
      const mutationId = newId()
      const mutation = await buildMutation(trx, latest.entity, latest.entity_id, latest.payload, mutationId)
      const superseded = lines.slice(0, -1).map((l) => l.seq)
      if (superseded.length > 0) await trx.deleteFrom('sync_outbox').where('seq', 'in', superseded).execute()
      if (!mutation) {
        await trx.deleteFrom('sync_outbox').where('seq', '=', latest.seq).execute() // the row is gone (never left this device)
        continue
      }
      await trx.updateTable('sync_outbox').set({ mutation_id: mutationId, payload: JSON.stringify(mutation), batch_id: batchId }).where('seq', '=', latest.seq).execute()
      mutations.push(mutation)
    }
    return mutations.length > 0 ? { id: batchId, mutations } : null
  })
}

async function buildMutation(trx: Transaction<Database>, entity: OutboxEntity, entityId: string, payload: string | null, id: string): Promise<Mutation | null> {
  switch (entity) {
    case 'entry': {
      const row = await trx.selectFrom('time_entries').selectAll().where('id', '=', entityId).executeTakeFirst()
      return row ? { id, type: 'entry.put', baseVersion: row.server_version, entry: entryToWire(row) } : null
    }
    case 'workItem': {
      const row = await trx.selectFrom('work_items').selectAll().where('id', '=', entityId).executeTakeFirst()
      return row ? { id, type: 'workItem.put', baseVersion: row.server_version, item: workItemToWire(row) } : null
    }
    case 'activityType': {
      const row = await trx.selectFrom('activity_types').selectAll().where('id', '=', entityId).executeTakeFirst()
      return row ? { id, type: 'activityType.put', baseVersion: row.server_version, activityType: activityTypeToWire(row) } : null
    }
    case 'customer': {
      const row = await trx.selectFrom('customers').selectAll().where('id', '=', entityId).executeTakeFirst()
      return row ? { id, type: 'customer.put', baseVersion: row.server_version, customer: customerToWire(row) } : null
    }
    case 'contract': {
      const row = await trx.selectFrom('contracts').selectAll().where('id', '=', entityId).executeTakeFirst()
      return row ? { id, type: 'contract.put', baseVersion: row.server_version, contract: contractToWire(row) } : null
    }
    case 'period.submit':
    case 'period.withdraw':
      return MutationSchema.parse({ ...(JSON.parse(payload ?? '{}') as object), id })
  }
}

/**
 * Splits an unanswered batch in two halves, each sent (and answered) on its own: how the
 * device finds the one change a server keeps failing on. The ids and payloads stay as
 * they were, so a half the server had in fact applied is answered as a replay.
 */
export async function splitBatch(db: Kysely<Database>, batch: Batch): Promise<[string, string]> {
  const second = batch.mutations.slice(Math.ceil(batch.mutations.length / 2)).map((m) => m.id)
  const id = newId()
  await db.updateTable('sync_outbox').set({ batch_id: id }).where('batch_id', '=', batch.id).where('mutation_id', 'in', second).execute()
  return [batch.id, id]
}

/** Takes a single change the server could not take out of the outbox, as an issue with the reason: the rest of the outbox goes on. */
export async function setAside(db: Kysely<Database>, batch: Batch, reason: string, now: number): Promise<void> {
  await settleBatch(db, batch, batch.mutations.map((m) => ({ id: m.id, status: 'refused', reason })), now)
}

const TABLE_OF = { 'entry.put': 'time_entries', 'workItem.put': 'work_items', 'activityType.put': 'activity_types', 'customer.put': 'customers', 'contract.put': 'contracts' } as const

function entityOf(mutation: Mutation): { entity: string; entityId: string } {
  switch (mutation.type) {
    case 'entry.put':
      return { entity: 'entry', entityId: mutation.entry.id }
    case 'workItem.put':
      return { entity: 'workItem', entityId: mutation.item.id }
    case 'activityType.put':
      return { entity: 'activityType', entityId: mutation.activityType.id }
    case 'customer.put':
      return { entity: 'customer', entityId: mutation.customer.id }
    case 'contract.put':
      return { entity: 'contract', entityId: mutation.contract.id }
    case 'period.submit':
    case 'period.withdraw':
      return { entity: mutation.type, entityId: mutation.start }
  }
}

/**
 * Settles a batch with the server's answers in one transaction: applied changes record
 * the server's new version; conflicts and refusals become issues the user settles (the
 * local row stays as the user left it, except organisation data the server refused: that
 * takes the server's copy at once, see server-copy.ts). The batch leaves the outbox only here.
 */
export async function settleBatch(db: Kysely<Database>, batch: Batch, results: readonly MutationResult[], now: number): Promise<{ issues: number }> {
  const byId = new Map(results.map((r) => [r.id, r]))
  let issues = 0
  await db.transaction().execute(async (trx) => {
    await asServerCopy(trx, async () => {
      for (const mutation of batch.mutations) {
        const result = byId.get(mutation.id)
        if (!result) throw new Error(`The server did not answer mutation ${mutation.id}; the batch stays queued.`)
        const { entity, entityId } = entityOf(mutation)
        if (result.status === 'applied') {
          if (mutation.type in TABLE_OF && result.version !== null) {
            const table = TABLE_OF[mutation.type as keyof typeof TABLE_OF]
            await trx.updateTable(table).set({ server_version: result.version }).where('id', '=', entityId).execute()
          }
          await trx.updateTable('sync_issues').set({ resolved_at: now, resolution: 'applied' }).where('entity', '=', entity).where('entity_id', '=', entityId).where('resolved_at', 'is', null).execute()
        } else {
          issues++
          await trx.updateTable('sync_issues').set({ resolved_at: now, resolution: 'superseded' }).where('entity', '=', entity).where('entity_id', '=', entityId).where('resolved_at', 'is', null).execute()
          await trx
            .insertInto('sync_issues')
            .values({
              id: newId(),
              kind: result.status,
              entity,
              entity_id: entityId,
              mutation: JSON.stringify(mutation),
              server_copy: result.current === undefined ? null : JSON.stringify(result.current),
              reason: result.reason,
              created_at: now,
              resolved_at: null,
              resolution: null,
            })
            .execute()
          if (result.status === 'refused') await undoRefusedOrgChange(trx, entity, entityId, result.current)
        }
      }
      await trx.deleteFrom('sync_outbox').where('batch_id', '=', batch.id).execute()
    })
  })
  return { issues }
}
