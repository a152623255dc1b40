// Connecting this device to a team server, and settling what the server refused or found
// in conflict. Connecting checks the address and token against the server first, then
// binds the local data to the server account (the device's user id becomes the
// account's) and queues everything the server has not seen, so standalone time goes up.
import { sql, type Kysely, type Transaction } from 'kysely'
import { refusalFields, refuse, StintError } from '@shared/errors'
import { framedBy } from '@shared/i18n/refusal-text'
import { MutationSchema, type MeResponse, type SyncIssue, type TeamAccount } from '@shared/sync'
import { DEFAULT_ACTIVITY_TYPES } from '@shared/work'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import { dropNeverSent, rebindOwner, recordServerVersion } from '../entries/server-copies'
import type { EventHub } from '../events'
import { asServerCopy, enqueuePeriodMove } from './outbox'
import type { SecretStore } from './secret-store'
import { httpTransport, serverUrlProblem, TransportError, type SyncTransport } from './transport'
import { applyServerCopy } from './server-copy'

const ACCOUNT_KEY = 'team_account'
// Time entries are re-owned through src/main/entries (with the time held for a question).
const OWNED = ['periods', 'timesheet_rows', 'cell_notes'] as const
const TRACKED = [
  ['time_entries', 'entry'],
  ['work_items', 'workItem'],
  ['activity_types', 'activityType'],
  ['customers', 'customer'],
  ['contracts', 'contract'],
] as const

type StoredAccount = Omit<TeamAccount, 'tokenProtection'>

export interface SyncServiceDeps {
  db: Kysely<Database>
  clock: Clock
  events: EventHub
  secrets: SecretStore
  /** Makes the transport; tests pass one bound to an in-process server. */
  transportFor?: (url: string, token: string) => SyncTransport
  /** The device's user id changed (connecting binds it to the server account). */
  onUserId: (userId: string) => void
  /** The server's rules arrived (period rule). */
  onRules: (me: MeResponse) => void
}

export class SyncService {
  private account: StoredAccount | null = null
  /** The token, read once from the secret store at start and kept from then on. */
  private token: string | null = null
  private protection: TeamAccount['tokenProtection'] = 'memory'

  constructor(private readonly deps: SyncServiceDeps) {}

  async init(): Promise<void> {
    const row = await this.deps.db.selectFrom('app_state').select('value').where('key', '=', ACCOUNT_KEY).executeTakeFirst()
    this.account = row ? (JSON.parse(row.value) as StoredAccount) : null
    this.token = await this.deps.secrets.read()
    this.protection = await this.deps.secrets.protection()
  }

  /** The transport to use now, or null: standalone, or the token is not available (e.g. the browser host restarted). */
  transport(): SyncTransport | null {
    if (!this.account || !this.token) return null
    return (this.deps.transportFor ?? httpTransport)(this.account.url, this.token)
  }

  currentAccount(): TeamAccount | null {
    return this.account ? { ...this.account, tokenProtection: this.protection } : null
  }

  /** Keeps the account's name, role and approver levels up to date from the server (each round). */
  async refresh(me: MeResponse): Promise<void> {
    if (!this.account) return
    const next = { ...this.account, name: me.user.name, email: me.user.email, role: me.user.role, approverLevels: levelsOf(me) }
    if (JSON.stringify(next) !== JSON.stringify(this.account)) await this.storeAccount(this.deps.db, next)
    this.deps.onRules(me)
  }

