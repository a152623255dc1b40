// Zammad (6.x, cloud and self-hosted), from its documented ticket URLs (#ticket/zoom/<id>)
// and the ticket zoom's markup; NOT verified against a real Zammad (fixtures/zammad-*.html are
// written after it). Zammad keeps earlier tickets' tabs in the page: only the active
// content's .ticketZoom counts. The title is .ticket-title-update, the number
// .ticket-number, the organisation or customer in the sidebar; state "closed" (or a state
// named so in German) counts as closed.
import { firstWithText, oneLine, shortTitle, type SiteAdapter } from './types'

const CLOSED = /^(closed|geschlossen|merged|zusammengefügt)$/i

export const zammadAdapter: SiteAdapter = {
  kind: 'zammad',
  read(doc, url) {
    const id = /^#ticket\/zoom\/(\d+)(?:\/\d+)?$/.exec(url.hash)?.[1]
    if (id === undefined) return null
    const zoom = doc.querySelector(`.content.active .ticketZoom, [data-ticket-id="${id}"].ticketZoom`)
    const titleElement = zoom?.querySelector('.ticket-title-update') ?? null
    if (!zoom || !titleElement || oneLine(titleElement.textContent) === '') return null
    const number = oneLine(zoom.querySelector('.ticket-number')?.textContent).replace(/^#/, '')
    const stateSelect = zoom.querySelector<HTMLSelectElement>('select[name="state_id"]')
    const state = oneLine(stateSelect?.selectedOptions[0]?.textContent ?? zoom.querySelector('[data-attribute-name="state_id"] .controls')?.textContent)
    const customer = oneLine(firstWithText(zoom, ['[data-tab="organization"] .organization-name', '[data-tab="customer"] .user-name', '.ticketZoom-header .user-name'])?.textContent)
    return {
      system: 'zammad',
      ref: `Zammad#${/^\d+$/.test(number) ? number : id}`,
      ticketId: id,
      title: shortTitle(oneLine(titleElement.textContent)),
      customer: customer === '' ? null : customer,
      url: `${url.origin}${url.pathname}#ticket/zoom/${id}`,
      titleElement,
      closed: CLOSED.test(state),
    }
  },
}
