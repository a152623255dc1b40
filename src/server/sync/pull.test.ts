// Pulling from two change streams: reference data first, a person's own rows once the
// reference data is all in the page, and a device that still holds a plain-number cursor
// from before the streams were split goes on from where it was.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { PullResponseSchema, type Mutation, type PullResponse } from '@shared/sync'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { buildServerApp } from '../app'
import { silentLogger } from '../logger'
import { OrgService } from '../org/org-service'
import { DeviceTokens } from '../org/tokens'

const postgres = usePostgresCluster()

const item = (id: string): Mutation => ({ id: newId(), type: 'workItem.put', baseVersion: null, item: { id, kind: 'ticket', reference: id.toUpperCase(), title: `Ticket ${id}`, customerId: null, contractId: null, billable: true, active: true, updatedAt: 1, deletedAt: null } })
const entry = (id: string, workItemId: string): Mutation => ({ id: newId(), type: 'entry.put', baseVersion: null, entry: { id, day: '2026-11-02', workItemId, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 60, roundedSeconds: 60, updatedAt: 1, deletedAt: null } })

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let token: string
  beforeEach(async () => {
    const org = new OrgService(t.db, () => 1000)
    await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    await org.addUser({ name: 'Tess', email: 'tess@example.com', role: 'member' })
    token = (await new DeviceTokens(t.db, () => 1000).issueToken({ user: 'tess@example.com', label: 'laptop' })).token
    app = buildServerApp({ db: t.db, clock: () => 3000, logger: silentLogger })
    await app.ready()
  })
  afterEach(() => app.close())

  const push = async (mutations: Mutation[]) => {
    const response = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${token}` }, payload: { deviceId: 'laptop', mutations } })
    expect(response.statusCode).toBe(200)
    expect(response.json<{ results: { status: string; reason?: string }[] }>().results.filter((r) => r.status !== 'applied')).toEqual([])
  }
  const pull = async (after: string, limit: number): Promise<PullResponse> => {
    const response = await app.inject({ method: 'GET', url: `/v1/sync/pull?after=${encodeURIComponent(after)}&limit=${limit}`, headers: { authorization: `Bearer ${token}` } })
    expect(response.statusCode).toBe(200)
    return PullResponseSchema.parse(response.json())
  }

  it('fills a page with reference data first; the person’s own entries come once it is all there', async () => {
    // Time first, then the items it is booked on, in later pushes: the items carry later numbers of their stream.
    await push([item('w1'), entry('e1', 'w1')])
    await push([item('w2'), entry('e2', 'w2')])
    const seen: string[] = []
    let cursor = 'r0.u0'
    for (;;) {
      const page = await pull(cursor, 3)
      for (const w of page.workItems) seen.push(w.id)
      for (const e of page.entries) {
        expect(seen).toContain(e.workItemId)
        seen.push(e.id)
      }
      expect(page.cursor).toMatch(/^r\d+\.u\d+$/)
      cursor = page.cursor
      if (!page.more) break
    }
    expect(seen.filter((id) => id.startsWith('e'))).toEqual(['e1', 'e2'])
    // Nothing new: the same position comes back, and nothing with it.
    const again = await pull(cursor, 3)
    expect([again.cursor, again.entries.length, again.workItems.length, again.more]).toEqual([cursor, 0, 0, false])
  })

  it('takes a plain-number cursor from before the split as that number in both streams', async () => {
    await push([item('w1'), entry('e1', 'w1')])
    // What an older server left: one counter for everything, the device's cursor on it.
    const counter = (await t.db.selectFrom('org').select('change_seq').executeTakeFirstOrThrow()).change_seq
    await sql`UPDATE change_streams SET change_seq = ${counter}`.execute(t.db)
    const old = String(counter)
    await push([entry('e2', 'w1')])
    const page = await pull(old, 100)
    expect(page.entries.map((e) => e.id)).toEqual(['e2'])
    expect(page.workItems).toEqual([])
    expect(page.cursor).toBe(`r${counter}.u${counter + 1}`)
  })

  it('refuses a cursor it cannot read, with a reason', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/sync/pull?after=r1', headers: { authorization: `Bearer ${token}` } })
    expect(response.statusCode).toBe(400)
    expect(response.body).toMatch(/cursor/)
  })
}

describeEachDialect('pulling from two change streams', suite)
