// An organisation for the write-back tests: Ana (admin), Bo (member) and Cy (Bo's approver)
// in one team, a ticket system pointing at a fake one, work items that carry their
// ticket page, and helpers that book, submit, approve, void and reopen the way the
// server's own services do (entries are written straight into the table: the sync path
// has its own tests).
import type { Kysely } from 'kysely'
import { newId } from '../../src/shared/ids'
import { DEFAULT_ACTIVITY_TYPES } from '../../src/shared/work'
import type { ReferenceSeq, UserSeq } from '../../src/server/db/change-streams'
import type { ServerDatabase } from '../../src/server/db/schema'
import { OrgService } from '../../src/server/org/org-service'
import type { Principal } from '../../src/server/org/tokens'
import { approvePeriods, reopenPeriod, voidPeriod } from '../../src/server/periods/approvals'
import { movePeriod, periodOf } from '../../src/server/periods/period-store'
import { SecretBox } from '../../src/server/writeback/secrets'
import { TicketSystems } from '../../src/server/writeback/ticket-systems'

export const REMOTE_SUPPORT = DEFAULT_ACTIVITY_TYPES[0]?.id ?? ''
export const ON_SITE = DEFAULT_ACTIVITY_TYPES[1]?.id ?? ''
export const MEETING = DEFAULT_ACTIVITY_TYPES[3]?.id ?? ''
export const TEST_SECRET_KEY = 'a'.repeat(64)

export interface WritebackOrg {
  db: Kysely<ServerDatabase>
  ana: Principal
  bo: Principal
  cy: Principal
  systems: TicketSystems
  systemId: string
  clock: { now: number }
}

const principal = (user: { id: string; name: string; email: string; role: Principal['role'] }): Principal => ({ userId: user.id, tokenId: 'test', name: user.name, email: user.email, role: user.role })

export async function writebackOrg(db: Kysely<ServerDatabase>, options: { pattern: 'none' | 'one' | 'two'; baseUrl: string; now: number; kind?: 'redmine' | 'rt'; name?: string }): Promise<WritebackOrg> {
  const clock = { now: options.now }
  const org = new OrgService(db, () => clock.now)
  const init = await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
  const bo = await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
  const cy = await org.addUser({ name: 'Cy', email: 'cy@example.com', role: 'approver' })
  await org.addTeam({ name: 'Field', pattern: options.pattern })
  await org.addMember({ team: 'Field', user: 'bo@example.com' })
  await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com'] })
  if (options.pattern === 'two') await org.setApprovers({ team: 'Field', level: 2, users: ['ana@example.com'] })
  const systems = new TicketSystems(db, () => clock.now, SecretBox.fromKey(TEST_SECRET_KEY))
  const system = await systems.add({ kind: options.kind ?? 'redmine', name: options.name ?? 'Redmine', baseUrl: options.baseUrl, credentials: options.kind === 'rt' ? { token: 'secret-token-1234' } : { apiKey: 'secret-api-key-1234' } })
  return { db, ana: principal(init.admin), bo: principal(bo), cy: principal(cy), systems, systemId: system.id, clock }
}

export async function addWorkItem(db: Kysely<ServerDatabase>, title: string, ticketUrl: string | null, now: number): Promise<string> {
  const id = newId()
  await db
    .insertInto('work_items')
    .values({ id, kind: 'ticket', reference: null, title, customer_id: null, contract_id: null, created_at: now, updated_at: now, deleted_at: null, seq: 0 as ReferenceSeq, created_by: null, admin_managed: 1, name_key: title.toLowerCase(), ticket_url: ticketUrl })
    .execute()
  return id
}

export interface EntryInput {
  day: string
  seconds: number
  workItemId: string | null
  activityTypeId?: string | null
  description?: string
}

export async function addEntry(w: WritebackOrg, entry: EntryInput): Promise<string> {
  const id = newId()
  await w.db
    .insertInto('time_entries')
    .values({
      id,
      user_id: w.bo.userId,
      day: entry.day,
      work_item_id: entry.workItemId,
      activity_type_id: entry.activityTypeId === undefined ? REMOTE_SUPPORT : entry.activityTypeId,
      billable: 1,
      description: entry.description ?? '',
      source: 'manual',
      raw_seconds: entry.seconds,
      rounded_seconds: entry.seconds,
      created_at: w.clock.now,
      updated_at: w.clock.now,
      deleted_at: null,
      seq: 0 as UserSeq,
    })
    .execute()
  return id
}

/** Bo's own change to a draft entry, as a push makes it: new values, a new version. */
export async function changeEntry(w: WritebackOrg, id: string, change: { seconds?: number; deleted?: boolean; description?: string }): Promise<void> {
  await w.db
    .updateTable('time_entries')
    .set((eb) => ({
      ...(change.seconds !== undefined ? { rounded_seconds: change.seconds, raw_seconds: change.seconds } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.deleted ? { deleted_at: w.clock.now } : {}),
      updated_at: w.clock.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}

/** Bo submits the period of `day`; its id. */
export async function submit(w: WritebackOrg, day: string): Promise<string> {
  const period = await periodOf(w.db, day)
  const moved = await w.db.transaction().execute((trx) => movePeriod(trx, w.bo, w.bo.userId, period, { kind: 'submit' }, w.clock.now))
  if (!moved.ok) throw new Error(moved.reason)
  return moved.period.id
}

export async function approve(w: WritebackOrg, periodId: string, by: Principal = w.cy): Promise<void> {
  const [result] = (await approvePeriods(w.db, by, [periodId], () => w.clock.now)).results
  if (!result?.ok) throw new Error(result?.message ?? 'no answer')
}

export async function voidIt(w: WritebackOrg, periodId: string): Promise<void> {
  const [result] = (await voidPeriod(w.db, w.ana, periodId, 'booked on the wrong ticket', w.clock.now)).results
  if (!result?.ok) throw new Error(result?.message ?? 'no answer')
}

export async function reopen(w: WritebackOrg, periodId: string): Promise<void> {
  const [result] = (await reopenPeriod(w.db, w.ana, periodId, 'please split Tuesday', w.clock.now)).results
  if (!result?.ok) throw new Error(result?.message ?? 'no answer')
}

export async function writeStates(db: Kysely<ServerDatabase>): Promise<{ entry_id: string; state: string; last_error: string | null; write_key: string }[]> {
  return db.selectFrom('ticket_writes').select(['entry_id', 'state', 'last_error', 'write_key']).orderBy('created_at').orderBy('write_key').execute()
}
