// Talking to the team server over HTTPS (or HTTP on 127.0.0.1). Every answer is parsed
// with the shared schemas; failures come back as a TransportError whose kind tells the
// engine what happened: the server cannot be reached (offline), it refused the token
// (unauthorized), it asked to wait (throttled, with its Retry-After), it refused the
// request (refused, 4xx) or it failed on it (server, 5xx or an answer not understood).
// The status, the server's reasons by field and its Retry-After travel along, so the
// engine can tell a batch the server cannot take from a server that cannot take anything.
import { TicketWriteStatusAnswerSchema, type TicketWriteStatus } from '@shared/ticket-systems/write-status'
import { z } from 'zod'
import { ContractUsageSchema, ReportResultSchema, type ContractUsage, type ContractUsageQueryInput, type ReportQueryInput, type ReportResult } from '@shared/reports'
import { MonthViewResultSchema, type MonthViewQueryInput, type MonthViewResult } from '@shared/month-views'
import { ApprovalDetailSchema, ApprovalQueueSchema, DecisionResultSchema, type ApprovalDetail, type ApprovalQueueItem, type DecisionResult } from '@shared/approvals'
import { MeResponseSchema, PullResponseSchema, PushResponseSchema, type MeResponse, type PullResponse, type PushRequest, type PushResponse } from '@shared/sync'
import type { ExportRequest } from '@shared/exports'
import { isRefusalId, refusalText, type Refusal, type RefusalId } from '@shared/i18n/refusal-text'
import { ENGLISH } from '@shared/i18n/translator'

export type TransportErrorKind = 'offline' | 'unauthorized' | 'throttled' | 'refused' | 'server'

/** The API error code a transport failure is answered with when a call needs the team server. */
export const TRANSPORT_ERROR_CODE = { offline: 'unavailable', server: 'unavailable', throttled: 'unavailable', unauthorized: 'forbidden', refused: 'invalid_request' } as const satisfies Record<
  TransportErrorKind,
  string
>

/** What the server said besides its sentence: the HTTP status, its reasons by field, how long it asked to wait. */
export interface TransportErrorDetails {
  status?: number
  /** The server's reason without the transport's framing ("… nothing was changed: mutations.3.entry.day: …"). */
  serverMessage?: string
  issues?: readonly { path: string; message: string }[]
  retryAfterMs?: number
  /** What the device says, by id, when the server's refusal has one this build knows: framed as the team server's. */
  refusal?: Refusal
}

export class TransportError extends Error {
  readonly status: number | null
  readonly serverMessage: string | null
  readonly issues: readonly { path: string; message: string }[]
  readonly retryAfterMs: number | null
  readonly refusal: Refusal | undefined

  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    details: TransportErrorDetails = {},
  ) {
    super(message)
    this.name = 'TransportError'
    this.status = details.status ?? null
    this.serverMessage = details.serverMessage ?? null
    this.issues = details.issues ?? []
    this.retryAfterMs = details.retryAfterMs ?? null
    this.refusal = details.refusal
  }
}

export interface SyncTransport {
  /** Who the token is; with `after` (the device's cursor), whether the server's database is behind it. */
  me(after?: string): Promise<MeResponse>
  push(request: PushRequest): Promise<PushResponse>
  /** `after`: the cursor of the last pull, as the server gave it (sync-cursor.ts). */
  pull(after: string, limit: number): Promise<PullResponse>
  approvalQueue(): Promise<ApprovalQueueItem[]>
  approvalDetail(periodId: string): Promise<ApprovalDetail>
  approve(periodIds: string[]): Promise<DecisionResult>
  reject(periodId: string, reason: string): Promise<DecisionResult>
  teamReport(query: ReportQueryInput): Promise<ReportResult>
  /** A month view of the time the caller may see on the team server. */
  teamMonth(query: MonthViewQueryInput): Promise<MonthViewResult>
  /** Contract usage of a month over the time the caller may see (all of it for an administrator). */
  teamContractUsage(query: ContractUsageQueryInput): Promise<ContractUsage>
  /** A CSV export of the team's time: the server's bytes as they arrive (a refusal throws before the first). */
  exportCsv(request: Pick<ExportRequest, 'what' | 'bom' | 'format'> & Partial<Pick<ExportRequest, 'file' | 'language'>>, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>
  /** Where the caller's entries of a span of days stand on their tickets. */
  ticketWrites(from: string, to: string): Promise<TicketWriteStatus[]>
}

const REQUEST_TIMEOUT_MS = 20_000
const ErrorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    messageId: z.string().optional(),
    values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
})

/**
 * The server's refusal inside the device's framing ("The team server refused: …"), by id,
 * when this build knows the id; a refusal that already holds another (`refusal` in its
 * values) is passed on as it is, since one level of nesting is all values can carry. An id
 * this build does not know (or none, an older server's) frames the server's words as written.
 */
function framedRefusal(frame: RefusalId, body: z.infer<typeof ErrorBodySchema> | null, serverMessage: string): Refusal {
  const id = body?.error.messageId
  if (id === undefined || !isRefusalId(id)) return { id: frame, values: { refusal: serverMessage } }
  const values = body?.error.values ?? {}
  if ('refusal' in values) return { id, values }
  return { id: frame, values: { ...values, refusal: id } }
}

/** A transport failure whose sentence is the refusal's English (the log's); the refusal travels with it for the window. */
function refusalError(kind: TransportErrorKind, refusal: Refusal, details: TransportErrorDetails = {}): TransportError {
  return new TransportError(kind, refusalText(refusal.id, refusal.values, ENGLISH, 'log') ?? refusal.id, { ...details, refusal })
}

