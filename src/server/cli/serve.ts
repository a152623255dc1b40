// `serve`: the team server itself, listening until it is told to stop.
import { resolve } from 'node:path'
import { StintError } from '@shared/errors'
import { defaultServerDataDir } from '../data-dir'
import { serverClock } from '../clock'
import { ServerLifecycle } from '../http/lifecycle'
import { MIN_METRICS_TOKEN_LENGTH } from '../http/routes/metrics'
import { DEFAULT_BAD_TOKENS_PER_MINUTE, DEFAULT_RATE_BURST, DEFAULT_RATE_PER_MINUTE, type RateLimitOptions } from '../http/rate-limit'
import { LOG_LEVELS, logLevelOf, withLevel, type Logger } from '../logger'
import { OrgService } from '../org/org-service'
import { SecretBox } from '../writeback/secrets'
import { openDatabase, text, UsageError, type CliIo, type OptionSpec, type Values } from './spec'

export const DEFAULT_PORT = 8787
export const DEFAULT_HOST = '127.0.0.1'

export const SERVE_OPTIONS: Record<string, OptionSpec> = {
  port: { type: 'string', hint: `N (default ${DEFAULT_PORT}; 0 = any free port)` },
  host: { type: 'string', hint: `ADDRESS (default ${DEFAULT_HOST}; anything else is reachable from the network)` },
  'trust-proxy': { type: 'string', hint: 'ADDRESS (of your reverse proxy, so limits apply per client)' },
  'bad-token-limit': { type: 'string', hint: `N (refused tokens per address and minute before it waits; default ${DEFAULT_BAD_TOKENS_PER_MINUTE}, env STINT_BAD_TOKEN_LIMIT)` },
  'rate-burst': { type: 'string', hint: `N (push, report and export requests one device may send at once; default ${DEFAULT_RATE_BURST}, env STINT_RATE_BURST)` },
  'rate-per-minute': { type: 'string', hint: `N (… and per minute after that burst; default ${DEFAULT_RATE_PER_MINUTE}, env STINT_RATE_PER_MINUTE)` },
  'log-level': { type: 'string', hint: `LEVEL (${LOG_LEVELS.join(', ')}; default info, env STINT_LOG_LEVEL; JSON lines on stderr)` },
}

/** The server's logger at the level --log-level or STINT_LOG_LEVEL asks for. */
function loggerOf(values: Values, io: CliIo): Logger {
  const fromOption = text(values, 'log-level')
  const level = logLevelOf(fromOption || io.env['STINT_LOG_LEVEL'])
  if (typeof level !== 'string') throw new UsageError(`${fromOption ? '--log-level' : 'STINT_LOG_LEVEL'}: ${level.refusal}`)
  return withLevel(io.logger, level)
}

/** STINT_METRICS_TOKEN, when set: /metrics is served to whoever sends it. A secret, so never an option (options show in `ps`). */
function metricsTokenOf(io: CliIo): string | undefined {
  const token = io.env['STINT_METRICS_TOKEN']
  if (token === undefined || token === '') return undefined
  if (token.length < MIN_METRICS_TOKEN_LENGTH || /\s/.test(token)) {
    throw new UsageError(`STINT_METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters without spaces (for example \`openssl rand -hex 32\`). Nothing was started.`)
  }
  return token
}

/** A limit from its option, else its environment variable, else the default: a whole number of at least 1. */
function limitOf(values: Values, io: CliIo, option: string, variable: string, fallback: number): number {
  const fromOption = values[option]
  const given = typeof fromOption === 'string' ? fromOption : io.env[variable]
  if (given === undefined || given === '') return fallback
  const where = typeof fromOption === 'string' ? `--${option}` : variable
  if (!/^\d+$/.test(given.trim()) || Number(given) < 1) throw new UsageError(`${where} must be a whole number of at least 1, not "${given}".`)
  return Number(given)
}

export function rateLimitOf(values: Values, io: CliIo): RateLimitOptions {
  return {
    badTokens: { maxFailures: limitOf(values, io, 'bad-token-limit', 'STINT_BAD_TOKEN_LIMIT', DEFAULT_BAD_TOKENS_PER_MINUTE), windowMs: 60_000 },
    expensive: {
      burst: limitOf(values, io, 'rate-burst', 'STINT_RATE_BURST', DEFAULT_RATE_BURST),
      perMinute: limitOf(values, io, 'rate-per-minute', 'STINT_RATE_PER_MINUTE', DEFAULT_RATE_PER_MINUTE),
    },
  }
}

