// The team server over HTTP, on SQLite and on PostgreSQL: who gets in (a live device
// token, whatever its neighbours sent), who is turned away and how (401, 403, 429), and
// that every refusal or failure is a small JSON error that names the problem and never
// shows the server's insides.
import type { FastifyInstance, InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../tests/support/server-db'
import { buildServerApp } from './app'
import type { Logger } from './logger'
import { OrgService } from './org/org-service'
import { DeviceTokens, generateToken } from './org/tokens'
import { DEFAULT_BAD_TOKENS_PER_MINUTE } from './http/rate-limit'

const T0 = Date.UTC(2026, 2, 2, 9, 0)

interface Logged {
  level: 'info' | 'warn' | 'error'
  message: string
  details: unknown[]
}

function recordingLogger(into: Logged[]): Logger {
  return {
    info: (message, ...details) => into.push({ level: 'info', message, details }),
    warn: (message, ...details) => into.push({ level: 'warn', message, details }),
    error: (message, ...details) => into.push({ level: 'error', message, details }),
  }
}

const postgres = usePostgresCluster()

function appSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let now: number
  let logged: Logged[]
  let app: FastifyInstance
  let org: OrgService
  let tokens: DeviceTokens
  let adminToken: string
  let memberToken: string

  beforeEach(async () => {
    now = T0
    logged = []
    org = new OrgService(t.db, () => now)
    tokens = new DeviceTokens(t.db, () => now)
    adminToken = (await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })).token.token
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    memberToken = (await tokens.issueToken({ user: 'bo@example.com', label: 'laptop' })).token
    app = buildServerApp({ db: t.db, clock: () => now, logger: recordingLogger(logged) })
    await app.ready()
  })
  afterEach(async () => {
    await app.close()
  })

  const call = async (options: InjectOptions & { token?: string }) => {
    const { token, ...rest } = options
    const response = await app.inject({ ...rest, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...rest.headers } })
    const json = String(response.headers['content-type']).startsWith('application/json')
    return { status: response.statusCode, headers: response.headers, body: json ? response.json<Record<string, unknown>>() : {}, raw: response.body }
  }
  const errorOf = (body: Record<string, unknown>) => body['error'] as { code: string; message: string; issues?: { path: string; message: string }[] }

  it('answers /v1/health to anyone with {ok:true} and nothing more', async () => {
    const response = await call({ method: 'GET', url: '/v1/health' })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ ok: true })
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['server']).toBeUndefined()
    expect(response.headers['x-powered-by']).toBeUndefined()
  })

  it('tells a device with a live token who it is, its teams and the period rule', async () => {
    await org.addTeam({ name: 'Field', pattern: 'two' })
    await org.addMember({ team: 'Field', user: 'bo@example.com' })
    now = T0 + 5000
    const response = await call({ method: 'GET', url: '/v1/me', token: memberToken })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      user: { name: 'Bo', email: 'bo@example.com', role: 'member' },
      organisation: { name: 'Acme IT', periodRule: { kind: 'weekly', weekStartsOn: 1 } },
      teams: [{ name: 'Field', approvalPattern: 'two' }],
      approves: [],
    })
    const [listed] = await tokens.listTokens({ user: 'bo@example.com' })
    expect(listed?.lastUsedAt).toBe(T0 + 5000)
  })

  it('turns away a request without a token, with a malformed header, or with a token it does not know (401)', async () => {
    const none = await call({ method: 'GET', url: '/v1/me' })
    expect(none.status).toBe(401)
    expect(errorOf(none.body)).toEqual({ code: 'unauthenticated', message: expect.stringMatching(/Authorization: Bearer/) as unknown })
    for (const authorization of [`Basic ${memberToken}`, 'Bearer', `Bearer ${generateToken()}`, `Bearer ${memberToken}x`]) {
      const response = await call({ method: 'GET', url: '/v1/me', headers: { authorization } })
      expect(response.status, authorization).toBe(401)
      expect(errorOf(response.body).code).toBe('unauthenticated')
    }
  })

  it('turns away a revoked token and a deactivated user with the same answer as an unknown token', async () => {
    const unknown = await call({ method: 'GET', url: '/v1/me', token: generateToken() })
    const [bos] = await tokens.listTokens({ user: 'bo@example.com' })
    await tokens.revokeToken({ id: bos?.id ?? '' })
    const revoked = await call({ method: 'GET', url: '/v1/me', token: memberToken, remoteAddress: '10.0.0.2' })
    expect(revoked.status).toBe(401)
    expect(revoked.body).toEqual(unknown.body)

    await org.addUser({ name: 'Cy', email: 'cy@example.com', role: 'member' })
    const cyToken = (await tokens.issueToken({ user: 'cy@example.com', label: 'phone' })).token
    expect((await call({ method: 'GET', url: '/v1/me', token: cyToken })).status).toBe(200)
    await org.deactivateUser({ user: 'cy@example.com' })
    const deactivated = await call({ method: 'GET', url: '/v1/me', token: cyToken, remoteAddress: '10.0.0.3' })
    expect(deactivated.status).toBe(401)
    expect(deactivated.body).toEqual(unknown.body)
  })

  it('slows down an address that keeps sending bad tokens (429 with Retry-After), yet serves a valid token from it', async () => {
    const attacker = { remoteAddress: '203.0.113.9' }
    for (let i = 0; i < DEFAULT_BAD_TOKENS_PER_MINUTE; i++) expect((await call({ method: 'GET', url: '/v1/me', token: generateToken(), ...attacker })).status).toBe(401)
    const limited = await call({ method: 'GET', url: '/v1/me', token: generateToken(), ...attacker })
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('60')
    expect(errorOf(limited.body)).toEqual({
      code: 'rate_limited',
      message: 'Too many refused tokens from this address. Requests with a valid token still get through; others may try again in 60 s.',
    })
    expect((await call({ method: 'GET', url: '/v1/me', ...attacker })).status).toBe(429)
    // Everyone else behind that address (a NAT, a proxy without --trust-proxy) still works.
    expect((await call({ method: 'GET', url: '/v1/me', token: memberToken, ...attacker })).status).toBe(200)
    expect((await call({ method: 'GET', url: '/v1/me', token: adminToken, ...attacker })).status).toBe(200)
    expect((await call({ method: 'GET', url: '/v1/me', token: generateToken(), remoteAddress: '198.51.100.7' })).status).toBe(401)
    now += 30_000
    expect((await call({ method: 'GET', url: '/v1/me', token: generateToken(), ...attacker })).headers['retry-after']).toBe('30')
    now += 30_000
    expect((await call({ method: 'GET', url: '/v1/me', token: generateToken(), ...attacker })).status).toBe(401)
    // /v1/health is not behind the limiter.
    expect((await call({ method: 'GET', url: '/v1/health', ...attacker })).status).toBe(200)
  })

  it('gives each token a bucket for push, reports and exports: past its burst it waits, other tokens and routes do not', async () => {
    await app.close()
    app = buildServerApp({ db: t.db, clock: () => now, logger: recordingLogger(logged), rateLimit: { expensive: { burst: 3, perMinute: 30 } } })
    await app.ready()
    const report = { method: 'POST', url: '/v1/reports', payload: { from: '2026-03-02', to: '2026-03-08', groupBy: ['day'] } } as const
    const push = { method: 'POST', url: '/v1/sync/push', payload: { deviceId: 'laptop', mutations: [{ id: '01900000-0000-7000-8000-000000000001', type: 'period.withdraw', start: '2026-03-02' }] } } as const
    const exported = { method: 'POST', url: '/v1/exports/csv', payload: { what: { kind: 'report', query: report.payload } } } as const
    expect((await call({ ...report, token: memberToken })).status).toBe(200)
    expect((await call({ ...push, token: memberToken })).status).toBe(200)
    expect((await call({ ...exported, token: memberToken })).status).toBe(200)
    const limited = await call({ ...report, token: memberToken })
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('2')
    expect(errorOf(limited.body)).toEqual({
      code: 'rate_limited',
      message: 'This device sent more than 3 sync, report or export requests in a short time (the server allows 30 a minute after that). Nothing was changed; try again in 2 s.',
    })
    expect((await call({ ...push, token: memberToken })).status).toBe(429)
    // The same person's other routes, and everyone else's tokens, go on.
    expect((await call({ method: 'GET', url: '/v1/me', token: memberToken })).status).toBe(200)
    expect((await call({ method: 'GET', url: '/v1/sync/pull', token: memberToken })).status).toBe(200)
    expect((await call({ ...report, token: adminToken })).status).toBe(200)
    now += 2000
    expect((await call({ ...report, token: memberToken })).status).toBe(200)
    expect((await call({ ...report, token: memberToken })).status).toBe(429)
  })

  it('lets a device catch up after a week offline: hundreds of push batches in a row, none refused', async () => {
    const statuses = new Set<number>()
    for (let batch = 0; batch < 300; batch++) {
      const day = `2026-02-${String((batch % 28) + 1).padStart(2, '0')}`
      const mutation = {
        id: `01900000-0000-7000-8000-${String(batch).padStart(12, '0')}`,
        type: 'entry.put',
        baseVersion: null,
        entry: { id: `entry-${batch}`, day, workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 60, roundedSeconds: 60, updatedAt: now, deletedAt: null },
      }
      statuses.add((await call({ method: 'POST', url: '/v1/sync/push', token: memberToken, payload: { deviceId: 'laptop', mutations: [mutation] } })).status)
    }
    expect([...statuses]).toEqual([200])
  }, 60_000)

  it('keeps the admin routes for admins: a member gets 403 and changes nothing', async () => {
    for (const request of [
      { method: 'GET', url: '/v1/admin/users' },
      { method: 'GET', url: '/v1/admin/teams' },
      { method: 'POST', url: '/v1/admin/users', payload: { name: 'Eve', email: 'eve@example.com', role: 'admin' } },
    ] as const) {
      const response = await call({ ...request, token: memberToken })
      expect(response.status, `${request.method} ${request.url}`).toBe(403)
      expect(errorOf(response.body)).toEqual({ code: 'forbidden', message: 'This needs the admin role; you are a member. Nothing was changed.', messageId: 'refusal.server.needsRole', values: { needed: 'admin', role: 'member' } })
    }
    expect(await t.db.selectFrom('users').select('email').where('email', '=', 'eve@example.com').execute()).toEqual([])
  })

  it('lets an admin list people and teams and add a person', async () => {
    await org.addTeam({ name: 'Field' })
    const created = await call({ method: 'POST', url: '/v1/admin/users', token: adminToken, payload: { name: 'Cy', email: 'Cy@Example.com', role: 'approver' } })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ user: { name: 'Cy', email: 'cy@example.com', role: 'approver', deactivatedAt: null } })
    const users = await call({ method: 'GET', url: '/v1/admin/users', token: adminToken })
    expect((users.body['users'] as { email: string }[]).map((u) => u.email)).toEqual(['ana@example.com', 'bo@example.com', 'cy@example.com'])
    const teams = await call({ method: 'GET', url: '/v1/admin/teams', token: adminToken })
    expect(teams.body).toMatchObject({ teams: [{ name: 'Field', approvalPattern: 'one', members: [], approvers: [] }] })
    const again = await call({ method: 'POST', url: '/v1/admin/users', token: adminToken, payload: { name: 'Cy 2', email: 'cy@example.com', role: 'member' } })
    expect(again.status).toBe(409)
    expect(errorOf(again.body)).toEqual({ code: 'conflict', message: 'cy@example.com already belongs to Cy. Nothing was changed.' })
  })

  it('refuses an invalid body with 400 naming each field, and bodies that are not JSON', async () => {
    const invalid = await call({ method: 'POST', url: '/v1/admin/users', token: adminToken, payload: { name: 'Cy', email: 'not-an-email', role: 'member', admin: true } })
    expect(invalid.status).toBe(400)
    const error = errorOf(invalid.body)
    expect(error.code).toBe('invalid_request')
    expect(error.issues).toEqual([
      { path: 'email', message: 'this is not an email address such as ana@example.com' },
      { path: 'admin', message: '"admin" is not a field here' },
    ])
    expect(error.message).toMatch(/email: this is not an email address/)

    const broken = await call({ method: 'POST', url: '/v1/admin/users', token: adminToken, payload: '{"name": ', headers: { 'content-type': 'application/json' } })
    expect(broken.status).toBe(400)
    expect(errorOf(broken.body)).toEqual({ code: 'invalid_request', message: 'The request body is not valid JSON. Nothing was changed.' })
    const text = await call({ method: 'POST', url: '/v1/admin/users', token: adminToken, payload: 'name=Cy', headers: { 'content-type': 'text/plain' } })
    expect(text.status).toBe(415)
    expect(await t.db.selectFrom('users').select('email').execute()).toHaveLength(2)
  })

  it('refuses a body over 1 MiB with 413 and says what the limit is', async () => {
    const payload = JSON.stringify({ name: 'x'.repeat(1024 * 1024), email: 'big@example.com', role: 'member' })
    const response = await call({ method: 'POST', url: '/v1/admin/users', token: adminToken, payload, headers: { 'content-type': 'application/json' } })
    expect(response.status).toBe(413)
    expect(errorOf(response.body)).toEqual({ code: 'payload_too_large', message: expect.stringMatching(/over 1 MiB \(1048576 bytes\).*Nothing was changed/) as unknown })
    expect(await t.db.selectFrom('users').select('email').where('email', '=', 'big@example.com').execute()).toEqual([])
  })

  it('answers an unknown route with a plain 404, signed in or not', async () => {
    for (const token of [undefined, memberToken]) {
      const response = await call({ method: 'GET', url: '/v1/../etc/passwd?debug=1', ...(token ? { token } : {}) })
      expect(response.status).toBe(404)
      expect(response.body).toEqual({ error: { code: 'not_found', message: 'There is no such route on this server.' } })
    }
    expect((await call({ method: 'DELETE', url: '/v1/me', token: memberToken })).status).toBe(404)
  })

  it('logs a failure in full but answers only a generic 500', async () => {
    await sql`DROP TABLE team_approvers`.execute(t.db)
    const response = await call({ method: 'GET', url: '/v1/me', token: memberToken })
    expect(response.status).toBe(500)
    expect(response.body).toEqual({ error: { code: 'internal', message: 'The server could not complete this request; the details are in its log.' } })
    expect(response.raw).not.toMatch(/team_approvers|select|stack|at /i)
    const [failure] = logged.filter((entry) => entry.level === 'error')
    expect(failure?.message).toBe('GET /v1/me failed')
    expect(String(failure?.details[0])).toMatch(/team_approvers/)
  })
}

describeEachDialect('the team server over HTTP', appSuite)
