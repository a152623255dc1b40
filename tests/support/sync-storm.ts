// A storm of devices against a team server: many people, two devices each, pushing and
// pulling at once while an approver decides periods and an admin changes reference data.
// Each device remembers every (row, version) a pull delivered to it, so a test can check
// that pulls missed nothing and delivered nothing twice, and that an entry never arrived
// before the work item it is booked on.
import type { Kysely } from 'kysely'
import { newId } from '@shared/ids'
import { addDays } from '@shared/periods'
import type { Mutation, PullResponse } from '@shared/sync'
import type { ServerDatabase } from '../../src/server/db/schema'
import { OrgService } from '../../src/server/org/org-service'
import { DeviceTokens } from '../../src/server/org/tokens'
import { httpTransport, type SyncTransport } from '../../src/main/sync/transport'

const WEEK_ONE = '2026-11-02' // a Monday: the org's weekly periods start on Mondays
const WEEKS = 3
const ITEMS_AT_START = 4

export interface StormPerson {
  email: string
  role: 'member' | 'approver' | 'admin'
  id: string
}

export interface StormOrg {
  people: StormPerson[]
  tokens: Map<string, string[]>
}

/** An organisation of `count` people (the first an admin, the second the team's approver), each with `devicesEach` tokens. */
export async function stormOrg(db: Kysely<ServerDatabase>, count: number, devicesEach: number): Promise<StormOrg> {
  const org = new OrgService(db, () => Date.now())
  const tokens = new DeviceTokens(db, () => Date.now())
  const { admin } = await org.initOrganisation({ name: 'Storm IT', adminName: 'Ana', adminEmail: 'p0@example.com' })
  const people: StormPerson[] = [{ email: 'p0@example.com', role: 'admin', id: admin.id }]
  for (let i = 1; i < count; i++) {
    const role = i === 1 ? 'approver' : 'member'
    const user = await org.addUser({ name: `Person ${i}`, email: `p${i}@example.com`, role })
    people.push({ email: user.email, role, id: user.id })
  }
  await org.addTeam({ name: 'Field', pattern: 'one' })
  for (const person of people.slice(2)) await org.addMember({ team: 'Field', user: person.email })
  await org.setApprovers({ team: 'Field', level: 1, users: ['p1@example.com'] })
  const issued = new Map<string, string[]>()
  for (const person of people) {
    const list: string[] = []
    for (let d = 0; d < devicesEach; d++) list.push((await tokens.issueToken({ user: person.email, label: `device ${d}` })).token)
    issued.set(person.id, list)
  }
  return { people, tokens: issued }
}

type Kind = 'entry' | 'period' | 'workItem' | 'activityType' | 'customer' | 'contract'

/** What one device holds: the newest version of every row pulled, and every delivery. */
export class StormDevice {
  readonly held = new Map<string, number>()
  readonly problems: string[] = []
  readonly #delivered = new Set<string>()
  cursor: string = '0'
  readonly transport: SyncTransport
  #round = 0

  constructor(
    readonly person: StormPerson,
    readonly name: string,
    url: string,
    token: string,
    private readonly pageSize: number,
  ) {
    this.transport = httpTransport(url, token)
  }

  #receive(kind: Kind, id: string, version: number): void {
    const key = `${kind}:${id}@${version}`
    if (this.#delivered.has(key)) this.problems.push(`${this.name}: ${key} delivered twice`)
    this.#delivered.add(key)
    this.held.set(`${kind}:${id}`, Math.max(version, this.held.get(`${kind}:${id}`) ?? 0))
  }