function portOf(values: Values): number {
  const given = values['port']
  if (given === undefined) return DEFAULT_PORT
  const port = Number(given)
  if (typeof given !== 'string' || !/^\d+$/.test(given) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${String(given)}".`)
  return port
}

/** How often the write-back worker looks for due jobs, and how long a job it took is its own (STINT_WRITEBACK_INTERVAL_MS, STINT_WRITEBACK_LEASE_MS). */
function writeBackOf(io: CliIo): { intervalMs: number; leaseMs: number } {
  const number = (variable: string, fallback: number, least: number) => {
    const given = io.env[variable]
    if (given === undefined || given === '') return fallback
    if (!/^\d+$/.test(given.trim()) || Number(given) < least) throw new UsageError(`${variable} must be a whole number of milliseconds, at least ${least}, not "${given}".`)
    return Number(given)
  }
  return { intervalMs: number('STINT_WRITEBACK_INTERVAL_MS', 5_000, 100), leaseMs: number('STINT_WRITEBACK_LEASE_MS', 5 * 60_000, 1_000) }
}

export async function serve(values: Values, io: CliIo): Promise<void> {
  const port = portOf(values)
  const host = text(values, 'host') || DEFAULT_HOST
  const trustProxy = text(values, 'trust-proxy') || undefined
  const rateLimit = rateLimitOf(values, io)
  const metricsToken = metricsTokenOf(io)
  const logger = loggerOf(values, io)
  const writeBack = writeBackOf(io)
  const secrets = SecretBox.open(io.env, resolve(text(values, 'data-dir') || defaultServerDataDir(io.env)))
  const opened = await openDatabase(values, { ...io, logger })
  // Loaded here, not at the top: the admin commands start faster without the HTTP stack.
  const { buildServerApp } = await import('../app')
  const { connectorFactory } = await import('../writeback/connectors')
  const { TicketWriteWorker } = await import('../writeback/worker')
  const lifecycle = new ServerLifecycle()
  const clock = serverClock(io.env)
  const app = buildServerApp({ db: opened.db, clock, logger, trustProxy, rateLimit, metricsToken, pool: opened.pool, lifecycle, secrets })
  // Approved time goes to the tickets from here; every server process of a database may run one.
  const worker = new TicketWriteWorker({ db: opened.db, connectors: await connectorFactory(io.env), secrets, clock, logger, leaseMs: writeBack.leaseMs })
  try {
    await app.listen({ port, host })
    worker.start(writeBack.intervalMs)
  } catch (error) {
    await app.close()
    await opened.close()
    throw new StintError('unavailable', `The Stint server could not listen on ${host}:${port}: ${(error as Error).message}. Nothing was changed.`)
  }
  const address = app.server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`
  io.out(url)
  io.err(`The Stint team server is listening on ${url} with data in ${opened.location}. Ctrl+C stops it.`)
  io.err(`API document: ${url}/v1/openapi.json (readable at ${url}/v1/docs). Metrics: ${metricsToken ? `${url}/metrics, with the metrics token` : 'off (set STINT_METRICS_TOKEN to serve /metrics)'}.`)
  if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') {
    io.err(`Warning: ${host} is reachable from the network and this server speaks plain HTTP. Put a reverse proxy with TLS in front of it (see README, "Team server").`)
  }
  const organisation = await new OrgService(opened.db, Date.now).organisation()
  if (!organisation) io.err('Warning: no organisation yet, so no one can sign in. Run `npm run server -- init --org NAME --admin-name NAME --admin-email EMAIL`.')
  await io.stopSignal()
  // Graceful: stop listening, let the requests in flight (a push's transaction) finish and
  // be answered, then close the database. A second signal stops at once (Node's default).
  lifecycle.beginShutdown()
  io.err('The Stint team server is stopping: no new connections; requests in flight are finished first.')
  await worker.stop()
  await app.close()
  await opened.close()
  io.err('The Stint team server stopped.')
}

