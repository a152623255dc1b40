// Talking to the team server over HTTPS (or HTTP on 127.0.0.1). Every answer is parsed
// with the shared schemas; failures come back as a TransportError whose kind tells the
// engine whether to retry later (offline, server trouble) or to stop and ask the user
// (the token was refused).
import { z } from 'zod'
import { ReportResultSchema, type ReportQueryInput, type ReportResult } from '@shared/reports'
import { ApprovalDetailSchema, ApprovalQueueSchema, DecisionResultSchema, type ApprovalDetail, type ApprovalQueueItem, type DecisionResult } from '@shared/approvals'
import { MeResponseSchema, PullResponseSchema, PushResponseSchema, type MeResponse, type PullResponse, type PushRequest, type PushResponse } from '@shared/sync'

export type TransportErrorKind = 'offline' | 'unauthorized' | 'refused' | 'server'

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

export interface SyncTransport {
  me(): Promise<MeResponse>
  push(request: PushRequest): Promise<PushResponse>
  pull(after: number, limit: number): Promise<PullResponse>
  approvalQueue(): Promise<ApprovalQueueItem[]>
  approvalDetail(periodId: string): Promise<ApprovalDetail>
  approve(periodIds: string[]): Promise<DecisionResult>
  reject(periodId: string, reason: string): Promise<DecisionResult>
  teamReport(query: ReportQueryInput): Promise<ReportResult>
}

const REQUEST_TIMEOUT_MS = 20_000
const ErrorBodySchema = z.object({ error: z.object({ message: z.string() }) })

/** The server's address as the user typed it, checked: http(s) only, and plain http only to this machine. */
export function serverUrlProblem(text: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `"${text}" is not a web address; it looks like https://timesheets.example.com.`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `A team server address starts with https:// (this one starts with ${url.protocol}//).`
  if (url.username || url.password) return 'Put the token in the token field, not in the address.'
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol === 'http:' && !local) return 'Use https:// for a server on another machine: the token must not cross the network in the clear.'
  return null
}

export function httpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): SyncTransport {
  const base = baseUrl.replace(/\/+$/, '')
  async function call<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    let response: Response
    try {
      response = await fetchImpl(`${base}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: 'error',
      })
    } catch (error) {
      throw new TransportError('offline', `The team server at ${base} cannot be reached (${(error as Error).message}).`)
    }
    const text = await response.text()
    if (!response.ok) {
      const parsed = ErrorBodySchema.safeParse(safeJson(text))
      const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`
      if (response.status === 401 || response.status === 403) throw new TransportError('unauthorized', `The team server refused the token: ${message}`)
      if (response.status === 429 || response.status >= 500) throw new TransportError('server', `The team server could not answer now: ${message}`)
      throw new TransportError('refused', `The team server refused the request: ${message}`)
    }
    const parsed = schema.safeParse(safeJson(text))
    if (!parsed.success) throw new TransportError('server', `The team server's answer to ${path} was not understood; is ${base} a Stint team server of a matching version?`)
    return parsed.data
  }
  return {
    me: () => call('/v1/me', MeResponseSchema),
    push: (request) => call('/v1/sync/push', PushResponseSchema, { method: 'POST', body: JSON.stringify(request) }),
    pull: (after, limit) => call(`/v1/sync/pull?after=${after}&limit=${limit}`, PullResponseSchema),
    approvalQueue: async () => (await call('/v1/approvals', ApprovalQueueSchema)).items,
    approvalDetail: (periodId) => call(`/v1/approvals/${encodeURIComponent(periodId)}`, ApprovalDetailSchema),
    approve: (periodIds) => call('/v1/approvals/approve', DecisionResultSchema, { method: 'POST', body: JSON.stringify({ periodIds }) }),
    reject: (periodId, reason) => call('/v1/approvals/reject', DecisionResultSchema, { method: 'POST', body: JSON.stringify({ periodId, reason }) }),
    teamReport: (query) => call('/v1/reports', ReportResultSchema, { method: 'POST', body: JSON.stringify(query) }),
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}
