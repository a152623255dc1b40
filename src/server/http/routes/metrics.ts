// GET /metrics for Prometheus. Least privilege: it is served only when the operator sets
// a metrics token (STINT_METRICS_TOKEN), and only to a scraper that sends that token. A
// device token, even an admin's, does not open it, and the metrics token opens nothing
// else, so a scraper's credential never reaches anyone's time. Bad tokens count towards
// the same per-address guessing limit as the API's.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Clock } from '../../clock'
import { sendError } from '../errors'
import type { ServerMetrics } from '../metrics'
import { waitText, type FailureLimiter } from '../rate-limit'

export const METRICS_PATH = '/metrics'
/** Shorter tokens are refused at start: this one guards an unauthenticated-looking route. */
export const MIN_METRICS_TOKEN_LENGTH = 32

const BEARER = /^Bearer +(\S+) *$/i
const digest = (text: string): Buffer => createHash('sha256').update(text).digest()

export function metricsRoutes(app: FastifyInstance, { metrics, token, limiter, clock }: { metrics: ServerMetrics; token: string; limiter: FailureLimiter; clock: Clock }): void {
  const expected = digest(token)
  app.get(METRICS_PATH, async (request, reply) => {
    const now = clock()
    const given = BEARER.exec(request.headers.authorization ?? '')?.[1]
    // Compared as digests, in constant time, so the answer's timing says nothing about the token.
    if (given !== undefined && timingSafeEqual(digest(given), expected)) {
      const { contentType, text } = await metrics.exposition()
      return reply.header('Content-Type', contentType).send(text)
    }
    const waitMs = limiter.retryAfterMs(request.ip, now)
    if (waitMs > 0) {
      void reply.header('Retry-After', String(Math.ceil(waitMs / 1000)))
      return sendError(reply, 429, 'rate_limited', `Too many refused tokens from this address; try again in ${waitText(waitMs)}.`)
    }
    limiter.recordFailure(request.ip, now)
    return sendError(reply, 401, 'unauthenticated', 'The metrics need the metrics token (STINT_METRICS_TOKEN) as "Authorization: Bearer <token>".')
  })
}
