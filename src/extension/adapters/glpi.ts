// GLPI (10.x), from its documented ticket form URL (front/ticket.form.php?id=<id>) and the
// ticket form's fields; NOT verified against a real GLPI (fixtures/glpi-*.html are written
// after it). The title is the form's name field (shown in the timeline header), the status
// its select (5 solved, 6 closed), the entity its breadcrumb.
import { firstWithText, oneLine, shortTitle, type SiteAdapter } from './types'

const SOLVED = '5'
const CLOSED = '6'

export const glpiAdapter: SiteAdapter = {
  kind: 'glpi',
  read(doc, url) {
    const match = /^(.*)\/front\/ticket\.form\.php$/.exec(url.pathname)
    const id = url.searchParams.get('id')
    if (!match || id === null || !/^\d+$/.test(id) || id === '0') return null
    const titleElement = firstWithText(doc, ['.itil-object-title', '.navigationheader-title', '#page .card-title'])
    const nameInput = doc.querySelector<HTMLInputElement>('input[name="name"]')
    const title = oneLine(nameInput?.value) || oneLine(titleElement?.textContent)
    if (!titleElement || title === '') return null
    const status = doc.querySelector<HTMLSelectElement>('select[name="status"]')?.value ?? doc.querySelector<HTMLInputElement>('input[name="status"]')?.value ?? ''
    const entity = oneLine(doc.querySelector('.entity-name, [data-glpi-entity-name]')?.textContent)
    return {
      system: 'glpi',
      ref: `GLPI#${id}`,
      ticketId: id,
      title: shortTitle(title),
      customer: entity === '' ? null : entity,
      url: `${url.origin}${match[1] ?? ''}/front/ticket.form.php?id=${id}`,
      titleElement,
      closed: status === SOLVED || status === CLOSED,
    }
  },
}
