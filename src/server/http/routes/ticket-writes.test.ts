// Write-back over HTTP on SQLite and PostgreSQL: an admin sets up a ticket system whose
// credentials are stored encrypted and never come back in any answer; members cannot touch
// it; a member reads where their own entries stand (written with a link, failed with the
// system's reason), nobody else's; an admin lists the outbox and retries a failure.
import type { FastifyInstance } from 'fastify'
import { beforeEach, expect, it } from 'vitest'
import { InMemoryTicketSystem } from '../../../../tests/support/in-memory-ticket-system'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../../tests/support/server-db'
import { addEntry, addWorkItem, approve, MEETING, submit, TEST_SECRET_KEY, writebackOrg, type WritebackOrg } from '../../../../tests/support/writeback-org'
import { buildServerApp } from '../../app'
import { silentLogger } from '../../logger'
import { DeviceTokens } from '../../org/tokens'
import { SecretBox } from '../../writeback/secrets'
import { TicketWriteWorker } from '../../writeback/worker'

const MONDAY = '2026-03-02'
const T0 = Date.UTC(2026, 2, 6, 17, 0)
const BASE = 'https://redmine.example.com'
const SECRET = 'zz-secret-api-key-5678'
const postgres = usePostgresCluster()

function routeSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let w: WritebackOrg
  let app: FastifyInstance
  let fake: InMemoryTicketSystem
  const token = { ana: '', bo: '', cy: '' }
  const as = (who: keyof typeof token, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token[who]}` }, ...(payload === undefined ? {} : { payload: payload as object }) })

  beforeEach(async () => {
    w = await writebackOrg(t.db, { pattern: 'one', baseUrl: 'https://other.example.com', now: T0 })
    const tokens = new DeviceTokens(t.db, () => w.clock.now)
    for (const who of ['ana', 'bo', 'cy'] as const) token[who] = (await tokens.issueToken({ user: `${who}@example.com`, label: 'laptop' })).token
    fake = new InMemoryTicketSystem(BASE)
    fake.users['bo@example.com'] = { id: '7', name: 'Bo' }
    app = buildServerApp({ db: t.db, clock: () => w.clock.now, logger: silentLogger, secrets: SecretBox.fromKey(TEST_SECRET_KEY) })
  })

  it('keeps credentials write-only and encrypted, and the admin routes for admins', async () => {
    const added = await as('ana', 'POST', '/v1/admin/ticket-systems', { kind: 'redmine', name: 'Helpdesk', baseUrl: `${BASE}/`, credentials: { apiKey: SECRET } })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ system: { name: 'Helpdesk', baseUrl: BASE, credentialNames: ['apiKey'], active: true } })
    const listed = await as('ana', 'GET', '/v1/admin/ticket-systems')
    for (const body of [added.body, listed.body]) expect(body).not.toContain(SECRET)
    const stored = await t.db.selectFrom('ticket_systems').select('credentials').where('name', '=', 'Helpdesk').executeTakeFirstOrThrow()
    expect(stored.credentials).not.toContain(SECRET)
    expect(stored.credentials).not.toContain(Buffer.from(SECRET).toString('base64'))

    for (const who of ['bo', 'cy'] as const) {
      expect((await as(who, 'GET', '/v1/admin/ticket-systems')).statusCode).toBe(403)
      expect((await as(who, 'POST', '/v1/admin/ticket-writes/retry', {})).statusCode).toBe(403)
    }
    expect((await app.inject({ method: 'GET', url: '/v1/admin/ticket-systems' })).statusCode).toBe(401)
    const bad = await as('ana', 'POST', '/v1/admin/ticket-systems', { kind: 'bugzilla', name: 'X', baseUrl: 'ftp://x', credentials: {} })
    expect(bad.statusCode).toBe(400)
    expect((bad.json<{ error: { issues: { path: string }[] } }>()).error.issues.map((i) => i.path).sort()).toEqual(['baseUrl', 'kind'])
    const noKey = await as('ana', 'POST', '/v1/admin/ticket-systems', { kind: 'redmine', name: 'Other', baseUrl: BASE, credentials: { token: 'x' } })
    expect(noKey.statusCode).toBe(400)
    expect(noKey.json<{ error: { issues: { path: string }[] } }>().error.issues.map((i) => i.path)).toContain('credentials.apiKey')
    expect((await as('ana', 'POST', '/v1/admin/ticket-systems', { kind: 'rt', name: 'Helpdesk', baseUrl: 'https://rt.example.com', credentials: { token: 'x' } })).statusCode).toBe(409)
    expect((await as('ana', 'POST', '/v1/admin/ticket-systems/map-user', { system: 'Nope', email: 'bo@example.com', user: '7' })).statusCode).toBe(404)
    expect((await as('ana', 'POST', '/v1/admin/ticket-systems/map-activity', { system: 'Helpdesk', activityType: 'Meeting', activity: '11' })).json()).toMatchObject({
      system: { activityMap: [{ activityType: 'Meeting', activity: '11' }] },
    })
    expect((await as('ana', 'POST', '/v1/admin/ticket-systems/update', { system: 'Helpdesk', active: false })).json()).toMatchObject({ system: { active: false } })
    expect((await as('ana', 'POST', '/v1/admin/ticket-systems/remove', { system: 'Helpdesk' })).json()).toEqual({ name: 'Helpdesk' })
  })

  it('tells a member where their own entries stand, and lets an admin list and retry', async () => {
    await as('ana', 'POST', '/v1/admin/ticket-systems', { kind: 'redmine', name: 'Helpdesk', baseUrl: BASE, credentials: { apiKey: SECRET } })
    const ticket = await addWorkItem(t.db, 'Printer', `${BASE}/issues/42`, T0)
    const meeting = await addEntry(w, { day: MONDAY, seconds: 3600, workItemId: ticket, activityTypeId: MEETING })
    const support = await addEntry(w, { day: MONDAY, seconds: 1800, workItemId: ticket })
    await approve(w, await submit(w, MONDAY))
    const worker = new TicketWriteWorker({ db: t.db, connectors: () => fake.connector(), secrets: SecretBox.fromKey(TEST_SECRET_KEY), clock: () => w.clock.now })
    while ((await worker.runOnce()) > 0);

    const own = await as('bo', 'GET', `/v1/ticket-writes?from=${MONDAY}&to=2026-03-08`)
    expect(own.statusCode).toBe(200)
    const { entries } = own.json<{ entries: { entryId: string; state: string; url: string | null; reason: string | null }[] }>()
    expect(entries.find((e) => e.entryId === support)).toMatchObject({ state: 'written', url: expect.stringMatching(/^https:\/\/redmine\.example\.com\/time_entries\/\d+$/) as unknown, reason: null })
    expect(entries.find((e) => e.entryId === meeting)).toMatchObject({ state: 'failed', url: null, reason: expect.stringContaining('"Meeting" has no activity in Helpdesk') as unknown })
    expect(own.body).not.toContain(SECRET)
    expect((await as('cy', 'GET', `/v1/ticket-writes?from=${MONDAY}&to=2026-03-08`)).json()).toEqual({ entries: [] })
    for (const query of ['', '?from=2026-03-08&to=2026-03-02', '?from=2026-02-30&to=2026-03-02', '?from=2020-01-01&to=2026-03-02', `?from=${MONDAY}&to=${MONDAY}&user=x`]) {
      expect((await as('bo', 'GET', `/v1/ticket-writes${query}`)).statusCode, query).toBe(400)
    }

    const failed = await as('ana', 'GET', '/v1/admin/ticket-writes?state=failed')
    expect(failed.json<{ writes: unknown[] }>().writes).toMatchObject([{ entryId: meeting, email: 'bo@example.com', system: 'Helpdesk', ticketId: '42' }])
    expect((await as('ana', 'GET', '/v1/admin/ticket-writes?state=lost')).statusCode).toBe(400)
    await as('ana', 'POST', '/v1/admin/ticket-systems/map-activity', { system: 'Helpdesk', activityType: 'Meeting', activity: '10' })
    expect((await as('ana', 'POST', '/v1/admin/ticket-writes/retry', { state: 'failed' })).json()).toEqual({ retried: 1 })
    while ((await worker.runOnce()) > 0);
    expect(fake.on('42').map((e) => e.activityId).sort()).toEqual(['10', '9'])
    // The key is needed to read the credentials: another server key cannot.
    const row = await t.db.selectFrom('ticket_systems').select(['id', 'credentials']).where('name', '=', 'Helpdesk').executeTakeFirstOrThrow()
    expect(SecretBox.fromKey(TEST_SECRET_KEY).decrypt(row.credentials, row.id)).toEqual({ apiKey: SECRET })
    expect(() => SecretBox.fromKey('b'.repeat(64)).decrypt(row.credentials, row.id)).toThrow(/cannot be read with this server's key/)
    expect(() => SecretBox.fromKey(TEST_SECRET_KEY).decrypt(row.credentials, 'another-system')).toThrow(/cannot be read with this server's key/)
  })
}

describeEachDialect('ticket write-back over HTTP', routeSuite)
