// How the service worker asks a ticket system itself whether a ticket is closed, with the
// user's own browser session (fetch with credentials: 'include' to an origin the extension
// has host permission for; nothing is stored). Each answer is read like any input: anything
// not exactly understood (a login page, an error, another ticket) is "unknown", and an
// unknown answer never stops a timer.
//
// - Redmine (verified against the real Redmine 5.0): the issue page itself, /issues/<id>.
//   Redmine's JSON API does not accept the browser's session (for .json requests it reads
//   only an API key or Basic auth, see ApplicationController#find_current_user), so the
//   page is read: its body is controller-issues action-show, its heading ends "#<id>",
//   and a closed status adds the class "closed" to div.issue.details (as the page adapter reads it).
// - Request Tracker (verified against the real RT 5.0): REST2 GET /REST/2.0/ticket/<id>, which
//   accepts the web session's cookie for GET; inactive statuses (resolved, rejected,
//   deleted) are closed. Without a session RT redirects to its login page: unknown.
// - Jira (documented, NOT verified): GET /rest/api/2/issue/<key>?fields=status answers the
//   browser's session; the status category "done" is closed.
// - Zammad (documented, NOT verified): GET /api/v1/tickets/<id>?expand=true answers the
//   web app's session; the states closed and merged are closed.
// - GLPI, Freshdesk and HaloPSA cannot be asked with a browser session (GLPI's API wants a
//   session token from initSession, Freshdesk's an API key, HaloPSA's an OAuth token): for
//   them only an open ticket page is seen.
import { z } from 'zod'
import type { SystemKind } from './kinds'

export type TicketStatus = 'open' | 'closed' | 'unknown'

export interface StatusQuery {
  /** The address asked (same origin as the ticket's page). */
  readonly url: string
  readonly accept: string
  /** Reads the answer's body (only of a 200 answer that was not redirected). */
  read(body: string): TicketStatus
}

const INACTIVE_RT = new Set(['resolved', 'rejected', 'deleted'])
const CLOSED_ZAMMAD = new Set(['closed', 'merged'])

const classesOf = (attribute: string): Set<string> => new Set(attribute.split(/\s+/).filter((c) => c !== ''))

/** Redmine's issue page for issue `id`: closed, open, or unknown when it is not that page. */
export function readRedmineIssuePage(html: string, id: string): TicketStatus {
  const body = /<body\b[^>]*\bclass="([^"]*)"/i.exec(html)
  const bodyClasses = classesOf(body?.[1] ?? '')
  if (!bodyClasses.has('controller-issues') || !bodyClasses.has('action-show')) return 'unknown'
  const heading = /<h2\b[^>]*>([^<]*)<\/h2>/i.exec(html)
  if (!heading || !new RegExp(`#${id}\\s*$`).test(heading[1] ?? '')) return 'unknown'
  for (const div of html.matchAll(/<div\b[^>]*\bclass="([^"]*)"/gi)) {
    const classes = classesOf(div[1] ?? '')
    if (classes.has('issue') && classes.has('details')) return classes.has('closed') ? 'closed' : 'open'
  }
  return 'unknown'
}

function readJson<T>(body: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(body))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

const RtTicket = z.object({ id: z.union([z.number().int(), z.string().regex(/^\d+$/)]), Status: z.string().min(1).max(64) })
const JiraIssue = z.object({ key: z.string().max(100), fields: z.object({ status: z.object({ statusCategory: z.object({ key: z.string().max(40) }) }) }) })
const ZammadTicket = z.object({ id: z.number().int(), state: z.string().min(1).max(100) })

export function readRtTicket(body: string, id: string): TicketStatus {
  const ticket = readJson(body, RtTicket)
  if (!ticket || String(ticket.id) !== id) return 'unknown'
  return INACTIVE_RT.has(ticket.Status.toLowerCase()) ? 'closed' : 'open'
}

export function readJiraIssue(body: string, key: string): TicketStatus {
  const issue = readJson(body, JiraIssue)
  if (!issue || issue.key.toUpperCase() !== key.toUpperCase()) return 'unknown'
  return issue.fields.status.statusCategory.key === 'done' ? 'closed' : 'open'
}

export function readZammadTicket(body: string, id: string): TicketStatus {
  const ticket = readJson(body, ZammadTicket)
  if (!ticket || String(ticket.id) !== id) return 'unknown'
  return CLOSED_ZAMMAD.has(ticket.state.toLowerCase()) ? 'closed' : 'open'
}

const JSON_ACCEPT = 'application/json'

/** How to ask the system about the ticket on `page` (a ticket page as its adapter made it canonical), or null when it cannot be asked. */
export function statusQueryOf(kind: SystemKind, page: string): StatusQuery | null {
  let url: URL
  try {
    url = new URL(page)
  } catch {
    return null
  }
  switch (kind) {
    case 'redmine': {
      const match = /^(.*)\/issues\/(\d+)$/.exec(url.pathname)
      if (!match || url.search !== '') return null
      const id = match[2] ?? ''
      return { url: `${url.origin}${match[1] ?? ''}/issues/${id}`, accept: 'text/html', read: (body) => readRedmineIssuePage(body, id) }
    }
    case 'rt': {
      const match = /^(.*)\/Ticket\/Display\.html$/.exec(url.pathname)
      const id = url.searchParams.get('id') ?? ''
      if (!match || !/^\d+$/.test(id)) return null
      return { url: `${url.origin}${match[1] ?? ''}/REST/2.0/ticket/${id}`, accept: JSON_ACCEPT, read: (body) => readRtTicket(body, id) }
    }
    case 'jira': {
      const match = /^(.*)\/browse\/([A-Z][A-Z0-9_]+-\d+)$/.exec(url.pathname)
      if (!match) return null
      const key = match[2] ?? ''
      return { url: `${url.origin}${match[1] ?? ''}/rest/api/2/issue/${key}?fields=status`, accept: JSON_ACCEPT, read: (body) => readJiraIssue(body, key) }
    }
    case 'zammad': {
      const id = /^#ticket\/zoom\/(\d+)$/.exec(url.hash)?.[1]
      if (id === undefined) return null
      const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
      return { url: `${url.origin}${base}api/v1/tickets/${id}?expand=true`, accept: JSON_ACCEPT, read: (body) => readZammadTicket(body, id) }
    }
    case 'glpi':
    case 'freshdesk':
    case 'halopsa':
      return null
  }
}

/** Whether the system's tickets can be asked about at all (the options page says so). */
export function canAskSystem(kind: SystemKind): boolean {
  return kind === 'redmine' || kind === 'rt' || kind === 'jira' || kind === 'zammad'
}

/** Asks; any failure (network, 401, a login page, a redirect, an answer not understood) is "unknown". */
export async function askTicketStatus(query: StatusQuery, fetcher: typeof fetch, timeoutMs = 20_000): Promise<TicketStatus> {
  try {
    // Never an answer from the HTTP cache (a variable: Node's RequestInit type has no `cache`).
    const init = { credentials: 'include' as const, cache: 'no-store' as const, headers: { Accept: query.accept }, signal: AbortSignal.timeout(timeoutMs) }
    const response = await fetcher(query.url, init)
    if (response.status !== 200 || response.redirected) return 'unknown'
    const length = Number(response.headers.get('content-length') ?? '0')
    if (length > 5_000_000) return 'unknown'
    const body = await response.text()
    return body.length > 5_000_000 ? 'unknown' : query.read(body)
  } catch {
    return 'unknown'
  }
}
