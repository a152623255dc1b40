// The Zammad and Jira connectors (written from their documented APIs) against a node:http
// fake: the requests carry the documented shape, the documented answers are read back, and
// failures sort into the contract's kinds.
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { TicketSystemError, type TimeWrite } from '@shared/ticket-systems/connector'
import { createConnector } from '@shared/ticket-systems/connectors'
import { startFakeTicketSystem, type FakeTicketSystem } from '../../support/fake-ticket-system'

let fake: FakeTicketSystem
beforeEach(async () => {
  fake = await startFakeTicketSystem()
})
afterEach(() => fake.close())

const time = (overrides: Partial<TimeWrite> = {}): TimeWrite => ({
  writeKey: 'entry-7/v2',
  ticketId: '12',
  day: '2026-11-30',
  seconds: 25 * 60 + 30,
  activityId: '3',
  userId: null,
  comment: 'Reset the mailbox',
  startedAt: null,
  ...overrides,
})

async function failure(promise: Promise<unknown>): Promise<TicketSystemError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(TicketSystemError)
  return error as TicketSystemError
}

describe('Zammad', () => {
  const zammad = () => createConnector({ kind: 'zammad', baseUrl: fake.url + '/', token: 'zammad-secret' })

  test('writes an internal note with the key, then a time accounting tied to it, on behalf of the mapped user', async () => {
    fake.route('POST', /^\/api\/v1\/ticket_articles$/, { status: 201, json: { id: 501, ticket_id: 12 } })
    fake.route('POST', /^\/api\/v1\/tickets\/12\/time_accountings$/, { status: 201, json: { id: 9, ticket_id: 12, ticket_article_id: 501, time_unit: '25.5' } })
    const written = await zammad().write(time({ userId: 'alice@example.com' }))
    expect(written).toEqual({ externalId: '9', url: `${fake.url}/#ticket/zoom/12` })
    const [note, accounting] = fake.requests
    expect(note?.headers['authorization']).toBe('Token token=zammad-secret')
    expect(note?.headers['x-on-behalf-of']).toBe('alice@example.com')
    expect(note?.json).toEqual({ ticket_id: 12, subject: 'Time from Stint', body: 'Reset the mailbox [stint:entry-7/v2]', content_type: 'text/plain', type: 'note', internal: true })
    expect(accounting?.json).toEqual({ time_unit: '25.50', ticket_article_id: 501, type_id: 3 })
  })

  test('finds a write through its note; reverses by deleting the accounting', async () => {
    fake.route('GET', /^\/api\/v1\/tickets\/12\/time_accountings$/, { json: [{ id: 8, ticket_article_id: 400 }, { id: 9, ticket_article_id: 501 }, { id: 10, ticket_article_id: null }] })
    fake.route('GET', /^\/api\/v1\/ticket_articles\/by_ticket\/12$/, { json: [{ id: 400, body: 'other [stint:entry-7/v1]' }, { id: 501, body: 'Reset the mailbox [stint:entry-7/v2]' }] })
    const connector = zammad()
    expect(await connector.find('entry-7/v2', '12')).toEqual({ externalId: '9', url: `${fake.url}/#ticket/zoom/12` })
    expect(await connector.find('entry-7/v3', '12')).toBeNull()
    fake.route('DELETE', /^\/api\/v1\/tickets\/12\/time_accountings\/9$/, { status: 200, json: {} })
    fake.route('GET', /^\/api\/v1\/tickets\/12\/time_accountings\/9$/, { status: 404, json: { error: 'Not Found' } })
    await connector.reverse({ externalId: '9', url: null }, time(), 'entry-7/v2/void')
    expect(await connector.reversed({ externalId: '9', url: null }, time(), 'entry-7/v2/void')).toBe(true)
    expect(fake.requests.map((request) => `${request.method} ${request.url}`)).toContain('DELETE /api/v1/tickets/12/time_accountings/9')
  })

  test('lists accounting types as activities and finds a user by email', async () => {
    fake.route('GET', /^\/api\/v1\/time_accounting\/types$/, { json: [{ id: 3, name: 'Support', active: true }, { id: 4, name: 'Old', active: false }] })
    fake.route('GET', /^\/api\/v1\/users\/search\?/, { json: [{ id: 7, email: 'alice@example.com', firstname: 'Alice', lastname: 'Admin' }] })
    expect(await zammad().activities()).toEqual([{ id: '3', name: 'Support' }])
    expect(await zammad().userByEmail('Alice@example.com')).toEqual({ id: '7', name: 'Alice Admin' })
    expect(fake.requests.at(-1)?.url).toBe('/api/v1/users/search?query=email%3Aalice%40example.com&limit=10')
  })

  test('a 422 is refused with Zammad’s reason; a 503 is unavailable with its Retry-After', async () => {
    fake.route('POST', /^\/api\/v1\/ticket_articles$/, { status: 422, json: { error: 'Ticket is not accessible. More text here.' } })
    expect(await failure(zammad().write(time()))).toMatchObject({ kind: 'refused', status: 422, message: 'Ticket is not accessible.' })
    fake.route('POST', /^\/api\/v1\/ticket_articles$/, { status: 503, headers: { 'Retry-After': '120' }, json: {} })
    const down = await failure(zammad().write(time()))
    expect(down).toMatchObject({ kind: 'unavailable', status: 503, retryAfterSeconds: 120 })
    expect(down.message).not.toContain('zammad-secret')
  })
})

