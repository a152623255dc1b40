// A period's stored status for one user, its audit trail, and whether a move of it is
// still waiting in the outbox. Read by the grid (to lock and explain) and by submission.
import type { Kysely, Transaction } from 'kysely'
import type { PeriodEvent, PeriodStatus } from '@shared/timesheet'
import type { Period } from '@shared/periods'
import type { Database } from '../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export interface PeriodRecord {
  id: string | null
  status: PeriodStatus
  level: 1 | 2 | null
  reason: string | null
}

export async function periodRecord(db: Db, user: string, period: Period): Promise<PeriodRecord> {
  const row = await db
    .selectFrom('periods')
    .select(['id', 'status', 'level', 'reason'])
    .where('user_id', '=', user)
    .where('start_day', '=', period.start)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row ?? { id: null, status: 'open', level: null, reason: null }
}

export async function periodHistory(db: Db, periodId: string | null): Promise<PeriodEvent[]> {
  if (periodId === null) return []
  const rows = await db.selectFrom('period_events').selectAll().where('period_id', '=', periodId).orderBy('at').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, from: r.from_status, to: r.to_status, reason: r.reason }))
}

export async function moveQueued(db: Db, period: Period): Promise<boolean> {
  const row = await db.selectFrom('sync_outbox').select('seq').where('entity', 'in', ['period.submit', 'period.withdraw']).where('entity_id', '=', period.start).executeTakeFirst()
  return row !== undefined
}

// The grid reads the same record, its outbox state and its history inside its one
// statement on better-sqlite3 (src/main/timesheet/grid-read.ts), as one JSON text; that
// part of the statement lives here beside the Kysely reads so a change to how a period is
// stored changes both.
/**
 * A scalar subquery: the period's stored status (open when none is stored), whether a
 * submission or withdrawal of it still waits in the outbox, and its history oldest first,
 * as one JSON object. Its parameters, in order: periodHeadParameters.
 */
export const PERIOD_HEAD_JSON_SQL = `
SELECT json_object('id', p.id, 'status', coalesce(p.status, 'open'), 'level', p.level, 'reason', p.reason,
         'queued', EXISTS (SELECT 1 FROM sync_outbox WHERE entity IN ('period.submit', 'period.withdraw') AND entity_id = ?),
         -- json(): a subquery's value reaches json_object as text, which it would quote.
         'history', json((SELECT json_group_array(json_object('id', e.id, 'at', e.at, 'actor', e.actor, 'from', e.from_status, 'to', e.to_status, 'reason', e.reason) ORDER BY e.at, e.id)
                            FROM period_events AS e WHERE e.period_id = p.id)))
  FROM (SELECT 1) LEFT JOIN periods AS p ON p.user_id = ? AND p.start_day = ? AND p.deleted_at IS NULL`

/** The parameters of PERIOD_HEAD_JSON_SQL, in its order. */
export function periodHeadParameters(user: string, start: string): [string, string, string] {
  return [start, user, start]
}

export interface PeriodHead {
  id: string | null
  status: PeriodStatus
  level: 1 | 2 | null
  reason: string | null
  queued: boolean
  history: PeriodEvent[]
}

/** The object PERIOD_HEAD_JSON_SQL writes: the head, with queued as SQLite's 0 or 1. */
type PeriodHeadJson = Omit<PeriodHead, 'queued'> & { queued: 0 | 1 }

export function periodHeadOf(json: string): PeriodHead {
  const head = JSON.parse(json) as PeriodHeadJson
  return { ...head, queued: head.queued === 1 }
}
