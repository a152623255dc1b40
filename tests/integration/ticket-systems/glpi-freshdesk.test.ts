// The GLPI and Freshdesk connectors (written from their documented APIs) against a node:http
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
  activityId: null,
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

describe('GLPI', () => {
  const glpi = () => createConnector({ kind: 'glpi', baseUrl: fake.url + '/glpi', appToken: 'app-secret', userToken: 'user-secret' })
  let sessions = 0
  beforeEach(() => {
    sessions = 0
    fake.route('GET', /^\/glpi\/apirest\.php\/initSession$/, () => ({ json: { session_token: `session-${++sessions}` } }))
  })

  test('opens a session with the app and user tokens, then adds a ticket task with seconds, category and technician', async () => {
    fake.route('POST', /^\/glpi\/apirest\.php\/TicketTask$/, { status: 201, json: { id: 88, message: '' } })
    const written = await glpi().write(time({ activityId: '4', userId: '9', startedAt: Date.UTC(2026, 10, 30, 7, 45, 10) }))
    expect(written).toEqual({ externalId: '88', url: `${fake.url}/glpi/front/ticket.form.php?id=12` })
    const [init, add] = fake.requests
    expect(init?.headers).toMatchObject({ 'app-token': 'app-secret', authorization: 'user_token user-secret' })
    expect(add?.headers).toMatchObject({ 'app-token': 'app-secret', 'session-token': 'session-1' })
    expect(add?.headers['authorization']).toBeUndefined()
    expect(add?.json).toEqual({ input: { tickets_id: 12, content: 'Reset the mailbox [stint:entry-7/v2]', actiontime: 1530, date: '2026-11-30 07:45:10', is_private: 0, taskcategories_id: 4, users_id_tech: 9 } })
  })

  test('a session GLPI forgot is opened again once', async () => {
    fake.route('GET', /^\/glpi\/apirest\.php\/Ticket\/12\/TicketTask/, (request) =>
      request.headers['session-token'] === 'session-1' ? { status: 401, json: ['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid'] } : { json: [{ id: 88, content: '&lt;p&gt;Reset the mailbox [stint:entry-7&#x2F;v2]&lt;/p&gt;' }] },
    )
    expect(await glpi().find('entry-7/v2', '12')).toEqual({ externalId: '88', url: `${fake.url}/glpi/front/ticket.form.php?id=12` })
    expect(sessions).toBe(2)
  })

  test('reverses by purging the task; lists task categories; finds a user by email', async () => {
    fake.route('DELETE', /^\/glpi\/apirest\.php\/TicketTask\/88\?force_purge=true$/, { json: [{ 88: true, message: '' }] })
    fake.route('GET', /^\/glpi\/apirest\.php\/TaskCategory/, { status: 206, json: [{ id: 4, name: 'Remote', completename: 'Support > Remote', is_active: 1 }, { id: 5, name: 'Old', is_active: 0 }] })
    fake.route('GET', /^\/glpi\/apirest\.php\/UserEmail/, { json: [{ users_id: 9, email: 'alice@example.com' }] })
    fake.route('GET', /^\/glpi\/apirest\.php\/User\/9$/, { json: { id: 9, name: 'alice', firstname: 'Alice', realname: 'Admin' } })
    const connector = glpi()
    await connector.reverse({ externalId: '88', url: null }, time(), 'void')
    expect(await connector.activities()).toEqual([{ id: '4', name: 'Support > Remote' }])
    expect(await connector.userByEmail('ALICE@example.com')).toEqual({ id: '9', name: 'Alice Admin' })
  })

  test('GLPI’s ["ERROR_…", "message"] is the refusal', async () => {
    fake.route('POST', /TicketTask/, { status: 400, json: ['ERROR_GLPI_ADD', 'You don’t have permission to perform this action.'] })
    expect(await failure(glpi().write(time()))).toMatchObject({ kind: 'refused', status: 400, message: 'You don’t have permission to perform this action.' })
  })
})

describe('Freshdesk', () => {
  const freshdesk = () => createConnector({ kind: 'freshdesk', baseUrl: fake.url, apiKey: 'fd-secret' })

  test('a time entry with hh:mm, always timer_running false, the agent and the key in the note', async () => {
    fake.route('POST', /^\/api\/v2\/tickets\/12\/time_entries$/, { status: 201, json: { id: 31, timer_running: false } })
    const written = await freshdesk().write(time({ userId: '4001', seconds: 2 * 3600 + 5 * 60 + 20 }))
    expect(written).toEqual({ externalId: '31', url: `${fake.url}/a/tickets/12` })
    const [request] = fake.requests
    expect(request?.headers['authorization']).toBe('Basic ' + Buffer.from('fd-secret:X').toString('base64'))
    expect(request?.json).toEqual({ time_spent: '02:05', executed_at: '2026-11-30T12:00:00Z', note: 'Reset the mailbox [stint:entry-7/v2]', billable: true, timer_running: false, agent_id: 4001 })
  })

  test('finds across pages; reverses by deleting; a deleted entry counts as reversed', async () => {
    fake.route('GET', /^\/api\/v2\/tickets\/12\/time_entries\?page=1&/, { json: Array.from({ length: 100 }, (_, i) => ({ id: i, note: '' })) })
    fake.route('GET', /^\/api\/v2\/tickets\/12\/time_entries\?page=2&/, { json: [{ id: 31, note: 'Reset the mailbox [stint:entry-7/v2]' }] })
    const connector = freshdesk()
    expect(await connector.find('entry-7/v2', '12')).toEqual({ externalId: '31', url: `${fake.url}/a/tickets/12` })
    expect(await connector.reversed({ externalId: '31', url: null }, time(), 'void')).toBe(false)
    fake.route('DELETE', /^\/api\/v2\/time_entries\/31$/, { status: 204 })
    await connector.reverse({ externalId: '31', url: null }, time(), 'void')
    expect(await connector.reversed({ externalId: '999', url: null }, time(), 'void')).toBe(true)
  })

  test('validation errors are refused with their fields; 429 keeps Retry-After; agents by email', async () => {
    fake.route('POST', /time_entries/, { status: 400, json: { description: 'Validation failed', errors: [{ field: 'agent_id', message: 'There is no agent matching the given agent_id', code: 'invalid_value' }] } })
    expect(await failure(freshdesk().write(time()))).toMatchObject({ kind: 'refused', message: 'Validation failed: agent_id: There is no agent matching the given agent_id' })
    fake.route('POST', /time_entries/, { status: 429, headers: { 'Retry-After': '30' }, json: {} })
    expect(await failure(freshdesk().write(time()))).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 30 })
    fake.route('GET', /^\/api\/v2\/agents\?email=alice%40example.com$/, { json: [{ id: 4001, contact: { name: 'Alice Admin', email: 'alice@example.com' } }] })
    expect(await freshdesk().userByEmail('alice@example.com')).toEqual({ id: '4001', name: 'Alice Admin' })
    expect(await freshdesk().activities()).toEqual([])
  })
})
