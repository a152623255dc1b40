// An organisation for the team server's billing tests: Ana (admin), Bo and Cy (members, Cy
// works from New York) and Di (approver); customers Harbour (a contract with included
// hours and its own rate) and Müller (a contract billing only the primary of overlapping
// timers with its own rounding, and work with no contract); an internal item with no
// customer. Entries and their timer runs are written straight into the tables (the sync
// path has its own tests); `generatedMonth` makes a month of them from a seed.
import { TZDate } from '@date-fns/tz'
import type { Kysely } from 'kysely'
import { newId } from '../../src/shared/ids'
import { DEFAULT_ACTIVITY_TYPES } from '../../src/shared/work'
import type { ReferenceSeq, UserSeq } from '../../src/server/db/change-streams'
import type { EntryStatus, ServerDatabase } from '../../src/server/db/schema'
import { OrgService } from '../../src/server/org/org-service'
import type { Principal } from '../../src/server/org/tokens'

export const REMOTE = DEFAULT_ACTIVITY_TYPES[0]?.id ?? ''
export const ON_SITE = DEFAULT_ACTIVITY_TYPES[1]?.id ?? ''
export const MEETING = DEFAULT_ACTIVITY_TYPES[3]?.id ?? ''
export const BERLIN = 'Europe/Berlin'
export const NEW_YORK = 'America/New_York'

export interface BillingOrg {
  db: Kysely<ServerDatabase>
  ana: Principal
  bo: Principal
  cy: Principal
  di: Principal
  harbour: string
  mueller: string
  harbourContract: string
  muellerContract: string
  items: { harbour: string; mueller: string; muellerLoose: string; internal: string }
}

const principal = (user: { id: string; name: string; email: string; role: Principal['role'] }): Principal => ({ userId: user.id, tokenId: 'test', name: user.name, email: user.email, role: user.role })

const stamp = (now: number, name: string) => ({ created_at: now, updated_at: now, deleted_at: null, seq: 0 as ReferenceSeq, created_by: null, admin_managed: 1 as const, name_key: name.toLowerCase() })

export async function billingOrg(db: Kysely<ServerDatabase>, now: number): Promise<BillingOrg> {
  const org = new OrgService(db, () => now)
  const init = await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
  const bo = await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
  const cy = await org.addUser({ name: 'Cy', email: 'cy@example.com', role: 'member' })
  const di = await org.addUser({ name: 'Di', email: 'di@example.com', role: 'approver' })
  const [harbour, mueller, harbourContract, muellerContract] = [newId(), newId(), newId(), newId()]
  await db.insertInto('customers').values([{ id: harbour, name: 'Harbour Ltd', ...stamp(now, 'harbour ltd') }, { id: mueller, name: 'Müller GmbH', ...stamp(now, 'müller gmbh') }]).execute()
  await db
    .insertInto('contracts')
    .values([
      { id: harbourContract, customer_id: harbour, name: 'Harbour support', included_minutes: 600, ...stamp(now, 'harbour support') },
      { id: muellerContract, customer_id: mueller, name: 'Müller care', included_minutes: null, ...stamp(now, 'müller care') },
    ])
    .execute()
  const item = async (title: string, customerId: string | null, contractId: string | null) => {
    const id = newId()
    await db.insertInto('work_items').values({ id, kind: 'ticket', reference: null, title, customer_id: customerId, contract_id: contractId, ...stamp(now, title) }).execute()
    return id
  }
  const items = {
    harbour: await item('Harbour printers', harbour, harbourContract),
    mueller: await item('Müller server', mueller, muellerContract),
    muellerLoose: await item('Müller one-off', mueller, null),
    internal: await item('Internal', null, null),
  }
  return { db, ana: principal(init.admin), bo: principal(bo), cy: principal(cy), di: principal(di), harbour, mueller, harbourContract, muellerContract, items }
}

export interface EntrySpec {
  userId: string
  day: string
  workItemId: string | null
  activityTypeId: string | null
  billable: boolean
  status: EntryStatus
  /** Seconds typed as a duration; ignored when runs are given. */
  seconds?: number
  runs?: { startedAt: number; endedAt: number }[]
  zone?: string
}

export async function addBillingEntry(db: Kysely<ServerDatabase>, spec: EntrySpec, now: number): Promise<string> {
  const id = newId()
  const runs = spec.runs ?? []
  const seconds = runs.length > 0 ? runs.reduce((sum, r) => sum + (r.endedAt - r.startedAt) / 1000, 0) : (spec.seconds ?? 0)
  await db
    .insertInto('time_entries')
    .values({
      id,
      user_id: spec.userId,
      day: spec.day,
      work_item_id: spec.workItemId,
      activity_type_id: spec.activityTypeId,
      billable: spec.billable ? 1 : 0,
      source: runs.length > 0 ? 'timer' : 'manual',
      raw_seconds: seconds,
      rounded_seconds: seconds,
      status: spec.status,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      seq: 0 as UserSeq,
    })
    .execute()
  if (runs.length > 0) await db.insertInto('entry_runs').values(runs.map((r) => ({ entry_id: id, started_at: r.startedAt, ended_at: r.endedAt, zone: spec.zone ?? BERLIN }))).execute()
  return id
}

/** A small, seeded generator (mulberry32), so both databases get the very same month. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The instant of local `day`, `minute` minutes after midnight, in `zone`. */
export function localInstant(day: string, minute: number, zone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(year, month - 1, date, Math.floor(minute / 60), minute % 60, zone).getTime()
}

/**
 * A month of entries for Bo (Berlin) and Cy (New York): on random days one to four entries
 * each, timers of 10 to 150 whole minutes starting between 06:00 and 21:00 local time (so
 * they overlap, and run after hours, at weekends and on the holiday), now and then a pause
 * (two runs) or time typed as a duration; random work items, activity types, statuses and
 * billable flags. No two of one person's runs start in the same minute.
 */
export async function generatedMonth(o: BillingOrg, seed: number, now: number): Promise<void> {
  const random = seeded(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const statuses: EntryStatus[] = ['approved', 'approved', 'approved', 'approved', 'approved', 'submitted', 'voided', 'draft']
  const items = [o.items.harbour, o.items.harbour, o.items.mueller, o.items.mueller, o.items.muellerLoose, o.items.internal]
  for (const [person, zone] of [[o.bo.userId, BERLIN], [o.cy.userId, NEW_YORK]] as const) {
    for (let date = 2; date <= 30; date++) {
      if (random() < 0.45) continue
      const day = `2026-11-${String(date).padStart(2, '0')}`
      const starts = new Set<number>()
      const count = 1 + Math.floor(random() * 4)
      for (let k = 0; k < count; k++) {
        let start = 360 + Math.floor(random() * 900)
        while (starts.has(start)) start += 1
        starts.add(start)
        const length = 10 + Math.floor(random() * 141)
        const typed = random() < 0.12
        let runs = [{ startedAt: localInstant(day, start, zone), endedAt: localInstant(day, start + length, zone) }]
        if (!typed && random() < 0.2) {
          // A pause of 20 minutes in the middle, then on for 15 more.
          let second = start + length + 20
          while (starts.has(second)) second += 1
          starts.add(second)
          runs = [...runs, { startedAt: localInstant(day, second, zone), endedAt: localInstant(day, second + 15, zone) }]
        }
        await addBillingEntry(
          o.db,
          { userId: person, day, workItemId: pick(items), activityTypeId: pick([REMOTE, REMOTE, ON_SITE, MEETING]), billable: random() > 0.1, status: pick(statuses), zone, ...(typed ? { seconds: length * 60 } : { runs }) },
          now,
        )
      }
    }
  }
}
