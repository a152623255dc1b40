// Every route of the team server, probed from outside as anonymous, a member, an approver
// and an admin, on SQLite and PostgreSQL, with good and bad inputs: missing and broken
// bodies, wrong types, unknown ids, other people's ids, days that do not exist, numbers
// too large, NUL characters. The routes come from Fastify itself, so a new route is probed
// without being listed here. Nothing may answer 5xx, and nobody may read or change beyond
// their role: anonymous nothing; a member their own time; an approver their own and their
// team's; admins all. Reads are checked by markers in everyone's entries, writes by
// comparing every table before and after each role's probe.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { DEFAULT_ACTIVITY_TYPES } from '@shared/work'
import { buildServerApp } from '../../src/server/app'
import { openApiPath } from '../../src/server/http/openapi'
import { silentLogger } from '../../src/server/logger'
import { OrgService } from '../../src/server/org/org-service'
import { DeviceTokens } from '../../src/server/org/tokens'
import { ReferenceService } from '../../src/server/reference/reference-service'
import { SecretBox } from '../../src/server/writeback/secrets'
import { changesBetween, probesOf, routesOf, snapshot, type Change, type Probe } from '../support/route-probe'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../support/server-db'
import { bodiesByRoute, type ProbeIds } from './role-probe-bodies'

const T0 = Date.UTC(2026, 10, 20, 9, 0)
const postgres = usePostgresCluster()

