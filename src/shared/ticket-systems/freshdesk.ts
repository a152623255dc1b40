// Freshdesk: from the documented API, not verified against a real system (Freshdesk API v2:
// time entries, agents). Basic auth with the API key as the user and "X" as the password.
// A write is a time entry (POST /api/v2/tickets/:id/time_entries) with time_spent as
// "hh:mm" (Freshdesk keeps whole minutes: the billed seconds rounded to the nearest minute,
// at least one), executed_at, the mapped agent, billable, always `timer_running: false`,
// and a note ending with Stint's marker. `find` lists the ticket's time entries (every page)
// and matches the note. `reverse` deletes the time entry (404: gone). Freshdesk has no
// activities; a user is an agent found by email.
import { TicketSystemError, type TicketConnector, type TimeWrite, type WrittenTime } from './connector'
import { basicAuth, createHttpClient, hasMarker, pageUnderBase, trimSlash, withMarker, type FetchLike, type ReasonReader } from './http'

export interface FreshdeskConfig {
  readonly kind: 'freshdesk'
  readonly baseUrl: string
  readonly apiKey: string
}

const PAGE = 100

/** Freshdesk answers `{ "description": "Validation failed", "errors": [{ "field", "message", "code" }] }`. */
const freshdeskReason: ReasonReader = (body) => {
  if (!body || typeof body !== 'object') return null
  const { description, errors, message } = body as { description?: unknown; errors?: unknown; message?: unknown }
  const details = Array.isArray(errors)
    ? errors.map((error: { field?: string; message?: string }) => [error.field, error.message].filter(Boolean).join(': ')).filter(Boolean)
    : []
  if (details.length > 0) return `${typeof description === 'string' ? description + ': ' : ''}${details.join('; ')}`
  if (typeof description === 'string') return description
  return typeof message === 'string' ? message : null
}

export function freshdeskTicketId(baseUrl: string, url: string): string | null {
  const page = pageUnderBase(baseUrl, url)
  const match = page ? /^\/(?:a|helpdesk)\/tickets\/(\d+)(?:\/.*)?$/.exec(page.path) : null
  return match?.[1] ?? null
}

/** Freshdesk's time_spent: "hh:mm", whole minutes rounded to the nearest, at least one. */
export function freshdeskTimeSpent(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60))
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

export function createFreshdeskConnector(config: FreshdeskConfig, fetchImpl?: FetchLike, timeoutMs?: number): TicketConnector {
  const base = trimSlash(config.baseUrl)
  const authorization = basicAuth(config.apiKey, 'X')
  const http = createHttpClient({ system: 'Freshdesk', baseUrl: `${base}/api/v2`, headers: () => ({ Authorization: authorization }), reason: freshdeskReason, fetchImpl, timeoutMs })
  const ticketPath = (ticketId: string): string => {
    if (!/^\d+$/.test(ticketId)) throw new TicketSystemError('refused', `“${ticketId}” is not a Freshdesk ticket number.`)
    return `/tickets/${ticketId}`
  }
  const pageOf = (ticketId: string): string => `${base}/a/tickets/${encodeURIComponent(ticketId)}`

  return {
    kind: 'freshdesk',
    ticketIdFromUrl: (url) => freshdeskTicketId(base, url),
    async write(time: TimeWrite): Promise<WrittenTime> {
      const entry: Record<string, unknown> = {
        time_spent: freshdeskTimeSpent(time.seconds),
        executed_at: time.startedAt !== null && new Date(time.startedAt).toISOString().slice(0, 10) === time.day ? new Date(time.startedAt).toISOString().replace(/\.\d{3}Z$/, 'Z') : `${time.day}T12:00:00Z`,
        note: withMarker(time.comment, time.writeKey),
        billable: true,
        timer_running: false,
      }
      if (time.userId !== null) entry['agent_id'] = Number(time.userId)
      const { body } = await http.request('POST', `${ticketPath(time.ticketId)}/time_entries`, { json: entry })
      const id = (body as { id?: number } | null)?.id
      if (typeof id !== 'number') throw new TicketSystemError('unavailable', 'Freshdesk answered without the new time entry’s id.')
      return { externalId: String(id), url: pageOf(time.ticketId) }
    },
    async find(writeKey, ticketId) {
      const path = ticketPath(ticketId)
      for (let page = 1; ; page++) {
        const { body } = await http.request('GET', `${path}/time_entries?page=${page}&per_page=${PAGE}`)
        const entries = (body as { id: number; note?: string }[] | null) ?? []
        const found = entries.find((entry) => hasMarker(entry.note, writeKey))
        if (found) return { externalId: String(found.id), url: pageOf(ticketId) }
        if (entries.length < PAGE) return null
      }
    },
    async reverse(written) {
      await http.request('DELETE', `/time_entries/${encodeURIComponent(written.externalId)}`, { okStatuses: [404] })
    },
    async reversed(written, time) {
      // Freshdesk documents no single time entry to read: look through the ticket's.
      const path = ticketPath(time.ticketId)
      for (let page = 1; ; page++) {
        const { body } = await http.request('GET', `${path}/time_entries?page=${page}&per_page=${PAGE}`)
        const entries = (body as { id: number }[] | null) ?? []
        if (entries.some((entry) => String(entry.id) === written.externalId)) return false
        if (entries.length < PAGE) return true
      }
    },
    activities: () => Promise.resolve([]),
    async userByEmail(email) {
      const wanted = email.trim().toLowerCase()
      const { body } = await http.request('GET', `/agents?email=${encodeURIComponent(wanted)}`)
      const agent = ((body as { id: number; contact?: { name?: string; email?: string } }[] | null) ?? []).find((a) => a.contact?.email?.toLowerCase() === wanted)
      return agent ? { id: String(agent.id), name: agent.contact?.name ?? String(agent.id) } : null
    },
  }
}
