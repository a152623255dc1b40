// The desktop's write-back for a standalone technician against a real Redmine 5, on a real
// SQLite file: submitting (= approving) a period puts each entry's time on its issue once,
// with the mapped activity; an answer lost after the write landed does not write it twice;
// reopen, change and submit again corrects the changed entry and leaves the unchanged one;
// an activity type with no Redmine activity fails before anything is sent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_ACTIVITY_TYPES } from '@shared/work'
import type { RowKey } from '@shared/timesheet'
import { openTempCore, type TempCore } from '../../../src/main/testing/temp-core'
import { desktopConnectors, type DesktopConnectorFactory } from '../../../src/main/ticket-writes/worker'
import { hasRedmine, startRedmine, type RunningRedmine } from '../../support/redmine'
import { ticketSystemSuite } from '../../support/ticket-system-process'

const suite = ticketSystemSuite('desktop write-back to a real Redmine 5', 'Redmine', hasRedmine())
const MONDAY = '2026-11-16'
const TUESDAY = '2026-11-17'
const REMOTE = DEFAULT_ACTIVITY_TYPES[0]?.id ?? ''
const ON_SITE = DEFAULT_ACTIVITY_TYPES[1]?.id ?? ''

describe.skipIf(suite.skip)(suite.name, { timeout: 90_000 }, () => {
  let redmine: RunningRedmine
  let projectId: number
  let env: TempCore | undefined
  // The first write lands but its answer is lost, when a test asks for it.
  let loseNextAnswer = false
  const connectors: DesktopConnectorFactory = (system) => {
    const real = desktopConnectors(system)
    return {
      ...real,
      write: async (time) => {
        const written = await real.write(time)
        if (loseNextAnswer) {
          loseNextAnswer = false
          throw new Error('socket hang up')
        }
        return written
      },
    }
  }
  beforeAll(async () => {
    redmine = await startRedmine()
    projectId = (await redmine.createProject('Kunde Desktop GmbH')).id
  }, 180_000)
  afterAll(async () => {
    await redmine?.stop()
  })
  afterEach(async () => {
    await env?.dispose()
    loseNextAnswer = false
  })

  async function setUp(activityMap: Record<string, string>): Promise<TempCore> {
    env = await openTempCore(undefined, { ticketConnectors: connectors })
    await env.core.localTickets.add({ kind: 'redmine', name: 'Redmine', baseUrl: redmine.url, credentials: { apiKey: redmine.apiKey }, activityMap })
    return env
  }
  async function ticketRow(t: TempCore, subject: string, activityTypeId: string): Promise<{ issue: number; row: RowKey }> {
    const issue = await redmine.createIssue(projectId, subject)
    const item = await t.core.work.createWorkItem({ kind: 'ticket', reference: `#${issue}`, title: subject, ticketUrl: `${redmine.url}/issues/${issue}` })
    return { issue, row: { workItemId: item.id, activityTypeId, billable: true } }
  }
  const development = async () => String((await redmine.activities()).find((a) => a.name === 'Development')?.id)
  const states = async (t: TempCore) => (await t.core.store.db.selectFrom('ticket_writes').select(['state', 'last_error']).orderBy('created_at').execute()).map((w) => w.state)

  it('submitting writes once, even when the first answer is lost; reopen, change, submit corrects only the changed entry', async () => {
    const t = await setUp({ [REMOTE]: await development() })
    const a = await ticketRow(t, 'Printer on floor 2 is jammed', REMOTE)
    const b = await ticketRow(t, 'VPN drops every hour', REMOTE)
    await t.core.timesheet.setCells([
      { day: MONDAY, row: a.row, totalSeconds: 5400 },
      { day: TUESDAY, row: b.row, totalSeconds: 3600 },
    ])
    loseNextAnswer = true
    await t.core.submission.submit(MONDAY)
    await t.core.ticketWriter.runOnce()
    // The lost answer left its write waiting, with the reason; the retry finds it instead of writing again.
    expect(await states(t)).toEqual(expect.arrayContaining(['waiting', 'written']))
    t.clock.advance(60_000)
    await t.core.ticketWriter.runOnce()
    expect(await states(t)).toEqual(['written', 'written'])
    const first = await redmine.timeEntries(a.issue)
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ hours: 1.5, spent_on: MONDAY, activity: { name: 'Development' } })
    const unchanged = await redmine.timeEntries(b.issue)
    expect(unchanged).toHaveLength(1)

    await t.core.submission.reopen(MONDAY, 'forgot the call-back')
    await t.core.timesheet.setCells([{ day: MONDAY, row: a.row, totalSeconds: 7200 }])
    await t.core.submission.submit(MONDAY)
    await t.core.ticketWriter.runOnce()
    const corrected = await redmine.timeEntries(a.issue)
    expect(corrected).toHaveLength(1)
    expect(corrected[0]?.hours).toBe(2)
    expect(corrected[0]?.id).not.toBe(first[0]?.id)
    expect((await redmine.timeEntries(b.issue)).map((e) => e.id)).toEqual(unchanged.map((e) => e.id))
    const status = await t.core.handlers['sync.ticketWrites']({ from: MONDAY, to: TUESDAY })
    expect(status.map((s) => [s.day, s.state, s.system])).toEqual([
      [MONDAY, 'written', 'Redmine'],
      [TUESDAY, 'written', 'Redmine'],
    ])
  })

  it('an activity type with no Redmine activity fails before anything is sent, with the reason, until retried after mapping it', async () => {
    const t = await setUp({})
    const a = await ticketRow(t, 'Server room is too warm', ON_SITE)
    await t.core.timesheet.setCells([{ day: MONDAY, row: a.row, totalSeconds: 1800 }])
    await t.core.submission.submit(MONDAY)
    await t.core.ticketWriter.runOnce()
    const [failed] = await t.core.localTickets.writes()
    expect(failed).toMatchObject({ state: 'failed', reason: expect.stringContaining('On-site') as string })
    expect(await redmine.timeEntries(a.issue)).toHaveLength(0)

    const { systems } = await t.core.localTickets.list()
    await t.core.localTickets.update({ id: systems[0]?.id ?? '', activityMap: { [ON_SITE]: await development() } })
    expect(await t.core.localTickets.retry(undefined)).toEqual({ retried: 1 })
    await t.core.ticketWriter.runOnce()
    expect(await redmine.timeEntries(a.issue)).toHaveLength(1)
  })
})