/** Retry-After as seconds or as an HTTP date, in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/** The server's address as the user typed it, checked: http(s) only, and plain http only to this machine. */
export function serverUrlProblem(text: string): Refusal | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { id: 'refusal.serverUrl.notAnAddress', values: { text } }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { id: 'refusal.serverUrl.scheme', values: { scheme: url.protocol } }
  if (url.username || url.password) return { id: 'refusal.serverUrl.credentials' }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol === 'http:' && !local) return { id: 'refusal.serverUrl.plainHttp' }
  return null
}

export function httpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '')
  async function send(path: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    let response: Response
    try {
      response = await fetchImpl(`${base}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
        signal,
        redirect: 'error',
      })
    } catch (error) {
      throw refusalError('offline', { id: 'refusal.transport.offline', values: { server: base, reason: (error as Error).message } })
    }
    if (!response.ok) {
      const { status } = response
      const parsed = ErrorBodySchema.safeParse(safeJson(await response.text()))
      const serverMessage = parsed.success ? parsed.data.error.message : `HTTP ${status}`
      const wait = retryAfterMs(response.headers.get('retry-after'), Date.now())
      const details: TransportErrorDetails = { status, serverMessage, issues: parsed.success ? (parsed.data.error.issues ?? []) : [], ...(wait === null ? {} : { retryAfterMs: wait }) }
      const body = parsed.success ? parsed.data : null
      if (status === 401) throw new TransportError('unauthorized', `The team server refused the token: ${serverMessage}`, { ...details, refusal: framedRefusal('refusal.transport.tokenRefused', body, serverMessage) })
      // 403 is about this request, not the token: a member asking for someone else's time.
      if (status === 403) throw new TransportError('unauthorized', `The team server refused: ${serverMessage}`, { ...details, refusal: framedRefusal('refusal.server.refused', body, serverMessage) })
      if (status === 429) throw new TransportError('throttled', `The team server asked this device to wait: ${serverMessage}`, { ...details, refusal: framedRefusal('refusal.transport.askedToWait', body, serverMessage) })
      if (status >= 500) throw refusalError('server', { id: 'refusal.transport.serverProblem', values: { status, detail: withoutFullStop(serverMessage) } }, details)
      throw new TransportError('refused', `The team server refused the request: ${serverMessage}`, { ...details, refusal: framedRefusal('refusal.server.refusedRequest', body, serverMessage) })
    }
    return response
  }
  async function call<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    const response = await send(path, init, AbortSignal.timeout(REQUEST_TIMEOUT_MS))
    const text = await response.text()
    const parsed = schema.safeParse(safeJson(text))
    if (!parsed.success) throw refusalError('server', { id: 'refusal.transport.notUnderstood', values: { path, server: base } })
    return parsed.data
  }
  return {
    me: (after) => call(after === undefined ? '/v1/me' : `/v1/me?after=${encodeURIComponent(after)}`, MeResponseSchema),
    push: (request) => call('/v1/sync/push', PushResponseSchema, { method: 'POST', body: JSON.stringify(request) }),
    pull: (after, limit) => call(`/v1/sync/pull?after=${encodeURIComponent(after)}&limit=${limit}`, PullResponseSchema),
    approvalQueue: async () => (await call('/v1/approvals', ApprovalQueueSchema)).items,
    ticketWrites: async (from, to) => (await call(`/v1/ticket-writes?${new URLSearchParams({ from, to }).toString()}`, TicketWriteStatusAnswerSchema)).entries,
    approvalDetail: (periodId) => call(`/v1/approvals/${encodeURIComponent(periodId)}`, ApprovalDetailSchema),
    approve: (periodIds) => call('/v1/approvals/approve', DecisionResultSchema, { method: 'POST', body: JSON.stringify({ periodIds }) }),
    reject: (periodId, reason) => call('/v1/approvals/reject', DecisionResultSchema, { method: 'POST', body: JSON.stringify({ periodId, reason }) }),
    teamReport: (query) => call('/v1/reports', ReportResultSchema, { method: 'POST', body: JSON.stringify(query) }),
    teamMonth: (query) => call('/v1/reports/month', MonthViewResultSchema, { method: 'POST', body: JSON.stringify(query) }),
    teamContractUsage: ({ month, statuses }) => {
      const search = new URLSearchParams({ month })
      // One comma-separated parameter: a repeated one would arrive as a string when there is only one.
      if (statuses !== undefined) search.set('statuses', statuses.join(','))
      return call(`/v1/reports/contracts?${search.toString()}`, ContractUsageSchema)
    },
    exportCsv: async (request, signal) => {
      // A long export may stream for minutes: the time limit covers the wait for the answer to begin, not the body.
      const started = new AbortController()
      const timer = setTimeout(() => started.abort(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)), REQUEST_TIMEOUT_MS)
      const both = signal ? AbortSignal.any([started.signal, signal]) : started.signal
      try {
        const response = await send('/v1/exports/csv', { method: 'POST', body: JSON.stringify({ what: request.what, scope: 'team', bom: request.bom, ...(request.format === 'machine' ? {} : { format: request.format }), ...(request.file === 'xlsx' ? { file: 'xlsx', language: request.language } : {}) }) }, both)
        if (!response.body) throw refusalError('server', { id: 'refusal.transport.noCsv', values: { server: base } })
        return response.body
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

function withoutFullStop(text: string): string {
  return text.replace(/[.]+$/, '')
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}
