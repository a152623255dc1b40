// One bad row never stops a device's sync, against a real team server over real HTTP, on
// SQLite and on PostgreSQL. A change the server refuses becomes a Needs attention item
// and the rest goes up; a change the server keeps failing on (a route broken on purpose
// here: it answers 500 to any push carrying the marked entry) is found by splitting the
// batch and set aside, so the rest syncs; a server answering errors is never "offline";
// a whole batch refused with 400 never loops; 429 with Retry-After is waited out.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { RowKey } from '@shared/timesheet'
import { buildServerApp } from '../../src/server/app'
import { silentLogger as serverLogger } from '../../src/server/logger'
import { OrgService } from '../../src/server/org/org-service'
import { DeviceTokens } from '../../src/server/org/tokens'
import { openTempCore, type TempCore } from '../../src/main/testing/temp-core'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../support/server-db'

const H = 3600
const POISON = 'POISON'
const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']
const postgres = usePostgresCluster()

interface PushBody {
  mutations?: { entry?: { description?: string } }[]
}

/** What the broken route does with a push that carries the marked entry. */
type Sabotage = { status: number; body: unknown; headers?: Record<string, string> } | null

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let url: string
  let token: string
  let devices: TempCore[] = []
  /** Answers every push carrying the marked entry (or every push, with `all`). */
  let sabotage: { onMarked: Sabotage; all: Sabotage } = { onMarked: null, all: null }
  let pushes = 0
  const row: RowKey = { workItemId: null, activityTypeId: null, billable: true }

  beforeEach(async () => {
    const org = new OrgService(t.db, () => Date.now())
    await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana Admin', adminEmail: 'ana@example.com' })
    await org.addUser({ name: 'Tess Tech', email: 'tess@example.com', role: 'member' })
    token = (await new DeviceTokens(t.db, () => Date.now()).issueToken({ user: 'tess@example.com', label: 'laptop' })).token
    sabotage = { onMarked: null, all: null }
    pushes = 0
    app = buildServerApp({ db: t.db, clock: () => Date.now(), logger: serverLogger })
    app.addHook('preHandler', async (request, reply) => {
      if (request.url !== '/v1/sync/push') return
      pushes++
      const marked = ((request.body as PushBody).mutations ?? []).some((m) => m.entry?.description === POISON)
      const answer = sabotage.all ?? (marked ? sabotage.onMarked : null)
      if (answer) return reply.code(answer.status).headers(answer.headers ?? {}).send(answer.body)
    })
    url = await app.listen({ host: '127.0.0.1', port: 0 })
  }, 30_000)
  afterEach(async () => {
    await Promise.all(devices.map((d) => d.dispose()))
    devices = []
    await app.close()
  })

  /** A device with a week of entries, the one on `marked` described as the poison. */
  async function deviceWithWeek(marked: string | null): Promise<TempCore> {
    const env = await openTempCore()
    devices.push(env)
    await env.core.team.connect(url, token)
    await env.core.timesheet.setCells(DAYS.map((day) => ({ day, row, totalSeconds: H })))
    if (marked !== null) {
      const [entry] = (await env.core.handlers['timesheet.cellDetails']({ day: marked, row })).entries
      await env.core.handlers['timesheet.describeEntry']({ id: entry?.id ?? '', description: POISON })
    }
    return env
  }
  const serverDays = async () => (await t.db.selectFrom('time_entries').select('day').where('deleted_at', 'is', null).orderBy('day').execute()).map((r) => r.day)
  const internal = { status: 500, body: { error: { code: 'internal', message: 'The server could not complete this request; the details are in its log.' } } }

  it('a change the server refuses becomes Needs attention and the others go up', async () => {
    const env = await deviceWithWeek(null)
    const [entry] = (await env.core.handlers['timesheet.cellDetails']({ day: DAYS[2] ?? '', row })).entries
    // A bell character: the device keeps it, the server's text rules refuse it.
    await env.core.handlers['timesheet.describeEntry']({ id: entry?.id ?? '', description: 'ring \u0007 ring' })
    const status = await env.core.sync.syncNow()
    expect([status.state, status.pending, status.issues]).toEqual(['attention', 0, 1])
    const [issue] = await env.core.team.issues()
    expect(issue).toMatchObject({ kind: 'refused', entity: 'entry', reason: expect.stringMatching(/U\+0007/) as string })
    expect(await serverDays()).toEqual(DAYS.filter((d) => d !== DAYS[2]))
  })

  it('a batch the server keeps failing on is split until the bad change is found; that one is set aside and the rest syncs', async () => {
    sabotage.onMarked = internal
    const env = await deviceWithWeek(DAYS[4] ?? '')
    const states: string[] = []
    let status = await env.core.sync.syncNow()
    for (let round = 0; round < 10 && status.state !== 'attention'; round++) {
      states.push(status.state)
      expect(status.message ?? '').toMatch(/team server has a problem.*HTTP 500/)
      status = await env.core.sync.syncNow()
    }
    // Two failed rounds say what the server answered, never "offline"; the third finds the culprit.
    expect(states).toEqual(['problem', 'problem'])
    expect([status.state, status.pending, status.issues]).toEqual(['attention', 0, 1])
    expect(await serverDays()).toEqual(DAYS.filter((d) => d !== DAYS[4]))
    const [issue] = await env.core.team.issues()
    expect(issue).toMatchObject({ kind: 'refused', entity: 'entry', mine: { day: DAYS[4], description: POISON } })
    expect(issue?.reason).toMatch(/^The team server could not take this change \(HTTP 500: The server could not complete this request/)
    expect(issue?.reason).toMatch(/set aside so that your other changes could sync/)

    // Later changes are not held up by it.
    await env.core.timesheet.setCells([{ day: DAYS[0] ?? '', row, totalSeconds: 2 * H }])
    expect((await env.core.sync.syncNow()).state).toBe('attention')
    expect((await t.db.selectFrom('time_entries').select('rounded_seconds').where('day', '=', DAYS[0] ?? '').executeTakeFirstOrThrow()).rounded_seconds).toBe(2 * H)

    // Once the server is mended, "Send again" takes it up.
    sabotage.onMarked = null
    await env.core.team.resolveIssue(issue?.id ?? '', 'mine')
    expect((await env.core.sync.syncNow()).state).toBe('synced')
    expect(await serverDays()).toEqual(DAYS)
  })

  it('a server that fails every push sets nothing aside: it says so, keeps every change queued, and sends them once it is mended', async () => {
    sabotage.all = internal
    const env = await deviceWithWeek(null)
    for (let round = 0; round < 8; round++) {
      const status = await env.core.sync.syncNow()
      expect([status.state, status.issues, status.pending]).toEqual(['problem', 0, DAYS.length])
    }
    expect(await env.core.team.issues()).toEqual([])
    sabotage.all = null
    expect((await env.core.sync.syncNow()).state).toBe('synced')
    expect(await serverDays()).toEqual(DAYS)
  })

  it('a whole batch refused with 400 (an older server’s answer) is split at once, never sent again and again', async () => {
    sabotage.onMarked = {
      status: 400,
      body: { error: { code: 'invalid_request', message: 'The push was refused, nothing was changed: mutations.3.entry.description: too odd.', issues: [{ path: 'mutations.3.entry.description', message: 'too odd' }] } },
    }
    const env = await deviceWithWeek(DAYS[1] ?? '')
    const status = await env.core.sync.syncNow()
    expect([status.state, status.pending, status.issues]).toEqual(['attention', 0, 1])
    expect((await env.core.team.issues())[0]?.reason).toMatch(/HTTP 400: The push was refused, nothing was changed: mutations\.3\.entry\.description: too odd/)
    expect(await serverDays()).toEqual(DAYS.filter((d) => d !== DAYS[1]))
    // One batch, its halves down to the one change: a handful of pushes, not a loop.
    expect(pushes).toBeLessThanOrEqual(8)
  })

  it('a 400 about the push itself, not a change in it, is a server problem: nothing is set aside', async () => {
    sabotage.all = { status: 400, body: { error: { code: 'invalid_request', message: 'The push was refused, nothing was changed: deviceId: unknown device.' } } }
    const env = await deviceWithWeek(null)
    const status = await env.core.sync.syncNow()
    expect([status.state, status.issues, status.pending]).toEqual(['problem', 0, DAYS.length])
    expect(status.message).toMatch(/deviceId: unknown device/)
    // The window says it in its language: the transport's framing by id, the server's words inside as data.
    expect([status.messageId, status.values?.['refusal']]).toEqual(['refusal.server.refusedRequest', 'The push was refused, nothing was changed: deviceId: unknown device.'])
    expect(pushes).toBe(1)
  })

  it('429 with Retry-After is waited out: not offline, not a bad change, and sent when the wait is over', async () => {
    sabotage.all = { status: 429, body: { error: { code: 'rate_limited', message: 'Too many pushes; wait a little.' } }, headers: { 'retry-after': '90' } }
    const env = await deviceWithWeek(null)
    const status = await env.core.sync.syncNow()
    expect([status.state, status.issues, status.pending]).toEqual(['pending', 0, DAYS.length])
    expect(status.message).toMatch(/asked this device to wait/)
    expect([status.messageId, status.values]).toEqual(['sync.askedToWaitDetail', { reason: 'Too many pushes; wait a little' }])
    expect(status.nextAttemptAt).toBe(env.clock.now() + 90_000)
    // A change typed meanwhile does not bring the next try forward.
    await env.core.timesheet.setCells([{ day: DAYS[0] ?? '', row, totalSeconds: 2 * H }])
    expect((await env.core.sync.status()).nextAttemptAt).toBe(env.clock.now() + 90_000)
    sabotage.all = null
    env.clock.advance(90_000)
    env.scheduler.runDue()
    await env.core.sync.settled()
    expect((await env.core.sync.status()).state).toBe('synced')
    expect(await serverDays()).toEqual(DAYS)
  })
}

describeEachDialect('one bad row never stops sync', suite)
