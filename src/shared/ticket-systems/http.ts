// What every connector shares: one HTTP request with a timeout, its failures sorted into
// the contract's kinds (network errors, timeouts, 5xx and 429 → unavailable, keeping
// Retry-After; other 4xx → refused with the system's own reason trimmed to a sentence),
// Stint's write-key marker in what a system stores, and ticket page URLs under a base URL.
// Messages never carry credentials: only the method, the path (never the query) and the
// system's reason.
// src/shared compiles without DOM or Node types, yet every Stint runtime (Node, Chromium)
// has WHATWG fetch, URL, AbortSignal and setTimeout; these are the parts used here.
import { TicketSystemError } from './connector'

export interface FetchResponse {
  readonly status: number
  readonly headers: { get(name: string): string | null }
  text(): Promise<string>
}
export interface FetchInit {
  method: string
  headers: Record<string, string>
  body?: string
  signal?: unknown
  redirect?: 'manual' | 'follow' | 'error'
}
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>

interface WhatwgUrl {
  readonly protocol: string
  readonly host: string
  readonly pathname: string
  readonly hash: string
  readonly searchParams: { get(name: string): string | null }
}
declare const URL: new (input: string) => WhatwgUrl
declare const fetch: FetchLike
declare const AbortSignal: { timeout(ms: number): unknown }

export const DEFAULT_TIMEOUT_MS = 20_000

export interface HttpClient {
  /** Sends one request; answers the parsed JSON body (null when empty) of a 2xx, or throws a TicketSystemError. */
  request(method: string, path: string, options?: { headers?: Record<string, string>; json?: unknown; okStatuses?: readonly number[] }): Promise<{ status: number; body: unknown }>
}

/** The system's reason in an error body, per system (Redmine's `errors`, RT's `message`…). */
export type ReasonReader = (body: unknown) => string | null

export function createHttpClient(options: {
  system: string
  baseUrl: string
  headers: () => Record<string, string>
  reason: ReasonReader
  fetchImpl?: FetchLike | undefined
  timeoutMs?: number | undefined
}): HttpClient {
  const fetchImpl = options.fetchImpl ?? ((url: string, init: FetchInit) => fetch(url, init))
  const base = trimSlash(options.baseUrl)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return {
    async request(method, path, request = {}) {
      const where = `${options.system} ${method} ${path.split('?')[0]}`
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers(), ...request.headers }
      if (request.json !== undefined) headers['Content-Type'] = 'application/json'
      let response: FetchResponse
      let text: string
      try {
        response = await fetchImpl(base + path, {
          method,
          headers,
          ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'manual',
        })
        text = await response.text()
      } catch (error) {
        const name = error instanceof Error ? error.name : ''
        const within = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`
        const why = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${within}` : 'could not connect'
        throw new TicketSystemError('unavailable', `${options.system} is unreachable (${why}).`)
      }
      const body = parseJson(text)
      const status = response.status
      if ((status >= 200 && status < 300) || request.okStatuses?.includes(status)) return { status, body }
      if (status === 429 || status >= 500) {
        const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'))
        const reason = status === 429 ? 'too many requests' : `server error ${status}`
        throw new TicketSystemError('unavailable', `${options.system} answered ${reason}${retryAfter === null ? '' : `; retry after ${retryAfter} s`}.`, status, retryAfter)
      }
      if (status >= 300 && status < 400) throw new TicketSystemError('refused', `${where}: redirected (${status}); check the base URL.`, status)
      const reason = options.reason(body) ?? (typeof body === 'string' ? body : null) ?? defaultReason(status)
      throw new TicketSystemError('refused', oneSentence(reason), status)
    },
  }
}

function defaultReason(status: number): string {
  if (status === 401) return 'The credentials were not accepted.'
  if (status === 403) return 'The account may not do this.'
  if (status === 404) return 'Not found.'
  return `Refused (HTTP ${status}).`
}

function parseJson(text: string): unknown {
  if (!text.trim()) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text.replace(/<[^>]*>/g, ' ')
  }
}

/** Retry-After in seconds: a number of seconds, or an HTTP date (then relative to now); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

/** A system's reason cut to its first sentence (at most 300 characters), whitespace collapsed. */
export function oneSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const end = /[.!?](\s|$)/.exec(flat)
  const sentence = end ? flat.slice(0, end.index + 1) : flat
  return sentence.length > 300 ? sentence.slice(0, 299) + '…' : sentence || 'Refused.'
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

/** The marker a write carries in what the system stores: ` [stint:<key>]`. */
export function marker(key: string): string {
  return `[stint:${key}]`
}

/** `text` ending with the key's marker, in at most `max` characters: the text is shortened (…), never the marker. */
export function withMarker(text: string, key: string, max = Number.POSITIVE_INFINITY): string {
  const tail = marker(key)
  const room = max - tail.length - 1
  let head = text.replace(/\s+/g, ' ').trim()
  if (head.length > room) head = room > 1 ? head.slice(0, room - 1).trimEnd() + '…' : ''
  return head ? `${head} ${tail}` : tail
}

export function hasMarker(text: unknown, key: string): boolean {
  if (typeof text !== 'string') return false
  const plain = marker(key)
  return text.includes(plain) || text.includes(escapeHtml(plain))
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;').replace(/\//g, '&#x2F;')
}

/**
 * `url` read as a page under `baseUrl` (same scheme and host, under its path): the path
 * after the base's path (starting with "/"), its query and its fragment; null otherwise.
 */
export function pageUnderBase(baseUrl: string, url: string): { path: string; query: { get(name: string): string | null }; hash: string } | null {
  let base: WhatwgUrl
  let page: WhatwgUrl
  try {
    base = new URL(trimSlash(baseUrl) + '/')
    page = new URL(url)
  } catch {
    return null
  }
  if (base.protocol !== page.protocol || base.host.toLowerCase() !== page.host.toLowerCase()) return null
  const prefix = base.pathname.replace(/\/+$/, '')
  if (prefix && page.pathname !== prefix && !page.pathname.startsWith(prefix + '/')) return null
  return { path: page.pathname.slice(prefix.length) || '/', query: page.searchParams, hash: page.hash }
}

/** Basic auth of a user and password (UTF-8), without btoa or Buffer. */
export function basicAuth(user: string, password: string): string {
  return 'Basic ' + base64(utf8(`${user}:${password}`))
}

function utf8(text: string): number[] {
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x80) bytes.push(code)
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63))
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63))
  }
  return bytes
}

function base64(bytes: number[]): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += alphabet.charAt((n >> 18) & 63) + alphabet.charAt((n >> 12) & 63)
    out += i + 1 < bytes.length ? alphabet.charAt((n >> 6) & 63) : '='
    out += i + 2 < bytes.length ? alphabet.charAt(n & 63) : '='
  }
  return out
}

/** A reason from the common shapes: `{ message }`, `{ error }`, `{ errors: [...] }`, `{ errorMessages: [...] }`. */
export function commonReason(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null
  const record = body as Record<string, unknown>
  for (const key of ['message', 'error', 'description']) {
    if (typeof record[key] === 'string' && record[key]) return record[key]
  }
  for (const key of ['errors', 'errorMessages']) {
    const list = record[key]
    if (Array.isArray(list) && list.length > 0) return list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; ')
  }
  return null
}
