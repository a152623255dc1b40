// Redmine: verified against a real system (Debian's Redmine 5.0, tests/integration/ticket-systems/redmine.test.ts).
// A write is a time entry (POST /time_entries.json): the issue, the day, hours with six
// decimals (Redmine stores them as sent, so whole minutes stay whole; its pages and API show
// two decimals), the mapped activity,
// the user when mapped (booking for someone else needs an admin's API key, or the
// "log time for other users" permission), and a comment that ends with Stint's marker
// (Redmine keeps at most 1024 characters: the description is shortened, never the marker).
// `find` lists the issue's time entries, every page; `reverse` deletes the entry (404 counts
// as already gone).
import { TicketSystemError, type TicketConnector, type TimeWrite, type WrittenTime } from './connector'
import { createHttpClient, hasMarker, pageUnderBase, trimSlash, withMarker, type FetchLike, type ReasonReader } from './http'

export interface RedmineConfig {
  readonly kind: 'redmine'
  readonly baseUrl: string
  readonly apiKey: string
}

const COMMENT_MAX = 1024
const PAGE = 100

/** Redmine answers `{ "errors": ["Activity cannot be blank", …] }`. */
const redmineReason: ReasonReader = (body) => {
  if (body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)) {
    const errors = (body as { errors: unknown[] }).errors.filter((item): item is string => typeof item === 'string')
    if (errors.length > 0) return errors.join('; ') + '.'
  }
  return null
}

interface RedmineEntry {
  id: number
  comments?: string
  issue?: { id: number }
}

export function redmineTicketId(baseUrl: string, url: string): string | null {
  const page = pageUnderBase(baseUrl, url)
  const match = page ? /^\/issues\/(\d+)(?:\/.*)?$/.exec(page.path) : null
  return match?.[1] ?? null
}

export function createRedmineConnector(config: RedmineConfig, fetchImpl?: FetchLike, timeoutMs?: number): TicketConnector {
  const base = trimSlash(config.baseUrl)
  const http = createHttpClient({ system: 'Redmine', baseUrl: base, headers: () => ({ 'X-Redmine-API-Key': config.apiKey }), reason: redmineReason, fetchImpl, timeoutMs })
  const pageOf = (ticketId: string): string => `${base}/issues/${encodeURIComponent(ticketId)}/time_entries`

  async function entries(ticketId: string): Promise<RedmineEntry[]> {
    const all: RedmineEntry[] = []
    for (let offset = 0; ; offset += PAGE) {
      const { body } = await http.request('GET', `/time_entries.json?issue_id=${encodeURIComponent(ticketId)}&limit=${PAGE}&offset=${offset}`)
      const page = body as { time_entries?: RedmineEntry[]; total_count?: number }
      const listed = page.time_entries ?? []
      all.push(...listed)
      if (listed.length < PAGE || all.length >= (page.total_count ?? 0)) return all
    }
  }

  return {
    kind: 'redmine',
    ticketIdFromUrl: (url) => redmineTicketId(base, url),
    async write(time: TimeWrite): Promise<WrittenTime> {
      if (!/^\d+$/.test(time.ticketId)) throw new TicketSystemError('refused', `“${time.ticketId}” is not a Redmine issue number.`)
      const entry: Record<string, unknown> = {
        issue_id: Number(time.ticketId),
        spent_on: time.day,
        hours: Number((time.seconds / 3600).toFixed(6)),
        comments: withMarker(time.comment, time.writeKey, COMMENT_MAX),
      }
      if (time.activityId !== null) entry['activity_id'] = Number(time.activityId)
      if (time.userId !== null) entry['user_id'] = Number(time.userId)
      const { body } = await http.request('POST', '/time_entries.json', { json: { time_entry: entry } })
      const id = (body as { time_entry?: { id?: number } } | null)?.time_entry?.id
      if (typeof id !== 'number') throw new TicketSystemError('unavailable', 'Redmine answered without the new time entry’s id.')
      return { externalId: String(id), url: pageOf(time.ticketId) }
    },
    async find(writeKey, ticketId) {
      const found = (await entries(ticketId)).find((entry) => hasMarker(entry.comments, writeKey))
      return found ? { externalId: String(found.id), url: pageOf(ticketId) } : null
    },
    async reverse(written) {
      await http.request('DELETE', `/time_entries/${encodeURIComponent(written.externalId)}.json`, { okStatuses: [404] })
    },
    async reversed(written) {
      const { status } = await http.request('GET', `/time_entries/${encodeURIComponent(written.externalId)}.json`, { okStatuses: [404] })
      return status === 404
    },
    async activities() {
      const { body } = await http.request('GET', '/enumerations/time_entry_activities.json')
      const listed = (body as { time_entry_activities?: { id: number; name: string; active?: boolean }[] }).time_entry_activities ?? []
      return listed.filter((activity) => activity.active !== false).map((activity) => ({ id: String(activity.id), name: activity.name }))
    },
    async userByEmail(email) {
      // Needs an admin's key; Redmine's `name` filter matches login, names and email.
      const wanted = email.trim().toLowerCase()
      const { body } = await http.request('GET', `/users.json?name=${encodeURIComponent(wanted)}&limit=${PAGE}`)
      const users = (body as { users?: { id: number; login: string; firstname: string; lastname: string; mail?: string }[] }).users ?? []
      const user = users.find((candidate) => candidate.mail?.toLowerCase() === wanted)
      return user ? { id: String(user.id), name: `${user.firstname} ${user.lastname}`.trim() || user.login } : null
    },
  }
}
