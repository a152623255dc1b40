// The device's outbox, turned into batches for the server and settled by its answers.
// A batch, once formed, is frozen: the same mutation ids and payloads are sent again
// until the server answers, so a push that died half-way is replayed, never re-made
// with other ids. Changes made meanwhile wait for the next batch. Several changes of
// one row since the last batch travel as one mutation with the row as it is now. A
// batch the server cannot take is split in halves (same ids), and a single change it
// cannot take is set aside as an issue, so one bad row never holds up the rest.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import { englishRefusal, refusalData, type Refusal } from '@shared/i18n/refusal-text'
import { newId } from '@shared/ids'
import { MutationSchema, type Mutation, type MutationResult } from '@shared/sync'
import type { Database, OutboxEntity, TimeEntryRow } from '../db/schema'
import { recordServerVersions } from '../entries/server-copies'
import { undoRefusedOrgChange } from './server-copy'
import { activityTypeToWire, contractToWire, customerToWire, entryRunsToWire, entryToWire, workItemToWire } from './wire'

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

/** The ORDER rank of an outbox line, in SQL, so the database sorts a batch the way it is sent. */
const RANK = sql.raw(`CASE entity ${Object.entries(ORDER).map(([entity, rank]) => `WHEN '${entity}' THEN ${rank}`).join(' ')} END`)

/** A JSON array for json_each: one bound parameter and one statement text for any number of values. */
const jsonList = (values: readonly unknown[]) => JSON.stringify(values)

/**
 * The batch to send: one already sent and not yet answered (a batch split in halves is two
 * of them, the half with the earliest change first), else a new one of up to `limit`
 * mutations; null when nothing waits. `skip`: unanswered batches to leave for later (a
 * change the server keeps failing on must not hold up the rest). A batch is read back in
 * the order it was made in: reference data first, then time, then period moves.
 * Only what the batch needs is read: a backlog of any length costs the same few statements.
 */
export async function takeBatch(db: Kysely<Database>, limit: number, skip: readonly string[] = [], fallbackZone = systemZone()): Promise<Batch | null> {
  return db.transaction().execute(async (trx) => (await readFrozen(trx, skip)) ?? (await freezeNext(trx, limit, fallbackZone)))
}

/** The zone of an entry that has none of its own (as billing reads it: the machine's). */
const systemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

/** The first unanswered batch not skipped; `batch_id > ''` (every id is longer) reads the index, not the backlog. */
async function readFrozen(trx: Transaction<Database>, skip: readonly string[]): Promise<Batch | null> {
  const first = await sql<{ batch_id: string }>`
    SELECT batch_id FROM sync_outbox
    WHERE batch_id > '' AND batch_id NOT IN (SELECT value FROM json_each(${jsonList(skip)}))
    ORDER BY ${RANK}, seq LIMIT 1`.execute(trx)
  const id = first.rows[0]?.batch_id
  if (id === undefined) return null
  const lines = await sql<{ payload: string | null }>`SELECT payload FROM sync_outbox WHERE batch_id = ${id} ORDER BY ${RANK}, seq`.execute(trx)
  return { id, mutations: lines.rows.map((row) => MutationSchema.parse(JSON.parse(row.payload ?? 'null'))) }
}

interface Waiting {
  seq: number
  entity: OutboxEntity
  entity_id: string
  payload: string | null
}

/**
 * Forms a new batch: the first `limit` rows in the order they first changed (each period
 * move on its own). A row's first waiting line stays as its mutation, frozen with the row
 * as it is now; its later lines are the same change again and go.
 */
