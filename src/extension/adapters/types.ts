// What a site adapter reads from a ticket page. Adapters are pure functions over a
// Document and the page's address, so they are tested on saved pages (fixtures/).
import type { SystemKind } from './kinds'

export { SYSTEM_KINDS, type SystemKind } from './kinds'

export interface TicketPage {
  readonly system: SystemKind
  /** Stint's ticket reference: the system's short name and the ticket's number (Redmine#42), or Jira's key (OPS-12). */
  readonly ref: string
  /** The ticket's id as the ticket system numbers it (42). */
  readonly ticketId: string
  readonly title: string
  /** The customer or project, where the page shows one. */
  readonly customer: string | null
  /** The ticket's canonical page (no query or fragment beyond what names the ticket). */
  readonly url: string
  /** The element the control is placed after (or, with `placement: 'inside'`, at the end of). */
  readonly titleElement: Element
  /**
   * 'inside' where the page lays out what sits beside the title by the title's own width
   * (RT's page menu): the control goes in the title, and the page is told to lay out again.
   */
  readonly placement?: 'after' | 'inside'
  /** The ticket is closed or resolved. */
  readonly closed: boolean
}

export interface SiteAdapter {
  readonly kind: SystemKind
  /** The ticket this page shows, or null when it is not a ticket page of this system. */
  read(doc: Document, url: URL): TicketPage | null
}

/** Text as one line: white space collapsed, control and invisible format characters dropped (a ticket link refuses them). */
export function oneLine(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The first element of `selectors` that exists and has text. */
export function firstWithText(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = Array.from(root.querySelectorAll(selector)).find((element) => oneLine(element.textContent) !== '')
    if (found) return found
  }
  return null
}

/** A title cut to what a Stint timer keeps (200 characters). */
export function shortTitle(text: string): string {
  const characters = Array.from(text)
  return characters.length > 200 ? `${characters.slice(0, 199).join('')}…` : text
}
