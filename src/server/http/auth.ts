// Who is asking, and may they: the bearer-token check every route but /v1/health passes
// through, and the role checks later routes reuse. A refused token gets the same
// sentence whatever the reason (unknown, revoked, user deactivated), so the answer
// tells a guesser nothing.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify'
import type { Clock } from '../clock'
import type { Role } from '../db/schema'
import type { DeviceTokens, Principal } from '../org/tokens'
import { sendError } from './errors'
import type { FailureLimiter } from './rate-limit'

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

/** The onRequest hook of the authenticated scope. */
export function authenticate({ tokens, limiter, clock }: AuthenticateOptions): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // A blocked address is refused before its token is even looked at: otherwise a lucky
    // guess would still get through while the limiter "blocks".
    const waitMs = limiter.retryAfterMs(request.ip, clock())
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000)
      void reply.header('Retry-After', String(seconds))
      return sendError(reply, 429, 'rate_limited', `Too many refused tokens from this address. Try again in ${seconds} s.`)
    }
    const header = request.headers.authorization
    if (header === undefined) {
      return sendError(reply, 401, 'unauthenticated', 'Sign in: send this device’s token as "Authorization: Bearer <token>".')
    }
    const token = BEARER.exec(header)?.[1]
    const principal = token === undefined ? null : await tokens.authenticate(token)
    if (!principal) {
      // A valid token does not clear the count: one good token must not buy unlimited guesses.
      limiter.recordFailure(request.ip, clock())
      return sendError(reply, 401, 'unauthenticated', REFUSED)
    }
    request.principal = principal
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
      const needed = roles.length === 1 ? `the ${roles[0]} role` : `one of the roles ${roles.join(', ')}`
      return sendError(reply, 403, 'forbidden', `This needs ${needed}; you are a ${role}. Nothing was changed.`)
    }
  }
}