async function freezeNext(trx: Transaction<Database>, limit: number, fallbackZone: string): Promise<Batch | null> {
  // Walks the waiting lines in order (index on batch_id, seq) and stops after `limit` rows: never the whole backlog.
  const picked = await sql<Waiting>`
    SELECT o.seq, o.entity, o.entity_id, o.payload FROM sync_outbox o
    WHERE o.batch_id IS NULL
      AND (o.entity LIKE 'period.%' OR NOT EXISTS (
        SELECT 1 FROM sync_outbox p WHERE p.entity = o.entity AND p.entity_id = o.entity_id AND p.batch_id IS NULL AND p.seq < o.seq))
    ORDER BY o.seq LIMIT ${limit}`.execute(trx)
  if (picked.rows.length === 0) return null

  const rows = picked.rows.filter((line) => !PERIOD_MOVES.has(line.entity))
  if (rows.length > 0) {
    // Driven by the picked rows (CROSS JOIN fixes that order; index on entity, entity_id), so the rest of the backlog is never read.
    await sql`
      DELETE FROM sync_outbox WHERE seq IN (
        SELECT o.seq FROM json_each(${jsonList(rows.map((l) => [l.entity, l.entity_id, l.seq]))}) AS r
        CROSS JOIN sync_outbox o ON o.entity = json_extract(r.value, '$[0]') AND o.entity_id = json_extract(r.value, '$[1]')
        WHERE +o.batch_id IS NULL AND o.seq <> json_extract(r.value, '$[2]'))`.execute(trx)
  }
  const current = await readRows(trx, rows)

  const batchId = newId()
  const frozen: { s: number; m: string; p: string }[] = []
  const gone: number[] = []
  const made: { rank: number; seq: number; mutation: Mutation }[] = []
  for (const line of picked.rows) {
    const mutation = buildMutation(line, current, newId(), fallbackZone)
    if (!mutation) {
      gone.push(line.seq) // the row is gone (never left this device)
      continue
    }
    frozen.push({ s: line.seq, m: mutation.id, p: JSON.stringify(mutation) })
    made.push({ rank: ORDER[line.entity], seq: line.seq, mutation })
  }
  if (gone.length > 0) await sql`DELETE FROM sync_outbox WHERE seq IN (SELECT value FROM json_each(${jsonList(gone)}))`.execute(trx)
  if (frozen.length === 0) return null
  await sql`
    UPDATE sync_outbox SET mutation_id = json_extract(f.value, '$.m'), payload = json_extract(f.value, '$.p'), batch_id = ${batchId}
    FROM json_each(${jsonList(frozen)}) AS f
    WHERE sync_outbox.seq = json_extract(f.value, '$.s')`.execute(trx)
  made.sort((a, b) => a.rank - b.rank || a.seq - b.seq)
  return { id: batchId, mutations: made.map((m) => m.mutation) }
}

interface CurrentRows {
  entry: Map<string, TimeEntryRow>
  /** Each entry's booked ranges (its timer runs), in order. */
  ranges: Map<string, { started_at: number; ended_at: number; is_primary: number }[]>
  workItem: Map<string, Selectable<Database['work_items']>>
  activityType: Map<string, Selectable<Database['activity_types']>>
  customer: Map<string, Selectable<Database['customers']>>
  contract: Map<string, Selectable<Database['contracts']>>
}