describe('Jira', () => {
  test('Cloud: a v3 worklog with seconds, started, an ADF comment and the stint property, signed with email and API token', async () => {
    fake.route('POST', /^\/rest\/api\/3\/issue\/OPS-42\/worklog\?/, { status: 201, json: { id: '10100' } })
    const jira = createConnector({ kind: 'jira', baseUrl: fake.url, email: 'tech@example.com', apiToken: 'jira-secret' })
    const written = await jira.write(time({ ticketId: 'OPS-42', activityId: null, startedAt: Date.UTC(2026, 10, 30, 8, 15) }))
    expect(written).toEqual({ externalId: '10100', url: `${fake.url}/browse/OPS-42?focusedWorklogId=10100` })
    const [request] = fake.requests
    expect(request?.url).toBe('/rest/api/3/issue/OPS-42/worklog?notifyUsers=false&adjustEstimate=leave')
    expect(request?.headers['authorization']).toBe('Basic ' + Buffer.from('tech@example.com:jira-secret').toString('base64'))
    expect(request?.json).toEqual({
      timeSpentSeconds: 1530,
      started: '2026-11-30T08:15:00.000+0000',
      comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Reset the mailbox [stint:entry-7/v2]' }] }] },
      properties: [{ key: 'stint', value: { writeKey: 'entry-7/v2' } }],
    })
  })

  test('Data Center: v2 with a personal access token and a plain comment; a start on another day falls back to noon UTC', async () => {
    fake.route('POST', /^\/jira\/rest\/api\/2\/issue\/OPS-42\/worklog\?/, { status: 201, json: { id: '5' } })
    const jira = createConnector({ kind: 'jira', baseUrl: fake.url + '/jira', personalAccessToken: 'pat-secret' })
    await jira.write(time({ ticketId: 'OPS-42', startedAt: Date.UTC(2026, 10, 29, 23, 30) }))
    const [request] = fake.requests
    expect(request?.headers['authorization']).toBe('Bearer pat-secret')
    expect(request?.json).toMatchObject({ started: '2026-11-30T12:00:00.000+0000', comment: 'Reset the mailbox [stint:entry-7/v2]' })
  })

  test('finds by the worklog property across pages; reverses by deleting; 404 counts as gone', async () => {
    fake.route('GET', /^\/rest\/api\/2\/issue\/OPS-42\/worklog\?startAt=0&/, { json: { startAt: 0, total: 101, worklogs: Array.from({ length: 100 }, (_, i) => ({ id: String(i), properties: [] })) } })
    fake.route('GET', /^\/rest\/api\/2\/issue\/OPS-42\/worklog\?startAt=100&/, { json: { startAt: 100, total: 101, worklogs: [{ id: '777', properties: [{ key: 'stint', value: { writeKey: 'entry-7/v2' } }] }] } })
    const jira = createConnector({ kind: 'jira', baseUrl: fake.url, personalAccessToken: 'pat' })
    expect(await jira.find('entry-7/v2', 'OPS-42')).toEqual({ externalId: '777', url: `${fake.url}/browse/OPS-42?focusedWorklogId=777` })
    expect(await jira.find('entry-7/v9', 'OPS-42')).toBeNull()
    expect(fake.requests[0]?.url).toBe('/rest/api/2/issue/OPS-42/worklog?startAt=0&maxResults=100&expand=properties')
    fake.route('DELETE', /^\/rest\/api\/2\/issue\/OPS-42\/worklog\/777\?/, { status: 404, json: { errorMessages: ['Cannot find worklog with id: 777'] } })
    await jira.reverse({ externalId: '777', url: null }, time({ ticketId: 'OPS-42' }), 'void')
    expect(fake.requests.at(-1)?.url).toBe('/rest/api/2/issue/OPS-42/worklog/777?notifyUsers=false&adjustEstimate=leave')
  })

  test('Jira’s errorMessages and field errors become the refusal; 429 is unavailable', async () => {
    const jira = createConnector({ kind: 'jira', baseUrl: fake.url, personalAccessToken: 'pat' })
    fake.route('POST', /worklog/, { status: 400, json: { errorMessages: [], errors: { timeLogged: 'You must indicate the time spent working.' } } })
    expect(await failure(jira.write(time({ ticketId: 'OPS-42' })))).toMatchObject({ kind: 'refused', message: 'You must indicate the time spent working.' })
    fake.route('POST', /worklog/, { status: 429, json: {} })
    expect(await failure(jira.write(time({ ticketId: 'OPS-42' })))).toMatchObject({ kind: 'unavailable', status: 429, retryAfterSeconds: null })
    expect(await failure(jira.write(time({ ticketId: 'not a key' })))).toMatchObject({ kind: 'refused' })
  })

  test('no answer within the timeout is unavailable', async () => {
    fake.route('GET', /worklog/, { delayMs: 2000, json: {} })
    const jira = createConnector({ kind: 'jira', baseUrl: fake.url, personalAccessToken: 'pat' }, undefined, 200)
    expect(await failure(jira.find('entry-7/v2', 'OPS-42'))).toMatchObject({ kind: 'unavailable', message: 'Jira is unreachable (no answer within 200 ms).' })
  })
})
