// `serve`'s limits as an admin sets them: flags first, then environment variables, then
// the defaults; a wrong value is refused with the usage. Served for real on a free port.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cliIn, serveIn, type Serving } from '../../../tests/support/cli-in-process'
import { generateToken } from '../org/tokens'

let dataDir: string
let serving: Serving | null
let adminToken: string

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-serve-limits-'))
  serving = null
  adminToken = (await cliIn(dataDir, ['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'])).lines[0] ?? ''
})
afterEach(async () => {
  await serving?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const report = (url: string, token: string) =>
  fetch(`${url}/v1/reports`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ from: '2026-03-02', to: '2026-03-08', groupBy: ['day'] }) })
const me = (url: string, token: string) => fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })

describe('serve with limits', { timeout: 30_000 }, () => {
  it('takes --rate-burst and --rate-per-minute for each token’s push, report and export requests', async () => {
    serving = await serveIn(dataDir, ['--rate-burst', '2', '--rate-per-minute', '1'])
    expect((await report(serving.url, adminToken)).status).toBe(200)
    expect((await report(serving.url, adminToken)).status).toBe(200)
    const limited = await report(serving.url, adminToken)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/more than 2 sync, report or export requests .* allows 1 a minute/)
  })

  it('takes the limits from STINT_BAD_TOKEN_LIMIT and STINT_RATE_BURST when no flag is given; a flag wins', async () => {
    serving = await serveIn(dataDir, ['--rate-burst', '1'], { STINT_BAD_TOKEN_LIMIT: '1', STINT_RATE_BURST: '50' })
    expect((await me(serving.url, generateToken())).status).toBe(401)
    expect((await me(serving.url, generateToken())).status).toBe(429)
    expect((await me(serving.url, adminToken)).status).toBe(200)
    expect((await report(serving.url, adminToken)).status).toBe(200)
    expect((await report(serving.url, adminToken)).status).toBe(429)
  })

  it('refuses a limit that is not a whole number of at least 1, naming where it came from', async () => {
    const flag = await cliIn(dataDir, ['serve', '--rate-burst', '0'])
    expect([flag.status, flag.stderr]).toEqual([2, expect.stringContaining('--rate-burst must be a whole number of at least 1, not "0".') as string])
    const env = await cliIn(dataDir, ['serve'], { STINT_RATE_PER_MINUTE: 'lots' })
    expect([env.status, env.stderr]).toEqual([2, expect.stringContaining('STINT_RATE_PER_MINUTE must be a whole number of at least 1, not "lots".') as string])
  })

  it('refuses a log level it does not know, from --log-level or STINT_LOG_LEVEL', async () => {
    const flag = await cliIn(dataDir, ['serve', '--log-level', 'loud'])
    expect([flag.status, flag.stderr]).toEqual([2, expect.stringContaining('--log-level: "loud" is not a log level; use one of fatal, error, warn, info, debug, trace, silent.') as string])
    const env = await cliIn(dataDir, ['serve'], { STINT_LOG_LEVEL: 'verbose' })
    expect([env.status, env.stderr]).toEqual([2, expect.stringContaining('STINT_LOG_LEVEL: "verbose" is not a log level') as string])
  })
})

describe('serve with metrics', { timeout: 30_000 }, () => {
  const metricsToken = 'f'.repeat(64)

  it('serves /metrics to the token in STINT_METRICS_TOKEN, and has no /metrics without one', async () => {
    serving = await serveIn(dataDir, [], { STINT_METRICS_TOKEN: metricsToken })
    const scraped = await fetch(`${serving.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    expect(scraped.status).toBe(200)
    expect(await scraped.text()).toContain('stint_http_requests_total')
    expect((await fetch(`${serving.url}/metrics`, { headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(401)
    const stopped = await serving.stop()
    serving = null
    expect(stopped.stderr).toContain(`Metrics: ${stopped.lines[0] ?? ''}/metrics, with the metrics token`)

    serving = await serveIn(dataDir, [])
    expect((await fetch(`${serving.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(404)
  })

  it('refuses a metrics token too short to guard anything, before it listens', async () => {
    const short = await cliIn(dataDir, ['serve'], { STINT_METRICS_TOKEN: 'secret' })
    expect([short.status, short.stderr]).toEqual([2, expect.stringContaining('STINT_METRICS_TOKEN must be at least 32 characters without spaces') as string])
  })
})
