// When the team server's database was restored from a backup, its change numbers start
// again below this device's cursor and it has lost what was synced after the backup.
// Every pull carries the database's epoch; when it is not the one this device synced
// with, or the server says its database is behind this device's cursor (a restore nobody
// gave a new epoch), the device pulls everything again from the start and, row by row, keeps and sends
// back what the server no longer has: a row the server has only in an older version goes
// up on that version, a row it does not have at all goes up as new. Nothing is skipped
// and nothing is sent twice, and the user is asked about nothing the server simply lost.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { PullResponse } from '@shared/sync'
import type { Database } from '../db/schema'
import { CURSOR_KEY } from './pull'

const EPOCH_KEY = 'sync_epoch'
/** Set while the full pull after a restore runs; a crash in the middle starts it again from the start. */
const RECONCILING_KEY = 'sync_reconciling'

type Synced = 'time_entries' | 'work_items' | 'activity_types' | 'customers' | 'contracts'
const PAGE_PARTS: readonly [keyof Pick<PullResponse, 'entries' | 'workItems' | 'activityTypes' | 'customers' | 'contracts'>, Synced][] = [
  ['entries', 'time_entries'],
  ['workItems', 'work_items'],
  ['activityTypes', 'activity_types'],
  ['customers', 'customers'],
  ['contracts', 'contracts'],
]

async function stateOf(db: Kysely<Database> | Transaction<Database>, key: string): Promise<string | null> {
  return (await db.selectFrom('app_state').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null
}

async function setState(db: Kysely<Database> | Transaction<Database>, key: string, value: string): Promise<void> {
  await db.insertInto('app_state').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute()
}

/** One full pull after a restore: which rows the restored server has shown so far. */
export class RestoredServerReconciler {
  private seen: Map<Synced, Set<string>> | null = null

  constructor(
    private readonly db: Kysely<Database>,
    private readonly userId: () => string,
  ) {}

  /**
   * Looks at what a server answered (in /v1/me and every pull page): its database's epoch,
   * and whether it is behind this device's cursor. Returns true when the server's database
   * is not the one this device last synced with (a new epoch, or one restored without a
   * new epoch, which shows as `behind`), or a full pull after a restore was cut short: the
   * cursor is then back at 0, and the caller pulls again from the start before it pushes.
   */
  async startsOver({ epoch, behind }: { epoch?: string | undefined; behind?: true | undefined }): Promise<boolean> {
    if (epoch === undefined && !behind) return false
    if (this.seen !== null) return false // already pulling everything again
    const known = await stateOf(this.db, EPOCH_KEY)
    const interrupted = (await stateOf(this.db, RECONCILING_KEY)) === '1'
    if (known === epoch && !interrupted && !behind) return false
    // The first answer of a server, with nothing to compare with, only tells the epoch.
    const first = known === null && !behind
    await this.db.transaction().execute(async (trx) => {
      if (epoch !== undefined) await setState(trx, EPOCH_KEY, epoch)
      if (first) return
      await setState(trx, RECONCILING_KEY, '1')
      await setState(trx, CURSOR_KEY, '0')
    })
    if (first) return false
    this.seen = new Map(PAGE_PARTS.map(([, table]) => [table, new Set<string>()]))
    return true
  }

  /**
   * During the full pull: a row this device knows in a newer server version than the
   * page's is kept and queued on the page's version (the outbox trigger queues it when
   * server_version changes here), so the pull leaves it alone and the push restores it.
   */
  async beforeApplying(page: PullResponse): Promise<void> {
    const seen = this.seen
    if (!seen) return
    await this.db.transaction().execute(async (trx) => {
      for (const [part, table] of PAGE_PARTS) {
        const rows = page[part]
        if (rows.length === 0) continue
        for (const row of rows) seen.get(table)?.add(row.id)
        const local = await trx.selectFrom(table).select(['id', 'server_version']).where('id', 'in', rows.map((r) => r.id)).execute()
        const versions = new Map(local.map((r) => [r.id, r.server_version]))
        for (const row of rows) {
          const mine = versions.get(row.id)
          if (mine !== undefined && mine !== null && mine > row.version) await trx.updateTable(table).set({ server_version: row.version }).where('id', '=', row.id).execute()
        }
      }
    })
  }

  /** After the last page: rows the server showed none of are queued as new; the device is in step again. Returns whether anything was queued. */
  async finish(): Promise<boolean> {
    const seen = this.seen
    if (!seen) return false
    this.seen = null
    let queued = 0
    await this.db.transaction().execute(async (trx) => {
      for (const [, table] of PAGE_PARTS) {
        let query = trx.selectFrom(table).select('id').where('server_version', 'is not', null)
        if (table === 'time_entries') query = query.where(sql.ref('user_id'), '=', this.userId())
        const lost = (await query.execute()).map((r) => r.id).filter((id) => !seen.get(table)?.has(id))
        for (const id of lost) await trx.updateTable(table).set({ server_version: null }).where('id', '=', id).execute()
        queued += lost.length
      }
      queued += (await trx.selectFrom('sync_outbox').select('seq').limit(1).execute()).length
      await trx.deleteFrom('app_state').where('key', '=', RECONCILING_KEY).execute()
    })
    return queued > 0
  }
}
