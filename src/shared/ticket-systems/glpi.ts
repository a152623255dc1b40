// GLPI: from the documented API, not verified against a real system (GLPI 9.5/10 legacy
// REST API, apirest.md: initSession, add/get/delete items and sub-items).
// The connector opens a session (GET /apirest.php/initSession with the App-Token and
// `Authorization: user_token …`) and sends its Session-Token after; a 401 opens a new one
// once. A write is a ticket task (POST /TicketTask, input: tickets_id, content ending with
// Stint's marker, actiontime in seconds, date, the mapped task category and technician).
// `find` lists the ticket's tasks (GET /Ticket/:id/TicketTask, in ranges of 100) and matches
// the marker in their content (GLPI may store it HTML-escaped). `reverse` purges the task.
// Activities are GLPI's task categories; a user is found through UserEmail.
import { TicketSystemError, type TicketConnector, type TimeWrite, type WrittenTime } from './connector'
import { createHttpClient, hasMarker, pageUnderBase, trimSlash, withMarker, type FetchLike, type HttpClient, type ReasonReader } from './http'

export interface GlpiConfig {
  readonly kind: 'glpi'
  readonly baseUrl: string
  readonly appToken: string
  readonly userToken: string
}

const RANGE = 100

/** GLPI answers errors as `["ERROR_CODE", "Human message"]`. */
const glpiReason: ReasonReader = (body) => {
  if (Array.isArray(body) && body.length > 0) return typeof body[1] === 'string' && body[1] ? body[1] : String(body[0])
  return null
}

export function glpiTicketId(baseUrl: string, url: string): string | null {
  const page = pageUnderBase(baseUrl, url)
  if (!page || page.path !== '/front/ticket.form.php') return null
  const id = page.query.get('id')
  return id && /^\d+$/.test(id) ? id : null
}

/** GLPI's datetime for a day: the run's start on that day (UTC), else 12:00 of it. */
function glpiDate(day: string, startedAt: number | null): string {
  const iso = startedAt === null ? '' : new Date(startedAt).toISOString()
  return iso.slice(0, 10) === day ? `${day} ${iso.slice(11, 19)}` : `${day} 12:00:00`
}

export function createGlpiConnector(config: GlpiConfig, fetchImpl?: FetchLike, timeoutMs?: number): TicketConnector {
  const base = trimSlash(config.baseUrl)
  let session: string | null = null
  const http = createHttpClient({
    system: 'GLPI',
    baseUrl: `${base}/apirest.php`,
    headers: () => ({ 'App-Token': config.appToken, ...(session ? { 'Session-Token': session } : {}) }),
    reason: glpiReason,
    fetchImpl,
    timeoutMs,
  })

  async function open(): Promise<void> {
    session = null
    const { body } = await http.request('GET', '/initSession', { headers: { Authorization: `user_token ${config.userToken}` } })
    const token = (body as { session_token?: string } | null)?.session_token
    if (!token) throw new TicketSystemError('refused', 'GLPI opened no session.')
    session = token
  }

  const call: HttpClient['request'] = async (method, path, options) => {
    if (!session) await open()
    try {
      return await http.request(method, path, options)
    } catch (error) {
      if (!(error instanceof TicketSystemError) || error.status !== 401) throw error
      await open()
      return http.request(method, path, options)
    }
  }
  const ticketNumber = (ticketId: string): number => {
    if (!/^\d+$/.test(ticketId)) throw new TicketSystemError('refused', `“${ticketId}” is not a GLPI ticket number.`)
    return Number(ticketId)
  }
  const pageOf = (ticketId: string): string => `${base}/front/ticket.form.php?id=${encodeURIComponent(ticketId)}`

  return {
    kind: 'glpi',
    ticketIdFromUrl: (url) => glpiTicketId(base, url),
    async write(time: TimeWrite): Promise<WrittenTime> {
      const input: Record<string, unknown> = {
        tickets_id: ticketNumber(time.ticketId),
        content: withMarker(time.comment || 'Time from Stint', time.writeKey),
        actiontime: Math.round(time.seconds),
        date: glpiDate(time.day, time.startedAt),
        is_private: 0,
      }
      if (time.activityId !== null) input['taskcategories_id'] = Number(time.activityId)
      if (time.userId !== null) input['users_id_tech'] = Number(time.userId)
      const { body } = await call('POST', '/TicketTask', { json: { input } })
      const id = (body as { id?: number } | null)?.id
      if (typeof id !== 'number') throw new TicketSystemError('unavailable', 'GLPI answered without the new task’s id.')
      return { externalId: String(id), url: pageOf(time.ticketId) }
    },
    async find(writeKey, ticketId) {
      const ticket = ticketNumber(ticketId)
      for (let from = 0; ; from += RANGE) {
        const answer = await call('GET', `/Ticket/${ticket}/TicketTask?range=${from}-${from + RANGE - 1}`, { okStatuses: [206] }).catch((error: unknown) => {
          if (from > 0 && error instanceof TicketSystemError && error.status === 400) return null // ERROR_RANGE_EXCEED_TOTAL: no more pages
          throw error
        })
        if (answer === null) return null
        const { body } = answer
        const tasks = (body as { id: number; content?: string }[] | null) ?? []
        const found = tasks.find((task) => hasMarker(task.content, writeKey))
        if (found) return { externalId: String(found.id), url: pageOf(ticketId) }
        if (tasks.length < RANGE) return null
      }
    },
    async reverse(written) {
      await call('DELETE', `/TicketTask/${encodeURIComponent(written.externalId)}?force_purge=true`, { okStatuses: [404] })
    },
    async reversed(written) {
      const { status } = await call('GET', `/TicketTask/${encodeURIComponent(written.externalId)}`, { okStatuses: [404] })
      return status === 404
    },
    async activities() {
      const { body } = await call('GET', `/TaskCategory?range=0-999`, { okStatuses: [206] })
      return ((body as { id: number; completename?: string; name?: string; is_active?: number }[] | null) ?? [])
        .filter((category) => category.is_active !== 0)
        .map((category) => ({ id: String(category.id), name: category.completename ?? category.name ?? String(category.id) }))
    },
    async userByEmail(email) {
      const wanted = email.trim().toLowerCase()
      const { body } = await call('GET', `/UserEmail?searchText[email]=${encodeURIComponent(wanted)}&range=0-49`, { okStatuses: [206] })
      const match = ((body as { users_id: number; email: string }[] | null) ?? []).find((row) => row.email.toLowerCase() === wanted)
      if (!match) return null
      const { body: user } = await call('GET', `/User/${match.users_id}`)
      const read = user as { name?: string; firstname?: string; realname?: string }
      return { id: String(match.users_id), name: `${read.firstname ?? ''} ${read.realname ?? ''}`.trim() || (read.name ?? String(match.users_id)) }
    },
  }
}
