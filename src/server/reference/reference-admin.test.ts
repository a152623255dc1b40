// An admin tidies what members' devices made, on SQLite and PostgreSQL: renaming and
// deactivating customers and work items (look-alikes refused as everywhere), merging a
// work item into another (open time moves, approved time stays where it was approved),
// and from then on the member's device can no longer change what the admin took over.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { DecisionResultSchema } from '@shared/approvals'
import { newId } from '@shared/ids'
import { PullResponseSchema, PushResponseSchema, type Mutation, type MutationResult } from '@shared/sync'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { buildServerApp } from '../app'
import { silentLogger } from '../logger'
import { OrgService } from '../org/org-service'
import { DeviceTokens } from '../org/tokens'
import { ReferenceAdmin } from './reference-admin'
import { ReferenceService } from './reference-service'

const T0 = Date.UTC(2026, 10, 20, 9, 0)
const LAST_WEEK = { start: '2026-11-09', end: '2026-11-15' }
const THIS_WEEK = '2026-11-16'
const postgres = usePostgresCluster()

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let admin: ReferenceAdmin
  let ana: string
  let tess: string
  let abe: string
  let official: string

  beforeEach(async () => {
    const org = new OrgService(t.db, () => T0)
    const tokens = new DeviceTokens(t.db, () => T0)
    ana = (await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })).token.token
    await org.addUser({ name: 'Tess', email: 'tess@example.com', role: 'member' })
    await org.addUser({ name: 'Abe', email: 'abe@example.com', role: 'approver' })
    await org.addTeam({ name: 'Field', pattern: 'one' })
    await org.addMember({ team: 'Field', user: 'tess@example.com' })
    await org.setApprovers({ team: 'Field', level: 1, users: ['abe@example.com'] })
    tess = (await tokens.issueToken({ user: 'tess@example.com', label: 'laptop' })).token
    abe = (await tokens.issueToken({ user: 'abe@example.com', label: 'laptop' })).token
    const reference = new ReferenceService(t.db, () => T0)
    await reference.addCustomer({ name: 'Harbour Dental' })
    official = (await reference.addWorkItem({ kind: 'ticket', reference: 'HD-7', title: 'Printer offline', customer: 'Harbour Dental' })).id
    admin = new ReferenceAdmin(t.db, () => T0 + 1000)
    app = buildServerApp({ db: t.db, clock: () => T0, logger: silentLogger })
    await app.ready()
  })
  afterEach(() => app.close())

  const push = async (token: string, ...mutations: Mutation[]): Promise<MutationResult[]> => {
    const response = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${token}` }, payload: { deviceId: 'laptop', mutations } })
    return PushResponseSchema.parse(response.json()).results
  }
  const stamp = { updatedAt: T0, deletedAt: null }
  const item = (id: string, reference: string, title: string, baseVersion: number | null = null): Mutation => ({
    id: newId(),
    type: 'workItem.put',
    baseVersion,
    item: { id, kind: 'ticket', reference, title, customerId: null, contractId: null, billable: true, active: true, ...stamp },
  })
  const entry = (id: string, day: string, workItemId: string): Mutation => ({
    id: newId(),
    type: 'entry.put',
    baseVersion: null,
    entry: { id, day, workItemId, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 3600, roundedSeconds: 3600, ...stamp },
  })

  it('merges a member’s duplicate ticket into the official one: open time moves, approved time stays, the duplicate is retired', async () => {
    expect((await push(tess, item('dup', 'HD7', 'printer'), entry('e-last', '2026-11-10', 'dup'), entry('e-this', THIS_WEEK, 'dup'), { id: newId(), type: 'period.submit', ...LAST_WEEK })).map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ])
    const periodId = (await t.db.selectFrom('periods').select('id').executeTakeFirstOrThrow()).id
    const approval = await app.inject({ method: 'POST', url: '/v1/approvals/approve', headers: { authorization: `Bearer ${abe}` }, payload: { periodIds: [periodId] } })
    expect(DecisionResultSchema.parse(approval.json()).results[0]?.ok).toBe(true)

    const merged = await admin.mergeWorkItems({ from: 'hd7', into: 'Printer offline' })
    expect(merged).toEqual({ from: 'HD7 "printer"', into: 'HD-7 "Printer offline"', moved: 1, kept: 1, keptIn: ['tess@example.com 2026-11-09 – 2026-11-15'] })
    const entries = await t.db.selectFrom('time_entries').select(['id', 'work_item_id', 'status', 'version']).orderBy('id').execute()
    expect(entries).toEqual([
      { id: 'e-last', work_item_id: 'dup', status: 'approved', version: 3 },
      { id: 'e-this', work_item_id: official, status: 'draft', version: 2 },
    ])
    expect(await t.db.selectFrom('work_items').select(['active', 'admin_managed']).where('id', '=', 'dup').executeTakeFirst()).toEqual({ active: 0, admin_managed: 1 })

    // Tess's device pulls the move, and can no longer change the retired duplicate.
    const page = PullResponseSchema.parse((await app.inject({ method: 'GET', url: '/v1/sync/pull', headers: { authorization: `Bearer ${tess}` } })).json())
    expect(page.entries.find((e) => e.id === 'e-this')?.workItemId).toBe(official)
    expect((await push(tess, item('dup', 'HD7', 'printer again', 2)))[0]).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^An admin has taken this work item over/) as unknown })
    await expect(admin.mergeWorkItems({ from: 'HD-7', into: 'hd-7' })).rejects.toThrow('HD-7 "Printer offline" cannot be merged into itself. Nothing was changed.')
  })

  it('renames and deactivates customers and work items, refusing look-alikes, and devices pull each change', async () => {
    await push(tess, { id: newId(), type: 'customer.put', baseVersion: null, customer: { id: 'cu-tess', name: 'acme corp', organisation: null, ...stamp } }, item('w-tess', 'AC-1', 'VPN'))
    expect(await admin.listCustomers()).toEqual([
      expect.objectContaining({ name: 'acme corp', madeBy: 'tess@example.com', adminManaged: false }),
      expect.objectContaining({ name: 'Harbour Dental', madeBy: null, adminManaged: true }),
    ])
    await expect(admin.renameCustomer({ customer: 'ACME CORP', name: 'harbour  dental' })).rejects.toThrow(/^A customer called "Harbour Dental" already exists/)
    expect(await admin.renameCustomer({ customer: 'ACME CORP', name: 'Acme Corporation' })).toEqual({ before: 'acme corp', after: 'Acme Corporation' })
    await expect(admin.renameWorkItem({ workItem: 'AC-1', reference: 'hd-7' })).rejects.toThrow(/^HD-7 already exists \("Printer offline"\)/)
    expect(await admin.renameWorkItem({ workItem: 'AC-1', title: 'VPN drops every hour' })).toEqual({ before: 'AC-1 "VPN"', after: 'AC-1 "VPN drops every hour"' })
    expect(await admin.deactivateWorkItem({ workItem: 'AC-1' })).toEqual({ label: 'AC-1 "VPN drops every hour"' })
    await expect(admin.deactivateWorkItem({ workItem: 'AC-1' })).rejects.toThrow('AC-1 "VPN drops every hour" is already inactive. Nothing was changed.')
    expect(await admin.deactivateCustomer({ customer: 'Acme Corporation' })).toEqual({ name: 'Acme Corporation', workItems: 0 })
    await expect(admin.renameCustomer({ customer: 'Acme Corporation', name: 'X' })).rejects.toThrow(/^There is no customer called "Acme Corporation"/)

    const page = PullResponseSchema.parse((await app.inject({ method: 'GET', url: '/v1/sync/pull', headers: { authorization: `Bearer ${tess}` } })).json())
    expect(page.customers.find((c) => c.id === 'cu-tess')).toMatchObject({ name: 'Acme Corporation', deletedAt: T0 + 1000 })
    expect(page.workItems.find((w) => w.id === 'w-tess')).toMatchObject({ title: 'VPN drops every hour', active: false })
    expect((await admin.listWorkItems()).find((w) => w.reference === 'AC-1')).toMatchObject({ active: false, madeBy: 'tess@example.com', adminManaged: true })
  })

  it('offers the same over HTTP to admins only, answering what was done or a 400 naming the field', async () => {
    const call = (token: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: payload as Record<string, unknown> })
    const renamed = await call(ana, '/v1/admin/work-items/rename', { workItem: 'HD-7', title: 'Printer offline, 2nd floor' })
    expect([renamed.statusCode, renamed.json()]).toEqual([200, { before: 'HD-7 "Printer offline"', after: 'HD-7 "Printer offline, 2nd floor"' }])
    const member = await call(tess, '/v1/admin/work-items/deactivate', { workItem: 'HD-7' })
    expect(member.statusCode).toBe(403)
    const bad = await call(ana, '/v1/admin/customers/rename', { customer: 'Harbour Dental', name: 'Harbour\u200bDental' })
    expect([bad.statusCode, bad.json<{ error: { message: string } }>().error.message]).toEqual([400, expect.stringContaining('U+200B ZERO WIDTH SPACE') as string])
    const listed = await app.inject({ method: 'GET', url: '/v1/admin/work-items', headers: { authorization: `Bearer ${ana}` } })
    expect(listed.json<{ workItems: { title: string; active: boolean }[] }>().workItems).toEqual([expect.objectContaining({ title: 'Printer offline, 2nd floor', active: true })])
  })
}

describeEachDialect('an admin tidies reference data', suite)
