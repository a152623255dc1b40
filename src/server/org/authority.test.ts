// Who may change organisation data, judged by the team server on every push, on SQLite and
// PostgreSQL: a member's device makes the work items and customers its tickets need and
// may change them until an admin takes them over; contracts, included hours, activity
// types and the default are the admin's; look-alike names are refused, naming the one that
// exists. Each refusal answers one mutation with the reason and the server's copy.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { PullResponseSchema, PushResponseSchema, type Mutation, type MutationResult } from '@shared/sync'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { buildServerApp } from '../app'
import { silentLogger } from '../logger'
import { ReferenceService } from '../reference/reference-service'
import { OrgService } from './org-service'
import { DeviceTokens } from './tokens'

const T0 = Date.UTC(2026, 10, 16, 9, 0)
const postgres = usePostgresCluster()

type Person = 'ana' | 'tess' | 'mo'

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let reference: ReferenceService
  const token = {} as Record<Person, string>
  let acme: { id: string }
  let remote: string

  beforeEach(async () => {
    const org = new OrgService(t.db, () => T0)
    const tokens = new DeviceTokens(t.db, () => T0)
    token.ana = (await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })).token.token
    for (const person of ['tess', 'mo'] as const) {
      await org.addUser({ name: person, email: `${person}@example.com`, role: 'member' })
      token[person] = (await tokens.issueToken({ user: `${person}@example.com`, label: 'laptop' })).token
    }
    reference = new ReferenceService(t.db, () => T0)
    acme = await reference.addCustomer({ name: 'Acme' })
    remote = (await t.db.selectFrom('activity_types').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow()).id
    app = buildServerApp({ db: t.db, clock: () => T0, logger: silentLogger })
    await app.ready()
  })
  afterEach(() => app.close())

  const push = async (who: Person, ...mutations: Mutation[]): Promise<MutationResult[]> => {
    const response = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${token[who]}` }, payload: { deviceId: 'laptop', mutations } })
    expect(response.statusCode, response.body).toBe(200)
    return PushResponseSchema.parse(response.json()).results
  }
  const pull = async (who: Person) => PullResponseSchema.parse((await app.inject({ method: 'GET', url: '/v1/sync/pull', headers: { authorization: `Bearer ${token[who]}` } })).json())
  const stamp = { updatedAt: T0, deletedAt: null }
  const customer = (id: string, name: string, baseVersion: number | null = null, organisation: string | null = null): Mutation => ({ id: newId(), type: 'customer.put', baseVersion, customer: { id, name, organisation, ...stamp } })
  const contract = (id: string, customerId: string, includedMinutes: number | null, baseVersion: number | null = null): Mutation => ({ id: newId(), type: 'contract.put', baseVersion, contract: { id, customerId, name: 'Unlimited', includedMinutes, ...stamp } })
  const activityType = (id: string, name: string, isDefault: boolean, baseVersion: number | null = null): Mutation => ({ id: newId(), type: 'activityType.put', baseVersion, activityType: { id, name, active: true, isDefault, ...stamp } })
  const workItem = (id: string, fields: { reference?: string | null; title: string; customerId?: string | null; contractId?: string | null }, baseVersion: number | null = null): Mutation => ({
    id: newId(),
    type: 'workItem.put',
    baseVersion,
    item: { id, kind: 'ticket', reference: fields.reference ?? null, title: fields.title, customerId: fields.customerId ?? null, contractId: fields.contractId ?? null, billable: true, active: true, ...stamp },
  })

  it('refuses a member’s contract with 100,000 included hours on the admin’s customer, and their own activity type as the default', async () => {
    const results = await push('tess', contract('c-1', acme.id, 100_000 * 60), activityType('at-1', 'Pentest', true), activityType(remote, 'Remote support', false, 1))
    expect(results.map((r) => [r.status, r.status === 'applied' ? '' : r.reason])).toEqual([
      ['refused', 'Contracts and their included hours are set by your organisation’s admin on the team server. This change was not applied.'],
      ['refused', 'Activity types, and which one is the default, are set by your organisation’s admin on the team server. This change was not applied.'],
      ['refused', 'Activity types, and which one is the default, are set by your organisation’s admin on the team server. This change was not applied.'],
    ])
    // The server's copy comes back with a refusal of a row it has, so the device can take it.
    expect(results[2]).toMatchObject({ current: { id: remote, isDefault: true } })
    expect(results[0]).toMatchObject({ current: null })
    const page = await pull('mo')
    expect(page.contracts).toEqual([])
    expect(page.activityTypes.filter((a) => a.isDefault).map((a) => a.id)).toEqual([remote])
  })

  it('lets a member’s device make the customer and work item a ticket needs, records who made them, and lets them change those until an admin takes over', async () => {
    expect((await push('tess', customer('cu-1', 'Harbour Dental'), workItem('wi-1', { reference: 'HD-7', title: 'Printer', customerId: 'cu-1' }))).map((r) => r.status)).toEqual(['applied', 'applied'])
    const tess = await t.db.selectFrom('users').select('id').where('email', '=', 'tess@example.com').executeTakeFirstOrThrow()
    expect(await t.db.selectFrom('work_items').select(['created_by', 'admin_managed']).where('id', '=', 'wi-1').executeTakeFirst()).toEqual({ created_by: tess.id, admin_managed: 0 })

    expect(await push('tess', workItem('wi-1', { reference: 'HD-7', title: 'Printer offline', customerId: 'cu-1' }, 1))).toMatchObject([{ status: 'applied', version: 2 }])
    const [other] = await push('mo', workItem('wi-1', { reference: 'HD-7', title: 'Mo was here', customerId: 'cu-1' }, 2))
    expect(other).toMatchObject({ status: 'refused', reason: 'This work item was made by an admin or by someone else, so only an admin can change it. This change was not applied.', current: { title: 'Printer offline' } })

    // An admin's change (here from the admin's own device) takes the item over.
    expect(await push('ana', workItem('wi-1', { reference: 'HD-7', title: 'Printer offline (2nd floor)', customerId: 'cu-1' }, 2))).toMatchObject([{ status: 'applied', version: 3 }])
    const [after] = await push('tess', workItem('wi-1', { reference: 'HD-7', title: 'Printer', customerId: 'cu-1' }, 3))
    expect(after).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^An admin has taken this work item over .* only an admin can change it now\. This change was not applied\.$/) as unknown })
    expect(await t.db.selectFrom('work_items').select(['title', 'created_by']).where('id', '=', 'wi-1').executeTakeFirst()).toEqual({ title: 'Printer offline (2nd floor)', created_by: tess.id })
  })

  it('refuses a member’s change to an admin’s customer, and a member putting a customer in an organisation', async () => {
    const [renamed] = await push('tess', customer(acme.id, 'Acme Corp', 1))
    expect(renamed).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^This customer was made by an admin or by someone else/) as unknown, current: { name: 'Acme' } })
    const [grouped] = await push('tess', customer('cu-2', 'Harbour Dental', null, 'Dental Group'))
    expect(grouped).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^Only an admin puts a customer in an organisation/) as unknown })
    // An older device that says nothing about organisations is not refused for it.
    const older: Mutation = { id: newId(), type: 'customer.put', baseVersion: null, customer: { id: 'cu-3', name: 'Old Device Ltd', ...stamp } }
    expect(await push('tess', older)).toMatchObject([{ status: 'applied' }])
  })

  it('refuses look-alike names for everyone, naming the one that exists', async () => {
    const results = await push(
      'tess',
      customer('cu-1', 'ACME'),
      customer('cu-2', '  acme  '),
      workItem('wi-1', { reference: 'T-1', title: 'First' }),
      workItem('wi-2', { reference: 't-1', title: 'Second' }),
      customer('cu-3', 'Cafe\u0301 Nord'),
      customer('cu-4', 'café  nord'),
    )
    expect(results.map((r) => (r.status === 'refused' ? r.reason : r.status))).toEqual([
      'A customer called "Acme" already exists; names that differ only in letter case, spacing, accents or invisible characters are the same name. Use that one. This change was not applied.',
      expect.stringMatching(/^A customer called "Acme" already exists/),
      'applied',
      'T-1 already exists ("First"); references that differ only in letter case or invisible characters are the same. Book on that one. This change was not applied.',
      'applied',
      expect.stringMatching(/^A customer called "Café Nord" already exists/),
    ])
    expect(await push('ana', activityType('at-1', 'remote SUPPORT', false))).toMatchObject([{ status: 'refused', reason: expect.stringMatching(/^An activity type called "Remote support" already exists/) as unknown }])
    // A name stored before invisible characters were refused still meets its visible twin.
    await t.db.updateTable('customers').set({ name: 'Zeta\u200b' }).where('id', '=', acme.id).execute()
    await t.db.updateTable('customers').set({ name_key: 'zeta' }).where('id', '=', acme.id).execute()
    expect(await push('tess', customer('cu-5', 'Zeta'))).toMatchObject([{ status: 'refused', reason: expect.stringMatching(/^A customer called "Zeta\u200b" already exists/) as unknown }])
  })

  it('lets an admin’s device change anything; a new default replaces the old one for everyone', async () => {
    const results = await push('ana', activityType('at-1', 'Pentest', true), contract('c-1', acme.id, 600))
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const defaults = (await pull('tess')).activityTypes.filter((a) => a.isDefault).map((a) => a.name)
    expect(defaults).toEqual(['Pentest'])
  })

  it('refuses a work item whose contract belongs to another customer', async () => {
    await push('ana', customer('cu-9', 'Other Ltd'), contract('c-1', acme.id, 600))
    const [mismatch] = await push('tess', workItem('wi-1', { reference: 'T-9', title: 'Mixed up', customerId: 'cu-9', contractId: 'c-1' }))
    expect(mismatch).toMatchObject({ status: 'refused', reason: 'The contract "Unlimited" belongs to another customer than this work item\'s. This change was not applied.' })
  })
}

describeEachDialect('who may change organisation data', suite)
