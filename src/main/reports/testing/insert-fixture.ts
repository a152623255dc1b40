// Puts a report fixture into the app's database: all reference data, and the entries
// of one person only, with their runs — a device holds its own user's time and nobody else's.
import type { Kysely } from 'kysely'
import type { ReportFixture } from '@shared/reports/testing/report-fixture'
import type { Database } from '../../db/schema'

const CHUNK = 200

export async function insertFixtureLocally(db: Kysely<Database>, fixture: ReportFixture, userId: string): Promise<void> {
  const stamp = { created_at: 1, updated_at: 1 }
  const gone = (deleted: boolean) => (deleted ? 2 : null)
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('customers').values(fixture.customers.map((c) => ({ id: c.id, name: c.name, organisation: c.organisation, ...stamp, deleted_at: gone(c.deleted) }))).execute()
    await trx
      .insertInto('contracts')
      .values(fixture.contracts.map((c) => ({ id: c.id, customer_id: c.customerId, name: c.name, included_minutes: c.includedMinutes, ...stamp, deleted_at: null })))
      .execute()
    await trx
      .insertInto('work_items')
      .values(
        fixture.workItems.map((w) => ({
          id: w.id,
          kind: w.kind,
          reference: w.reference,
          title: w.title,
          customer_id: w.customerId,
          contract_id: w.contractId,
          billable: 1 as const,
          active: 1 as const,
          ...stamp,
          deleted_at: gone(w.deleted),
        })),
      )
      .execute()
    await trx
      .insertInto('activity_types')
      .values(fixture.activityTypes.map((a) => ({ id: a.id, name: a.name, active: 1 as const, is_default: 0 as const, ...stamp, deleted_at: null })))
      .execute()
    const mine = fixture.entries.filter((entry) => entry.userId === userId)
    for (let start = 0; start < mine.length; start += CHUNK) {
      await trx
        .insertInto('time_entries')
        .values(
          mine.slice(start, start + CHUNK).map((e) => ({
            id: e.id,
            user_id: e.userId,
            day: e.day,
            work_item_id: e.workItemId,
            activity_type_id: e.activityTypeId,
            billable: e.billable ? (1 as const) : (0 as const),
            description: e.description,
            source: 'grid' as const,
            raw_seconds: e.rawSeconds,
            rounded_seconds: e.roundedSeconds,
            status: e.status,
            timer_id: null,
            time_zone: null,
            ...stamp,
            created_at: e.createdAt,
            deleted_at: gone(e.deleted),
          })),
        )
        .execute()
    }
    // Their timer runs (for the overlapped measure).
    const ids = new Set(mine.map((entry) => entry.id))
    const runs = fixture.runs.filter((run) => ids.has(run.entryId))
    for (let start = 0; start < runs.length; start += CHUNK) {
      await trx
        .insertInto('time_entry_ranges')
        .values(runs.slice(start, start + CHUNK).map((r, index) => ({ id: `run-${start + index}`, entry_id: r.entryId, started_at: r.startedAt, ended_at: r.endedAt })))
        .execute()
    }
  })
}
