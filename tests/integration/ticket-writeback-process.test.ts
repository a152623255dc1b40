// Exactly once across a crash: the real server process (the built bundle) sends an approved
// entry to a ticket system over HTTP, the system stores it, and the server is killed with
// SIGKILL before the answer arrives. Started again, the server finds the write by Stint's
// key instead of sending it twice: one time entry on the ticket. Then a void takes it back.
// The same against a real Redmine 5, behind a proxy that keeps Redmine's answer from the server.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openServerDatabase, type OpenedServerDatabase } from '../../src/server/db/open'
import { hasPostgres, postgresSuiteName } from '../support/postgres'
import { usePostgresCluster } from '../support/server-db'
import { buildServerBundle, startServerProcess, type ServerProcess } from '../support/server-process'
import { HTTP_TICKET_CONNECTOR, HttpTicketSystem } from '../support/http-ticket-system'
import { hasRedmine, startRedmine, type RunningRedmine } from '../support/redmine'
import { ticketSystemSuite } from '../support/ticket-system-process'
import { addEntry, addWorkItem, approve, submit, TEST_SECRET_KEY, voidIt, writebackOrg } from '../support/writeback-org'

const MONDAY = '2026-03-02'
const postgres = usePostgresCluster()
let bundle: Awaited<ReturnType<typeof buildServerBundle>>
beforeAll(async () => {
  bundle = await buildServerBundle()
}, 120_000)
afterAll(() => bundle.remove())