/** The rows as they are now, one statement per kind of row in the batch. */
async function readRows(trx: Transaction<Database>, lines: readonly Waiting[]): Promise<CurrentRows> {
  const ids = (entity: OutboxEntity) => lines.filter((l) => l.entity === entity).map((l) => l.entity_id)
  const inList = (entity: OutboxEntity) => sql<boolean>`id IN (SELECT value FROM json_each(${jsonList(ids(entity))}))`
  const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]))
  const none = (entity: OutboxEntity) => ids(entity).length === 0
  const ranges = new Map<string, { started_at: number; ended_at: number; is_primary: number }[]>()
  if (!none('entry')) {
    const found = await trx
      .selectFrom('time_entry_ranges')
      .select(['entry_id', 'started_at', 'ended_at', 'is_primary'])
      .where(sql<boolean>`entry_id IN (SELECT value FROM json_each(${jsonList(ids('entry'))}))`)
      .orderBy('entry_id')
      .orderBy('started_at')
      .execute()
    for (const { entry_id, ...range } of found) ranges.set(entry_id, [...(ranges.get(entry_id) ?? []), range])
  }
  return {
    ranges,
    entry: byId(none('entry') ? [] : await trx.selectFrom('time_entries').selectAll().where(inList('entry')).execute()),
    workItem: byId(none('workItem') ? [] : await trx.selectFrom('work_items').selectAll().where(inList('workItem')).execute()),
    activityType: byId(none('activityType') ? [] : await trx.selectFrom('activity_types').selectAll().where(inList('activityType')).execute()),
    customer: byId(none('customer') ? [] : await trx.selectFrom('customers').selectAll().where(inList('customer')).execute()),
    contract: byId(none('contract') ? [] : await trx.selectFrom('contracts').selectAll().where(inList('contract')).execute()),
  }
}

