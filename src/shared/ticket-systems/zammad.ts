// Zammad: from the documented API, not verified against a real system
// (docs.zammad.org: api/ticket/articles, api/ticket/timeaccounting, api/user).
// A Zammad time accounting has no text of its own, so a write is two calls: an internal
// note on the ticket (POST /api/v1/ticket_articles) whose body ends with Stint's marker, then
// a time accounting tied to that note (POST /api/v1/tickets/:id/time_accountings with
// ticket_article_id, time_unit and the mapped type_id). `find` lists the ticket's time
// accountings and its articles and matches them through the note. Should the second call
// fail, a retry writes a fresh note: a note can be doubled, the time never.
// `time_unit` is in the unit the Zammad admin chose (minutes unless configured otherwise):
// `unitSeconds` says how many seconds one unit is (60 by default); two decimals are sent.
// A mapped user books through Zammad's `X-On-Behalf-Of` header (the token's user needs the
// admin.user permission for it). `reverse` deletes the time accounting.
import { TicketSystemError, type TicketConnector, type TimeWrite, type WrittenTime } from './connector'
import { commonReason, createHttpClient, hasMarker, pageUnderBase, trimSlash, withMarker, type FetchLike } from './http'

export interface ZammadConfig {
  readonly kind: 'zammad'
  readonly baseUrl: string
  readonly token: string
  /** Seconds in one Zammad time unit: 60 (minutes, Zammad's default), 3600 for hours. */
  readonly unitSeconds?: number | undefined
}

export function zammadTicketId(baseUrl: string, url: string): string | null {
  const page = pageUnderBase(baseUrl, url)
  if (!page || (page.path !== '/' && page.path !== '/index.html')) return null
  const match = /^#ticket\/zoom\/(\d+)(?:\/.*)?$/.exec(page.hash)
  return match?.[1] ?? null
}

interface Accounting {
  id: number
  ticket_article_id: number | null
}

export function createZammadConnector(config: ZammadConfig, fetchImpl?: FetchLike, timeoutMs?: number): TicketConnector {
  const base = trimSlash(config.baseUrl)
  const http = createHttpClient({ system: 'Zammad', baseUrl: `${base}/api/v1`, headers: () => ({ Authorization: `Token token=${config.token}` }), reason: commonReason, fetchImpl, timeoutMs })
  const unitSeconds = config.unitSeconds ?? 60
  const pageOf = (ticketId: string): string => `${base}/#ticket/zoom/${encodeURIComponent(ticketId)}`
  const ticketPath = (ticketId: string): string => {
    if (!/^\d+$/.test(ticketId)) throw new TicketSystemError('refused', `“${ticketId}” is not a Zammad ticket id.`)
    return `/tickets/${ticketId}`
  }

  return {
    kind: 'zammad',
    ticketIdFromUrl: (url) => zammadTicketId(base, url),
    async write(time: TimeWrite): Promise<WrittenTime> {
      const path = ticketPath(time.ticketId)
      const onBehalf: Record<string, string> = time.userId === null ? {} : { 'X-On-Behalf-Of': time.userId }
      const { body: article } = await http.request('POST', '/ticket_articles', {
        headers: onBehalf,
        json: { ticket_id: Number(time.ticketId), subject: 'Time from Stint', body: withMarker(time.comment || 'Time from Stint', time.writeKey), content_type: 'text/plain', type: 'note', internal: true },
      })
      const articleId = (article as { id?: number } | null)?.id
      if (typeof articleId !== 'number') throw new TicketSystemError('unavailable', 'Zammad answered without the new note’s id.')
      const accounting: Record<string, unknown> = { time_unit: (time.seconds / unitSeconds).toFixed(2), ticket_article_id: articleId }
      if (time.activityId !== null) accounting['type_id'] = Number(time.activityId)
      const { body } = await http.request('POST', `${path}/time_accountings`, { headers: onBehalf, json: accounting })
      const id = (body as { id?: number } | null)?.id
      if (typeof id !== 'number') throw new TicketSystemError('unavailable', 'Zammad answered without the new time accounting’s id.')
      return { externalId: String(id), url: pageOf(time.ticketId) }
    },
    async find(writeKey, ticketId) {
      const path = ticketPath(ticketId)
      const { body: accountings } = await http.request('GET', `${path}/time_accountings`)
      const list = (accountings as Accounting[] | null) ?? []
      if (list.length === 0) return null
      const { body: articles } = await http.request('GET', `/ticket_articles/by_ticket/${ticketId}`)
      const notes = new Set(((articles as { id: number; body?: string }[] | null) ?? []).filter((a) => hasMarker(a.body, writeKey)).map((a) => a.id))
      const found = list.find((item) => item.ticket_article_id !== null && notes.has(item.ticket_article_id))
      return found ? { externalId: String(found.id), url: pageOf(ticketId) } : null
    },
    async reverse(written, time) {
      await http.request('DELETE', `${ticketPath(time.ticketId)}/time_accountings/${encodeURIComponent(written.externalId)}`, { okStatuses: [404] })
    },
    async reversed(written, time) {
      const { status } = await http.request('GET', `${ticketPath(time.ticketId)}/time_accountings/${encodeURIComponent(written.externalId)}`, { okStatuses: [404] })
      return status === 404
    },
    async activities() {
      const { body } = await http.request('GET', '/time_accounting/types')
      return ((body as { id: number; name: string; active?: boolean }[] | null) ?? []).filter((type) => type.active !== false).map((type) => ({ id: String(type.id), name: type.name }))
    },
    async userByEmail(email) {
      const wanted = email.trim().toLowerCase()
      const { body } = await http.request('GET', `/users/search?query=${encodeURIComponent(`email:${wanted}`)}&limit=10`)
      const user = ((body as { id: number; email?: string; firstname?: string; lastname?: string; login?: string }[] | null) ?? []).find((u) => u.email?.toLowerCase() === wanted)
      return user ? { id: String(user.id), name: `${user.firstname ?? ''} ${user.lastname ?? ''}`.trim() || (user.login ?? String(user.id)) } : null
    },
  }
}
