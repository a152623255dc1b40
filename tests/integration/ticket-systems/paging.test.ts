// Redmine and RT list an issue's time entries or a ticket's history a page at a time; the
// real systems in the other tests never hold more than a page, so the fake serves more.
import { afterEach, beforeEach, expect, test } from 'vitest'
import { createConnector } from '@shared/ticket-systems/connectors'
import { startFakeTicketSystem, type FakeTicketSystem } from '../../support/fake-ticket-system'

let fake: FakeTicketSystem
beforeEach(async () => {
  fake = await startFakeTicketSystem()
})
afterEach(() => fake.close())

test('Redmine: find reads every page of the issue’s time entries', async () => {
  const entries = Array.from({ length: 230 }, (_, i) => ({ id: i + 1, comments: i === 214 ? 'Work [stint:e/v1]' : `other ${i}` }))
  fake.route('GET', /^\/time_entries\.json\?issue_id=42&limit=100&offset=(\d+)$/, (_request, match) => {
    const offset = Number(match[1])
    return { json: { time_entries: entries.slice(offset, offset + 100), total_count: entries.length, offset, limit: 100 } }
  })
  const redmine = createConnector({ kind: 'redmine', baseUrl: fake.url, apiKey: 'k' })
  expect(await redmine.find('e/v1', '42')).toEqual({ externalId: '215', url: `${fake.url}/issues/42/time_entries` })
  expect(await redmine.find('e/v2', '42')).toBeNull()
  expect(fake.requests.filter((request) => request.url.startsWith('/time_entries.json'))).toHaveLength(6)
  expect(fake.requests[0]?.headers['x-redmine-api-key']).toBe('k')
})

test('RT: find reads every page of the ticket’s history', async () => {
  const items = Array.from({ length: 150 }, (_, i) => ({ id: String(i + 1), Type: 'Comment', Data: i === 120 ? 'Time from Stint [stint:e/v1]' : 'x', TimeTaken: '5' }))
  fake.route('GET', /^\/REST\/2\.0\/ticket\/7\/history\?.*&page=(\d+)$/, (_request, match) => {
    const page = Number(match[1])
    return { json: { items: items.slice((page - 1) * 100, page * 100), page, pages: 2, per_page: 100, total: items.length } }
  })
  const rt = createConnector({ kind: 'rt', baseUrl: fake.url, token: 'tok' })
  expect(await rt.find('e/v1', '7')).toEqual({ externalId: '121', url: `${fake.url}/Ticket/Display.html?id=7#txn-121` })
  expect(fake.requests[0]?.headers['authorization']).toBe('token tok')
  expect(fake.requests.map((request) => request.url)).toEqual([
    '/REST/2.0/ticket/7/history?fields=Type,Data,TimeTaken&per_page=100&page=1',
    '/REST/2.0/ticket/7/history?fields=Type,Data,TimeTaken&per_page=100&page=2',
  ])
})