function buildMutation(line: Waiting, current: CurrentRows, id: string, fallbackZone: string): Mutation | null {
  switch (line.entity) {
    case 'entry': {
      // Built from the row and its ranges as they are now: a range booked after this batch froze changes the entry, which queues it again.
      const row = current.entry.get(line.entity_id)
      return row ? { id, type: 'entry.put', baseVersion: row.server_version, entry: { ...entryToWire(row), ...entryRunsToWire(current.ranges.get(row.id), row.time_zone, fallbackZone) } } : null
    }
    case 'workItem': {
      const row = current.workItem.get(line.entity_id)
      return row ? { id, type: 'workItem.put', baseVersion: row.server_version, item: workItemToWire(row) } : null
    }
    case 'activityType': {
      const row = current.activityType.get(line.entity_id)
      return row ? { id, type: 'activityType.put', baseVersion: row.server_version, activityType: activityTypeToWire(row) } : null
    }
    case 'customer': {
      const row = current.customer.get(line.entity_id)
      return row ? { id, type: 'customer.put', baseVersion: row.server_version, customer: customerToWire(row) } : null
    }
    case 'contract': {
      const row = current.contract.get(line.entity_id)
      return row ? { id, type: 'contract.put', baseVersion: row.server_version, contract: contractToWire(row) } : null
    }
    case 'period.submit':
    case 'period.withdraw':
      return MutationSchema.parse({ ...(JSON.parse(line.payload ?? '{}') as object), id })
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
export async function setAside(db: Kysely<Database>, batch: Batch, why: Refusal, now: number): Promise<void> {
  const said = { reason: englishRefusal(why), ...refusalData(why) }
  await settleBatch(db, batch, batch.mutations.map((m) => ({ id: m.id, status: 'refused', ...said })), now)
}

/** Organisation data's tables; an entry's version is recorded by the entries' home. */
const TABLE_OF = { 'workItem.put': 'work_items', 'activityType.put': 'activity_types', 'customer.put': 'customers', 'contract.put': 'contracts' } as const

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

type Answered = { mutation: Mutation; result: MutationResult; entity: string; entityId: string }
const resolutionBy = (answer: Answered) => (answer.result.status === 'applied' ? 'applied' : 'superseded')

/**
 * Settles a batch with the server's answers in one transaction: applied changes record
 * the server's new version; conflicts and refusals become issues the user settles (the
 * local row stays as the user left it, except organisation data the server refused: that
 * takes the server's copy at once, see server-copy.ts). The batch leaves the outbox only here.
 * A handful of statements for the whole batch, whatever its size; the answers are read as
 * if one after the other: each settles the open issues of its row, an applied one as
 * "applied", any other as "superseded" by the issue it raises itself.
 */
export async function settleBatch(db: Kysely<Database>, batch: Batch, results: readonly MutationResult[], now: number): Promise<{ issues: number }> {
  const byId = new Map(results.map((r) => [r.id, r]))
  const answers: Answered[] = batch.mutations.map((mutation) => {
    const result = byId.get(mutation.id)
    if (!result) throw new Error(`The server did not answer mutation ${mutation.id}; the batch stays queued.`)
    return { mutation, result, ...entityOf(mutation) }
  })
  const keyOf = (a: Answered) => `${a.entity}\u0000${a.entityId}`
  // The first answer of each row settles the issues it had before this batch; a later answer of the same row, the one the earlier raised.
  const firstOfRow = new Map<string, Answered>()
  for (const answer of answers) if (!firstOfRow.has(keyOf(answer))) firstOfRow.set(keyOf(answer), answer)
  const nextOfRow = new Map<Answered, Answered>()
  const later = new Map<string, Answered>()
  for (const answer of [...answers].reverse()) {
    const next = later.get(keyOf(answer))
    if (next) nextOfRow.set(answer, next)
    later.set(keyOf(answer), answer)
  }
  const raised = answers.flatMap((answer) => {
    if (answer.result.status === 'applied') return []
    const next = nextOfRow.get(answer)
    const { result } = answer
    return [
      {
        id: newId(),
        kind: result.status,
        entity: answer.entity,
        entity_id: answer.entityId,
        mutation: JSON.stringify(answer.mutation),
        server_copy: result.current === undefined ? null : JSON.stringify(result.current),
        reason: result.reason,
        // Kept as the server said it: an id this build does not know shows the reason (a later build may know it).
        message_id: result.messageId ?? null,
        message_values: result.messageId !== undefined && result.values ? JSON.stringify(result.values) : null,
        created_at: now,
        resolved_at: next ? now : null,
        resolution: next ? resolutionBy(next) : null,
      },
    ]
  })

  await db.transaction().execute(async (trx) => {
    await asServerCopy(trx, async () => {
      await recordVersions(trx, answers)
      await sql`
        UPDATE sync_issues SET resolved_at = ${now}, resolution = json_extract(r.value, '$[2]')
        FROM json_each(${jsonList([...firstOfRow.values()].map((a) => [a.entity, a.entityId, resolutionBy(a)]))}) AS r
        WHERE sync_issues.resolved_at IS NULL AND sync_issues.entity = json_extract(r.value, '$[0]') AND sync_issues.entity_id = json_extract(r.value, '$[1]')`.execute(trx)
      if (raised.length > 0) await trx.insertInto('sync_issues').values(raised).execute()
      for (const answer of answers) {
        if (answer.result.status === 'refused') await undoRefusedOrgChange(trx, answer.entity, answer.entityId, answer.result.current)
      }
      await trx.deleteFrom('sync_outbox').where('batch_id', '=', batch.id).execute()
    })
  })
  return { issues: raised.length }
}

/** The server's new versions of the rows it applied: one statement per kind of row (entries through their home, src/main/entries). */
async function recordVersions(trx: Transaction<Database>, answers: readonly Answered[]): Promise<void> {
  const entries: [string, number][] = []
  const versions = new Map<string, [string, number][]>()
  for (const { mutation, result, entityId } of answers) {
    if (result.status !== 'applied' || result.version === null) continue
    if (mutation.type === 'entry.put') {
      entries.push([entityId, result.version])
      continue
    }
    if (!(mutation.type in TABLE_OF)) continue
    const table = TABLE_OF[mutation.type as keyof typeof TABLE_OF]
    const pairs = versions.get(table) ?? []
    pairs.push([entityId, result.version])
    versions.set(table, pairs)
  }
  await recordServerVersions(trx, entries)
  for (const [table, pairs] of versions) {
    await sql`
      UPDATE ${sql.table(table)} SET server_version = json_extract(v.value, '$[1]')
      FROM json_each(${jsonList(pairs)}) AS v
      WHERE ${sql.table(table)}.id = json_extract(v.value, '$[0]')`.execute(trx)
  }
}