  async connect(url: string, token: string): Promise<TeamAccount> {
    const problem = serverUrlProblem(url)
    if (problem) throw refuse('invalid_request', 'refusal.flowNotKept', { ...problem.values, refusal: problem.id })
    const transport = (this.deps.transportFor ?? httpTransport)(url, token)
    let me: MeResponse
    try {
      me = await transport.me()
    } catch (error) {
      if (error instanceof TransportError) {
        throw new StintError(error.kind === 'offline' ? 'unavailable' : 'invalid_request', `${error.message} Nothing was changed.`, framedBy('refusal.flowNotKept', error.refusal))
      }
      throw error
    }
    if (this.account && this.account.userId !== me.user.id) {
      throw refuse('conflict', 'refusal.sync.otherAccount', { name: this.account.name, email: this.account.email, url: this.account.url, tokenEmail: me.user.email })
    }
    const { db } = this.deps
    const account: StoredAccount = { url: url.replace(/\/+$/, ''), userId: me.user.id, name: me.user.name, email: me.user.email, role: me.user.role, approverLevels: levelsOf(me) }
    await db.transaction().execute(async (trx) => {
      const local = (await trx.selectFrom('app_state').select('value').where('key', '=', 'user_id').executeTakeFirstOrThrow()).value
      await asServerCopy(trx, async () => {
        for (const table of OWNED) await trx.updateTable(table).set({ user_id: me.user.id }).where('user_id', '=', local).execute()
        await rebindOwner(trx, local, me.user.id)
      })
      await trx.updateTable('app_state').set({ value: me.user.id }).where('key', '=', 'user_id').execute()
      // Everything the server has not seen goes up, time made before the outbox existed included.
      const now = this.deps.clock.now()
      // The built-in activity types are the server's too (same ids): they are not sent.
      const builtIn = DEFAULT_ACTIVITY_TYPES.map((t) => t.id)
      for (const [table, entity] of TRACKED) {
        await sql`
          INSERT INTO sync_outbox (entity, entity_id, created_at)
          SELECT ${entity}, id, ${now} FROM ${sql.table(table)} t
          WHERE t.server_version IS NULL AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.entity = ${entity} AND o.entity_id = t.id)
            AND (${entity} != 'activityType' OR t.id NOT IN (${sql.join(builtIn)}))
          ORDER BY t.created_at`.execute(trx)
      }
      await this.storeAccount(trx, account)
    })
    await this.deps.secrets.write(token)
    this.token = token
    this.protection = await this.deps.secrets.protection()
    this.account = account
    this.deps.onUserId(me.user.id)
    this.deps.onRules(me)
    return { ...account, tokenProtection: this.protection }
  }

  /** Signs out: forgets the token. The account stays bound (its data, user and outbox wait here for the next sign-in). */
  async disconnect(): Promise<void> {
    await this.deps.secrets.write(null)
    this.token = null
  }

  async issues(): Promise<SyncIssue[]> {
    const rows = await this.deps.db.selectFrom('sync_issues').selectAll().where('resolved_at', 'is', null).orderBy('created_at').execute()
    return rows.map((r) => {
      const mutation = MutationSchema.safeParse(JSON.parse(r.mutation))
      const mine = mutation.success ? (payloadOf(mutation.data) as Record<string, unknown>) : null
      const server = r.server_copy ? (JSON.parse(r.server_copy) as Record<string, unknown> | null) : null
      return { id: r.id, kind: r.kind, entity: r.entity, entityId: r.entity_id, reason: r.reason, ...storedRefusal(r), mine, server, createdAt: r.created_at }
    })
  }