  #take(page: PullResponse): void {
    for (const r of page.customers) this.#receive('customer', r.id, r.version)
    for (const r of page.contracts) this.#receive('contract', r.id, r.version)
    for (const r of page.activityTypes) this.#receive('activityType', r.id, r.version)
    for (const r of page.workItems) this.#receive('workItem', r.id, r.version)
    for (const r of page.entries) {
      if (r.workItemId !== null && !this.held.has(`workItem:${r.workItemId}`)) this.problems.push(`${this.name}: entry ${r.id} arrived before its work item ${r.workItemId}`)
      this.#receive('entry', r.id, r.version)
    }
    for (const r of page.periods) this.#receive('period', r.id, r.version)
  }

  /** Pulls until the server has nothing more. */
  async pullAll(): Promise<void> {
    for (let pages = 0; pages < 10_000; pages++) {
      const page = await this.transport.pull(this.cursor, this.pageSize)
      this.#take(page)
      this.cursor = page.cursor
      if (!page.more) return
    }
    this.problems.push(`${this.name}: pulls never ended`)
  }

  /** Work items this device knows, to book time on. */
  itemIds(): string[] {
    return [...this.held.keys()].filter((k) => k.startsWith('workItem:')).map((k) => k.slice('workItem:'.length))
  }

  /** One round of a member's work: new entries, edits of ones it has, now and then a submission or withdrawal. */
  async memberRound(random: () => number): Promise<void> {
    const round = this.#round++
    const items = this.itemIds()
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)]
    const mutations: Mutation[] = []
    const day = () => addDays(WEEK_ONE, Math.floor(random() * WEEKS * 7))
    for (let i = 0; i < 4; i++) {
      const id = `${this.name}-r${round}-${i}`
      mutations.push({ id: newId(), type: 'entry.put', baseVersion: null, entry: { id, day: day(), workItemId: pick(items) ?? null, activityTypeId: null, billable: true, description: `round ${round}`, source: 'grid', rawSeconds: 300, roundedSeconds: 300, updatedAt: Date.now(), deletedAt: null } })
    }
    const mine = [...this.held.entries()].filter(([k]) => k.startsWith('entry:'))
    for (let i = 0; i < 2 && mine.length > 0; i++) {
      const [key, version] = pick(mine) ?? ['', 0]
      mutations.push({ id: newId(), type: 'entry.put', baseVersion: version, entry: { id: key.slice('entry:'.length), day: day(), workItemId: pick(items) ?? null, activityTypeId: null, billable: random() < 0.5, description: `edited in round ${round}`, source: 'grid', rawSeconds: 600, roundedSeconds: 600, updatedAt: Date.now(), deletedAt: null } })
    }
    if (round % 3 === 2) {
      const start = addDays(WEEK_ONE, 7 * Math.floor(random() * WEEKS))
      mutations.push(random() < 0.7 ? { id: newId(), type: 'period.submit', start, end: addDays(start, 6) } : { id: newId(), type: 'period.withdraw', start })
    }
    await this.transport.push({ deviceId: this.name, mutations })
  }

  /** The approver approves or rejects what waits for them. */
  async approverRound(random: () => number): Promise<void> {
    const queue = await this.transport.approvalQueue()
    for (const item of queue.slice(0, 3)) {
      if (random() < 0.6) await this.transport.approve([item.periodId])
      else await this.transport.reject(item.periodId, 'Please split by ticket')
    }
  }

  /** The admin adds work items and renames them; every few rounds it merges two. */
  async adminRound(random: () => number, url: string, token: string): Promise<void> {
    const round = this.#round++
    const mutations: Mutation[] = [{ id: newId(), type: 'workItem.put', baseVersion: null, item: { id: `item-${this.name}-${round}`, kind: 'ticket', reference: `T-${this.name}-${round}`, title: `Ticket ${round}`, customerId: null, contractId: null, billable: true, active: true, updatedAt: Date.now(), deletedAt: null } }]
    const known = [...this.held.entries()].filter(([k]) => k.startsWith('workItem:'))
    const [key, version] = known[Math.floor(random() * known.length)] ?? ['', 0]
    if (key !== '') {
      const id = key.slice('workItem:'.length)
      mutations.push({ id: newId(), type: 'workItem.put', baseVersion: version, item: { id, kind: 'ticket', reference: `R-${id}`, title: `Renamed in ${round}`, customerId: null, contractId: null, billable: true, active: true, updatedAt: Date.now(), deletedAt: null } })
    }
    await this.transport.push({ deviceId: this.name, mutations })
    if (round % 4 === 3) {
      // Re-points other people's draft entries: the reference stream, then each owner's stream.
      const from = `T-${this.name}-${round - 3}`
      const into = `T-${this.name}-${round - 2}`
      const response = await fetch(`${url}/v1/admin/work-items/merge`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ from, into }) })
      // A renamed item is no longer found by its old reference: a 404 is an answer too, never a 500.
      if (response.status >= 500) this.problems.push(`${this.name}: merge answered ${response.status}`)
    }
  }
}

/** Work items every device can book on from the start. */
export function startingItems(): Mutation[] {
  return Array.from({ length: ITEMS_AT_START }, (_, i) => ({ id: newId(), type: 'workItem.put' as const, baseVersion: null, item: { id: `start-${i}`, kind: 'ticket' as const, reference: `S-${i}`, title: `Start ${i}`, customerId: null, contractId: null, billable: true, active: true, updatedAt: 1, deletedAt: null } }))
}

/** The server's state as each person's device must end up holding it: their own rows and all reference data. */
export async function serverStateFor(db: Kysely<ServerDatabase>, userId: string): Promise<Map<string, number>> {
  const state = new Map<string, number>()
  for (const r of await db.selectFrom('time_entries').select(['id', 'version']).where('user_id', '=', userId).execute()) state.set(`entry:${r.id}`, r.version)
  for (const r of await db.selectFrom('periods').select(['id', 'version']).where('user_id', '=', userId).execute()) state.set(`period:${r.id}`, r.version)
  for (const r of await db.selectFrom('work_items').select(['id', 'version']).execute()) state.set(`workItem:${r.id}`, r.version)
  for (const r of await db.selectFrom('activity_types').select(['id', 'version']).execute()) state.set(`activityType:${r.id}`, r.version)
  for (const r of await db.selectFrom('customers').select(['id', 'version']).execute()) state.set(`customer:${r.id}`, r.version)
  for (const r of await db.selectFrom('contracts').select(['id', 'version']).execute()) state.set(`contract:${r.id}`, r.version)
  return state
}

