// Reference data an administrator manages on the server reaches the apps by pull, and
// devices may book on it but not change it.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { buildServerApp } from '../app'
import { silentLogger } from '../logger'
import { OrgService } from '../org/org-service'
import { DeviceTokens } from '../org/tokens'
import { ReferenceService } from './reference-service'

const postgres = usePostgresCluster()

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let reference: ReferenceService
  let app: FastifyInstance
  let token: string
  beforeEach(async () => {
    const org = new OrgService(t.db, () => 1000)
    await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    await org.addUser({ name: 'Tess', email: 'tess@example.com', role: 'member' })
    token = (await new DeviceTokens(t.db, () => 1000).issueToken({ user: 'tess@example.com', label: 'laptop' })).token
    reference = new ReferenceService(t.db, () => 2000)
    app = buildServerApp({ db: t.db, clock: () => 3000, logger: silentLogger })
    await app.ready()
  })
  afterEach(() => app.close())

  const pull = async () => (await app.inject({ method: 'GET', url: '/v1/sync/pull?after=0', headers: { authorization: `Bearer ${token}` } })).json<{ customers: { name: string }[]; contracts: { name: string; includedMinutes: number | null }[]; workItems: { id: string; reference: string | null; customerId: string | null; contractId: string | null; version: number }[]; activityTypes: { name: string; isDefault: boolean }[] }>()

  it('customers, contracts with included hours, work items and activity types flow to the apps', async () => {
    await reference.addCustomer({ name: 'Harbour Dental' })
    await reference.addContract({ customer: 'Harbour Dental', name: 'Managed IT 2027', includedHours: 7.5 })
    await reference.addWorkItem({ kind: 'ticket', title: 'Printer offline', reference: 'HD-1042', customer: 'Harbour Dental', contract: 'Managed IT 2027' })
    await reference.addActivityType({ name: 'Travel', isDefault: true })
    await reference.addActivityType({ name: 'Workshop', isDefault: true })
    const page = await pull()
    expect(page.customers.map((c) => c.name)).toEqual(['Harbour Dental'])
    expect(page.contracts.map((c) => [c.name, c.includedMinutes])).toEqual([['Managed IT 2027', 450]])
    expect(page.workItems.map((w) => [w.reference, w.customerId !== null, w.contractId !== null])).toEqual([['HD-1042', true, true]])
    // The built-in five and the two added; only the last default stays one.
    expect(page.activityTypes.filter((a) => a.isDefault).map((a) => a.name)).toEqual(['Workshop'])
    expect(page.activityTypes.map((a) => a.name).sort()).toEqual(['Admin', 'Meeting', 'On-site', 'Remote support', 'Training', 'Travel', 'Workshop'])
  })

  it('refuses what makes no sense, saying so, and changes nothing', async () => {
    await expect(reference.addContract({ customer: 'Nobody Ltd', name: 'X', includedHours: null })).rejects.toThrow('There is no customer called "Nobody Ltd" (`customer list` shows them). Nothing was changed.')
    await reference.addWorkItem({ kind: 'ticket', title: 'First', reference: 'T-1' })
    await expect(reference.addWorkItem({ kind: 'ticket', title: 'Second', reference: 't-1' })).rejects.toThrow('T-1 already exists ("First"); references that differ only in letter case or invisible characters are the same. Book on that one. Nothing was changed.')
    await expect(reference.addContract({ customer: 'X', name: 'Y', includedHours: -1 })).rejects.toThrow(/included hours cannot be negative/)
    expect((await pull()).workItems).toHaveLength(1)
  })

  it('a device may book on an admin’s work item but not change it', async () => {
    const item = await reference.addWorkItem({ kind: 'task', title: 'Patch Tuesday' })
    const [wire] = (await pull()).workItems
    const response = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        deviceId: 'd',
        mutations: [
          { id: '0190a000-0000-7000-8000-000000000011', type: 'workItem.put', baseVersion: wire?.version ?? 1, item: { id: item.id, kind: 'task', reference: null, title: 'Renamed by a member', customerId: null, contractId: null, billable: true, active: true, updatedAt: 5, deletedAt: null } },
          { id: '0190a000-0000-7000-8000-000000000012', type: 'entry.put', baseVersion: null, entry: { id: 'e1', day: '2026-11-16', workItemId: item.id, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 600, roundedSeconds: 600, updatedAt: 5, deletedAt: null } },
        ],
      },
    })
    const results = response.json<{ results: { status: string; reason?: string }[] }>().results
    expect(results.map((r) => r.status)).toEqual(['refused', 'applied'])
    expect(results[0]?.reason).toMatch(/^This work item was made by an admin or by someone else, so only an admin can change it/)
  })
}

describeEachDialect('reference data managed on the server', suite)
