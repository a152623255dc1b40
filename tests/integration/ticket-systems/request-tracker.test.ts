// The Request Tracker connector against a real RT 5 (Debian's), started for this file: a
// comment with TimeTaken in minutes carries Stint's write key, a retry finds it instead of
// doubling it, a negative comment reverses it once, and refusals and a stopped RT sort into
// the contract's kinds.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { TicketSystemError, type TicketConnector, type TimeWrite } from '@shared/ticket-systems/connector'
import { createConnector } from '@shared/ticket-systems/connectors'
import { hasRequestTracker, startRequestTracker, type RunningRequestTracker } from '../../support/request-tracker'
import { ticketSystemSuite } from '../../support/ticket-system-process'

const suite = ticketSystemSuite('the Request Tracker connector against a real RT 5', 'Request Tracker', hasRequestTracker())

async function refusal(promise: Promise<unknown>): Promise<TicketSystemError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(TicketSystemError)
  return error as TicketSystemError
}

describe.skipIf(suite.skip)(suite.name, { timeout: 30_000 }, () => {
  let rt: RunningRequestTracker
  let connector: TicketConnector
  let ticket: number

  beforeAll(async () => {
    rt = await startRequestTracker()
    console.log(`Request Tracker answered ${rt.bootMs} ms after its start`)
    connector = createConnector({ kind: 'rt', baseUrl: rt.url, token: rt.token })
    ticket = await rt.createTicket('VPN drops every hour')
  }, 180_000)
  afterAll(async () => {
    await rt?.stop()
  })

  const time = (overrides: Partial<TimeWrite> = {}): TimeWrite => ({
    writeKey: 'entry-1/v1',
    ticketId: String(ticket),
    day: '2026-11-30',
    seconds: 25 * 60 + 30,
    activityId: null,
    userId: null,
    comment: 'Replaced the router’s firmware',
    startedAt: null,
    ...overrides,
  })

  test('reads the ticket from its page URL; RT has no activities; finds a user by email', async () => {
    expect(connector.ticketIdFromUrl(`${rt.url}/Ticket/Display.html?id=${ticket}`)).toBe(String(ticket))
    expect(await connector.activities()).toEqual([])
    await rt.createUser({ name: 'alice', email: 'alice@example.com', realName: 'Alice Admin' })
    expect(await connector.userByEmail('Alice@Example.com ')).toEqual({ id: 'alice', name: 'Alice Admin' })
    expect(await connector.userByEmail('nobody@example.com')).toBeNull()
  })

  test('writes a comment with TimeTaken once (25.5 min rounds to 26); a retry finds it', async () => {
    expect(await connector.find('entry-1/v1', String(ticket))).toBeNull()
    const written = await connector.write(time())
    expect(written.url).toBe(`${rt.url}/Ticket/Display.html?id=${ticket}#txn-${written.externalId}`)
    const comments = (await rt.transactions(ticket)).filter((transaction) => transaction.Type === 'Comment')
    expect(comments).toEqual([{ id: written.externalId, Type: 'Comment', TimeTaken: 26, Data: expect.stringContaining('[stint:entry-1/v1]') as unknown, Content: 'Replaced the router’s firmware [stint:entry-1/v1]' }])
    expect(await rt.timeWorked(ticket)).toBe(26)

    expect(await connector.find('entry-1/v1', String(ticket))).toEqual(written)
    expect(await connector.find('entry-1/v2', String(ticket))).toBeNull()
    expect(await rt.timeWorked(ticket)).toBe(26)
  })

  test('reverses with a negative comment, once, and says so', async () => {
    const written = await connector.find('entry-1/v1', String(ticket))
    if (!written) throw new Error('entry-1/v1 is not on the ticket')
    expect(await connector.reversed(written, time(), 'entry-1/v1/void')).toBe(false)
    await connector.reverse(written, time(), 'entry-1/v1/void')
    expect(await connector.reversed(written, time(), 'entry-1/v1/void')).toBe(true)
    expect(await rt.timeWorked(ticket)).toBe(0)
    const reversal = (await rt.transactions(ticket)).filter((transaction) => transaction.TimeTaken < 0)
    expect(reversal).toEqual([expect.objectContaining({ Type: 'Comment', TimeTaken: -26, Data: expect.stringContaining('[stint:entry-1/v1/void]') as unknown })])
    // The write itself is still found (RT only appends): the engine asks `reversed`, not `find`.
    expect(await connector.find('entry-1/v1', String(ticket))).toEqual(written)
  })

  test('user and password work as well as a token', async () => {
    const basic = createConnector({ kind: 'rt', baseUrl: rt.url, user: rt.user, password: rt.password })
    const written = await basic.write(time({ writeKey: 'entry-2/v1', seconds: 3600 }))
    expect(await connector.find('entry-2/v1', String(ticket))).toEqual(written)
    expect(await rt.timeWorked(ticket)).toBe(60)
  })

  test('time is written to a ticket resolved before the approval, and the ticket stays resolved', async () => {
    const resolved = await rt.createTicket('Resolved before approval')
    await rt.resolveTicket(resolved)
    const written = await connector.write(time({ writeKey: 'entry-3/v1', ticketId: String(resolved), seconds: 600 }))
    expect(await connector.find('entry-3/v1', String(resolved))).toEqual(written)
    expect(await rt.timeWorked(resolved)).toBe(10)
    expect(await rt.ticketStatus(resolved)).toBe('resolved')
  })

  test('an unknown ticket and wrong credentials are refused with RT’s reason', async () => {
    const unknown = await refusal(connector.write(time({ writeKey: 'x/v1', ticketId: '999999' })))
    expect(unknown).toMatchObject({ kind: 'refused', status: 404, message: 'Not Found' })
    const wrong = await refusal(createConnector({ kind: 'rt', baseUrl: rt.url, user: 'root', password: 'wrong-password' }).write(time({ writeKey: 'x/v1' })))
    expect(wrong).toMatchObject({ kind: 'refused', status: 401, message: 'Unauthorized' })
    expect(wrong.message).not.toContain('wrong-password')
    expect(await rt.timeWorked(ticket)).toBe(60)
  })

  test('a stopped RT is unavailable, never refused', async () => {
    await rt.stop()
    expect(await refusal(connector.write(time({ writeKey: 'entry-9/v1' })))).toMatchObject({ kind: 'unavailable' })
  })
})
