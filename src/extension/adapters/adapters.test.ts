// Each adapter on saved pages: a ticket page, a closed ticket, and a page of the same
// system that is not a ticket. Redmine's and RT's pages were saved from the real systems.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ADAPTERS, cloudSystemOf } from './index'
import type { SystemKind, TicketPage } from './types'

function page(file: string): Document {
  // Without stylesheet links: the test DOM would try (and fail) to load them.
  const html = readFileSync(join(import.meta.dirname, 'fixtures', file), 'utf8').replace(/<link\b[^>]*>/g, '')
  return new DOMParser().parseFromString(html, 'text/html')
}

function read(kind: SystemKind, file: string, address: string): TicketPage | null {
  return ADAPTERS[kind].read(page(file), new URL(address))
}

const cases: {
  kind: SystemKind
  open: [string, string]
  closed: [string, string]
  other: [string, string]
  expected: Omit<TicketPage, 'titleElement' | 'closed' | 'system'>
  titleTag: string
}[] = [
  {
    kind: 'redmine',
    open: ['redmine-issue.html', 'http://127.0.0.1:3101/issues/1'],
    closed: ['redmine-issue-closed.html', 'http://127.0.0.1:3101/issues/2'],
    other: ['redmine-issues-list.html', 'http://127.0.0.1:3101/projects/helpdesk/issues'],
    expected: { ref: 'Redmine#1', ticketId: '1', title: 'Printer offline on 2nd floor', customer: 'Helpdesk Acme Ltd', url: 'http://127.0.0.1:3101/issues/1' },
    titleTag: 'H3',
  },
  {
    kind: 'rt',
    open: ['rt-ticket.html', 'http://127.0.0.1:3102/Ticket/Display.html?id=1&results=abc'],
    closed: ['rt-ticket-resolved.html', 'http://127.0.0.1:3102/Ticket/Display.html?id=2'],
    other: ['rt-search.html', 'http://127.0.0.1:3102/Search/Results.html?Query=x'],
    expected: { ref: 'RT#1', ticketId: '1', title: 'VPN drops every hour', customer: 'General', url: 'http://127.0.0.1:3102/Ticket/Display.html?id=1' },
    titleTag: 'H1',
  },
  {
    kind: 'jira',
    open: ['jira-issue.html', 'https://acme.atlassian.net/browse/OPS-12?focusedCommentId=1'],
    closed: ['jira-issue-done.html', 'https://acme.atlassian.net/browse/OPS-12'],
    other: ['jira-board.html', 'https://acme.atlassian.net/jira/software/projects/OPS/boards/1'],
    expected: { ref: 'OPS-12', ticketId: 'OPS-12', title: 'Backup job fails on file server', customer: 'Operations Acme', url: 'https://acme.atlassian.net/browse/OPS-12' },
    titleTag: 'H1',
  },
  {
    kind: 'zammad',
    open: ['zammad-ticket.html', 'https://acme.zammad.com/#ticket/zoom/42'],
    closed: ['zammad-ticket-closed.html', 'https://acme.zammad.com/#ticket/zoom/42/117'],
    other: ['zammad-dashboard.html', 'https://acme.zammad.com/#dashboard'],
    expected: { ref: 'Zammad#31042', ticketId: '42', title: 'Outlook keeps asking for the password', customer: 'Acme Ltd', url: 'https://acme.zammad.com/#ticket/zoom/42' },
    titleTag: 'DIV',
  },
  {
    kind: 'glpi',
    open: ['glpi-ticket.html', 'https://glpi.acme.example/glpi/front/ticket.form.php?id=12&forcetab=Ticket$1'],
    closed: ['glpi-ticket-solved.html', 'https://glpi.acme.example/glpi/front/ticket.form.php?id=12'],
    other: ['glpi-ticket-list.html', 'https://glpi.acme.example/glpi/front/ticket.php'],
    expected: { ref: 'GLPI#12', ticketId: '12', title: 'Network printer jams', customer: 'Root entity > Acme Ltd', url: 'https://glpi.acme.example/glpi/front/ticket.form.php?id=12' },
    titleTag: 'DIV',
  },
  {
    kind: 'freshdesk',
    open: ['freshdesk-ticket.html', 'https://acme.freshdesk.com/a/tickets/77'],
    closed: ['freshdesk-ticket-resolved.html', 'https://acme.freshdesk.com/a/tickets/77'],
    other: ['freshdesk-list.html', 'https://acme.freshdesk.com/a/tickets/filters/all_tickets'],
    expected: { ref: 'Freshdesk#77', ticketId: '77', title: 'Cannot open shared calendar', customer: 'Acme Ltd', url: 'https://acme.freshdesk.com/a/tickets/77' },
    titleTag: 'H2',
  },
  {
    kind: 'halopsa',
    open: ['halopsa-ticket.html', 'https://acme.halopsa.com/ticket?id=3051&showall=true'],
    closed: ['halopsa-ticket-closed.html', 'https://acme.halopsa.com/ticket?id=3051'],
    other: ['halopsa-list.html', 'https://acme.halopsa.com/tickets?area=1'],
    expected: { ref: 'Halo#3051', ticketId: '3051', title: 'New starter: set up laptop', customer: 'Acme Ltd', url: 'https://acme.halopsa.com/ticket?id=3051' },
    titleTag: 'H1',
  },
]

describe.each(cases)('the $kind adapter', ({ kind, open, closed, other, expected, titleTag }) => {
  it('reads an open ticket: reference, title, customer, canonical address and the title element', () => {
    const ticket = read(kind, ...open)
    expect(ticket).toMatchObject({ ...expected, system: kind, closed: false })
    expect(ticket?.titleElement.tagName).toBe(titleTag)
  })

  it('sees a closed or resolved ticket', () => {
    expect(read(kind, ...closed)).toMatchObject({ system: kind, closed: true })
  })

  it('finds no ticket on a page of the same system that is not one', () => {
    expect(read(kind, ...other)).toBeNull()
  })

  it('finds no ticket when a ticket address shows another page', () => {
    expect(read(kind, other[0], open[1])).toBeNull()
  })
})

describe('cloud systems', () => {
  it('are known by their host; self-hosted ones are not', () => {
    expect(cloudSystemOf('acme.atlassian.net')).toBe('jira')
    expect(cloudSystemOf('acme.zammad.com')).toBe('zammad')
    expect(cloudSystemOf('acme.freshdesk.com')).toBe('freshdesk')
    expect(cloudSystemOf('acme.halopsa.com')).toBe('halopsa')
    expect(cloudSystemOf('redmine.acme.example')).toBeNull()
    expect(cloudSystemOf('atlassian.net.evil.example')).toBeNull()
  })
})
