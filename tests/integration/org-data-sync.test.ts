// A member's device meets the team server's rules on organisation data, on SQLite and
// PostgreSQL: what it made standalone goes up on connecting; the server takes the work
// items and customers a ticket needs and refuses the rest with the reason; the device then
// shows the organisation's default again and the server's copies, lists each refusal in
// Needs attention, and drops a refused new row when the user discards it.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { DEFAULT_ACTIVITY_TYPES } from '@shared/work'
import { buildServerApp } from '../../src/server/app'
import { silentLogger as serverLogger } from '../../src/server/logger'
import { OrgService } from '../../src/server/org/org-service'
import { DeviceTokens } from '../../src/server/org/tokens'
import { ReferenceService } from '../../src/server/reference/reference-service'
import { openTempCore, type TempCore } from '../../src/main/testing/temp-core'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../support/server-db'

const postgres = usePostgresCluster()
const [REMOTE, ON_SITE] = DEFAULT_ACTIVITY_TYPES

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let url: string
  let token: string
  let device: TempCore

  beforeEach(async () => {
    const org = new OrgService(t.db, () => Date.now())
    await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana Admin', adminEmail: 'ana@example.com' })
    await org.addUser({ name: 'Tess Tech', email: 'tess@example.com', role: 'member' })
    token = (await new DeviceTokens(t.db, () => Date.now()).issueToken({ user: 'tess@example.com', label: 'laptop' })).token
    await new ReferenceService(t.db, () => Date.now()).addCustomer({ name: 'Acme' })
    app = buildServerApp({ db: t.db, clock: () => Date.now(), logger: serverLogger })
    url = await app.listen({ host: '127.0.0.1', port: 0 })
    device = await openTempCore()
  }, 30_000)
  afterEach(async () => {
    await device.dispose()
    await app.close()
  })

  it('a member’s standalone default, contract and look-alike customer are refused; the device takes the organisation’s back', async () => {
    const work = device.core.work
    // Standalone, this device decides everything: On-site becomes its default, a new type too.
    await work.saveActivityType(ON_SITE?.id ?? '', { name: 'On-site', isDefault: true })
    const harbour = await work.createCustomer('Harbour Dental')
    await work.createContract({ customerId: harbour.id, name: 'Unlimited', includedMinutes: 100_000 * 60 })
    await work.createWorkItem({ kind: 'ticket', reference: 'HD-7', title: 'Printer', customerId: harbour.id })
    await work.createCustomer('ACME')

    await device.core.team.connect(url, token)
    const status = await device.core.sync.syncNow()
    expect(status.state).toBe('attention')

    // The organisation's default is the device's again; the server kept its own copy.
    expect((await work.listActivityTypes()).filter((a) => a.isDefault).map((a) => a.id)).toEqual([REMOTE?.id])
    const serverDefaults = await t.db.selectFrom('activity_types').select('id').where('is_default', '=', 1).execute()
    expect(serverDefaults.map((r) => r.id)).toEqual([REMOTE?.id])
    expect(await t.db.selectFrom('contracts').select('id').execute()).toEqual([])
    // What a ticket needs went up, recorded as the member's.
    const tess = await t.db.selectFrom('users').select('id').where('email', '=', 'tess@example.com').executeTakeFirstOrThrow()
    expect(await t.db.selectFrom('work_items').select(['reference', 'created_by']).execute()).toEqual([{ reference: 'HD-7', created_by: tess.id }])

    const issues = await device.core.team.issues()
    expect(issues.map((i) => [i.entity, i.kind, i.reason.split('.')[0]]).sort()).toEqual([
      ['activityType', 'refused', 'Activity types, and which one is the default, are set by your organisation’s admin on the team server'],
      ['activityType', 'refused', 'Activity types, and which one is the default, are set by your organisation’s admin on the team server'],
      ['contract', 'refused', 'Contracts and their included hours are set by your organisation’s admin on the team server'],
      ['customer', 'refused', 'A customer called "Acme" already exists; names that differ only in letter case, spacing, accents or invisible characters are the same name'],
    ])
    const onSite = issues.find((i) => i.entityId === ON_SITE?.id)
    expect([onSite?.mine?.['isDefault'], onSite?.server?.['isDefault']]).toEqual([true, false])

    // Discarding the refused contract drops it here, since the server never had it.
    const contract = issues.find((i) => i.entity === 'contract')
    await device.core.team.resolveIssue(contract?.id ?? '', 'discard')
    expect(await work.listContracts()).toEqual([])

    // Connected as a member, the device now refuses such changes itself.
    await expect(work.saveActivityType(ON_SITE?.id ?? '', { name: 'On-site', isDefault: true })).rejects.toMatchObject({ code: 'forbidden' })
  })

  it("a ticket's page goes up with its work item, reaches the member's other device, and an edit that leaves it out keeps it", async () => {
    const page = 'https://redmine.example.com/issues/42'
    await device.core.timers.startForTicket({ ref: '#42', title: 'Printer offline', url: page })
    await device.core.team.connect(url, token)
    expect((await device.core.sync.syncNow()).state).toBe('synced')
    expect(await t.db.selectFrom('work_items').select(['reference', 'ticket_url']).execute()).toEqual([{ reference: '#42', ticket_url: page }])

    const laptop = await openTempCore()
    try {
      await laptop.core.team.connect(url, token)
      await laptop.core.sync.syncNow()
      const [item] = await laptop.core.work.listWorkItems()
      expect(item).toMatchObject({ reference: '#42', ticketUrl: page })
      // Renamed on the laptop by a form that does not show the page: the page stays, here and on the server.
      await laptop.core.work.updateWorkItem(item?.id ?? '', { kind: 'ticket', reference: '#42', title: 'Printer offline (2nd floor)' })
      expect((await laptop.core.sync.syncNow()).state).toBe('synced')
      expect(await t.db.selectFrom('work_items').select(['title', 'ticket_url']).execute()).toEqual([{ title: 'Printer offline (2nd floor)', ticket_url: page }])
    } finally {
      await laptop.dispose()
    }
  })
}

describeEachDialect('organisation data from a member’s device', suite)