const WRITE_BACK_ENV = { STINT_SERVER_SECRET_KEY: TEST_SECRET_KEY, STINT_TICKET_CONNECTORS: HTTP_TICKET_CONNECTOR, STINT_WRITEBACK_INTERVAL_MS: '100', STINT_WRITEBACK_LEASE_MS: '1500' }

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function crashSuite(dialect: 'sqlite' | 'postgres') {
  let dataDir = ''
  let opened: OpenedServerDatabase | undefined
  let server: ServerProcess | undefined
  let tickets: HttpTicketSystem | undefined
  afterEach(async () => {
    await server?.stop()
    await tickets?.stop()
    await opened?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('a server killed mid-write and started again leaves exactly one time entry; a void then takes it back', async () => {
    tickets = new HttpTicketSystem()
    await tickets.start()
    dataDir = mkdtempSync(join(tmpdir(), 'stint-writeback-proc-'))
    const databaseUrl = dialect === 'postgres' ? await (await postgres.cluster()).createDatabase() : undefined
    opened = await openServerDatabase({ url: databaseUrl, dataDir })
    const { db } = opened
    const w = await writebackOrg(db, { pattern: 'one', baseUrl: tickets.url, now: Date.now() })
    const ticket = await addWorkItem(db, 'Printer on fire', `${tickets.url}/issues/42`, w.clock.now)
    await addEntry(w, { day: MONDAY, seconds: 5400, workItemId: ticket })
    const period = await submit(w, MONDAY)
    await approve(w, period)

    tickets.hangAfterWrite = true
    server = await startServerProcess(bundle.entry, { dataDir, databaseUrl, env: WRITE_BACK_ENV })
    await tickets.landed
    await server.kill()
    const afterCrash = await db.selectFrom('ticket_writes').select(['state', 'attempts', 'lease_owner']).executeTakeFirstOrThrow()
    expect(afterCrash).toMatchObject({ state: 'waiting', attempts: 1 })
    expect(afterCrash.lease_owner).not.toBeNull()

    server = await startServerProcess(bundle.entry, { dataDir, databaseUrl, env: WRITE_BACK_ENV })
    await until('the write to be recorded', async () => (await db.selectFrom('ticket_writes').select('state').executeTakeFirstOrThrow()).state === 'written')
    expect([...tickets.stored.values()]).toMatchObject([{ ticketId: '42', seconds: 5400, activityId: '9', userId: '7' }])
    expect(tickets.writeRequests).toBe(1)

    w.clock.now = Date.now()
    await voidIt(w, period)
    await until('the reversal', async () => (await db.selectFrom('ticket_writes').select('state').executeTakeFirstOrThrow()).state === 'reversed')
    expect(tickets.stored.size).toBe(0)
  }, 60_000)
}

describe('ticket write-back across a SIGKILL [SQLite]', () => crashSuite('sqlite'))
describe.skipIf(!hasPostgres())(postgresSuiteName('ticket write-back across a SIGKILL [PostgreSQL]'), () => crashSuite('postgres'))

/**
 * Redmine 5 behind a forwarding proxy that, once asked, passes one time entry POST on to
 * Redmine and then leaves the server's request hanging: the entry is on the issue, the
 * server never hears so.
 */
function hangingProxy(target: string) {
  let hangNextWrite = false
  let landed: () => void = () => undefined
  const hanging: ServerResponse[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'connection' && name !== 'content-length')) as Record<string, string>
      const hang = hangNextWrite && request.method === 'POST' && (request.url ?? '').startsWith('/time_entries')
      if (hang) hangNextWrite = false
      fetch(target + (request.url ?? '/'), { method: request.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }).then(
        async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer())
          if (hang) {
            hanging.push(response)
            return landed()
          }
          response.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' }).end(body)
        },
        () => response.writeHead(502).end(),
      )
    })
  })
  return {
    url: '',
    hangNextWrite(): Promise<void> {
      hangNextWrite = true
      return new Promise((resolve) => (landed = resolve))
    },
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    },
    async stop() {
      for (const response of hanging) response.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

const redmineSuite = ticketSystemSuite('ticket write-back across a SIGKILL, to a real Redmine 5 [SQLite]', 'Redmine', hasRedmine())
describe.skipIf(redmineSuite.skip)(redmineSuite.name, () => {
  let redmine: RunningRedmine | undefined
  let proxy: ReturnType<typeof hangingProxy> | undefined
  let dataDir = ''
  let opened: OpenedServerDatabase | undefined
  let server: ServerProcess | undefined
  afterEach(async () => {
    await server?.stop()
    await proxy?.stop()
    await redmine?.stop()
    await opened?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('a server killed after Redmine stored the time entry finds it when started again: one entry on the issue; a void removes it', async () => {
    redmine = await startRedmine()
    const project = await redmine.createProject('Kunde Crash GmbH')
    await redmine.createUser({ login: 'bo', email: 'bo@example.com', firstname: 'Bo', lastname: 'Tech' }, project.id)
    const issue = await redmine.createIssue(project.id, 'Printer on fire')
    const development = (await redmine.activities()).find((activity) => activity.name === 'Development')
    proxy = hangingProxy(redmine.url)
    await proxy.start()

    dataDir = mkdtempSync(join(tmpdir(), 'stint-writeback-redmine-proc-'))
    opened = await openServerDatabase({ dataDir })
    const { db } = opened
    const w = await writebackOrg(db, { pattern: 'one', baseUrl: proxy.url, now: Date.now() })
    await w.systems.update({ system: 'Redmine', credentials: { apiKey: redmine.apiKey } })
    await w.systems.mapActivity({ system: 'Redmine', activityType: 'Remote support', activity: String(development?.id) })
    const ticket = await addWorkItem(db, 'Printer on fire', `${proxy.url}/issues/${issue}`, w.clock.now)
    const entryId = await addEntry(w, { day: MONDAY, seconds: 5400, workItemId: ticket, description: 'Replaced the fuser' })
    const period = await submit(w, MONDAY)
    await approve(w, period)

    const landed = proxy.hangNextWrite()
    const env = { STINT_SERVER_SECRET_KEY: TEST_SECRET_KEY, STINT_WRITEBACK_INTERVAL_MS: '100', STINT_WRITEBACK_LEASE_MS: '1500' }
    server = await startServerProcess(bundle.entry, { dataDir, env })
    await landed
    await server.kill()
    expect(await redmine.timeEntries(issue)).toHaveLength(1)
    expect(await db.selectFrom('ticket_writes').select(['state', 'attempts']).executeTakeFirstOrThrow()).toMatchObject({ state: 'waiting', attempts: 1 })

    server = await startServerProcess(bundle.entry, { dataDir, env })
    await until('the write to be recorded', async () => (await db.selectFrom('ticket_writes').select('state').executeTakeFirstOrThrow()).state === 'written')
    const entries = await redmine.timeEntries(issue)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ hours: 1.5, spent_on: MONDAY, activity: { name: 'Development' }, user: { name: 'Bo Tech' } })
    expect(entries[0]?.comments).toContain(`[stint:${entryId}/`)

    w.clock.now = Date.now()
    await voidIt(w, period)
    await until('the reversal', async () => (await db.selectFrom('ticket_writes').select('state').executeTakeFirstOrThrow()).state === 'reversed')
    expect(await redmine.timeEntries(issue)).toEqual([])
  }, 120_000)
})
