// The team server's HTTP app: routes, authentication, limits and error shapes, built
// around an injected database, clock and logger. It never listens by itself, so tests
// use `inject` and the CLI decides where to bind.
import Fastify, { type FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Clock } from './clock'
import type { ServerDatabase } from './db/schema'
import { authenticate, limitExpensive } from './http/auth'
import { BODY_LIMIT_BYTES, installErrorHandling } from './http/errors'
import { FailureLimiter, TokenBuckets, type RateLimitOptions } from './http/rate-limit'
import { adminRoutes } from './http/routes/admin'
import { approvalRoutes } from './http/routes/approvals'
import { exportRoutes } from './http/routes/exports'
import { healthRoutes } from './http/routes/health'
import { meRoutes } from './http/routes/me'
import { reportRoutes } from './http/routes/reports'
import { syncRoutes } from './http/routes/sync'
import type { Logger } from './logger'
import { OrgService } from './org/org-service'
import { DeviceTokens } from './org/tokens'
import { ReferenceAdmin } from './reference/reference-admin'

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
}

export function buildServerApp({ db, clock, logger, trustProxy = false, rateLimit }: ServerAppOptions): FastifyInstance {
  const app = Fastify({ bodyLimit: BODY_LIMIT_BYTES, logger: false, trustProxy, requestTimeout: 30_000 })
  const org = new OrgService(db, clock)
  const tokens = new DeviceTokens(db, clock)
  const limiter = new FailureLimiter(rateLimit?.badTokens)
  const buckets = new TokenBuckets(rateLimit?.expensive)

  installErrorHandling(app, logger)
  // A JSON API: a text/plain body (what a cross-site form can send) is refused with 415.
  app.removeContentTypeParser('text/plain')
  app.decorateRequest('principal', null)
  app.addHook('onSend', (_request, reply, payload, done) => {
    // Answers are per user and may carry personal data: never cache them, never sniff them.
    void reply.header('Cache-Control', 'no-store')
    void reply.header('X-Content-Type-Options', 'nosniff')
    done(null, payload)
  })

  healthRoutes(app, { db, logger })
  // Every route registered in this scope requires a device token; add new routes here.
  void app.register((scope, _options, done) => {
    scope.addHook('onRequest', authenticate({ tokens, limiter, clock }))
    scope.addHook('onRequest', limitExpensive({ buckets, clock }))
    meRoutes(scope, { org, db })
    syncRoutes(scope, { db, clock, logger })
    reportRoutes(scope, { db })
    exportRoutes(scope, { db })
    approvalRoutes(scope, { db, clock })
    // A scope of their own, so the admin role check covers these routes and no others.
    void scope.register((admin, _adminOptions, adminDone) => {
      adminRoutes(admin, { org, referenceAdmin: new ReferenceAdmin(db, clock) })
      adminDone()
    })
    done()
  })
  return app
}
