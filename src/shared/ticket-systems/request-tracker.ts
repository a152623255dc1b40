// Request Tracker 5: verified against a real system (Debian's request-tracker5 5.0.3,
// tests/integration/ticket-systems/request-tracker.test.ts).
// REST2 at <base>/REST/2.0/, with an auth token (`Authorization: token …`) or a user and
// password (basic auth). A write is a comment (POST /ticket/:id/comment) with TimeTaken in
// whole minutes: the billed seconds rounded to the nearest minute (half a minute up), at
// least one. Its subject and its text both carry Stint's marker; RT answers a comment
// without its transaction's id, so `write` looks the comment up by its marker afterwards,
// and `find` reads the ticket's history (every page) for a comment whose subject has it.
// RT only appends: `reverse` is a comment with the negative TimeTaken of what was written
// (read back from that transaction), marked with the reverse key; `reversed` finds it.
// RT books time as the account that comments: the mapped user (`userId`) is not used.
import { TicketSystemError, type TicketConnector, type TimeWrite, type WrittenTime } from './connector'
import { basicAuth, commonReason, createHttpClient, hasMarker, pageUnderBase, trimSlash, withMarker, type FetchLike } from './http'

export type RequestTrackerConfig =
  | { readonly kind: 'rt'; readonly baseUrl: string; readonly token: string }
  | { readonly kind: 'rt'; readonly baseUrl: string; readonly user: string; readonly password: string }

const PAGE = 100

/** RT's TimeTaken for billed seconds: whole minutes, half a minute rounds up, never 0. */
export function rtMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60))
}

export function requestTrackerTicketId(baseUrl: string, url: string): string | null {
  const page = pageUnderBase(baseUrl, url)
  if (!page || !/^\/(Ticket|SelfService)\/[A-Za-z]+\.html$/.test(page.path)) return null
  const id = page.query.get('id')
  return id && /^\d+$/.test(id) ? id : null
}

interface HistoryItem {
  id: string
  Type?: string
  Data?: string
  TimeTaken?: string
}

export function createRequestTrackerConnector(config: RequestTrackerConfig, fetchImpl?: FetchLike, timeoutMs?: number): TicketConnector {
  const base = trimSlash(config.baseUrl)
  const authorization = 'token' in config ? `token ${config.token}` : basicAuth(config.user, config.password)
  const http = createHttpClient({ system: 'Request Tracker', baseUrl: `${base}/REST/2.0`, headers: () => ({ Authorization: authorization }), reason: commonReason, fetchImpl, timeoutMs })
  const pageOf = (ticketId: string, transactionId: string): string => `${base}/Ticket/Display.html?id=${encodeURIComponent(ticketId)}#txn-${transactionId}`

  async function history(ticketId: string): Promise<HistoryItem[]> {
    const all: HistoryItem[] = []
    for (let page = 1; ; page++) {
      const { body } = await http.request('GET', `/ticket/${encodeURIComponent(ticketId)}/history?fields=Type,Data,TimeTaken&per_page=${PAGE}&page=${page}`)
      const listed = body as { items?: HistoryItem[]; pages?: number }
      all.push(...(listed.items ?? []))
      if (page >= (listed.pages ?? 1) || (listed.items ?? []).length === 0) return all
    }
  }

  async function findComment(key: string, ticketId: string): Promise<WrittenTime | null> {
    const found = (await history(ticketId)).find((item) => item.Type === 'Comment' && hasMarker(item.Data, key))
    return found ? { externalId: found.id, url: pageOf(ticketId, found.id) } : null
  }

  async function comment(ticketId: string, key: string, subject: string, text: string, minutes: number): Promise<void> {
    if (!/^\d+$/.test(ticketId)) throw new TicketSystemError('refused', `“${ticketId}” is not a Request Tracker ticket number.`)
    // RT answers a comment on a missing ticket only "Message could not be recorded": ask first.
    await http.request('GET', `/ticket/${ticketId}?fields=id`)
    await http.request('POST', `/ticket/${ticketId}/comment`, {
      json: { Subject: withMarker(subject, key), Content: withMarker(text, key), ContentType: 'text/plain', TimeTaken: String(minutes) },
    })
  }

  return {
    kind: 'rt',
    ticketIdFromUrl: (url) => requestTrackerTicketId(base, url),
    async write(time: TimeWrite) {
      await comment(time.ticketId, time.writeKey, 'Time from Stint', time.comment || 'Time from Stint', rtMinutes(time.seconds))
      const written = await findComment(time.writeKey, time.ticketId)
      if (!written) throw new TicketSystemError('unavailable', 'Request Tracker recorded the comment but does not list it yet.')
      return written
    },
    find: (writeKey, ticketId) => findComment(writeKey, ticketId),
    async reverse(written, time, reverseKey) {
      const { body } = await http.request('GET', `/transaction/${encodeURIComponent(written.externalId)}?fields=TimeTaken`, { okStatuses: [404] })
      const taken = Number((body as { TimeTaken?: string } | null)?.TimeTaken)
      const minutes = Number.isFinite(taken) && taken > 0 ? taken : rtMinutes(time.seconds)
      await comment(time.ticketId, reverseKey, 'Time from Stint taken back', `Takes back ${minutes} min written by Stint`, -minutes)
    },
    async reversed(_written, time, reverseKey) {
      return (await findComment(reverseKey, time.ticketId)) !== null
    },
    activities: () => Promise.resolve([]),
    async userByEmail(email) {
      const { body } = await http.request('POST', '/users?per_page=2', { json: [{ field: 'EmailAddress', value: email.trim() }] })
      const first = (body as { items?: { id: string | number }[] }).items?.[0]
      if (!first) return null
      const { body: user } = await http.request('GET', `/user/${encodeURIComponent(String(first.id))}?fields=Name,RealName`)
      const read = user as { Name?: string; RealName?: string }
      return { id: read.Name ?? String(first.id), name: read.RealName || read.Name || String(first.id) }
    },
  }
}
