// The team server's write-back engine against a real Request Tracker 5 through the real
// connector: approval adds the minutes to the ticket once (a comment with TimeTaken), a
// write whose answer was lost is found, not repeated; a void takes them back with a
// negative TimeTaken, so the ticket's time worked is zero again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { builtInConnectors } from '../../../src/server/writeback/connectors'
import { SecretBox } from '../../../src/server/writeback/secrets'
import { TicketWriteWorker, type ConnectorFactory } from '../../../src/server/writeback/worker'
import { hasRequestTracker, startRequestTracker, type RunningRequestTracker } from '../../support/request-tracker'
import { useServerDatabase, usePostgresCluster } from '../../support/server-db'
import { ticketSystemSuite } from '../../support/ticket-system-process'
import { addEntry, addWorkItem, approve, submit, TEST_SECRET_KEY, voidIt, writebackOrg, type WritebackOrg } from '../../support/writeback-org'

const suite = ticketSystemSuite('write-back to a real Request Tracker 5', 'Request Tracker', hasRequestTracker())
const MONDAY = '2026-03-02'
const postgres = usePostgresCluster()

describe.skipIf(suite.skip)(suite.name, { timeout: 60_000 }, () => {
  const t = useServerDatabase('sqlite', postgres)
  let rt: RunningRequestTracker
  let w: WritebackOrg
  beforeAll(async () => {
    rt = await startRequestTracker()
  }, 180_000)
  afterAll(async () => {
    await rt?.stop()
  })
  beforeEach(async () => {
    w = await writebackOrg(t.db, { pattern: 'one', baseUrl: rt.url, now: Date.now(), kind: 'rt', name: 'RT' })
    await w.systems.update({ system: 'RT', credentials: { token: rt.token } })
    // RT books as the connector's own account: the person is mapped to it.
    await w.systems.mapUser({ system: 'RT', email: 'bo@example.com', user: rt.user })
  })

  it('approval writes once (even when the first answer is lost), void takes it back', async () => {
    const ticket = await rt.createTicket('Printer on floor 2 is jammed')
    const item = await addWorkItem(t.db, 'Printer', `${rt.url}/Ticket/Display.html?id=${ticket}`, w.clock.now)
    await addEntry(w, { day: MONDAY, seconds: 5400, workItemId: item, description: 'Replaced the fuser' })
    const period = await submit(w, MONDAY)
    await approve(w, period)
    let loseAnswer = true
    const connectors: ConnectorFactory = (system) => {
      const real = builtInConnectors(system)
      return {
        ...real,
        write: async (time) => {
          const written = await real.write(time)
          if (loseAnswer) {
            loseAnswer = false
            throw new Error('socket hang up')
          }
          return written
        },
      }
    }
    const worker = new TicketWriteWorker({ db: t.db, connectors, secrets: SecretBox.fromKey(TEST_SECRET_KEY), clock: () => w.clock.now, backoffMs: 1000 })
    await worker.runOnce()
    w.clock.now += 5000
    await worker.runOnce()
    expect(await t.db.selectFrom('ticket_writes').select(['state', 'last_error']).executeTakeFirstOrThrow()).toEqual({ state: 'written', last_error: null })
    expect(await rt.timeWorked(ticket)).toBe(90)

    await voidIt(w, period)
    await worker.runOnce()
    expect((await t.db.selectFrom('ticket_writes').select('state').executeTakeFirstOrThrow()).state).toBe('reversed')
    expect(await rt.timeWorked(ticket)).toBe(0)
  })
})