type Role = 'anonymous' | 'member' | 'approver' | 'admin'

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  const token: Record<'ana' | 'abe' | 'tess' | 'mo', string> = { ana: '', abe: '', tess: '', mo: '' }
  const ids = {} as ProbeIds & { abe: string; ana: string }

  // Field: Tess, approved by Abe. Office: Mo, approved by Oli. Both submitted last week, with
  // a marker in every entry's description, so a leak shows in any answer.
  beforeEach(async () => {
    const org = new OrgService(t.db, () => T0)
    const tokens = new DeviceTokens(t.db, () => T0)
    const init = await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    token.ana = init.token.token
    ids.ana = init.admin.id
    for (const [person, role] of [
      ['abe', 'approver'],
      ['oli', 'approver'],
      ['tess', 'member'],
      ['mo', 'member'],
    ] as const) {
      const user = await org.addUser({ name: person, email: `${person}@example.com`, role })
      if (person !== 'oli') {
        ids[person] = user.id
        token[person] = (await tokens.issueToken({ user: `${person}@example.com`, label: 'laptop' })).token
      }
    }
    await org.addTeam({ name: 'Field', pattern: 'one' })
    await org.addTeam({ name: 'Office', pattern: 'one' })
    await org.addMember({ team: 'Field', user: 'tess@example.com' })
    await org.addMember({ team: 'Office', user: 'mo@example.com' })
    await org.setApprovers({ team: 'Field', level: 1, users: ['abe@example.com'] })
    await org.setApprovers({ team: 'Office', level: 1, users: ['oli@example.com'] })
    const reference = new ReferenceService(t.db, () => T0)
    ids.customerId = (await reference.addCustomer({ name: 'Acme' })).id
    await reference.addContract({ customer: 'Acme', name: 'Support', includedHours: 10 })
    ids.workItemId = (await reference.addWorkItem({ kind: 'ticket', reference: 'HD-7', title: 'Printer', customer: 'Acme' })).id
    await reference.addWorkItem({ kind: 'ticket', reference: 'HD-8', title: 'Scanner' })
    ids.defaultActivityType = DEFAULT_ACTIVITY_TYPES[0]?.id ?? ''

    app = buildServerApp({ db: t.db, clock: () => T0, logger: silentLogger, secrets: SecretBox.fromKey('c'.repeat(64)) })
    await app.ready()
    for (const person of ['tess', 'mo'] as const) {
      const entry = { id: `${person}-1`, day: '2026-11-10', workItemId: ids.workItemId, activityTypeId: null, billable: true, description: `secret-of-${person}`, source: 'grid', rawSeconds: 3600, roundedSeconds: 3600, updatedAt: T0, deletedAt: null }
      const mutations = [
        { id: newId(), type: 'entry.put', baseVersion: null, entry },
        { id: newId(), type: 'period.submit', start: '2026-11-09', end: '2026-11-15' },
      ]
      const pushed = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${token[person]}` }, payload: { deviceId: 'laptop', mutations } })
      expect(pushed.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['applied', 'applied'])
    }
    const periodOf = async (userId: string) => (await t.db.selectFrom('periods').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow()).id
    ids.tessPeriod = await periodOf(ids.tess)
    ids.moPeriod = await periodOf(ids.mo)
  }, 60_000)
  afterEach(() => app.close())

  const send = async (probe: Probe, bearer: string | null) => {
    const headers: Record<string, string> = bearer === null ? {} : { authorization: `Bearer ${bearer}` }
    if (probe.method !== 'GET') headers['content-type'] = 'application/json'
    const payload = probe.raw ?? (probe.json === undefined ? undefined : JSON.stringify(probe.json))
    const response = await app.inject({ method: probe.method as 'GET', url: probe.url, headers, ...(payload === undefined ? {} : { payload }) })
    return { status: response.statusCode, body: response.body }
  }

  /** Who each role acts as; the people whose rows they may change and whose markers they may read. */
  const actors = (): Record<Role, { bearer: string | null; owners: string[]; hidden: string[] }> => ({
    anonymous: { bearer: null, owners: [], hidden: ['secret-of-tess', 'secret-of-mo', 'tess@example.com', 'mo@example.com'] },
    member: { bearer: token.tess, owners: [ids.tess], hidden: ['secret-of-mo', 'mo@example.com', ids.mo] },
    approver: { bearer: token.abe, owners: [ids.abe, ids.tess], hidden: ['secret-of-mo', 'mo@example.com', ids.mo] },
    admin: { bearer: token.ana, owners: [], hidden: [] },
  })

  /** Whose row a change touched: its person, or for reference data who made it. */
  const ownerOf = (change: Change, periodsAfter: Map<string, string>): string | null => {
    const row = change.after ?? change.before ?? {}
    if (change.table === 'period_events') return periodsAfter.get(String(row['period_id'])) ?? null
    if ('user_id' in row) return String(row['user_id'])
    const madeBy = row['created_by']
    if (change.table === 'customers' || change.table === 'work_items') return typeof madeBy === 'string' ? madeBy : null
    return null
  }

  it('answers every route, as every role and with every input, without a 5xx and within each role’s rights', async () => {
    const routes = routesOf(app)
    // The tree was read: every kind of route is there (a sanity check, not the list probed).
    expect(routes).toEqual(expect.arrayContaining([{ method: 'GET', url: '/v1/health' }, { method: 'POST', url: '/v1/sync/push' }, { method: 'GET', url: '/v1/periods/:periodId/history' }, { method: 'POST', url: '/v1/admin/work-items/merge' }]))
    // Routes open to anyone are the ones the API document says need no token (security: []); the probe holds it to that.
    const document = (await app.inject({ method: 'GET', url: '/v1/openapi.json' })).json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>()
    const isOpen = (route: { method: string; url: string }) => document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()]?.security?.length === 0
    expect(routes.filter(isOpen).map((route) => route.url).sort()).toEqual(['/v1/docs', '/v1/health', '/v1/openapi.json', '/v1/ready'])
    const problems: string[] = []
    let sent = 0
    for (const role of ['anonymous', 'member', 'approver', 'admin'] as const) {
      const actor = actors()[role]
      const before = await snapshot(t.db)
      for (const route of routes) {
        for (const probe of probesOf(route, [ids.tessPeriod, ids.moPeriod], bodiesByRoute(ids))) {
          const { status, body } = await send(probe, actor.bearer)
          sent++
          const where = `${role}: ${probe.label} → ${status}`
          if (status >= 500) problems.push(`${where} ${body.slice(0, 200)}`)
          // Anonymous gets 401, or 414 for a path too long to route at all (nothing is looked up then).
          if (role === 'anonymous' && !isOpen(route) && status !== 401 && status !== 414) problems.push(`${where}: anonymous must be turned away`)
          if ((role === 'member' || role === 'approver') && route.url.startsWith('/v1/admin/') && status < 400) problems.push(`${where}: an admin route answered a ${role}`)
          for (const marker of actor.hidden) if (body.includes(marker)) problems.push(`${where}: the answer shows ${marker}`)
        }
      }
      if (role === 'admin') continue
      const after = await snapshot(t.db)
      const periods = new Map([...after.values()].filter((e) => e.table === 'periods').map((e) => [String(e.row['id']), String(e.row['user_id'])]))
      for (const change of changesBetween(before, after)) {
        if (change.table === 'org' || change.table === 'change_streams') continue // the change counters
        const owner = ownerOf(change, periods)
        const allowed = ['time_entries', 'periods', 'period_events', 'applied_mutations', 'device_tokens', 'customers', 'work_items'].includes(change.table) && owner !== null && actor.owners.includes(owner)
        if (!allowed) problems.push(`${role} changed ${change.key}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`.slice(0, 400))
        // Only an approver of the person moves a period past submitted; nobody approves their own.
        const event = change.after
        if (change.table === 'period_events' && event && event['actor_id'] === owner && event['from_status'] === 'submitted' && event['to_status'] !== 'open') problems.push(`${role} decided their own period: ${JSON.stringify(event)}`)
      }
    }
    expect(problems).toEqual([])
    expect(sent).toBeGreaterThan(routes.length * 4 * 9)
  }, 600_000)


}

describeEachDialect('every route, every role', suite)
