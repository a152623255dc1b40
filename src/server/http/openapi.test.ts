// The API document at /v1/openapi.json lists every route the server answers, made from
// the zod schemas the routes parse with; a route added without its entry fails here. The
// readable page beside it shows the same routes under a CSP that lets nothing load.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PullQuerySchema } from '@shared/sync'
import { routesOf } from '../../../tests/support/route-probe'
import { usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { buildServerApp } from '../app'
import { silentLogger } from '../logger'
import { openApiPath } from './openapi'

const postgres = usePostgresCluster()
const METRICS_TOKEN = 'scrape-0123456789abcdef0123456789abcdef'

/**
 * Routes the document may leave out, and why: /metrics is Prometheus's text format for
 * a scraper, not part of the API, and is served only when an operator enables it.
 */
const NOT_IN_DOCUMENT = new Set(['GET /metrics'])

type Operation = { summary?: string; security?: unknown[]; parameters?: { name: string; in: string; schema: Record<string, unknown> }[]; requestBody?: unknown; responses?: Record<string, unknown> }
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> }

function documentSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let document: Document

  beforeEach(async () => {
    // With metrics on, so that every route the server can have is registered.
    app = buildServerApp({ db: t.db, clock: () => 0, logger: silentLogger, metricsToken: METRICS_TOKEN })
    await app.ready()
    const response = await app.inject({ method: 'GET', url: '/v1/openapi.json' })
    expect(response.statusCode).toBe(200)
    document = response.json<Document>()
  })
  afterEach(async () => {
    await app.close()
  })

  it('lists every route Fastify answers, each with a summary and its answers', () => {
    expect(document.openapi).toBe('3.1.0')
    const routes = routesOf(app)
    expect(routes.length).toBeGreaterThan(25)
    const missing = routes.filter((route) => !NOT_IN_DOCUMENT.has(`${route.method} ${route.url}`) && !document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()])
    expect(missing).toEqual([])
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(operation.summary, `${method} ${path}`).toBeTruthy()
        expect(Object.keys(operation.responses ?? {}), `${method} ${path}`).not.toHaveLength(0)
      }
    }
    // Nothing in the document that the server does not answer.
    const answered = new Set(routes.map((route) => `${route.method.toLowerCase()} ${openApiPath(route.url)}`))
    for (const [path, methods] of Object.entries(document.paths)) for (const method of Object.keys(methods)) expect(answered.has(`${method} ${path}`), `${method} ${path}`).toBe(true)
  })

  it('describes inputs from the schemas the routes parse with', () => {
    const pull = document.paths['/v1/sync/pull']?.['get']
    const limit = pull?.parameters?.find((p) => p.name === 'limit')
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } })
    expect(PullQuerySchema.shape.limit.parse('1000')).toBe(1000)
    const detail = document.paths['/v1/approvals/{periodId}']?.['get']
    expect(detail?.parameters).toEqual([expect.objectContaining({ name: 'periodId', in: 'path', required: true })])
    const push = document.paths['/v1/sync/push']?.['post']
    expect(JSON.stringify(push?.requestBody)).toContain('"entry.put"')
    expect(push?.security).toEqual([{ deviceToken: [] }])
    expect(document.paths['/v1/health']?.['get']?.security).toEqual([])
    expect(Object.keys(document.paths['/v1/admin/users']?.['post']?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403']))
  })

  it('shows the same routes on a readable page that loads nothing from anywhere', async () => {
    const page = await app.inject({ method: 'GET', url: '/v1/docs' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /)
    expect(page.body).not.toMatch(/<script|https?:\/\/(?!json-schema\.org)/)
    for (const path of Object.keys(document.paths)) expect(page.body, path).toContain(`<code>${path}</code>`)
  })

  it('reads the descriptions\' `code` spans as code on the page, not as backticks', async () => {
    const page = (await app.inject({ method: 'GET', url: '/v1/docs' })).body
    expect(page).toContain('every refusal is <code>{ &quot;error&quot;: { code, message, issues? } }</code>')
    expect(page).not.toContain('`')
  })
}

// The routes do not depend on the database, so one dialect is enough.
describe('the API document', () => documentSuite('sqlite'))
