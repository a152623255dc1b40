// The team server's HTTP app: routes, authentication, limits and error shapes, built
// around an injected database, clock and logger. It never listens by itself, so tests
// use `inject` and the CLI decides where to bind.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { PostgresAdapter, type Kysely } from 'kysely'
import type { Clock } from './clock'
import type { ServerDatabase } from './db/schema'
import { authenticate, limitExpensive } from './http/auth'
import { BODY_LIMIT_BYTES, installErrorHandling } from './http/errors'
import { ServerLifecycle } from './http/lifecycle'
import { ServerMetrics, type DatabasePoolStats } from './http/metrics'
import type { RegisteredRoute } from './http/openapi'
import { FailureLimiter, TokenBuckets, type RateLimitOptions } from './http/rate-limit'
import { REQUEST_ID_HEADER, requestIdOf } from './http/request-id'
import { adminRoutes } from './http/routes/admin'
import { apiDocsRoutes } from './http/routes/api-docs'
import { approvalRoutes } from './http/routes/approvals'
import { billingRoutes } from './http/routes/billing'
import { exportRoutes } from './http/routes/exports'
import { healthRoutes } from './http/routes/health'
import { meRoutes } from './http/routes/me'
import { metricsRoutes } from './http/routes/metrics'
import { reportRoutes } from './http/routes/reports'
import { syncRoutes } from './http/routes/sync'
import { ticketSystemAdminRoutes, ticketWriteStatusRoutes } from './http/routes/ticket-writes'
import type { Logger } from './logger'
import { OrgService } from './org/org-service'
import { DeviceTokens } from './org/tokens'
import { ReferenceAdmin } from './reference/reference-admin'
import type { SecretBox } from './writeback/secrets'
import { TicketSystems } from './writeback/ticket-systems'

export interface ServerAppOptions {
  db: Kysely<ServerDatabase>
  clock: Clock
  logger: Logger
  /**
   * Behind a reverse proxy every request comes from the proxy's address; trust its
   * X-Forwarded-For (give the proxy's address, or true) so limits apply per client.
   */
  trustProxy?: boolean | string | undefined
  /** Bad tokens per address, and each token's budget for push, reports and exports. */
  rateLimit?: RateLimitOptions
  /** Serve GET /metrics to a scraper that sends this token (see http/routes/metrics.ts); without one there is no /metrics. */
  metricsToken?: string | undefined
  /** PostgreSQL's connection pool, for the metrics. */
  pool?: DatabasePoolStats | undefined
  /** Shared with whoever handles SIGTERM, so readiness turns false before the app closes. */
  lifecycle?: ServerLifecycle
  /** The key ticket-system credentials are encrypted with (writeback/secrets.ts); without it they cannot be stored. */
  secrets?: SecretBox | null
}

/** Paths a load balancer or a scraper asks every few seconds: their answers log at debug, so they do not drown the rest. */
const PROBES = new Set(['/v1/health', '/v1/ready', '/metrics'])

/** The request's one log line: what was asked, the answer's status and how long it took (never headers, so never a token). */
function logAnswered(request: FastifyRequest, reply: FastifyReply): void {
  const line = { req: { method: request.method, url: request.url, remoteAddress: request.ip }, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime * 10) / 10 }
  if (PROBES.has(request.routeOptions.url ?? '') && reply.statusCode < 400) request.log.debug(line, 'request completed')
  else request.log.info(line, 'request completed')
}

/** What a request that arrives during a graceful stop is told: come back in a second (to the next process). */
const RETRY_AFTER_STOPPING_SECONDS = 1

export function buildServerApp({ db, clock, logger, trustProxy = false, rateLimit, metricsToken, pool, lifecycle = new ServerLifecycle(), secrets = null }: ServerAppOptions): FastifyInstance {
  // Typed as Fastify's logger so the app keeps its default type, whatever pino's own generics say.
  const loggerInstance: FastifyBaseLogger | undefined = logger.pino
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy,
    requestTimeout: 30_000,
    // Request lines go through the same pino as everything else, each with its request id;
    // one line a request, written when it is answered (below), not Fastify's two.
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdOf,
  })
  const org = new OrgService(db, clock)
  const tokens = new DeviceTokens(db, clock)
  const limiter = new FailureLimiter(rateLimit?.badTokens)
  const buckets = new TokenBuckets(rateLimit?.expensive)
  const dialect = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
  const metrics = new ServerMetrics({ dialect, pool, processMetrics: metricsToken !== undefined })
  const routes: RegisteredRoute[] = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, api: route.config?.api })
  })

  installErrorHandling(app, logger)
  // A JSON API: a text/plain body (what a cross-site form can send) is refused with 415.
  app.removeContentTypeParser('text/plain')
  app.decorateRequest('principal', null)
  app.addHook('onSend', (request, reply, payload, done) => {
    // Answers are per user and may carry personal data: never cache them, never sniff them.
    void reply.header('Cache-Control', 'no-store')
    void reply.header('X-Content-Type-Options', 'nosniff')
    void reply.header(REQUEST_ID_HEADER, request.id)
    done(null, payload)
  })
  app.addHook('onResponse', (request, reply, done) => {
    metrics.recordRequest(request.routeOptions.url, request.method, reply.statusCode, reply.elapsedTime / 1000)
    logAnswered(request, reply)
    done()
  })
  app.addHook('preClose', (done) => {
    lifecycle.beginShutdown()
    done()
  })
  // Fastify answers a request that arrives while it closes with 503 and `Connection: close`
  // before any hook runs; this listener, ahead of Fastify's own, adds when to come back, so a
  // device (or a load balancer) retries against the next process at once.
  app.server.prependListener('request', (_request, response) => {
    if (lifecycle.stopping) response.setHeader('Retry-After', String(RETRY_AFTER_STOPPING_SECONDS))
  })

  healthRoutes(app, { db, logger, lifecycle })
  apiDocsRoutes(app, routes)
  if (metricsToken !== undefined) metricsRoutes(app, { metrics, token: metricsToken, limiter, clock })
  // Every route registered in this scope requires a device token; add new routes here.
  void app.register((scope, _options, done) => {
    scope.addHook('onRequest', authenticate({ tokens, limiter, clock }))
    scope.addHook('onRequest', limitExpensive({ buckets, clock }))
    meRoutes(scope, { org, db, logger })
    syncRoutes(scope, { db, clock, logger, metrics })
    reportRoutes(scope, { db })
    exportRoutes(scope, { db })
    approvalRoutes(scope, { db, clock })
    ticketWriteStatusRoutes(scope, { db })
    // Billing: a scope of its own, with the roles authority.ts lets bill.
    void scope.register((billing, _billingOptions, billingDone) => {
      billingRoutes(billing, { db, clock })
      billingDone()
    })
    // A scope of their own, so the admin role check covers these routes and no others.
    void scope.register((admin, _adminOptions, adminDone) => {
      adminRoutes(admin, { org, referenceAdmin: new ReferenceAdmin(db, clock) })
      ticketSystemAdminRoutes(admin, { db, clock, systems: new TicketSystems(db, clock, secrets) })
      adminDone()
    })
    done()
  })
  return app
}
