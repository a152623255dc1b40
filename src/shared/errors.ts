// The typed error envelope every call returns instead of throwing across a process
// boundary: a code the UI can branch on and a message a person can act on. Never a stack.
import { z } from 'zod'
import { readableDays } from './day-words'
import { refusalText, type Refusal, type RefusalId, type RefusalValues } from './i18n/refusal-text'
import { ENGLISH, type Translator } from './i18n/translator'

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

/**
 * A refusal as data beside its English sentence, wherever one travels (an error envelope, the
 * team server's answer to a synced change or a decision): the catalogue id and its values.
 * Optional, so an answer without them still reads; an id this build does not know shows the sentence.
 */
export const refusalFields = {
  messageId: z.string().min(1).optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  /** For invalid_request: each offending field by its dotted path. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The catalogue id of `message` (src/shared/i18n/en/refusals.ts), so a window can show it in its own language. */
  messageId: z.string().min(1).optional(),
  /** The id's values: ISO days and seconds as data, the reader formats them. */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

/**
 * Thrown by services for outcomes the user should see; anything else becomes `internal`.
 * Given a refusal (an id and its values) the English sentence comes from the catalogue and
 * the id travels in the envelope, so the window can say it in the reader's language.
 */
export class StintError extends Error {
  readonly refusal: Refusal | undefined
  constructor(
    readonly code: Exclude<ApiErrorCode, 'internal'>,
    message: string | Refusal,
    /** With a written message: the refusal it says, when one is known (a team server's, passed on). */
    refusal?: Refusal,
  ) {
    super(typeof message === 'string' ? message : (refusalText(message.id, message.values, ENGLISH, 'log') ?? message.id))
    this.name = 'StintError'
    this.refusal = typeof message === 'string' ? refusal : message
  }

  /** The envelope's error: code, English message, and the refusal's id and values when it has them. */
  body(): ApiErrorBody {
    const { refusal } = this
    return { code: this.code, message: this.message, ...(refusal ? { messageId: refusal.id, ...(refusal.values ? { values: { ...refusal.values } } : {}) } : {}) }
  }
}

/** A refusal by id: `throw refuse('conflict', 'refusal.rowInPeriod')`. */
export function refuse(code: Exclude<ApiErrorCode, 'internal'>, id: RefusalId, values?: RefusalValues): StintError {
  return new StintError(code, values ? { id, values } : { id })
}

/** What the reader sees of an error body: the refusal in their language when it has a known id, else the message with days as the grid writes them. */
export function readableError(body: ApiErrorBody, reader: Translator = ENGLISH): string {
  return readableSentence(body.message, body, reader)
}

/**
 * The same for any English sentence that may travel with its refusal id and values (a sync
 * issue's reason, a decision's message): in the reader's language when this build knows the id.
 */
export function readableSentence(english: string, said: { readonly messageId?: string | undefined; readonly values?: RefusalValues | undefined }, reader: Translator = ENGLISH): string {
  const translated = said.messageId === undefined ? null : refusalText(said.messageId, said.values, reader)
  return translated ?? readableDays(english)
}

/** What the renderer's client throws when a call returns an error envelope. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode
  readonly issues: ApiErrorBody['issues']
  readonly messageId: string | undefined
  readonly values: ApiErrorBody['values']
  constructor(readonly call: string, body: ApiErrorBody) {
    super(body.message)
    this.name = 'ApiCallError'
    this.code = body.code
    this.issues = body.issues
    this.messageId = body.messageId
    this.values = body.values
  }
}
