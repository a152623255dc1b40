import { describe, expect, test } from 'vitest'
import { TICKET_SYSTEM_KINDS } from './connector'
import { createConnector, type TicketSystemConfig } from './connectors'
import { ticketIdFromUrl, ticketPageUrl } from './ticket-urls'
import { oneSentence, retryAfterSeconds, withMarker, hasMarker, basicAuth } from './http'
import { rtMinutes } from './request-tracker'
import { freshdeskTimeSpent } from './freshdesk'
import { jiraStarted } from './jira'

const configs: Record<TicketSystemConfig['kind'], (baseUrl: string) => TicketSystemConfig> = {
  redmine: (baseUrl) => ({ kind: 'redmine', baseUrl, apiKey: 'k' }),
  rt: (baseUrl) => ({ kind: 'rt', baseUrl, token: 't' }),
  zammad: (baseUrl) => ({ kind: 'zammad', baseUrl, token: 't' }),
  jira: (baseUrl) => ({ kind: 'jira', baseUrl, personalAccessToken: 'p' }),
  glpi: (baseUrl) => ({ kind: 'glpi', baseUrl, appToken: 'a', userToken: 'u' }),
  freshdesk: (baseUrl) => ({ kind: 'freshdesk', baseUrl, apiKey: 'k' }),
}
const idOf = (kind: TicketSystemConfig['kind'], baseUrl: string, url: string): string | null => createConnector(configs[kind](baseUrl)).ticketIdFromUrl(url)

describe('ticket page URLs', () => {
  test.each([
    ['redmine', 'https://redmine.example.com', 'https://redmine.example.com/issues/42', '42'],
    ['redmine', 'https://example.com/redmine/', 'https://example.com/redmine/issues/42?tab=history#note-3', '42'],
    ['redmine', 'https://example.com/redmine', 'https://example.com/issues/42', null],
    ['redmine', 'https://example.com/redmine', 'https://example.com/redmine/issues/new', null],
    ['redmine', 'https://example.com', 'https://example.com/redmine-issues/42', null],
    ['rt', 'https://rt.example.com/rt', 'https://rt.example.com/rt/Ticket/Display.html?id=7', '7'],
    ['rt', 'https://rt.example.com', 'https://rt.example.com/Ticket/Update.html?Action=Comment&id=7', '7'],
    ['rt', 'https://rt.example.com', 'https://rt.example.com/SelfService/Display.html?id=7', '7'],
    ['rt', 'https://rt.example.com', 'https://rt.example.com/Ticket/Display.html?id=abc', null],
    ['rt', 'https://rt.example.com', 'https://evil.example.com/Ticket/Display.html?id=7', null],
    ['zammad', 'https://helpdesk.example.com', 'https://helpdesk.example.com/#ticket/zoom/12', '12'],
    ['zammad', 'https://helpdesk.example.com', 'https://helpdesk.example.com/#ticket/zoom/12/34', '12'],
    ['zammad', 'https://example.com/zammad', 'https://example.com/zammad/#ticket/zoom/12', '12'],
    ['zammad', 'https://helpdesk.example.com', 'https://helpdesk.example.com/#dashboard', null],
    ['jira', 'https://acme.atlassian.net', 'https://acme.atlassian.net/browse/OPS-1', 'OPS-1'],
    ['jira', 'https://example.com/jira', 'https://example.com/jira/browse/OPS_2-15', 'OPS_2-15'],
    ['jira', 'https://acme.atlassian.net', 'https://acme.atlassian.net/jira/software/projects/OPS/boards/1?selectedIssue=OPS-9', 'OPS-9'],
    ['jira', 'https://acme.atlassian.net', 'https://acme.atlassian.net/browse/ops-1', null],
    ['glpi', 'https://glpi.example.com', 'https://glpi.example.com/front/ticket.form.php?id=5', '5'],
    ['glpi', 'https://example.com/glpi', 'https://example.com/glpi/front/ticket.form.php?id=5&forcetab=Ticket$1', '5'],
    ['glpi', 'https://example.com/glpi', 'https://example.com/glpi/front/computer.form.php?id=5', null],
    ['freshdesk', 'https://acme.freshdesk.com', 'https://acme.freshdesk.com/a/tickets/12', '12'],
    ['freshdesk', 'https://acme.freshdesk.com', 'https://acme.freshdesk.com/helpdesk/tickets/12', '12'],
    ['freshdesk', 'https://acme.freshdesk.com', 'https://ACME.freshdesk.com/a/tickets/12/edit', '12'],
    ['freshdesk', 'https://acme.freshdesk.com', 'http://acme.freshdesk.com/a/tickets/12', null],
    ['freshdesk', 'https://acme.freshdesk.com', 'not a url', null],
  ] as const)('%s under %s: %s → %s', (kind, base, url, id) => {
    expect(idOf(kind, base, url)).toBe(id)
    expect(ticketIdFromUrl(kind, base, url)).toBe(id)
  })

  test.each(TICKET_SYSTEM_KINDS)('%s: the canonical page of a ticket reads back as that ticket', (kind) => {
    const id = kind === 'jira' ? 'OPS-7' : '7'
    for (const base of ['https://tickets.example.com', 'https://example.com/sub/path/']) {
      expect(ticketIdFromUrl(kind, base, ticketPageUrl(kind, base, id))).toBe(id)
    }
  })
})