  /**
   * mine: send my version again, on top of the server's (a conflict), or as it is (a
   * refusal: "Send again", once the reason is gone, or after the server failed on it);
   * server: take the server's copy here; discard: drop my change (the server's copy if it
   * has one, else the row goes, since the server never had it).
   */
  async resolveIssue(id: string, choice: 'mine' | 'server' | 'discard'): Promise<SyncIssue[]> {
    const { db, clock } = this.deps
    const now = clock.now()
    await db.transaction().execute(async (trx) => {
      const issue = await trx.selectFrom('sync_issues').selectAll().where('id', '=', id).where('resolved_at', 'is', null).executeTakeFirst()
      if (!issue) throw refuse('not_found', 'refusal.sync.issueSettled')
      const table = TRACKED.find(([, entity]) => entity === issue.entity)?.[0]
      const server = issue.server_copy ? (JSON.parse(issue.server_copy) as unknown) : null
      if (choice === 'mine' && issue.kind === 'refused') {
        await sendAgain(trx, issue, now)
      } else if (choice === 'mine') {
        if (!table || !server) throw refuse('invalid_request', 'refusal.sync.noServerCopy')
        const version = (server as { version: number }).version
        if (table === 'time_entries') await recordServerVersion(trx, issue.entity_id, version)
        else await trx.updateTable(table).set({ server_version: version }).where('id', '=', issue.entity_id).execute()
        await trx.insertInto('sync_outbox').values({ entity: issue.entity as 'entry', entity_id: issue.entity_id, created_at: now, mutation_id: null, payload: null, batch_id: null }).execute()
      } else if (table) {
        await trx.deleteFrom('sync_outbox').where('entity', '=', issue.entity as 'entry').where('entity_id', '=', issue.entity_id).where('batch_id', 'is', null).execute()
        await asServerCopy(trx, async () => {
          if (server) await applyServerCopy(trx, issue.entity, server, (await trx.selectFrom('app_state').select('value').where('key', '=', 'user_id').executeTakeFirstOrThrow()).value)
          else if (table === 'time_entries') await dropNeverSent(trx, issue.entity_id, now)
          else await trx.updateTable(table).set({ deleted_at: now, updated_at: now }).where('id', '=', issue.entity_id).where('server_version', 'is', null).execute()
        })
      }
      await trx.updateTable('sync_issues').set({ resolved_at: now, resolution: choice }).where('id', '=', id).execute()
    })
    this.deps.events.emit('entries.changed', {})
    return this.issues()
  }

  private async storeAccount(db: Kysely<Database>, account: StoredAccount): Promise<void> {
    await db
      .insertInto('app_state')
      .values({ key: ACCOUNT_KEY, value: JSON.stringify(account) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(account) }))
      .execute()
    this.account = account
  }
}

/** Queues a refused change again as it stands now: the row's latest state, or the same period move. */
async function sendAgain(trx: Transaction<Database>, issue: { entity: string; entity_id: string; mutation: string }, now: number): Promise<void> {
  const move = MutationSchema.safeParse(JSON.parse(issue.mutation))
  if (move.success && move.data.type === 'period.submit') return enqueuePeriodMove(trx, { type: 'period.submit', start: move.data.start, end: move.data.end }, now)
  if (move.success && move.data.type === 'period.withdraw') return enqueuePeriodMove(trx, { type: 'period.withdraw', start: move.data.start }, now)
  if (!TRACKED.some(([, entity]) => entity === issue.entity)) return
  await trx.insertInto('sync_outbox').values({ entity: issue.entity as 'entry', entity_id: issue.entity_id, created_at: now, mutation_id: null, payload: null, batch_id: null }).execute()
}

function levelsOf(me: MeResponse): (1 | 2)[] {
  return [...new Set(me.approves.map((a) => a.level))].sort()
}

function payloadOf(mutation: ReturnType<typeof MutationSchema.parse>): unknown {
  switch (mutation.type) {
    case 'entry.put':
      return mutation.entry
    case 'workItem.put':
      return mutation.item
    case 'activityType.put':
      return mutation.activityType
    case 'customer.put':
      return mutation.customer
    case 'contract.put':
      return mutation.contract
    case 'period.submit':
    case 'period.withdraw':
      return { start: mutation.start }
  }
}

/** The server's refusal id and values kept with an issue (none for one stored before 0011, or answered by an older server). */
function storedRefusal(row: { message_id: string | null; message_values: string | null }): Pick<SyncIssue, 'messageId' | 'values'> {
  if (row.message_id === null) return {}
  const values = refusalFields.values.safeParse(row.message_values === null ? undefined : JSON.parse(row.message_values))
  return values.success && values.data ? { messageId: row.message_id, values: values.data } : { messageId: row.message_id }
}
