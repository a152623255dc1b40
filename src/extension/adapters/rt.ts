// Request Tracker (5.0, verified against the real RT installed from Debian: fixtures/rt-*.html
// were saved from it). A ticket page is Ticket/Display.html?id=<id> under RT's web path;
// its body id is comp-Ticket-Display, the header reads "#<id>: <subject>", the status and
// queue are in .ticket-info-basics. Inactive statuses of RT's default lifecycle (resolved,
// rejected, deleted) count as closed.
import { oneLine, shortTitle, type SiteAdapter } from './types'

const INACTIVE = new Set(['resolved', 'rejected', 'deleted'])

export const rtAdapter: SiteAdapter = {
  kind: 'rt',
  read(doc, url) {
    const match = /^(.*)\/Ticket\/Display\.html$/.exec(url.pathname)
    const id = url.searchParams.get('id')
    if (!match || id === null || !/^\d+$/.test(id) || doc.body.id !== 'comp-Ticket-Display') return null
    const titleElement = doc.querySelector('#header h1')
    const heading = /^#(\d+):\s*(.*)$/.exec(oneLine(titleElement?.textContent))
    if (!titleElement || !heading || heading[1] !== id) return null
    const basics = doc.querySelector('.ticket-info-basics')
    const status = oneLine(basics?.querySelector('.status .current-value')?.textContent).toLowerCase()
    const queue = oneLine(basics?.querySelector('.queue .current-value')?.textContent)
    return {
      system: 'rt',
      ref: `RT#${id}`,
      ticketId: id,
      title: shortTitle(heading[2] ?? ''),
      customer: queue === '' ? null : queue,
      url: `${url.origin}${match[1] ?? ''}/Ticket/Display.html?id=${id}`,
      titleElement,
      // RT places its page menu beside the title by measuring the title when the window resizes.
      placement: 'inside',
      closed: INACTIVE.has(status),
    }
  },
}
