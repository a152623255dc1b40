// HaloPSA, from its documented ticket URL (<tenant>.halopsa.com/ticket?id=<id>, also
// /tickets?...&id=<id>) and the ticket view's markup; NOT verified against a real HaloPSA
// (fixtures/halopsa-*.html are written after it). The summary heading, the client and the
// status are read by their data-field names; a status of Closed, Resolved or Completed
// counts as closed.
import { firstWithText, oneLine, shortTitle, type SiteAdapter } from './types'

const CLOSED = /^(closed|resolved|completed|geschlossen|gelöst)$/i

export const haloAdapter: SiteAdapter = {
  kind: 'halopsa',
  read(doc, url) {
    if (!/^\/tickets?\/?$/.test(url.pathname)) return null
    const id = url.searchParams.get('id')
    if (id === null || !/^\d+$/.test(id)) return null
    const titleElement = firstWithText(doc, ['[data-field="summary"]', '.ticket-summary', 'h1.ticket-title'])
    if (!titleElement) return null
    const status = oneLine(firstWithText(doc, ['[data-field="status"]', '.ticket-status'])?.textContent)
    const client = oneLine(firstWithText(doc, ['[data-field="client_name"]', '.ticket-client'])?.textContent)
    return {
      system: 'halopsa',
      ref: `Halo#${id}`,
      ticketId: id,
      title: shortTitle(oneLine(titleElement.textContent)),
      customer: client === '' ? null : client,
      url: `${url.origin}/ticket?id=${id}`,
      titleElement,
      closed: CLOSED.test(status),
    }
  },
}
