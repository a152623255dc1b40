// Exactly once across a crash: the real server process (the built bundle) sends an approved
// entry to a ticket system over HTTP, the system stores it, and the server is killed with
// SIGKILL before the answer arrives. Started again, the server finds the write by Stint's
// key instead of sending it twice: one time entry on the ticket. Then a void takes it back.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openServerDatabase, type OpenedServerDatabase } from '../../src/server/db/open'
import { hasPostgres, postgresSuiteName } from '../support/postgres'
import { usePostgresCluster } from '../support/server-db'
import { buildServerBundle, startServerProcess, type ServerProcess } from '../support/server-process'
import { HTTP_TICKET_CONNECTOR, HttpTicketSystem } from '../support/http-ticket-system'
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