describe('configurations', () => {
  test('each kind checks its credentials and a plain http(s) base URL', () => {
    expect(() => createConnector({ kind: 'redmine', baseUrl: 'https://r.example.com' })).toThrow()
    expect(() => createConnector({ kind: 'redmine', baseUrl: 'https://user:pw@r.example.com', apiKey: 'k' })).toThrow()
    expect(() => createConnector({ kind: 'redmine', baseUrl: 'ftp://r.example.com', apiKey: 'k' })).toThrow()
    expect(() => createConnector({ kind: 'rt', baseUrl: 'https://rt.example.com', user: 'root' })).toThrow()
    expect(() => createConnector({ kind: 'jira', baseUrl: 'https://a.atlassian.net', email: 'not-an-email', apiToken: 't' })).toThrow()
    expect(() => createConnector({ kind: 'unknown', baseUrl: 'https://x.example.com' })).toThrow()
    expect(createConnector({ kind: 'rt', baseUrl: 'https://rt.example.com/rt/', user: 'root', password: 'pw' }).kind).toBe('rt')
  })
})

describe('shared pieces', () => {
  test('the marker ends the text; a long text is shortened, never the marker', () => {
    expect(withMarker('  Fixed\n the printer ', 'e1/v2')).toBe('Fixed the printer [stint:e1/v2]')
    expect(withMarker('', 'e1/v2')).toBe('[stint:e1/v2]')
    const long = withMarker('x'.repeat(2000), 'e1/v2', 1024)
    expect(long).toHaveLength(1024)
    expect(long.endsWith('x… [stint:e1/v2]')).toBe(true)
    expect(hasMarker(long, 'e1/v2')).toBe(true)
    expect(hasMarker('[stint:e1/v20]', 'e1/v2')).toBe(false)
  })

  test('reasons are cut to one sentence; Retry-After reads seconds and dates', () => {
    expect(oneSentence('Issue is invalid.  And more.')).toBe('Issue is invalid.')
    expect(oneSentence('  ')).toBe('Refused.')
    expect(retryAfterSeconds('120')).toBe(120)
    expect(retryAfterSeconds('Fri, 04 Dec 2026 10:01:00 GMT', Date.UTC(2026, 11, 4, 10, 0, 0))).toBe(60)
    expect(retryAfterSeconds('soon')).toBeNull()
  })

  test('rounding to whole minutes: RT and Freshdesk round half up and never write 0', () => {
    expect([rtMinutes(29), rtMinutes(60), rtMinutes(89), rtMinutes(90), rtMinutes(1530)]).toEqual([1, 1, 1, 2, 26])
    expect([freshdeskTimeSpent(20), freshdeskTimeSpent(3600 * 10 + 59 * 60 + 31)]).toEqual(['00:01', '11:00'])
  })

  test('Jira’s started stays on the entry’s day; basic auth is UTF-8', () => {
    expect(jiraStarted('2026-11-30', null)).toBe('2026-11-30T12:00:00.000+0000')
    expect(jiraStarted('2026-11-30', Date.UTC(2026, 10, 30, 6, 5))).toBe('2026-11-30T06:05:00.000+0000')
    expect(basicAuth('jörg', 'pässwört')).toBe('Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode('jörg:pässwört'))))
  })
})
