// What an operator finds in the server's log: one JSON object a line, each request's
// lines under its request id (the caller's own X-Request-Id when it is sane, echoed in
// the answer), and never a device token, whether it came in a header or was handed to
// the logger by mistake.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { buildServerApp } from '../app'
import { createLogger, logLevelOf, type Logger } from '../logger'
import { ServerLifecycle } from './lifecycle'
import { OrgService } from '../org/org-service'
import { generateToken } from '../org/tokens'

const T0 = Date.UTC(2026, 11, 3, 9, 0)
const postgres = usePostgresCluster()

type Line = Record<string, unknown>

function loggingSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let written: string[]
  let logger: Logger
  let app: FastifyInstance
  let adminToken: string

  const lines = (): Line[] => written.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line)

  beforeEach(async () => {
    written = []
    logger = createLogger({ level: 'info', destination: { write: (chunk: string) => void written.push(chunk) } })
    adminToken = (await new OrgService(t.db, () => T0).initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })).token.token
    app = buildServerApp({ db: t.db, clock: () => T0, logger })
    await app.ready()
  })
  afterEach(async () => {
    await app.close()
  })

  it('logs a signed-in request as JSON lines under the caller’s request id, echoes the id, and never writes the token', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${adminToken}`, 'x-request-id': 'lb-7f3a.42' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['x-request-id']).toBe('lb-7f3a.42')

    const mine = lines().filter((line) => line['reqId'] === 'lb-7f3a.42')
    expect(mine.map((line) => line['msg'])).toEqual(['request completed'])
    expect(mine[0]).toMatchObject({ level: 30, name: 'stint-server', req: { method: 'GET', url: '/v1/me' }, res: { statusCode: 200 } })
    expect(typeof mine[0]?.['responseTime']).toBe('number')
    expect(written.join('')).not.toContain(adminToken)
  })

  it('keeps a refused token out of the log too, and the refusal’s line carries its request id', async () => {
    const guessed = generateToken()
    const response = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${guessed}` }, payload: { deviceId: 'd', mutations: [] } })
    expect(response.statusCode).toBe(401)
    const id = response.headers['x-request-id']
    expect(lines().some((line) => line['reqId'] === id && line['msg'] === 'request completed')).toBe(true)
    expect(written.join('')).not.toContain(guessed)
  })

  it('gives a request without a usable X-Request-Id an id of its own rather than logging what was sent', async () => {
    for (const sent of ['two words', 'x'.repeat(200), 'id"}{"level":60', '']) {
      const response = await app.inject({ method: 'GET', url: '/v1/health', headers: { 'x-request-id': sent } })
      expect(response.headers['x-request-id'], sent).toMatch(/^[0-9a-f-]{36}$/)
    }
    expect(written.join('')).not.toContain('two words')
    const first = await app.inject({ method: 'GET', url: '/v1/health' })
    const second = await app.inject({ method: 'GET', url: '/v1/health' })
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id'])
  })

  it('keeps health, readiness and metrics probes out of the info log unless they fail', async () => {
    await app.inject({ method: 'GET', url: '/v1/health' })
    await app.inject({ method: 'GET', url: '/v1/ready' })
    expect(lines().filter((line) => line['msg'] === 'request completed')).toEqual([])
    await app.inject({ method: 'GET', url: '/v1/me' })
    expect(lines().filter((line) => line['msg'] === 'request completed').map((line) => (line['req'] as Line)['url'])).toEqual(['/v1/me'])
    // A probe that fails is worth reading: a process on its way out answers readiness 503.
    const lifecycle = new ServerLifecycle()
    const stopping = buildServerApp({ db: t.db, clock: () => T0, logger, lifecycle })
    await stopping.ready()
    lifecycle.beginShutdown()
    expect((await stopping.inject({ method: 'GET', url: '/v1/ready' })).statusCode).toBe(503)
    await stopping.close()
    expect(lines().filter((line) => line['msg'] === 'request completed').at(-1)).toMatchObject({ level: 30, req: { url: '/v1/ready' }, res: { statusCode: 503 } })
  })

  it('censors a token or an Authorization header that code hands to the logger by mistake', () => {
    const secret = generateToken()
    logger.info('issued a token', { token: secret, user: 'bo@example.com' })
    logger.warn('a proxy sent', { headers: { authorization: `Bearer ${secret}` } })
    logger.error('the database refused', new Error('duplicate key'), { issued: { token: secret } })
    expect(written.join('')).not.toContain(secret)
    const [issued, proxy, failed] = lines()
    expect(issued).toMatchObject({ msg: 'issued a token', token: '[redacted]', user: 'bo@example.com' })
    expect(proxy).toMatchObject({ headers: { authorization: '[redacted]' } })
    expect(failed).toMatchObject({ level: 50, err: { message: 'duplicate key' }, issued: { token: '[redacted]' } })
  })
}

describeEachDialect('server logs', loggingSuite)

it('reads a log level from --log-level or STINT_LOG_LEVEL, and says which words it takes', () => {
  expect(logLevelOf(undefined)).toBe('info')
  expect(logLevelOf(' DEBUG ')).toBe('debug')
  expect(logLevelOf('silent')).toBe('silent')
  expect(logLevelOf('loud')).toEqual({ refusal: '"loud" is not a log level; use one of fatal, error, warn, info, debug, trace, silent.' })
})

it('writes nothing below its level', () => {
  const written: string[] = []
  const logger = createLogger({ level: 'warn', destination: { write: (chunk: string) => void written.push(chunk) } })
  logger.info('routine')
  logger.warn('odd')
  expect(written.map((line) => (JSON.parse(line) as Line)['msg'])).toEqual(['odd'])
})
