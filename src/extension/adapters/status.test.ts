// Reading a ticket system's answer about a ticket's status: what each system is asked, and
// that anything not exactly understood is "unknown" (the live answers of Redmine and RT are
// checked in tests/integration/ticket-systems/extension-status.test.ts).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { askTicketStatus, canAskSystem, readJiraIssue, readRedmineIssuePage, readRtTicket, readZammadTicket, statusQueryOf } from './status'

const saved = (file: string) => readFileSync(join(import.meta.dirname, 'fixtures', file), 'utf8')

describe('what each system is asked', () => {
  it('asks the same origin, at the documented address', () => {
    expect(statusQueryOf('redmine', 'https://pm.example.com/redmine/issues/42')?.url).toBe('https://pm.example.com/redmine/issues/42')
    expect(statusQueryOf('rt', 'https://rt.example.com/rt/Ticket/Display.html?id=7')?.url).toBe('https://rt.example.com/rt/REST/2.0/ticket/7')
    expect(statusQueryOf('jira', 'https://acme.atlassian.net/browse/OPS-12')?.url).toBe('https://acme.atlassian.net/rest/api/2/issue/OPS-12?fields=status')
    expect(statusQueryOf('zammad', 'https://acme.zammad.com/#ticket/zoom/31')?.url).toBe('https://acme.zammad.com/api/v1/tickets/31?expand=true')
  })

  it('cannot ask GLPI, Freshdesk or HaloPSA with a browser session, nor about an address that is no ticket', () => {
    expect(statusQueryOf('glpi', 'https://glpi.example.com/front/ticket.form.php?id=3')).toBeNull()
    expect(statusQueryOf('freshdesk', 'https://acme.freshdesk.com/a/tickets/3')).toBeNull()
    expect(statusQueryOf('halopsa', 'https://acme.halopsa.com/ticket?id=3')).toBeNull()
    expect(statusQueryOf('redmine', 'https://pm.example.com/projects/x')).toBeNull()
    expect(statusQueryOf('rt', 'https://rt.example.com/Ticket/Display.html?id=7;drop')).toBeNull()
    expect(statusQueryOf('redmine', 'not an address')).toBeNull()
    expect(['redmine', 'rt', 'jira', 'zammad', 'glpi', 'freshdesk', 'halopsa'].filter((k) => canAskSystem(k as never))).toEqual(['redmine', 'rt', 'jira', 'zammad'])
  })
})

describe('reading the answers', () => {
  it("reads Redmine's saved issue pages, for that issue only", () => {
    expect(readRedmineIssuePage(saved('redmine-issue.html'), '1')).toBe('open')
    expect(readRedmineIssuePage(saved('redmine-issue-closed.html'), '2')).toBe('closed')
    expect(readRedmineIssuePage(saved('redmine-issue-closed.html'), '1')).toBe('unknown')
    expect(readRedmineIssuePage(saved('redmine-issue-closed.html'), '12')).toBe('unknown')
    expect(readRedmineIssuePage(saved('redmine-issues-list.html'), '1')).toBe('unknown')
    expect(readRedmineIssuePage('<html><body class="controller-account action-login"><h2>Bug #1</h2></body></html>', '1')).toBe('unknown')
  })

  it("reads RT's ticket: inactive statuses are closed", () => {
    expect(readRtTicket(JSON.stringify({ id: 7, Status: 'open' }), '7')).toBe('open')
    expect(readRtTicket(JSON.stringify({ id: 7, Status: 'stalled' }), '7')).toBe('open')
    expect(readRtTicket(JSON.stringify({ id: 7, Status: 'resolved' }), '7')).toBe('closed')
    expect(readRtTicket(JSON.stringify({ id: '7', Status: 'rejected' }), '7')).toBe('closed')
    expect(readRtTicket(JSON.stringify({ id: 8, Status: 'resolved' }), '7')).toBe('unknown')
    expect(readRtTicket(JSON.stringify({ id: 7 }), '7')).toBe('unknown')
    expect(readRtTicket('<html>Login</html>', '7')).toBe('unknown')
  })

  it("reads Jira's status category and Zammad's state", () => {
    const jira = (key: string, category: string) => JSON.stringify({ key, fields: { status: { name: 'Whatever', statusCategory: { key: category } } } })
    expect(readJiraIssue(jira('OPS-12', 'indeterminate'), 'OPS-12')).toBe('open')
    expect(readJiraIssue(jira('OPS-12', 'done'), 'OPS-12')).toBe('closed')
    expect(readJiraIssue(jira('OPS-13', 'done'), 'OPS-12')).toBe('unknown')
    expect(readJiraIssue('{"errorMessages":["Issue does not exist"]}', 'OPS-12')).toBe('unknown')
    expect(readZammadTicket(JSON.stringify({ id: 31, state: 'open' }), '31')).toBe('open')
    expect(readZammadTicket(JSON.stringify({ id: 31, state: 'closed' }), '31')).toBe('closed')
    expect(readZammadTicket(JSON.stringify({ id: 31, state_id: 4 }), '31')).toBe('unknown')
  })
})

describe('asking', () => {
  const rt = statusQueryOf('rt', 'https://rt.example.com/Ticket/Display.html?id=7')
  if (!rt) throw new Error('no query')
  const answering = (response: Response | Error): typeof fetch => () => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response))

  it('sends the browser session and reads a plain 200 answer', async () => {
    let init: RequestInit | undefined
    const fetcher: typeof fetch = (_url, given) => {
      init = given
      return Promise.resolve(new Response(JSON.stringify({ id: 7, Status: 'resolved' })))
    }
    expect(await askTicketStatus(rt, fetcher)).toBe('closed')
    expect(init?.credentials).toBe('include')
  })

  it('takes a refusal, a redirect (a login page) or a failed request as unknown', async () => {
    expect(await askTicketStatus(rt, answering(new Response('Authorization required', { status: 401 })))).toBe('unknown')
    const redirected = new Response(JSON.stringify({ id: 7, Status: 'resolved' }))
    Object.defineProperty(redirected, 'redirected', { value: true })
    expect(await askTicketStatus(rt, answering(redirected))).toBe('unknown')
    expect(await askTicketStatus(rt, answering(new TypeError('Failed to fetch')))).toBe('unknown')
  })
})
