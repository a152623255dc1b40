// Which ticket a page shows, for each kind of system under its base URL, with no
// credentials needed (the browser extension and the work items' `ticketUrl` read pages,
// they never call a system).
import type { TicketSystemKind } from './connector'
import { freshdeskTicketId } from './freshdesk'
import { glpiTicketId } from './glpi'
import { jiraTicketId } from './jira'
import { redmineTicketId } from './redmine'
import { requestTrackerTicketId } from './request-tracker'
import { zammadTicketId } from './zammad'

const readers: Record<TicketSystemKind, (baseUrl: string, url: string) => string | null> = {
  redmine: redmineTicketId,
  rt: requestTrackerTicketId,
  zammad: zammadTicketId,
  jira: jiraTicketId,
  glpi: glpiTicketId,
  freshdesk: freshdeskTicketId,
}

/**
 * The ticket's id when `url` is a ticket page of a `kind` system at `baseUrl` (Redmine
 * `/issues/42`, RT `/Ticket/Display.html?id=7`, Zammad `/#ticket/zoom/12`, Jira
 * `/browse/KEY-1`, GLPI `/front/ticket.form.php?id=5`, Freshdesk `/a/tickets/12` or
 * `/helpdesk/tickets/12`); null otherwise. A base URL with a sub-path is respected.
 */
export function ticketIdFromUrl(kind: TicketSystemKind, baseUrl: string, url: string): string | null {
  return readers[kind](baseUrl, url)
}

/** The page of a ticket, the inverse of `ticketIdFromUrl` (the canonical form for each system). */
export function ticketPageUrl(kind: TicketSystemKind, baseUrl: string, ticketId: string): string {
  const base = baseUrl.replace(/\/+$/, '')
  const id = encodeURIComponent(ticketId)
  switch (kind) {
    case 'redmine':
      return `${base}/issues/${id}`
    case 'rt':
      return `${base}/Ticket/Display.html?id=${id}`
    case 'zammad':
      return `${base}/#ticket/zoom/${id}`
    case 'jira':
      return `${base}/browse/${id}`
    case 'glpi':
      return `${base}/front/ticket.form.php?id=${id}`
    case 'freshdesk':
      return `${base}/a/tickets/${id}`
  }
}
