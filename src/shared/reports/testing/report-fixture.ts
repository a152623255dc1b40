// Generated data for report tests, the same for the app's database and the server's:
// a few people (one in two teams, one in none), customers (one deleted), contracts
// with and without included hours, work items with and without a reference, customer
// or contract (one deleted), and entries over five months with every status, a mix of
// billable, missing work items and activity types, and deleted rows; each entry's timer
// runs, many side by side (overlapped time). Seeded, so a failure is reproducible.
import { addDays } from '../../periods'
import { seededRandom } from '../../testing/seeded-random'
import type { EntryStatus } from '../../entries'

export interface FixtureUser {
  id: string
  name: string
}

export interface FixtureTeam {
  id: string
  name: string
  members: string[]
}

export interface FixtureCustomer {
  id: string
  name: string
  /** Free text; null for none. */
  organisation: string | null
  deleted: boolean
}

export interface FixtureContract {
  id: string
  customerId: string
  name: string
  includedMinutes: number | null
}

export interface FixtureWorkItem {
  id: string
  kind: 'ticket' | 'work_order' | 'task' | 'general'
  reference: string | null
  title: string
  customerId: string | null
  contractId: string | null
  deleted: boolean
}

export interface FixtureActivityType {
  id: string
  name: string
}

export interface FixtureEntry {
  id: string
  userId: string
  day: string
  workItemId: string | null
  activityTypeId: string | null
  billable: boolean
  roundedSeconds: number
  rawSeconds: number
  status: EntryStatus
  deleted: boolean
  /** When it was made, ms since the epoch; several entries share one, so ties are ordered by id. */
  createdAt: number
  description: string
}

/** One run of an entry's timer, ms since the epoch: within its entry's day (UTC), so only entries of one day overlap. */
export interface FixtureRun {
  entryId: string
  startedAt: number
  endedAt: number
}

export interface ReportFixture {
  users: FixtureUser[]
  teams: FixtureTeam[]
  customers: FixtureCustomer[]
  contracts: FixtureContract[]
  workItems: FixtureWorkItem[]
  activityTypes: FixtureActivityType[]
  entries: FixtureEntry[]
  /** The entries' runs (every entry has one or two, deleted and voided ones too): many overlap. */
  runs: FixtureRun[]
  /** The first and last day entries may fall on. */
  from: string
  to: string
}

export interface FixtureOptions {
  seed: number
  /** The id of the first person (the app's own user when the fixture goes into its database). */
  firstUserId?: string
  entries?: number
  from?: string
  days?: number
}

const DESCRIPTIONS = ['Called back', 'Replaced toner', 'Remote session, "urgent"', 'Café visit ☕']
const STATUSES: readonly EntryStatus[] = ['draft', 'draft', 'submitted', 'approved', 'approved', 'approved', 'rejected', 'voided']

