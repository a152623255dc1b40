// The one wrapper every transport (Electron IPC, the browser host) calls: it checks
// the call name, parses the request with the contract's schema, runs the handler and
// turns every outcome into an envelope. Internals are logged here and never returned.
import type { z } from 'zod'
import { calls, isCallName, type CallName, type CallRequestParsed, type CallResponse } from '@shared/contract'
import { refuse, StintError, type ApiErrorBody, type Envelope } from '@shared/errors'
import { storageError } from '../files/storage-errors'
import type { Logger } from '../logger'

export type Handlers = {
  [N in CallName]: (request: CallRequestParsed<N>) => Promise<CallResponse<N>> | CallResponse<N>
}

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(request)' : path.map(String).join('.')
}

export function validationError(name: string, error: z.ZodError): ApiErrorBody {
  // An unexpected field is named by its own path, so the caller sees which one to drop.
  const issues = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: describePath([...issue.path, key]), message: `"${key}" is not a field of this call` }))
      : [{ path: describePath(issue.path), message: issue.message }],
  )
  // Each problem a sentence of its own: most messages end with a full stop already.
  const summary = issues
    .map((i) => `${i.path}: ${i.message}`)
    .map((text) => (/[.!?]$/.test(text) ? text : `${text}.`))
    .join(' ')
  // zod's issues stay English; the first line, what the reader sees first, is the window's language.
  return { ...refuse('invalid_request', 'refusal.requestRefused', { call: name, summary }).body(), issues }
}

export async function invokeCall(
  handlers: Handlers,
  name: string,
  rawRequest: unknown,
  logger: Logger,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown_call', message: `There is no call named "${name}".`, messageId: 'refusal.unknownCall', values: { call: name } } }
  }
  const spec = calls[name]
  const parsed = spec.request.safeParse(rawRequest ?? {})
  if (!parsed.success) {
    const error = validationError(name, parsed.error)
    // Refusals are logged too, so "why did my change not stick" can be answered from the log.
    logger.info(`refused ${error.message}`)
    return { ok: false, error }
  }
  try {
    const handler = handlers[name] as (request: unknown) => unknown
    const value: unknown = await handler(parsed.data)
    // Responses are checked too, so nothing outside the contract (such as an internal field) leaves the process.
    return { ok: true, value: spec.response.parse(value) }
  } catch (error) {
    if (error instanceof StintError) {
      logger.info(`refused ${name} (${error.code}): ${error.message}`)
      return { ok: false, error: error.body() }
    }
    // A full or read-only disk is the person's to fix, so it is said in words, not as "internal".
    const storage = storageError(error, { doing: 'saveChange', kept: 'savedBefore' })
    if (storage) {
      logger.warn(`call ${name} could not write: ${(error as Error).message}`)
      return { ok: false, error: storage.body() }
    }
    logger.error(`call ${name} failed`, error)
    return {
      ok: false,
      error: { code: 'internal', message: `Stint could not complete ${name}. Nothing was lost; the details are in the log.`, messageId: 'refusal.internal', values: { call: name } },
    }
  }
}
