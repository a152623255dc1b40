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
