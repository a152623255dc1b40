// Jira: from the documented API, not verified against a real system
// (Jira Cloud REST v3 and Jira Data Center REST v2: issue worklogs, worklog properties).
// Cloud signs in with an email and API token (basic auth) and speaks v3 (comments in
// Atlassian Document Format); Data Center with a personal access token (Bearer) and v2
// (plain comments). A write is a worklog (POST /issue/:key/worklog?notifyUsers=false&
// adjustEstimate=leave) with timeSpentSeconds, started (the first run's start when it falls
// on the entry's day, else noon UTC of that day) and an entity property `stint` holding
// the write key, as well as the marker at the end of the comment. `find` lists the issue's
// worklogs (every page) with their properties. `reverse` deletes the worklog (404: gone).
// Jira records the worklog's author as the caller: the mapped user is not used; Jira has no
// activities.
import { TicketSystemError, type TicketConnector, type TimeWrite, type WrittenTime } from './connector'
import { basicAuth, createHttpClient, hasMarker, pageUnderBase, trimSlash, withMarker, type FetchLike, type ReasonReader } from './http'

export type JiraConfig =
  | { readonly kind: 'jira'; readonly baseUrl: string; readonly email: string; readonly apiToken: string }
  | { readonly kind: 'jira'; readonly baseUrl: string; readonly personalAccessToken: string }

export const JIRA_PROPERTY = 'stint'
const PAGE = 100
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/

/** Jira answers `{ "errorMessages": [...], "errors": { "field": "message" } }`. */
const jiraReason: ReasonReader = (body) => {
  if (!body || typeof body !== 'object') return null
  const { errorMessages, errors, message } = body as { errorMessages?: unknown; errors?: unknown; message?: unknown }
  const texts = Array.isArray(errorMessages) ? errorMessages.filter((text): text is string => typeof text === 'string') : []
  if (errors && typeof errors === 'object') texts.push(...Object.values(errors).filter((text): text is string => typeof text === 'string'))
  if (typeof message === 'string') texts.push(message)
  return texts.length > 0 ? texts.join(' ') : null
}

export function jiraTicketId(baseUrl: string, url: string): string | null {
  const page = pageUnderBase(baseUrl, url)
  if (!page) return null
  const browse = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)\/?$/.exec(page.path)
  if (browse) return browse[1] ?? null
  const selected = page.query.get('selectedIssue')
  return selected && ISSUE_KEY.test(selected) ? selected : null
}

/** Jira's `started`: the run's start when it is on the entry's day (UTC), else noon UTC of that day. */
export function jiraStarted(day: string, startedAt: number | null): string {
  if (startedAt !== null) {
    const iso = new Date(startedAt).toISOString()
    if (iso.slice(0, 10) === day) return iso.replace('Z', '+0000')
  }
  return `${day}T12:00:00.000+0000`
}

interface Worklog {
  id: string
  comment?: unknown
  properties?: { key: string; value?: { writeKey?: string } }[]
}

export function createJiraConnector(config: JiraConfig, fetchImpl?: FetchLike, timeoutMs?: number): TicketConnector {
  const base = trimSlash(config.baseUrl)
  const cloud = 'apiToken' in config
  const authorization = cloud ? basicAuth(config.email, config.apiToken) : `Bearer ${config.personalAccessToken}`
  const http = createHttpClient({ system: 'Jira', baseUrl: `${base}/rest/api/${cloud ? 3 : 2}`, headers: () => ({ Authorization: authorization }), reason: jiraReason, fetchImpl, timeoutMs })
  const issuePath = (key: string): string => {
    if (!ISSUE_KEY.test(key) && !/^\d+$/.test(key)) throw new TicketSystemError('refused', `“${key}” is not a Jira issue key.`)
    return `/issue/${key}`
  }
  const pageOf = (key: string, worklogId: string): string => `${base}/browse/${key}?focusedWorklogId=${worklogId}`
  const commentOf = (text: string): unknown =>
    cloud ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } : text

  return {
    kind: 'jira',
    ticketIdFromUrl: (url) => jiraTicketId(base, url),
    async write(time: TimeWrite): Promise<WrittenTime> {
      const { body } = await http.request('POST', `${issuePath(time.ticketId)}/worklog?notifyUsers=false&adjustEstimate=leave`, {
        json: {
          timeSpentSeconds: Math.round(time.seconds),
          started: jiraStarted(time.day, time.startedAt),
          comment: commentOf(withMarker(time.comment, time.writeKey)),
          properties: [{ key: JIRA_PROPERTY, value: { writeKey: time.writeKey } }],
        },
      })
      const id = (body as { id?: string | number } | null)?.id
      if (id === undefined) throw new TicketSystemError('unavailable', 'Jira answered without the new worklog’s id.')
      return { externalId: String(id), url: pageOf(time.ticketId, String(id)) }
    },
    async find(writeKey, ticketId) {
      for (let startAt = 0; ; startAt += PAGE) {
        const { body } = await http.request('GET', `${issuePath(ticketId)}/worklog?startAt=${startAt}&maxResults=${PAGE}&expand=properties`)
        const page = body as { worklogs?: Worklog[]; total?: number }
        const worklogs = page.worklogs ?? []
        const found = worklogs.find(
          (log) => log.properties?.some((p) => p.key === JIRA_PROPERTY && p.value?.writeKey === writeKey) || hasMarker(JSON.stringify(log.comment ?? ''), writeKey),
        )
        if (found) return { externalId: found.id, url: pageOf(ticketId, found.id) }
        if (worklogs.length === 0 || startAt + worklogs.length >= (page.total ?? 0)) return null
      }
    },
    async reverse(written, time) {
      await http.request('DELETE', `${issuePath(time.ticketId)}/worklog/${encodeURIComponent(written.externalId)}?notifyUsers=false&adjustEstimate=leave`, { okStatuses: [404] })
    },
    async reversed(written, time) {
      const { status } = await http.request('GET', `${issuePath(time.ticketId)}/worklog/${encodeURIComponent(written.externalId)}`, { okStatuses: [404] })
      return status === 404
    },
    activities: () => Promise.resolve([]),
    async userByEmail(email) {
      const wanted = email.trim().toLowerCase()
      const query = cloud ? `query=${encodeURIComponent(wanted)}` : `username=${encodeURIComponent(wanted)}`
      const { body } = await http.request('GET', `/user/search?${query}&maxResults=10`)
      const users = (body as { accountId?: string; name?: string; key?: string; displayName?: string; emailAddress?: string }[] | null) ?? []
      const user = users.find((u) => u.emailAddress?.toLowerCase() === wanted)
      const id = user ? (cloud ? user.accountId : (user.name ?? user.key)) : undefined
      return user && id ? { id, name: user.displayName ?? id } : null
    },
  }
}
