// The team server's write-back engine against a real Redmine 5 through the real connector:
// approval puts the time entry on the issue once, with the mapped activity and the member's
// Redmine user (found by email); a write whose answer was lost is found, not repeated; a
// void takes it off the issue again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { builtInConnectors } from '../../../src/server/writeback/connectors'
import { SecretBox } from '../../../src/server/writeback/secrets'
import { TicketWriteWorker, type ConnectorFactory } from '../../../src/server/writeback/worker'
import { hasRedmine, startRedmine, type RunningRedmine } from '../../support/redmine'
import { useServerDatabase, usePostgresCluster } from '../../support/server-db'
import { ticketSystemSuite } from '../../support/ticket-system-process'
import { addEntry, addWorkItem, approve, submit, TEST_SECRET_KEY, voidIt, writebackOrg, type WritebackOrg } from '../../support/writeback-org'

const suite = ticketSystemSuite('write-back to a real Redmine 5', 'Redmine', hasRedmine())
const MONDAY = '2026-03-02'
const postgres = usePostgresCluster()

describe.skipIf(suite.skip)(suite.name, { timeout: 60_000 }, () => {
  const t = useServerDatabase('sqlite', postgres)
  let redmine: RunningRedmine
  let projectId: number
  let w: WritebackOrg
  beforeAll(async () => {
    redmine = await startRedmine()
    projectId = (await redmine.createProject('Kunde Writeback GmbH')).id
    await redmine.createUser({ login: 'bo', email: 'bo@example.com', firstname: 'Bo', lastname: 'Tech' }, projectId)
  }, 180_000)
  afterAll(async () => {
    await redmine?.stop()
  })
  beforeEach(async () => {
    w = await writebackOrg(t.db, { pattern: 'one', baseUrl: redmine.url, now: Date.now() })
    await w.systems.update({ system: 'Redmine', credentials: { apiKey: redmine.apiKey } })
    // Redmine has no "Remote support": mapped by the admin; the user is found by email.
    const development = (await redmine.activities()).find((activity) => activity.name === 'Development')
    await w.systems.mapActivity({ system: 'Redmine', activityType: 'Remote support', activity: String(development?.id) })
  })

  it('approval writes once (even when the first answer is lost), void takes it back', async () => {
    const issue = await redmine.createIssue(projectId, 'Printer on floor 2 is jammed')
    const ticket = await addWorkItem(t.db, 'Printer', `${redmine.url}/issues/${issue}`, w.clock.now)
    await addEntry(w, { day: MONDAY, seconds: 5400, workItemId: ticket, description: 'Replaced the fuser' })
    const period = await submit(w, MONDAY)
    await approve(w, period)
    // The first write lands but its answer is lost.
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
    const entries = await redmine.timeEntries(issue)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ hours: 1.5, spent_on: MONDAY, activity: { name: 'Development' }, user: { name: 'Bo Tech' } })
    const [row] = await t.db.selectFrom('ticket_writes').selectAll().execute()
    expect(row).toMatchObject({ state: 'written', ticket_id: String(issue) })

    await voidIt(w, period)
    await worker.runOnce()
    expect(await redmine.timeEntries(issue)).toHaveLength(0)
    expect((await t.db.selectFrom('ticket_writes').select('state').executeTakeFirstOrThrow()).state).toBe('reversed')
  })
})
