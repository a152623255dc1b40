// How every refusal and failure leaves the server: `{ error: { code, message, issues? } }`
// with the matching status, and for a refusal from the catalogue its `messageId` and
// `values`, so a desktop shows it in its reader's language (`message` stays English for
// every other client). Expected refusals carry their own sentence; anything else is
// logged in full here and answered with a generic one, never a stack or a query.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { StintError, type ApiErrorCode } from '@shared/errors'
import type { Refusal } from '@shared/i18n/refusal-text'
import { isUnstorableText } from '../db/errors'
import { InputError, type FieldIssue } from '../errors'
import type { Logger } from '../logger'

export const BODY_LIMIT_BYTES = 1024 * 1024

/** The contract's codes plus the ones only HTTP has. */
export type ServerErrorCode = ApiErrorCode | 'unauthenticated' | 'rate_limited' | 'payload_too_large' | 'unsupported_media_type'

export interface ServerErrorBody {
  error: { code: ServerErrorCode; message: string; issues?: readonly FieldIssue[]; messageId?: string; values?: Refusal['values'] }
}

const STATUS_OF: Record<StintError['code'], number> = {
  invalid_request: 400,
  unknown_call: 404,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
}

export function sendError(reply: FastifyReply, status: number, code: ServerErrorCode, message: string, issues?: readonly FieldIssue[], refusal?: Refusal): FastifyReply {
  const said = refusal ? { messageId: refusal.id, ...(refusal.values ? { values: refusal.values } : {}) } : {}
  const body: ServerErrorBody = { error: { code, message, ...(issues ? { issues } : {}), ...said } }
  return reply.code(status).send(body)
}

/** Fastify's own refusals of a malformed request, in words for the client's developer. */
function requestProblem(error: FastifyError): { status: number; code: ServerErrorCode; message: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', message: `The request body is over 1 MiB (${BODY_LIMIT_BYTES} bytes), the most this server accepts. Nothing was changed; send less at a time.` }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'This server takes request bodies as application/json. Nothing was changed.' }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid_request', message: 'The request body is not valid JSON. Nothing was changed.' }
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, code: 'invalid_request', message: 'The request was malformed and was refused. Nothing was changed.' }
  }
  return null
}

export function installErrorHandling(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof InputError) return sendError(reply, 400, 'invalid_request', error.message, error.issues)
    if (error instanceof StintError) return sendError(reply, STATUS_OF[error.code], error.code, error.message, undefined, error.refusal)
    const problem = requestProblem(error)
    if (problem) return sendError(reply, problem.status, problem.code, problem.message)
    // The schemas refuse control characters in what is stored; an id or filter a route only looks up still reaches the query.
    if (isUnstorableText(error)) return sendError(reply, 400, 'invalid_request', 'The request holds a NUL or another character the server cannot read in a text or id. Nothing was changed; send it without that character.')
    logger.error(`${request.method} ${request.url} failed`, error)
    return sendError(reply, 500, 'internal', 'The server could not complete this request; the details are in its log.')
  })
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not_found', 'There is no such route on this server.'))
}
