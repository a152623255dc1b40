// Request ids: each request's log lines carry one id, and the answer echoes it in
// X-Request-Id, so a technician's report ("push failed at 10:02, id …") finds its lines.
// A proxy or client may send its own id to tie its logs to ours; it is taken only when
// it is short and plain, so nobody can write arbitrary text into the log that way.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const REQUEST_ID_HEADER = 'x-request-id'
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** The incoming X-Request-Id when it is sane, else a fresh UUID. */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const given = request.headers[REQUEST_ID_HEADER]
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID()
}
