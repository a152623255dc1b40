// Desktop cores (real SQLite files) syncing over real HTTP with a real team server, on
// SQLite and on PostgreSQL: standalone time goes up on connecting, a replayed push
// changes nothing, two devices of one user meet in a conflict that shows both versions,
// a locked period refuses with the reason, and submissions come back decided.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { EventPayload } from '@shared/contract'
import { ReportQuerySchema } from '@shared/reports'
import type { RowKey } from '@shared/timesheet'
import { buildServerApp } from '../../src/server/app'
import { silentLogger as serverLogger } from '../../src/server/logger'
import { OrgService } from '../../src/server/org/org-service'
import { DeviceTokens } from '../../src/server/org/tokens'
import { httpTransport } from '../../src/main/sync/transport'
import { openTempCore, type TempCore } from '../../src/main/testing/temp-core'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../support/server-db'

const H = 3600
const MONDAY = '2026-11-16'
const TUESDAY = '2026-11-17'
const postgres = usePostgresCluster()

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let url: string
  let org: OrgService
  let memberToken: string
  let secondToken: string
  const devices: TempCore[] = []
  const row: RowKey = { workItemId: null, activityTypeId: null, billable: true }

  beforeEach(async () => {
    org = new OrgService(t.db, () => Date.now())
    await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana Admin', adminEmail: 'ana@example.com' })
    await org.addUser({ name: 'Tess Tech', email: 'tess@example.com', role: 'member' })
    await org.addUser({ name: 'Abe Approver', email: 'abe@example.com', role: 'approver' })
    await org.addTeam({ name: 'Field', pattern: 'one' })
    await org.addMember({ team: 'Field', user: 'tess@example.com' })
    await org.setApprovers({ team: 'Field', level: 1, users: ['abe@example.com'] })
    const tokens = new DeviceTokens(t.db, () => Date.now())
    memberToken = (await tokens.issueToken({ user: 'tess@example.com', label: 'laptop' })).token
    secondToken = (await tokens.issueToken({ user: 'tess@example.com', label: 'desktop' })).token
    app = buildServerApp({ db: t.db, clock: () => Date.now(), logger: serverLogger })
    url = await app.listen({ host: '127.0.0.1', port: 0 })
  }, 30_000)
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.dispose()))
    await app.close()
  })

  async function device(token = memberToken): Promise<TempCore> {
    const env = await openTempCore()
    devices.push(env)
    await env.core.team.connect(url, token)
    return env
  }
  const serverEntries = () => t.db.selectFrom('time_entries').selectAll().where('deleted_at', 'is', null).orderBy('day').execute()

  it('connecting sends the time made standalone; the device then reads as synced', async () => {
    const env = await openTempCore()
    devices.push(env)
    await env.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 2 * H }])
    expect((await env.core.sync.status()).state).toBe('standalone')
    await env.core.team.connect(url, memberToken)
    const status = await env.core.sync.syncNow()
    expect([status.state, status.pending, status.issues]).toEqual(['synced', 0, 0])
    const rows = await serverEntries()
    expect(rows.map((r) => [r.day, r.rounded_seconds, r.status])).toEqual([[MONDAY, 2 * H, 'draft']])
    const tess = await t.db.selectFrom('users').select('id').where('email', '=', 'tess@example.com').executeTakeFirstOrThrow()
    expect(rows[0]?.user_id).toBe(tess.id)
    // The built-in activity types are the server's own, under the same ids: not five more copies.
    expect((await t.db.selectFrom('activity_types').select('name').execute()).map((a) => a.name).sort()).toEqual(['Admin', 'Meeting', 'On-site', 'Remote support', 'Training'])
    const second = await device(secondToken)
    await second.core.sync.syncNow()
    expect((await t.db.selectFrom('activity_types').select('id').execute()).length).toBe(5)
    expect((await second.core.work.listActivityTypes()).length).toBe(5)
  })

  it('the last news of a round says where it ended, never "syncing"', async () => {
    const laptop = await device()
    const heard: string[] = []
    laptop.core.events.subscribe((name, payload) => {
      if (name === 'sync.changed') heard.push((payload as EventPayload<'sync.changed'>).status.state)
    })
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    await laptop.core.sync.syncNow()
    expect(heard[heard.length - 1]).toBe('synced')
  })

  it('a replayed push creates nothing and gets the same answers', async () => {
    const transport = httpTransport(url, memberToken)
    const request = {
      deviceId: 'd1',
      mutations: [
        {
          id: '0190a000-0000-7000-8000-000000000001',
          type: 'entry.put' as const,
          baseVersion: null,
          entry: { id: 'e1', day: MONDAY, workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid' as const, rawSeconds: H, roundedSeconds: H, updatedAt: 1, deletedAt: null },
        },
      ],
    }
    const first = await transport.push(request)
    // Entries are numbered from their person's stream (src/server/db/change-streams.ts).
    const stream = () => t.db.selectFrom('change_streams').select('change_seq').executeTakeFirstOrThrow()
    const before = await stream()
    const again = await transport.push(request)
    expect(again).toEqual(first)
    expect(first.results).toEqual([{ id: request.mutations[0]?.id, status: 'applied', version: 1 }])
    expect((await serverEntries()).map((r) => [r.id, r.version])).toEqual([['e1', 1]])
    const after = await stream()
    // The replay took change numbers (its lock) but stamped no row with them.
    expect((await t.db.selectFrom('time_entries').select('seq').where('seq', '>', before.change_seq).execute()).length).toBe(0)
    expect(after.change_seq).toBeGreaterThan(before.change_seq)
  })

  it('two devices of one user edit the same entry: the second sees both versions and picks', async () => {
    const laptop = await device()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    await laptop.core.sync.syncNow()
    const desktop = await device(secondToken)
    await desktop.core.sync.syncNow()
    expect((await desktop.core.timesheet.load(MONDAY)).rows[0]?.totalSeconds).toBe(H)

    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 2 * H }])
    await desktop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 3 * H }])
    await laptop.core.sync.syncNow()
    const status = await desktop.core.sync.syncNow()
    expect([status.state, status.issues]).toEqual(['attention', 1])
    const [issue] = await desktop.core.team.issues()
    expect(issue).toMatchObject({ kind: 'conflict', entity: 'entry', mine: { roundedSeconds: 3 * H }, server: { roundedSeconds: 2 * H } })
    // Nothing was applied blindly: the server still has the laptop's value, the desktop its own.
    expect((await serverEntries()).map((r) => r.rounded_seconds)).toEqual([2 * H])
    expect((await desktop.core.timesheet.load(MONDAY)).rows[0]?.totalSeconds).toBe(3 * H)

    await desktop.core.team.resolveIssue(issue?.id ?? '', 'mine')
    expect((await desktop.core.sync.syncNow()).state).toBe('synced')
    expect((await serverEntries()).map((r) => [r.rounded_seconds, r.version])).toEqual([[3 * H, 3]])
    await laptop.core.sync.syncNow()
    expect((await laptop.core.timesheet.load(MONDAY)).rows[0]?.totalSeconds).toBe(3 * H)
  })

  it('taking the server’s version replaces the local one', async () => {
    const laptop = await device()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    await laptop.core.sync.syncNow()
    const desktop = await device(secondToken)
    await desktop.core.sync.syncNow()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 2 * H }])
    await laptop.core.sync.syncNow()
    await desktop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 5 * H }])
    await desktop.core.sync.syncNow()
    const [issue] = await desktop.core.team.issues()
    await desktop.core.team.resolveIssue(issue?.id ?? '', 'server')
    expect((await desktop.core.timesheet.load(MONDAY)).rows[0]?.totalSeconds).toBe(2 * H)
    expect((await desktop.core.sync.syncNow()).state).toBe('synced')
    expect((await serverEntries()).map((r) => r.rounded_seconds)).toEqual([2 * H])
  })

  it('submitting goes to the server, which locks the period; a change to it from another device is refused with the reason', async () => {
    const laptop = await device()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 8 * H }])
    await laptop.core.sync.syncNow()
    const desktop = await device(secondToken)
    await desktop.core.sync.syncNow()

    const queued = await laptop.core.submission.submit(MONDAY)
    expect([queued.status, queued.queued]).toEqual(['submitted', true])
    await laptop.core.sync.syncNow()
    const sent = await laptop.core.timesheet.load(MONDAY)
    expect([sent.status, sent.level, sent.queued, sent.history.map((e) => [e.actor, e.to])]).toEqual(['submitted', 1, false, [['Tess Tech', 'submitted']]])
    expect((await serverEntries()).map((r) => r.status)).toEqual(['submitted'])

    // The desktop had not heard yet, and typed into the period.
    await desktop.core.timesheet.setCells([{ day: TUESDAY, row, totalSeconds: H }])
    const status = await desktop.core.sync.syncNow()
    expect(status.issues).toBe(1)
    const [issue] = await desktop.core.team.issues()
    expect(issue).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/is submitted for approval, so its time is locked/) as string })
    expect((await desktop.core.timesheet.load(MONDAY)).status).toBe('submitted')
    await desktop.core.team.resolveIssue(issue?.id ?? '', 'discard')
    expect((await desktop.core.timesheet.load(MONDAY)).rows[0]?.cells.map((c) => c.totalSeconds).slice(0, 2)).toEqual([8 * H, 0])
  })

  it('a rejection comes back to the member with the reason, as a notification event and on the period', async () => {
    const laptop = await device()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 8 * H }])
    await laptop.core.submission.submit(MONDAY)
    await laptop.core.sync.syncNow()
    const abeToken = (await new DeviceTokens(t.db, () => Date.now()).issueToken({ user: 'abe@example.com', label: 'abe' })).token
    const abe = httpTransport(url, abeToken)
    const [waiting] = await abe.approvalQueue()
    expect(waiting?.totalSeconds).toBe(8 * H)
    const decided = await abe.reject(waiting?.periodId ?? '', 'Monday has no ticket reference')
    expect(decided.results[0]?.ok).toBe(true)

    const heard: unknown[] = []
    laptop.core.events.subscribe((name, payload) => {
      if (name === 'period.decided') heard.push(payload)
    })
    await laptop.core.sync.syncNow()
    expect(heard).toEqual([{ start: MONDAY, end: '2026-11-22', status: 'rejected', reason: 'Monday has no ticket reference', by: 'Abe Approver' }])
    const sheet = await laptop.core.timesheet.load(MONDAY)
    expect([sheet.status, sheet.reason, sheet.lock]).toEqual(['rejected', 'Monday has no ticket reference', null])
    // Fixed and submitted again; the approver sees it as a resubmission.
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 7 * H }])
    await laptop.core.submission.submit(MONDAY)
    await laptop.core.sync.syncNow()
    const [again] = await abe.approvalQueue()
    expect([again?.resubmitted, again?.totalSeconds]).toEqual([true, 7 * H])
  })

  it('the approver reports on the team’s synced time by person; the member, offline, on their own', async () => {
    const laptop = await device()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 3 * H }, { day: TUESDAY, row: { ...row, billable: false }, totalSeconds: H }])
    await laptop.core.sync.syncNow()
    const abeToken = (await new DeviceTokens(t.db, () => Date.now()).issueToken({ user: 'abe@example.com', label: 'abe' })).token
    const team = await httpTransport(url, abeToken).teamReport({ from: MONDAY, to: '2026-11-22', groupBy: ['user'] })
    expect(team.rows.map((r) => [r.keys[0]?.label, r.totalSeconds, r.billableSeconds])).toEqual([['Tess Tech', 4 * H, 3 * H]])
    await app.close() // offline: the member's own report still works
    const own = await laptop.core.handlers['reports.run'](ReportQuerySchema.parse({ from: MONDAY, to: '2026-11-22', groupBy: ['day'] }))
    expect(own.rows.map((r) => [r.keys[0]?.id, r.totalSeconds])).toEqual([[MONDAY, 3 * H], [TUESDAY, H]])
    app = buildServerApp({ db: t.db, clock: () => Date.now(), logger: serverLogger })
  })

  it('with the pattern "none" the server approves a submission at once', async () => {
    await org.setApprovalPattern({ team: 'Field', pattern: 'none' })
    const laptop = await device()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: 4 * H }])
    await laptop.core.submission.submit(MONDAY)
    await laptop.core.sync.syncNow()
    const sheet = await laptop.core.timesheet.load(MONDAY)
    expect([sheet.status, sheet.lock]).toEqual(['approved', 'approvedServer'])
  })

  it('while the server is away the device says offline and retries later; then it converges', async () => {
    const laptop = await device()
    await app.close()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    const away = await laptop.core.sync.syncNow()
    expect([away.state, away.pending]).toEqual(['offline', 1 + away.pending - 1])
    expect(away.message).toMatch(/cannot be reached/)
    expect(away.messageId).toBe('refusal.transport.offline')
    expect(away.nextAttemptAt).toBeGreaterThan(laptop.clock.now())
    // Back on the same port.
    const port = Number(new URL(url).port)
    app = buildServerApp({ db: t.db, clock: () => Date.now(), logger: serverLogger })
    await app.listen({ host: '127.0.0.1', port })
    expect((await laptop.core.sync.syncNow()).state).toBe('synced')
    expect((await serverEntries()).map((r) => r.rounded_seconds)).toEqual([H])
  })

  it('a member pulls only their own time', async () => {
    const laptop = await device()
    await laptop.core.timesheet.setCells([{ day: MONDAY, row, totalSeconds: H }])
    await laptop.core.sync.syncNow()
    const abeToken = (await new DeviceTokens(t.db, () => Date.now()).issueToken({ user: 'abe@example.com', label: 'x' })).token
    const page = await httpTransport(url, abeToken).pull('r0.u0', 500)
    expect(page.entries).toEqual([])
    expect(page.activityTypes.length).toBeGreaterThan(0)
    // And cannot overwrite it either, even knowing its id.
    const [entry] = await serverEntries()
    const result = await httpTransport(url, abeToken).push({
      deviceId: 'x',
      mutations: [{ id: '0190a000-0000-7000-8000-0000000000aa', type: 'entry.put', baseVersion: entry?.version ?? 1, entry: { id: entry?.id ?? '', day: MONDAY, workItemId: null, activityTypeId: null, billable: true, description: 'mine now', source: 'grid', rawSeconds: 60, roundedSeconds: 60, updatedAt: 1, deletedAt: null } }],
    })
    expect(result.results[0]).toMatchObject({ status: 'refused', reason: 'That entry belongs to someone else; nothing was changed.' })
    expect((await serverEntries()).map((r) => r.rounded_seconds)).toEqual([H])
  })
}

describeEachDialect('team sync, desktop to server', suite)
