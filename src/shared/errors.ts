// The typed error envelope every call returns instead of throwing across a process
// boundary: a code the UI can branch on and a message a person can act on. Never a stack.
import { z } from 'zod'

export const ApiErrorCodeSchema = z.enum([
  'invalid_request',
  'unknown_call',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'internal',
])
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  /** For invalid_request: each offending field by its dotted path. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

/** Thrown by services for outcomes the user should see; anything else becomes `internal`. */
export class StintError extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal'>,
    message: string,
  ) {
    super(message)
    this.name = 'StintError'
  }
}

/** What the renderer's client throws when a call returns an error envelope. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode
  readonly issues: ApiErrorBody['issues']
  constructor(readonly call: string, body: ApiErrorBody) {
    super(body.message)
    this.name = 'ApiCallError'
    this.code = body.code
    this.issues = body.issues
  }
}
