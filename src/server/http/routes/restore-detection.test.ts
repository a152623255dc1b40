// A database restored without a new epoch (pg_restore without `mark-restored`, a SQLite
// file or disk snapshot copied back by hand) still shows: a device's cursor is beyond every
// number the database has given. /v1/me (asked before every push) and the pull say so to
// that device only, and the operator reads why in the log; a cursor the database did give
// is never called behind, and a made-up one only makes its own device pull again.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { MeResponseSchema, PullResponseSchema } from '@shared/sync'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../../tests/support/server-db'
import { buildServerApp } from '../../app'
import type { Logger } from '../../logger'
import { OrgService } from '../../org/org-service'
import { DeviceTokens } from '../../org/tokens'

const T0 = Date.UTC(2026, 2, 6, 17, 0)
const postgres = usePostgresCluster()

function restoreSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let bo: string
  let cy: string
  let warnings: string[]

  beforeEach(async () => {
    const org = new OrgService(t.db, () => T0)
    await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    await org.addUser({ name: 'Cy', email: 'cy@example.com', role: 'member' })
    const tokens = new DeviceTokens(t.db, () => T0)
    bo = (await tokens.issueToken({ user: 'bo@example.com', label: 'laptop' })).token
    cy = (await tokens.issueToken({ user: 'cy@example.com', label: 'laptop' })).token
    warnings = []
    const logger: Logger = { info() {}, warn: (message) => void warnings.push(message), error() {} }
    app = buildServerApp({ db: t.db, clock: () => T0, logger })
    await app.ready()
  })
  afterEach(async () => {
    await app.close()
  })

  const get = async (url: string, bearer: string) => {
    const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<unknown>()
  }
  const me = async (after: string | null, bearer = bo) => MeResponseSchema.parse(await get(after === null ? '/v1/me' : `/v1/me?after=${after}`, bearer))
  const pull = async (after: string, bearer = bo) => PullResponseSchema.parse(await get(`/v1/sync/pull?after=${after}`, bearer))
  const pushDays = async (count: number) => {
    const mutations = Array.from({ length: count }, (_, i) => ({
      id: newId(),
      type: 'entry.put',
      baseVersion: null,
      entry: { id: newId(), day: `2026-03-0${i + 2}`, workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 3600, roundedSeconds: 3600, updatedAt: 1, deletedAt: null },
    }))
    const response = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${bo}` }, payload: { deviceId: 'bo-laptop', mutations } })
    expect(response.statusCode).toBe(200)
  }

  it('never calls a cursor the database gave behind, from the first pull to the last', async () => {
    expect((await me(null)).behind).toBeUndefined()
    await pushDays(3)
    const first = await pull('r0.u0')
    expect(first.entries).toHaveLength(3)
    expect(first.behind).toBeUndefined()
    expect((await me(first.cursor)).behind).toBeUndefined()
    expect((await pull(first.cursor)).behind).toBeUndefined()
    expect(warnings).toEqual([])
  })

  it('tells a device whose cursor is beyond the database’s numbers, in either stream, and logs why', async () => {
    await pushDays(2)
    const { cursor } = await pull('r0.u0')
    const [, reference, own] = /^r(\d+)\.u(\d+)$/.exec(cursor) ?? []
    // What a device holds when the database was put back to an older copy.
    const ahead = [`r${reference}.u${Number(own) + 40}`, `r${Number(reference) + 5}.u${own}`]
    for (const after of ahead) {
      expect((await me(after)).behind, after).toBe(true)
      const page = await pull(after)
      expect([page.behind, page.entries.length, page.epoch]).toEqual([true, 0, (await me(null)).epoch])
    }
    expect(warnings[0]).toMatch(/a device of bo@example\.com has pulled changes this database never numbered: .*restored from a backup without `mark-restored`/)
    // A device from before the two streams sends a plain number; one beyond both is behind too.
    expect((await me(String(Number(own) + 40))).behind).toBe(true)
  })

  it('answers only the device that sent the cursor: another person’s device syncs on as before', async () => {
    await pushDays(1)
    expect((await me('r0.u999', bo)).behind).toBe(true)
    const cys = await me('r0.u0', cy)
    expect(cys.behind).toBeUndefined()
    expect((await pull('r0.u0', cy)).behind).toBeUndefined()
    // Bo's own stream is beyond Cy's, so Bo's cursor is behind for Cy: each person is measured against their own numbers.
    const { cursor } = await pull('r0.u0', bo)
    expect((await me(cursor, cy)).behind).toBe(true)
  })

  it('refuses a cursor that is not one, with the words a cursor takes', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/me?after=soon', headers: { authorization: `Bearer ${bo}` } })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('a cursor is what the last pull answered')
  })
}

describeEachDialect('a restore nobody marked', restoreSuite)
