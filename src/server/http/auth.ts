// Who is asking, and may they: the bearer-token check every route but /v1/health passes
// through, and the role checks later routes reuse. A refused token gets the same
// sentence whatever the reason (unknown, revoked, user deactivated), so the answer
// tells a guesser nothing.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify'
import { refuse } from '@shared/errors'
import type { Clock } from '../clock'
import type { Role } from '../db/schema'
import type { DeviceTokens, Principal } from '../org/tokens'
import { sendError } from './errors'
import { isExpensiveRoute, waitText, type FailureLimiter, type TokenBuckets } from './rate-limit'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate` on every route of the authenticated scope. */
    principal: Principal | null
  }
}

const BEARER = /^Bearer +(\S+) *$/i
const REFUSED = 'This device token was not accepted. Ask your Stint admin for a new one.'

export interface AuthenticateOptions {
  tokens: DeviceTokens
  limiter: FailureLimiter
  clock: Clock
}

function tooMany(reply: FastifyReply, waitMs: number, message: string): FastifyReply {
  void reply.header('Retry-After', String(Math.ceil(waitMs / 1000)))
  return sendError(reply, 429, 'rate_limited', message)
}

/**
 * The onRequest hook of the authenticated scope. A valid token is always served: the
 * guessing limit counts and refuses only requests without one, so a bad device behind
 * the same NAT or proxy never locks out the good ones.
 */
export function authenticate({ tokens, limiter, clock }: AuthenticateOptions): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1]
    // The lookup is by hash on a unique index: cheap enough to make for every request.
    const principal = token === undefined ? null : await tokens.authenticate(token)
    if (principal) {
      request.principal = principal
      return
    }
    const now = clock()
    const waitMs = limiter.retryAfterMs(request.ip, now)
    if (waitMs > 0) {
      return tooMany(reply, waitMs, `Too many refused tokens from this address. Requests with a valid token still get through; others may try again in ${waitText(waitMs)}.`)
    }
    if (header === undefined) {
      return sendError(reply, 401, 'unauthenticated', 'Sign in: send this device’s token as "Authorization: Bearer <token>".')
    }
    limiter.recordFailure(request.ip, now)
    return sendError(reply, 401, 'unauthenticated', REFUSED)
  }
}

/**
 * The onRequest hook after `authenticate`: each token's expensive requests (push, reports,
 * exports) come out of its own bucket. Other routes and other tokens are not affected.
 */
export function limitExpensive({ buckets, clock }: { buckets: TokenBuckets; clock: Clock }): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isExpensiveRoute(request.method, request.routeOptions.url)) return
    const waitMs = buckets.take(principalOf(request).tokenId, clock())
    if (waitMs > 0) {
      return tooMany(
        reply,
        waitMs,
        `This device sent more than ${buckets.burst} sync, report or export requests in a short time (the server allows ${buckets.perMinute} a minute after that). Nothing was changed; try again in ${waitText(waitMs)}.`,
      )
    }
  }
}

/** Who is asking; only for routes in the authenticated scope. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`${request.method} ${request.url} was routed outside the authenticated scope`)
  return request.principal
}

/** A preHandler that lets only the given roles through; others get 403 naming the role needed. */
export function requireRole(...roles: readonly Role[]): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const { role } = principalOf(request)
    if (!roles.includes(role)) {
      const refused = refuse('forbidden', 'refusal.server.needsRole', { needed: roles.join(', '), role })
      return sendError(reply, 403, 'forbidden', refused.message, undefined, refused.refusal)
    }
  }
}