export function generateReportFixture({ seed, firstUserId = 'user-ada', entries = 900, from = '2026-09-01', days = 150 }: FixtureOptions): ReportFixture {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T

  const users: FixtureUser[] = [
    { id: firstUserId, name: 'Ada Lovelace' },
    { id: 'user-grace', name: 'Grace Hopper' },
    { id: 'user-alan', name: 'Alan Turing' },
    { id: 'user-edsger', name: 'Edsger Dijkstra' },
  ]
  const [ada, grace, alan] = users.map((user) => user.id) as [string, string, string, string]
  const teams: FixtureTeam[] = [
    { id: 'team-desk', name: 'Service Desk', members: [ada, grace] },
    { id: 'team-field', name: 'Field Service', members: [grace, alan] },
    { id: 'team-empty', name: 'Projects', members: [] },
  ]
  const customers: FixtureCustomer[] = [
    { id: 'cust-harbour', name: 'Harbour Dental', organisation: 'Smile Group', deleted: false },
    { id: 'cust-acme', name: 'acme corp', organisation: 'Acme Group', deleted: false },
    { id: 'cust-zeta', name: 'Zeta Logistics', organisation: null, deleted: false },
    // A deleted customer keeps its organisation: its time still counts there.
    { id: 'cust-gone', name: 'Bygone Books', organisation: 'acme group', deleted: true },
    { id: 'cust-idle', name: 'Idle Industries', organisation: 'Smile Group', deleted: false },
  ]
  const contracts: FixtureContract[] = [
    { id: 'contract-harbour', customerId: 'cust-harbour', name: 'Managed IT 2026', includedMinutes: 600 },
    { id: 'contract-acme', customerId: 'cust-acme', name: 'Support block', includedMinutes: 1200 },
    { id: 'contract-zeta', customerId: 'cust-zeta', name: 'Time and material', includedMinutes: null },
    { id: 'contract-idle', customerId: 'cust-idle', name: 'Standby', includedMinutes: 60 },
  ]
  const workItems: FixtureWorkItem[] = [
    { id: 'wi-1', kind: 'ticket', reference: 'HD-1042', title: 'Printer offline', customerId: 'cust-harbour', contractId: 'contract-harbour', deleted: false },
    { id: 'wi-2', kind: 'ticket', reference: 'HD-1043', title: 'New laptop, "quick"', customerId: 'cust-harbour', contractId: 'contract-harbour', deleted: false },
    { id: 'wi-3', kind: 'work_order', reference: 'WO-7', title: 'Server move', customerId: 'cust-acme', contractId: 'contract-acme', deleted: false },
    { id: 'wi-4', kind: 'ticket', reference: 'AC-10', title: 'VPN drops', customerId: 'cust-acme', contractId: null, deleted: false },
    { id: 'wi-5', kind: 'ticket', reference: 'ZL-1', title: 'Scanner, tablets & Wi-Fi', customerId: 'cust-zeta', contractId: 'contract-zeta', deleted: false },
    { id: 'wi-6', kind: 'ticket', reference: 'BB-3', title: 'Old shop tills', customerId: 'cust-gone', contractId: null, deleted: true },
    { id: 'wi-7', kind: 'task', reference: null, title: 'Patch Tuesday', customerId: null, contractId: null, deleted: false },
    { id: 'wi-8', kind: 'general', reference: null, title: 'Team meeting', customerId: null, contractId: null, deleted: false },
    { id: 'wi-9', kind: 'ticket', reference: 'ZL-2', title: 'Label printer ☕', customerId: 'cust-zeta', contractId: 'contract-zeta', deleted: false },
    { id: 'wi-10', kind: 'task', reference: 'AC-11', title: 'Backup check', customerId: 'cust-acme', contractId: 'contract-acme', deleted: false },
  ]
  const activityTypes: FixtureActivityType[] = [
    { id: 'act-remote', name: 'Remote support' },
    { id: 'act-onsite', name: 'On-site' },
    { id: 'act-admin', name: 'Admin' },
  ]

  const list: FixtureEntry[] = []
  for (let n = 1; n <= entries; n++) {
    const workItem = random() < 0.1 ? null : pick(workItems)
    const seconds = random() < 0.2 ? 60 * (1 + Math.floor(random() * 200)) : 900 * (1 + Math.floor(random() * 16))
    list.push({
      id: `entry-${String(n).padStart(5, '0')}`,
      // Ada books most: she is the app's user in the tests that compare both databases.
      userId: random() < 0.4 ? ada : pick(users).id,
      day: addDays(from, Math.floor(random() * days)),
      workItemId: workItem?.id ?? null,
      activityTypeId: random() < 0.1 ? null : pick(activityTypes).id,
      billable: random() < 0.7,
      roundedSeconds: seconds,
      rawSeconds: Math.max(0, seconds - Math.floor(random() * 300)),
      status: pick(STATUSES),
      deleted: random() < 0.08,
      createdAt: 0,
      description: '',
    })
  }
  // Drawn from a stream of their own, so the entries above stay what they were before these fields existed.
  const more = seededRandom(seed + 1)
  for (const entry of list) {
    // Made on its day or up to two days later, in coarse steps so that some collide.
    entry.createdAt = Date.parse(`${entry.day}T08:00:00Z`) + Math.floor(more() * 12) * 4 * 3_600_000
    entry.description = more() < 0.5 ? '' : (DESCRIPTIONS[Math.floor(more() * DESCRIPTIONS.length)] ?? '')
  }
  return { users, teams, customers, contracts, workItems, activityTypes, entries: list, runs: runsOf(list, seededRandom(seed + 2)), from, to: addDays(from, days - 1) }
}

/** Each entry's raw time as one run, or two with a half-hour pause, starting between 08:00 and 17:45 UTC of its day in quarter hours. */
function runsOf(entries: readonly FixtureEntry[], random: () => number): FixtureRun[] {
  const QUARTER = 900_000
  const runs: FixtureRun[] = []
  for (const entry of entries) {
    const startedAt = Date.parse(`${entry.day}T08:00:00Z`) + Math.floor(random() * 40) * QUARTER
    const ms = entry.rawSeconds * 1000
    if (random() < 0.2 && ms >= 2 * QUARTER) {
      const first = Math.floor(ms / 2 / 1000) * 1000
      runs.push({ entryId: entry.id, startedAt, endedAt: startedAt + first })
      runs.push({ entryId: entry.id, startedAt: startedAt + first + 2 * QUARTER, endedAt: startedAt + ms + 2 * QUARTER })
    } else {
      runs.push({ entryId: entry.id, startedAt, endedAt: startedAt + ms })
    }
  }
  return runs
}
