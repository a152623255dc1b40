// Puts a report fixture into the team server's database: people, teams, reference data
// and everyone's entries and their runs, straight into the tables (sync and admin commands have their
// own tests).
import type { Kysely } from 'kysely'
import type { ReportFixture } from '@shared/reports/testing/report-fixture'
import { orgNameKey, workItemKey } from '@shared/org-data'
import type { ReferenceSeq, UserSeq } from '../../db/change-streams'
import type { ServerDatabase } from '../../db/schema'

const CHUNK = 200

export async function insertFixtureOnServer(db: Kysely<ServerDatabase>, fixture: ReportFixture, options: { deactivated?: Record<string, number> } = {}): Promise<void> {
  const stamp = { created_at: 1, updated_at: 1 }
  // Fixture rows all carry number 1 of their stream: reports never read it.
  const synced = { ...stamp, seq: 1 as UserSeq }
  const adminMade = { ...stamp, seq: 1 as ReferenceSeq, admin_managed: 1 as const }
  const gone = (deleted: boolean) => (deleted ? 2 : null)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values(
        fixture.users.map((u) => ({
          id: u.id,
          name: u.name,
          email: `${u.id}@example.com`,
          role: 'member' as const,
          ...stamp,
          deactivated_at: options.deactivated?.[u.id] ?? null,
        })),
      )
      .execute()
    await trx.insertInto('teams').values(fixture.teams.map((t) => ({ id: t.id, name: t.name, ...stamp }))).execute()
    const members = fixture.teams.flatMap((t) => t.members.map((user_id) => ({ team_id: t.id, user_id })))
    if (members.length > 0) await trx.insertInto('team_members').values(members).execute()
    await trx.insertInto('customers').values(fixture.customers.map((c) => ({ id: c.id, name: c.name, name_key: orgNameKey(c.name), organisation: c.organisation, ...adminMade, deleted_at: gone(c.deleted), created_by: null }))).execute()
    await trx
      .insertInto('contracts')
      .values(fixture.contracts.map((c) => ({ id: c.id, customer_id: c.customerId, name: c.name, name_key: orgNameKey(c.name), included_minutes: c.includedMinutes, ...adminMade, deleted_at: null, created_by: null })))
      .execute()
    await trx
      .insertInto('work_items')
      .values(
        fixture.workItems.map((w) => ({
          id: w.id,
          kind: w.kind,
          reference: w.reference,
          title: w.title,
          name_key: workItemKey(w),
          customer_id: w.customerId,
          contract_id: w.contractId,
          ...adminMade,
          deleted_at: gone(w.deleted),
          created_by: null,
        })),
      )
      .execute()
    await trx.insertInto('activity_types').values(fixture.activityTypes.map((a) => ({ id: a.id, name: a.name, name_key: orgNameKey(a.name), ...adminMade, deleted_at: null, created_by: null }))).execute()
    for (let start = 0; start < fixture.entries.length; start += CHUNK) {
      await trx
        .insertInto('time_entries')
        .values(
          fixture.entries.slice(start, start + CHUNK).map((e) => ({
            id: e.id,
            user_id: e.userId,
            day: e.day,
            work_item_id: e.workItemId,
            activity_type_id: e.activityTypeId,
            billable: e.billable ? (1 as const) : (0 as const),
            source: 'grid' as const,
            raw_seconds: e.rawSeconds,
            rounded_seconds: e.roundedSeconds,
            status: e.status,
            description: e.description,
            ...synced,
            created_at: e.createdAt,
            deleted_at: gone(e.deleted),
          })),
        )
        .execute()
    }
    // The entries' timer runs, as sync keeps them (for the overlapped measure).
    for (let start = 0; start < fixture.runs.length; start += CHUNK) {
      await trx
        .insertInto('entry_runs')
        .values(fixture.runs.slice(start, start + CHUNK).map((r) => ({ entry_id: r.entryId, started_at: r.startedAt, ended_at: r.endedAt, zone: 'UTC' })))
        .execute()
    }
  })
}
