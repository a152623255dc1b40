// What a push reads before it applies anything: the answers already given to its change
// ids (a replay gets them again) and the organisation's period rule; on PostgreSQL, when
// the push begins with a run of entry changes, that run's reads too (push-entry-reads.ts),
// all in one statement: each round trip costs the server more CPU than the statement.
// SQLite reads them one query at a time. Read after the person's stream is taken, so no
// push of the same person can change what was read before this one writes.
import type { Transaction } from 'kysely'
import type { PeriodRule } from '@shared/periods'
import { isPostgres } from '../db/dialect'
import type { ServerDatabase } from '../db/schema'
import { periodRuleOf } from '../periods/period-store'
import type { EntryPut } from './push-entries'
import { readStartWithRun, type EntryRunContext } from './push-entry-reads'

type Trx = Transaction<ServerDatabase>

export interface Answered {
  id: string
  user_id: string
  /** The answer given, as JSON text. */
  result: string
}

export interface PushStart {
  seen: Map<string, Answered>
  rule: PeriodRule
  /** The reads of the entries the push begins with, when they were read here; null otherwise. */
  leading: EntryRunContext | null
}

/** `leading`: the entry changes before any other step of the push (their reads are a superset of the first run's). */
export async function readPushStart(trx: Trx, userId: string, changeIds: readonly string[], leading: readonly EntryPut[]): Promise<PushStart> {
  const ids = [...changeIds]
  if (isPostgres(trx)) {
    const read = await readStartWithRun(trx, userId, ids, leading)
    if (read.rule === null) throw new Error('no organisation row: the server is not initialised')
    const rule = periodRuleOf(read.rule)
    return { seen: new Map(read.seen.map((r) => [r.id, r])), rule, leading: leading.length > 0 ? await read.run(rule) : null }
  }
  const seen = ids.length === 0 ? [] : await trx.selectFrom('applied_mutations').select(['id', 'user_id', 'result']).where('id', 'in', ids).execute()
  const org = await trx.selectFrom('org').select('period_rule').executeTakeFirstOrThrow()
  return { seen: new Map(seen.map((r) => [r.id, r])), rule: periodRuleOf(org.period_rule), leading: null }
}
