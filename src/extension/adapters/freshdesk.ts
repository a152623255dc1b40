// Freshdesk, from its documented agent ticket URL (<company>.freshdesk.com/a/tickets/<id>)
// and the ticket view's markup; NOT verified against a real Freshdesk (fixtures/freshdesk-*.html
// are written after it). The subject is .ticket-subject-heading, the company the requester's
// company, the status the properties form's status field; Resolved and Closed count as closed.
import { firstWithText, oneLine, shortTitle, type SiteAdapter } from './types'

const CLOSED = /^(resolved|closed|gelöst|geschlossen)$/i

export const freshdeskAdapter: SiteAdapter = {
  kind: 'freshdesk',
  read(doc, url) {
    const id = /^\/a\/tickets\/(\d+)\/?$/.exec(url.pathname)?.[1]
    if (id === undefined) return null
    const titleElement = firstWithText(doc, ['[data-test-id="ticket-subject"]', '.ticket-subject-heading'])
    if (!titleElement) return null
    const status = oneLine(firstWithText(doc, ['[data-test-id="status-field"] .ember-power-select-selected-item', '[data-test-id="status-field"]', '.ticket-status'])?.textContent)
    const company = oneLine(firstWithText(doc, ['[data-test-id="requester-company"]', '.contact-company-name'])?.textContent)
    return {
      system: 'freshdesk',
      ref: `Freshdesk#${id}`,
      ticketId: id,
      title: shortTitle(oneLine(titleElement.textContent)),
      customer: company === '' ? null : company,
      url: `${url.origin}/a/tickets/${id}`,
      titleElement,
      closed: CLOSED.test(status),
    }
  },
}
