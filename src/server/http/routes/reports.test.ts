// Month views and contract usage over HTTP, on SQLite and on PostgreSQL: a customer with
// its organisation arrives by sync push from one device and reaches the others' pulls;
// a member sees only their own time, an approver their team's, an admin everyone's; bad
// requests are refused with what was wrong; and the app's transport reads the same
// answers through a real socket.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { MonthViewResultSchema, type MonthViewKind, type MonthViewQueryInput, type MonthViewResult } from '@shared/month-views'
import { ContractUsageSchema } from '@shared/reports'
import { PullResponseSchema, PushResponseSchema, type Mutation } from '@shared/sync'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../../tests/support/server-db'
import { httpTransport, TransportError } from '../../../main/sync/transport'
import { buildServerApp } from '../../app'
import { silentLogger } from '../../logger'
import { OrgService } from '../../org/org-service'
import { DeviceTokens } from '../../org/tokens'
import { ReferenceService } from '../../reference/reference-service'

const H = 3600
const T0 = Date.UTC(2026, 10, 20, 17, 0)
const postgres = usePostgresCluster()

type Person = 'ana' | 'bo' | 'fay' | 'cy' | 'ed'

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  const token = {} as Record<Person, string>
  const id = {} as Record<Person, string>
  const customerId = newId()
  const contractId = newId()
  const ticketId = newId()

  // Field: Bo and Fay, approved by Cy. Ed is a member of no team; Ana the admin.
  beforeEach(async () => {
    const clock = () => T0
    const org = new OrgService(t.db, clock)
    const tokens = new DeviceTokens(t.db, clock)
    const init = await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    token.ana = init.token.token
    id.ana = init.admin.id
    for (const [person, name, role] of [
      ['bo', 'Bo', 'member'],
      ['fay', 'Fay', 'member'],
      ['cy', 'Cy', 'approver'],
      ['ed', 'Ed', 'member'],
    ] as const) {
      id[person] = (await org.addUser({ name, email: `${person}@example.com`, role })).id
      token[person] = (await tokens.issueToken({ user: `${person}@example.com`, label: 'laptop' })).token
    }
    await org.addTeam({ name: 'Field', pattern: 'one' })
    for (const member of ['bo', 'fay']) await org.addMember({ team: 'Field', user: `${member}@example.com` })
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com'] })
    // Made by an admin on the server, in no organisation: its time is "(no organisation)".
    await new ReferenceService(t.db, clock).addCustomer({ name: 'Walk-ins', organisation: '  ' })
    app = buildServerApp({ db: t.db, clock, logger: silentLogger })
    await app.ready()

    // The admin's device makes a customer of Acme Group, its contract and a ticket; Bo books on it.
    const contract: Mutation = { id: newId(), type: 'contract.put', baseVersion: null, contract: { id: contractId, customerId, name: 'Support', includedMinutes: 600, updatedAt: T0, deletedAt: null } }
    await push('ana', [
      { id: newId(), type: 'customer.put', baseVersion: null, customer: { id: customerId, name: 'Acme Berlin', organisation: 'Acme Group', updatedAt: T0, deletedAt: null } },
      contract,
      {
        id: newId(),
        type: 'workItem.put',
        baseVersion: null,
        item: { id: ticketId, kind: 'ticket', reference: 'AC-7', title: 'VPN drops', customerId, contractId, billable: true, active: true, updatedAt: T0, deletedAt: null },
      },
    ])
    const book = (who: Person, entryId: string, seconds: number, workItemId: string | null = ticketId) =>
      push(who, [
        {
          id: newId(),
          type: 'entry.put',
          baseVersion: null,
          entry: { id: entryId, day: '2026-11-16', workItemId, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: seconds, roundedSeconds: seconds, updatedAt: T0, deletedAt: null },
        },
      ])
    await book('bo', 'e-bo', 5 * H)
    await book('fay', 'e-fay', 4 * H)
    await book('ed', 'e-ed', 2 * H, null)
    await book('cy', 'e-cy', 1 * H)
  })
  afterEach(async () => {
    await app.close()
  })

  const call = async (who: Person | null, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await app.inject({
      method,
      url,
      headers: who === null ? {} : { authorization: `Bearer ${token[who]}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() }
  }
  async function push(who: Person, mutations: Mutation[]) {
    const response = await call(who, 'POST', '/v1/sync/push', { deviceId: `${who}-laptop`, mutations })
    expect(response.status).toBe(200)
    const results = PushResponseSchema.parse(response.body).results
    expect(results.map((result) => result.status), JSON.stringify(results)).toEqual(mutations.map(() => 'applied'))
  }
  const month = async <V extends MonthViewKind>(who: Person, query: MonthViewQueryInput & { view: V }) => {
    const response = await call(who, 'POST', '/v1/reports/month', query)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const result = MonthViewResultSchema.parse(response.body)
    expect(result.view).toBe(query.view)
    return result as Extract<MonthViewResult, { view: V }>
  }
  const people = async (who: Person) => (await month(who, { month: '2026-11', view: 'entries' })).rows.map((row) => row.userName).sort()

  it('a customer’s organisation comes with the device’s push and goes out with every pull', async () => {
    const response = await call('fay', 'GET', '/v1/sync/pull?after=0')
    const pulled = PullResponseSchema.parse(response.body).customers
    expect(pulled.map((c) => [c.name, c.organisation])).toEqual(
      expect.arrayContaining([
        ['Acme Berlin', 'Acme Group'],
        ['Walk-ins', null],
      ]),
    )
  })

  it('a member sees only their own time, an approver their team’s and their own, an admin everyone’s', async () => {
    expect(await people('bo')).toEqual(['Bo'])
    expect(await people('ed')).toEqual(['Ed'])
    expect(await people('cy')).toEqual(['Bo', 'Cy', 'Fay'])
    expect(await people('ana')).toEqual(['Bo', 'Cy', 'Ed', 'Fay'])
    const organisations = await month('ana', { month: '2026-11', view: 'organisations' })
    expect(organisations.rows.map((row) => [row.label, row.monthSeconds / H, row.customerCount])).toEqual([
      ['Acme Group', 10, 1],
      ['(no organisation)', 2, 0],
    ])
    const mine = await month('bo', { month: '2026-11', view: 'tickets' })
    expect(mine.rows.map((row) => [row.reference, row.monthSeconds / H, row.lifetimeSeconds / H, row.organisation])).toEqual([['AC-7', 5, 5, 'Acme Group']])
  })

  it('refuses a bad request, or one without a token, saying what was wrong', async () => {
    for (const [body, problem] of [
      [{ month: '2026-13', view: 'tickets' }, /months run from 01 to 12/],
      [{ month: '2026-11', view: 'x' }, /"x" is not a month view/],
      [{ month: '2026-11', view: 'entries', statuses: [] }, /Choose at least one status/],
      [{ month: '2026-11', view: 'entries', userIds: [id.fay] }, /"userIds" is not a field here/],
    ] as const) {
      const response = await call('bo', 'POST', '/v1/reports/month', body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect((response.body['error'] as { message: string }).message).toMatch(problem)
      expect((response.body['error'] as { message: string }).message).toMatch(/^The month view was refused, nothing was changed/)
    }
    expect((await call(null, 'POST', '/v1/reports/month', { month: '2026-11', view: 'entries' })).status).toBe(401)
  })

  it('contract usage takes its statuses as one comma-separated parameter or repeated', async () => {
    const usage = async (query: string) => {
      const response = await call('ana', 'GET', `/v1/reports/contracts?${query}`)
      expect(response.status, JSON.stringify(response.body)).toBe(200)
      return ContractUsageSchema.parse(response.body).contracts.find((c) => c.contractId === contractId)
    }
    expect((await usage('month=2026-11'))?.billableSeconds).toBe(10 * H)
    expect((await usage('month=2026-11&statuses=draft'))?.billableSeconds).toBe(10 * H)
    expect((await usage('month=2026-11&statuses=approved,voided'))?.billableSeconds).toBe(0)
    expect((await usage('month=2026-11&statuses=approved&statuses=draft'))?.level).toBe('over')
    expect((await call('ana', 'GET', '/v1/reports/contracts?month=2026-11&statuses=')).status).toBe(400)
  })

  it('the app’s transport reads month views and contract usage through a real socket', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const asBo = httpTransport(address, token.bo)
    const view = await asBo.teamMonth({ month: '2026-11', view: 'customers' })
    if (view.view !== 'customers') throw new Error('the customers view answers with customers')
    expect(view.rows.map((row) => [row.customerName, row.organisation, row.monthSeconds / H, row.ticketCount])).toEqual([['Acme Berlin', 'Acme Group', 5, 1]])
    const usage = await httpTransport(address, token.cy).teamContractUsage({ month: '2026-11', statuses: ['draft', 'submitted'] })
    expect(usage.contracts.find((c) => c.contractId === contractId)).toMatchObject({ billableSeconds: 10 * H, level: 'over', beyondIncludedSeconds: 0 })
    const refused = await asBo.teamMonth({ month: '2026-13', view: 'entries' }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(TransportError)
    expect((refused as TransportError).kind).toBe('refused')
    expect((refused as Error).message).toMatch(/months run from 01 to 12/)
  })
}

describeEachDialect('month views and contract usage over HTTP', suite)
