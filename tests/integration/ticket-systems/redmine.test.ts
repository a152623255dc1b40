// The Redmine connector against a real Redmine 5 (Debian's), started for this file: writes
// a time entry, finds it by Stint's write key (so a retry never doubles it), reverses it,
// and sorts Redmine's refusals and a stopped Redmine into the contract's kinds.
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { TicketSystemError, type TicketConnector, type TimeWrite } from '@shared/ticket-systems/connector'
import { createConnector } from '@shared/ticket-systems/connectors'
import { hasRedmine, startRedmine, type RunningRedmine } from '../../support/redmine'
import { ticketSystemSuite } from '../../support/ticket-system-process'

const suite = ticketSystemSuite('the Redmine connector against a real Redmine 5', 'Redmine', hasRedmine())

async function refusal(promise: Promise<unknown>): Promise<TicketSystemError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(TicketSystemError)
  return error as TicketSystemError
}

describe.skipIf(suite.skip)(suite.name, { timeout: 30_000 }, () => {
  const storedHours = (id: number): number => {
    const db = new Database(redmine.database, { readonly: true })
    try {
      return (db.prepare('SELECT hours FROM time_entries WHERE id = ?').get(id) as { hours: number }).hours
    } finally {
      db.close()
    }
  }

  let redmine: RunningRedmine
  let connector: TicketConnector
  let projectId: number
  let issue: number
  let development: string

  beforeAll(async () => {
    redmine = await startRedmine()
    console.log(`Redmine answered ${redmine.bootMs} ms after its start`)
    connector = createConnector({ kind: 'redmine', baseUrl: redmine.url, apiKey: redmine.apiKey })
    projectId = (await redmine.createProject('Kunde Müller GmbH')).id
    issue = await redmine.createIssue(projectId, 'Printer on floor 2 is jammed')
    development = String((await redmine.activities()).find((activity) => activity.name === 'Development')?.id)
  }, 180_000)
  afterAll(async () => {
    await redmine?.stop()
  })

  const time = (overrides: Partial<TimeWrite> = {}): TimeWrite => ({
    writeKey: 'entry-1/v1',
    ticketId: String(issue),
    day: '2026-11-30',
    seconds: 91 * 60,
    activityId: development,
    userId: null,
    comment: 'Cleared the paper path',
    startedAt: null,
    ...overrides,
  })

  test('lists Redmine’s activities and finds a user by email', async () => {
    const design = String((await redmine.activities()).find((activity) => activity.name === 'Design')?.id)
    expect(await connector.activities()).toEqual([
      { id: design, name: 'Design' },
      { id: development, name: 'Development' },
    ])
    const bob = await redmine.createUser({ login: 'bob', email: 'bob.builder@example.com', firstname: 'Bob', lastname: 'Builder' }, projectId)
    expect(await connector.userByEmail(' Bob.Builder@EXAMPLE.com')).toEqual({ id: String(bob), name: 'Bob Builder' })
    expect(await connector.userByEmail('nobody@example.com')).toBeNull()
  })

  test('the admin signs in with the login and password the harness gives', async () => {
    const response = await fetch(`${redmine.url}/users/current.json`, { headers: { Authorization: 'Basic ' + Buffer.from(`${redmine.login}:${redmine.password}`).toString('base64') } })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { user: { login: string; admin: boolean } }).user).toMatchObject({ login: 'admin', admin: true })
  })

  test('reads the issue from its page URL', () => {
    expect(connector.ticketIdFromUrl(`${redmine.url}/issues/${issue}`)).toBe(String(issue))
    expect(connector.ticketIdFromUrl(`${redmine.url}/projects/x`)).toBeNull()
  })

  test('writes a time entry once: the hours, day, activity and comment with the key; a retry finds it', async () => {
    expect(await connector.find('entry-1/v1', String(issue))).toBeNull()
    const written = await connector.write(time())
    expect(written.url).toBe(`${redmine.url}/issues/${issue}/time_entries`)
    const entries = await redmine.timeEntries(issue)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ id: Number(written.externalId), spent_on: '2026-11-30', activity: { id: Number(development) }, comments: 'Cleared the paper path [stint:entry-1/v1]' })
    // Redmine's API shows two decimals (1.52); the database holds what was sent, exact to the minute.
    expect(entries[0]?.hours).toBe(1.52)
    const stored = storedHours(Number(written.externalId))
    expect(Math.round(stored * 3600)).toBe(91 * 60)

    // The engine's retry: find first, and write only when nothing landed.
    expect(await connector.find('entry-1/v1', String(issue))).toEqual(written)
    expect(await connector.find('entry-1/v2', String(issue))).toBeNull()
    expect(await redmine.timeEntries(issue)).toHaveLength(1)
  })

  test('books for the mapped user and keeps the key when the description is too long', async () => {
    const bob = await connector.userByEmail('bob.builder@example.com')
    const written = await connector.write(time({ writeKey: 'entry-2/v3', userId: bob?.id ?? null, comment: 'Ä'.repeat(3000) }))
    const entry = (await redmine.timeEntries(issue)).find((candidate) => String(candidate.id) === written.externalId)
    expect(entry?.user.id).toBe(Number(bob?.id))
    expect(entry?.comments.length).toBeLessThanOrEqual(1024)
    expect(entry?.comments.endsWith('… [stint:entry-2/v3]')).toBe(true)
    expect(await connector.find('entry-2/v3', String(issue))).toEqual(written)
  })

  test('reverses by deleting the time entry, once', async () => {
    const written = await connector.find('entry-1/v1', String(issue))
    if (!written) throw new Error('entry-1/v1 is not on the issue')
    expect(await connector.reversed(written, time(), 'entry-1/v1/void')).toBe(false)
    await connector.reverse(written, time(), 'entry-1/v1/void')
    expect(await connector.reversed(written, time(), 'entry-1/v1/void')).toBe(true)
    expect(await connector.find('entry-1/v1', String(issue))).toBeNull()
    await connector.reverse(written, time(), 'entry-1/v1/void') // already gone: no error
    expect((await redmine.timeEntries(issue)).map((entry) => entry.comments)).not.toContain('Cleared the paper path [stint:entry-1/v1]')
  })

  test('time is written to an issue closed before the approval, and the issue stays closed', async () => {
    const closed = await redmine.createIssue(projectId, 'Closed before approval')
    await redmine.closeIssue(closed)
    expect(await redmine.issueStatus(closed)).toEqual({ name: 'Closed', closed: true })
    const written = await connector.write(time({ writeKey: 'entry-3/v1', ticketId: String(closed) }))
    expect((await redmine.timeEntries(closed)).map((entry) => String(entry.id))).toEqual([written.externalId])
    expect(await redmine.issueStatus(closed)).toEqual({ name: 'Closed', closed: true })
  })

  test('an unknown issue, an unknown activity and a wrong key are refused with Redmine’s reason', async () => {
    const unknownIssue = await refusal(connector.write(time({ writeKey: 'x/v1', ticketId: '999999' })))
    expect(unknownIssue).toMatchObject({ kind: 'refused', status: 422, message: 'Project cannot be blank; Project is invalid; Issue is invalid.' })
    const unknownActivity = await refusal(connector.write(time({ writeKey: 'x/v1', activityId: '9999' })))
    expect(unknownActivity).toMatchObject({ kind: 'refused', status: 422, message: 'Activity is not included in the list.' })
    const wrongKey = await refusal(createConnector({ kind: 'redmine', baseUrl: redmine.url, apiKey: 'not-the-key' }).write(time({ writeKey: 'x/v1' })))
    expect(wrongKey).toMatchObject({ kind: 'refused', status: 401 })
    expect(wrongKey.message).not.toContain('not-the-key')
    expect(await connector.find('x/v1', String(issue))).toBeNull()
  })

  test('a stopped Redmine is unavailable, never refused', async () => {
    await redmine.stop()
    const down = await refusal(connector.write(time({ writeKey: 'entry-9/v1' })))
    expect(down).toMatchObject({ kind: 'unavailable' })
    expect(down.message).not.toContain(redmine.apiKey)
  })
})
