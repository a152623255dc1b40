// What a push reads before it applies anything: the answers already given to its change
// ids (a replay gets them again) and the organisation's period rule. One statement on
// PostgreSQL, where each round trip costs the server CPU; two queries on SQLite.
import { sql, type Transaction } from 'kysely'
import type { PeriodRule } from '@shared/periods'
import { isPostgres } from '../db/dialect'
import type { ServerDatabase } from '../db/schema'
import { periodRuleOf } from '../periods/period-store'

type Trx = Transaction<ServerDatabase>

export interface Answered {
  id: string
  user_id: string
  /** The answer given, as JSON text. */
  result: string
}

export async function readPushStart(trx: Trx, changeIds: readonly string[]): Promise<{ seen: Map<string, Answered>; rule: PeriodRule }> {
  const ids = [...changeIds]
  if (isPostgres(trx)) {
    const result = await sql<{ rule: string | null; seen: Answered[] }>`
      SELECT (SELECT period_rule FROM org) AS rule,
             (SELECT coalesce(json_agg(json_build_object('id', id, 'user_id', user_id, 'result', result)), '[]') FROM applied_mutations WHERE id = ANY(${ids}::text[])) AS seen`.execute(trx)
    const row = result.rows[0]
    if (!row || row.rule === null) throw new Error('no organisation row: the server is not initialised')
    return { seen: new Map(row.seen.map((r) => [r.id, r])), rule: periodRuleOf(row.rule) }
  }
  const seen = ids.length === 0 ? [] : await trx.selectFrom('applied_mutations').select(['id', 'user_id', 'result']).where('id', 'in', ids).execute()
  const org = await trx.selectFrom('org').select('period_rule').executeTakeFirstOrThrow()
  return { seen: new Map(seen.map((r) => [r.id, r])), rule: periodRuleOf(org.period_rule) }
}
