// What Prometheus sees after a device pushes and pulls, on SQLite and PostgreSQL: the
// requests by route pattern, the answers the push got, the pull's rows, the sync lag and
// the database connections. And who may see it: nobody unless the operator set a metrics
// token, then only a scraper that sends it (a device token, even an admin's, does not).
// Readiness sits beside health and turns false when a shutdown begins or the database is
// not migrated.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { buildServerApp } from '../app'
import { silentLogger } from '../logger'
import { OrgService } from '../org/org-service'
import { DeviceTokens } from '../org/tokens'
import { ServerLifecycle } from './lifecycle'

const T0 = Date.UTC(2026, 11, 3, 9, 0)
const METRICS_TOKEN = 'scrape-0123456789abcdef0123456789abcdef'
const postgres = usePostgresCluster()

const entry = (day: string, updatedAt: number) => ({
  id: newId(),
  type: 'entry.put',
  baseVersion: null,
  entry: { id: newId(), day, workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 3600, roundedSeconds: 3600, updatedAt, deletedAt: null },
})

/** The value of one series in Prometheus's text format, e.g. `stint_pulls_total` or `stint_push_mutations_total{result="applied"}`. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

function metricsSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let lifecycle: ServerLifecycle
  let memberToken: string
  let adminToken: string

  const build = async (metricsToken: string | undefined) => {
    app = buildServerApp({ db: t.db, clock: () => T0, logger: silentLogger, metricsToken, pool: t.opened.pool, lifecycle })
    await app.ready()
  }
  const scrape = async (authorization = `Bearer ${METRICS_TOKEN}`) => app.inject({ method: 'GET', url: '/metrics', headers: { authorization } })

  beforeEach(async () => {
    const org = new OrgService(t.db, () => T0)
    adminToken = (await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })).token.token
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    memberToken = (await new DeviceTokens(t.db, () => T0).issueToken({ user: 'bo@example.com', label: 'laptop' })).token
    lifecycle = new ServerLifecycle()
    await build(METRICS_TOKEN)
  })
  afterEach(async () => {
    await app.close()
  })

  it('counts a push’s answers, the pull’s rows, each route’s requests and how long the changes took to arrive', async () => {
    const push = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { authorization: `Bearer ${memberToken}` },
      // Made 90 s and 2 h before the server commits them; the third is a day that does not exist.
      payload: { deviceId: 'laptop', mutations: [entry('2026-12-01', T0 - 90_000), entry('2026-12-02', T0 - 2 * 3600_000), entry('2026-02-30', T0)] },
    })
    expect(push.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['applied', 'applied', 'refused'])
    const pull = await app.inject({ method: 'GET', url: '/v1/sync/pull?after=0', headers: { authorization: `Bearer ${memberToken}` } })
    expect(pull.statusCode).toBe(200)
    await app.inject({ method: 'GET', url: '/v1/no-such-thing' })

    const response = await scrape()
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = response.body
    expect(valueOf(text, 'stint_push_mutations_total{result="applied"}')).toBe(2)
    expect(valueOf(text, 'stint_push_mutations_total{result="refused"}')).toBe(1)
    expect(valueOf(text, 'stint_pulls_total')).toBe(1)
    // Bo's two entries and the organisation's default activity types.
    expect(valueOf(text, 'stint_pull_rows_total')).toBeGreaterThanOrEqual(2)
    expect(valueOf(text, 'stint_sync_lag_seconds_count')).toBe(2)
    expect(valueOf(text, 'stint_sync_lag_seconds_sum')).toBe(90 + 7200)
    expect(valueOf(text, 'stint_sync_lag_seconds_bucket{le="300"}')).toBe(1)
    expect(valueOf(text, 'stint_http_requests_total{route="/v1/sync/push",method="POST",status="200"}')).toBe(1)
    expect(valueOf(text, 'stint_http_requests_total{route="/v1/sync/pull",method="GET",status="200"}')).toBe(1)
    expect(valueOf(text, 'stint_http_requests_total{route="(unmatched)",method="GET",status="404"}')).toBe(1)
    expect(valueOf(text, 'stint_http_request_duration_seconds_count{route="/v1/sync/push",method="POST",status="200"}')).toBe(1)
    expect(valueOf(text, `stint_database_info{dialect="${dialect}"}`)).toBe(1)
    expect(text).toContain('process_cpu_user_seconds_total')
    // No person, token or id in any label.
    for (const secret of ['bo@example.com', memberToken, 'laptop']) expect(text).not.toContain(secret)
  })

  it('reports the database connections: PostgreSQL’s pool, SQLite’s one connection', async () => {
    const text = (await scrape()).body
    if (dialect === 'sqlite') {
      expect(valueOf(text, 'stint_database_connections{state="total"}')).toBe(1)
      expect(text).not.toContain('stint_database_connections{state="waiting"}')
      return
    }
    expect(valueOf(text, 'stint_database_connections{state="total"}')).toBeGreaterThanOrEqual(1)
    expect(valueOf(text, 'stint_database_connections{state="idle"}')).toBeGreaterThanOrEqual(0)
    expect(valueOf(text, 'stint_database_connections{state="waiting"}')).toBe(0)
  })

  it('shows the metrics only to the metrics token: not to anonymous, not to a device token, not even an admin’s', async () => {
    for (const authorization of ['', `Bearer ${memberToken}`, `Bearer ${adminToken}`, `Bearer ${METRICS_TOKEN}x`, METRICS_TOKEN]) {
      const response = await scrape(authorization)
      expect(response.statusCode, authorization).toBe(401)
      expect(response.body).not.toContain('stint_')
    }
    // And the metrics token opens nothing else.
    expect((await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).statusCode).toBe(401)
  })

  it('has no /metrics at all when the operator set no metrics token', async () => {
    await app.close()
    await build(undefined)
    expect((await scrape()).statusCode).toBe(404)
  })

  it('is ready when the database answers and is migrated, and stops being ready once a shutdown begins', async () => {
    const ready = await app.inject({ method: 'GET', url: '/v1/ready' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ ready: true })

    lifecycle.beginShutdown()
    const stopping = await app.inject({ method: 'GET', url: '/v1/ready' })
    expect(stopping.statusCode).toBe(503)
    expect(stopping.json()).toEqual({ error: { code: 'unavailable', message: 'This server process is shutting down.' } })
    // Health is about being alive: a process finishing its requests still is.
    expect((await app.inject({ method: 'GET', url: '/v1/health' })).statusCode).toBe(200)
  })

  it('is not ready on a database that lacks a migration this version needs', async () => {
    await sql`DELETE FROM kysely_migration WHERE name = '0003-reference-authority'`.execute(t.db)
    const response = await app.inject({ method: 'GET', url: '/v1/ready' })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ error: { code: 'unavailable', message: 'The database is not yet migrated to this server version.' } })
  })

  it('turns readiness off as soon as the app starts closing', async () => {
    await app.close()
    expect(lifecycle.stopping).toBe(true)
  })
}

describeEachDialect('server metrics and readiness', metricsSuite)
