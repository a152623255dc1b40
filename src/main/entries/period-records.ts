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

// The grid reads the same record, its outbox state and its history in one statement on
// better-sqlite3 (src/main/timesheet/grid-read.ts); that statement lives here beside the
// Kysely reads so a change to how a period is stored changes both.
/**
 * The period's stored status (open when none is stored), whether a submission or
 * withdrawal of it still waits in the outbox, and its history oldest first: one line per
 * event, or one line with no event.
 */
export const PERIOD_HEAD_SQL = `
SELECT p.id, coalesce(p.status, 'open') AS status, p.level, p.reason,
       EXISTS (SELECT 1 FROM sync_outbox WHERE entity IN ('period.submit', 'period.withdraw') AND entity_id = ?) AS queued,
       e.id AS event_id, e.at, e.actor, e.from_status, e.to_status, e.reason AS event_reason
  FROM (SELECT 1)
  LEFT JOIN (SELECT * FROM periods WHERE user_id = ? AND start_day = ? AND deleted_at IS NULL LIMIT 1) AS p
  LEFT JOIN period_events AS e ON e.period_id = p.id
 ORDER BY e.at, e.id`

export interface PeriodHeadLine {
  id: string | null
  status: PeriodStatus
  level: 1 | 2 | null
  reason: string | null
  queued: 0 | 1
  event_id: string | null
  at: number | null
  actor: string | null
  from_status: string | null
  to_status: string | null
  event_reason: string | null
}

export interface PeriodHead {
  id: string | null
  status: PeriodStatus
  level: 1 | 2 | null
  reason: string | null
  queued: boolean
  history: PeriodEvent[]
}

export function periodHeadOf(lines: readonly PeriodHeadLine[]): PeriodHead {
  const head = lines[0]
  if (!head) throw new Error('the period query returned no line') // a LEFT JOIN from one line always returns at least one
  const history: PeriodEvent[] = []
  for (const e of lines) {
    if (e.event_id !== null) history.push({ id: e.event_id, at: e.at ?? 0, actor: e.actor ?? '', from: e.from_status ?? '', to: e.to_status ?? '', reason: e.event_reason })
  }
  return { id: head.id, status: head.status, level: head.level, reason: head.reason, queued: head.queued === 1, history }
}
