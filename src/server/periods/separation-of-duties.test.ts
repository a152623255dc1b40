// Separation of duties on the team server, over HTTP, on SQLite and on PostgreSQL:
// two levels mean two people even when old data names one person at both; nobody
// approves their own period on any path (one, many at once); a member in no team, or
// in a team nobody else approves, is told so at submission instead of being approved
// by no one or waiting forever.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ApprovalQueueSchema, DecisionResultSchema } from '@shared/approvals'
import { newId } from '@shared/ids'
import { PushResponseSchema } from '@shared/sync'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { buildServerApp } from '../app'
import { silentLogger } from '../logger'
import { OrgService } from '../org/org-service'
import { DeviceTokens } from '../org/tokens'

const MONDAY = '2026-03-02'
const SUNDAY = '2026-03-08'
const T0 = Date.UTC(2026, 2, 6, 17, 0)
const postgres = usePostgresCluster()

type Person = 'ana' | 'bo' | 'cy' | 'di' | 'lone'

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let now: number
  let app: FastifyInstance
  let org: OrgService
  const token = {} as Record<Person, string>
  const id = {} as Record<Person, string>

  // Field: Bo works in it, and so does Cy, who also approves it at level 1 (a team lead).
  // Di approves at level 2. Lone is in no team.
  beforeEach(async () => {
    now = T0
    org = new OrgService(t.db, () => now)
    const tokens = new DeviceTokens(t.db, () => now)
    const init = await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    token.ana = init.token.token
    id.ana = init.admin.id
    for (const [person, role] of [
      ['bo', 'member'],
      ['cy', 'approver'],
      ['di', 'approver'],
      ['lone', 'member'],
    ] as const) {
      id[person] = (await org.addUser({ name: person, email: `${person}@example.com`, role })).id
      token[person] = (await tokens.issueToken({ user: `${person}@example.com`, label: 'laptop' })).token
    }
    await org.addTeam({ name: 'Field', pattern: 'one' })
    for (const member of ['bo', 'cy']) await org.addMember({ team: 'Field', user: `${member}@example.com` })
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com'] })
    await org.setApprovers({ team: 'Field', level: 2, users: ['di@example.com'] })
    app = buildServerApp({ db: t.db, clock: () => now, logger: silentLogger })
    await app.ready()
  })
  afterEach(async () => {
    await app.close()
  })

  const call = async (who: Person, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await app.inject({ method, url, headers: { authorization: `Bearer ${token[who]}` }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() }
  }
  const submit = async (who: Person) => {
    const response = await call(who, 'POST', '/v1/sync/push', { deviceId: 'laptop', mutations: [{ id: newId(), type: 'period.submit', start: MONDAY, end: SUNDAY }] })
    expect(response.status).toBe(200)
    return PushResponseSchema.parse(response.body).results[0]
  }
  const periodOf = async (who: Person) => (await t.db.selectFrom('periods').selectAll().where('user_id', '=', id[who]).executeTakeFirst()) ?? null
  const approve = async (who: Person, periodIds: string[]) => {
    const response = await call(who, 'POST', '/v1/approvals/approve', { periodIds })
    expect(response.status).toBe(200)
    return DecisionResultSchema.parse(response.body).results
  }
  const queue = async (who: Person) => ApprovalQueueSchema.parse((await call(who, 'GET', '/v1/approvals')).body).items.map((i) => i.member.email)

  it('refuses, in the approval itself, a second approval by the person who approved level 1 — even when old data names them at both levels', async () => {
    await org.setApprovalPattern({ team: 'Field', pattern: 'two' })
    // Data from before the rule: Cy was also made a level 2 approver.
    await t.db.insertInto('team_approvers').values({ team_id: (await t.db.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id, level: 2, user_id: id.cy }).execute()
    expect(await submit('bo')).toMatchObject({ status: 'applied' })
    const periodId = (await periodOf('bo'))?.id ?? ''
    expect(await approve('cy', [periodId])).toMatchObject([{ ok: true, period: { status: 'submitted', level: 2 } }])

    expect(await queue('cy')).toEqual([])
    const detail = await call('cy', 'GET', `/v1/approvals/${periodId}`)
    expect(detail.body['canDecide']).toBe(false)
    expect(await approve('cy', [periodId])).toEqual([
      expect.objectContaining({ ok: false, message: 'You approved this period at level 1; nobody approves the same period at two levels, so another level 2 approver has to. Nothing was changed.' }),
    ])
    expect((await periodOf('bo'))?.status).toBe('submitted')

    expect(await queue('di')).toEqual(['bo@example.com'])
    expect(await approve('di', [periodId])).toMatchObject([{ ok: true, period: { status: 'approved' } }])
  })

  it('never lets an approver approve their own period, alone or among others', async () => {
    expect(await submit('bo')).toMatchObject({ status: 'applied' })
    // Cy's own submission needs someone else at level 1: Di is named there too.
    await org.setApprovers({ team: 'Field', level: 2, users: [] })
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com', 'di@example.com'] })
    expect(await submit('cy')).toMatchObject({ status: 'applied' })
    const bos = (await periodOf('bo'))?.id ?? ''
    const cys = (await periodOf('cy'))?.id ?? ''
    expect(await queue('cy')).toEqual(['bo@example.com'])
    const results = await approve('cy', [cys, bos])
    expect(results.map((r) => [r.periodId, r.ok, r.message])).toEqual([
      [cys, false, 'Nobody approves or rejects their own time; another approver of the team has to. Nothing was changed.'],
      [bos, true, expect.stringMatching(/^Approved/)],
    ])
    expect((await periodOf('cy'))?.status).toBe('submitted')
  })

  it('refuses the submission of a member in no team, saying whom to ask, instead of approving it with no one', async () => {
    const answer = await submit('lone')
    expect(answer).toEqual({
      id: expect.any(String) as unknown,
      status: 'refused',
      reason: 'You are in no team on the team server, so no one could approve this timesheet. Ask your Stint admin to put you in a team (`team member add`), then submit again. Nothing was changed.',
      messageId: 'refusal.flowNotKept',
      values: { refusal: 'refusal.path.noTeam' },
      current: null,
    })
    expect(await periodOf('lone')).toBeNull()
    // Once in a team whose pattern is "none", the team has decided: approved at once.
    await org.addTeam({ name: 'Back office', pattern: 'none' })
    await org.addMember({ team: 'Back office', user: 'lone@example.com' })
    expect(await submit('lone')).toMatchObject({ status: 'applied' })
    expect((await periodOf('lone'))?.status).toBe('approved')
  })

  it('refuses a submission nobody but its owner could approve, at either level', async () => {
    await org.setApprovers({ team: 'Field', level: 1, users: [] })
    expect(await submit('bo')).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^No one but you approves level 1 of "Field", so no one could approve this timesheet\. Ask your Stint admin to name a level 1 approver/) as unknown })
    // Cy approving level 1 of a team Cy is in does not count for Cy's own time.
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com'] })
    expect(await submit('cy')).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^No one but you approves level 1 of "Field"/) as unknown })
    await org.setApprovalPattern({ team: 'Field', pattern: 'two' })
    await org.setApprovers({ team: 'Field', level: 2, users: [] })
    expect(await submit('bo')).toMatchObject({ status: 'refused', reason: expect.stringMatching(/^No one but you approves level 2 of "Field", so no one could finish approving/) as unknown })
    await org.setApprovers({ team: 'Field', level: 2, users: ['di@example.com'] })
    expect(await submit('bo')).toMatchObject({ status: 'applied' })
    expect(await periodOf('bo')).toMatchObject({ status: 'submitted', level: 1 })
  })
}

describeEachDialect('separation of duties', suite)
