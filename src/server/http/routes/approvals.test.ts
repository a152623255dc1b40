// Approving time on the team server, over HTTP, on SQLite and on PostgreSQL: a member
// submits through the sync push, approvers work through their queue at one or two
// levels, a rejection goes back with its reason and the resubmission shows what changed,
// admins reopen and void, nobody reads or decides what is not theirs, and the member's
// next pull brings every decision home.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ApprovalDetailSchema, ApprovalQueueSchema, DecisionResultSchema } from '@shared/approvals'
import { newId } from '@shared/ids'
import { PeriodEventWireSchema, PullResponseSchema, PushResponseSchema, type Mutation } from '@shared/sync'
import { DEFAULT_ACTIVITY_TYPES } from '@shared/work'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../../tests/support/server-db'
import { buildServerApp } from '../../app'
import { silentLogger } from '../../logger'
import { OrgService } from '../../org/org-service'
import { DeviceTokens } from '../../org/tokens'
import { NOT_VISIBLE } from '../../periods/approvals'

const H = 3600
const MIN = 60_000
const MONDAY = '2026-03-02'
const TUESDAY = '2026-03-03'
const WEDNESDAY = '2026-03-04'
const THURSDAY = '2026-03-05'
const SUNDAY = '2026-03-08'
const WEEK = `${MONDAY} – ${SUNDAY}`
/** Friday evening of that week. */
const T0 = Date.UTC(2026, 2, 6, 17, 0)
const UNSEEN = `${NOT_VISIBLE} Nothing was changed.`
/** The id and values beside an answer's English: a window in another language says it from these. */
const UNSEEN_ID = { messageId: 'refusal.flowNotKept', values: { refusal: 'refusal.server.periodNotVisible' } }
const bosWeek = { member: 'Bo', isoStartDay: MONDAY, isoEndDay: SUNDAY }
/** One of the activity types every organisation starts with: a member books on it, an admin makes others. */
const REMOTE_SUPPORT = DEFAULT_ACTIVITY_TYPES[0]?.id ?? ''

const postgres = usePostgresCluster()

interface EntryInput {
  id: string
  day: string
  seconds: number
  billable?: boolean
  workItemId?: string | null
  activityTypeId?: string | null
  deleted?: boolean
}

type Person = 'ana' | 'bo' | 'fay' | 'cy' | 'di' | 'ed'

function approvalSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let now: number
  let app: FastifyInstance
  let org: OrgService
  const token = {} as Record<Person, string>
  const id = {} as Record<Person, string>

  // Field (one level): Bo, Fay and Cy work in it; Cy approves at level 1, Di at level 2
  // (used once the team needs two levels). Ed approves Office, which Bo is not in.
  beforeEach(async () => {
    now = T0
    org = new OrgService(t.db, () => now)
    const tokens = new DeviceTokens(t.db, () => now)
    const init = await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    token.ana = init.token.token
    id.ana = init.admin.id
    for (const [person, name, role] of [
      ['bo', 'Bo', 'member'],
      ['fay', 'Fay', 'member'],
      ['cy', 'Cy', 'approver'],
      ['di', 'Di', 'approver'],
      ['ed', 'Ed', 'approver'],
    ] as const) {
      id[person] = (await org.addUser({ name, email: `${person}@example.com`, role })).id
      token[person] = (await tokens.issueToken({ user: `${person}@example.com`, label: 'laptop' })).token
    }
    await org.addTeam({ name: 'Field', pattern: 'one' })
    await org.addTeam({ name: 'Office', pattern: 'one' })
    for (const member of ['bo', 'fay', 'cy']) await org.addMember({ team: 'Field', user: `${member}@example.com` })
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com'] })
    await org.setApprovers({ team: 'Field', level: 2, users: ['di@example.com'] })
    await org.setApprovers({ team: 'Office', level: 1, users: ['ed@example.com'] })
    app = buildServerApp({ db: t.db, clock: () => now, logger: silentLogger })
    await app.ready()
  })
  afterEach(async () => {
    await app.close()
  })

  const tick = () => (now += MIN)

  const call = async (who: Person, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const response = await app.inject({ method, url, headers: { authorization: `Bearer ${token[who]}` }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() }
  }
  const errorOf = (body: Record<string, unknown>) => body['error'] as { code: string; message: string; issues?: { path: string; message: string }[] }

  const queue = async (who: Person) => {
    const response = await call(who, 'GET', '/v1/approvals')
    expect(response.status).toBe(200)
    return ApprovalQueueSchema.parse(response.body).items
  }
  const detail = async (who: Person, periodId: string) => {
    const response = await call(who, 'GET', `/v1/approvals/${periodId}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return ApprovalDetailSchema.parse(response.body)
  }
  const history = async (who: Person, periodId: string) => {
    const response = await call(who, 'GET', `/v1/periods/${periodId}/history`)
    expect(response.status).toBe(200)
    return PeriodEventWireSchema.array().parse(response.body['events'])
  }
  const approve = async (who: Person, periodIds: string[]) => {
    const response = await call(who, 'POST', '/v1/approvals/approve', { periodIds })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return DecisionResultSchema.parse(response.body).results
  }
  const decideOne = async (who: Person, url: string, periodId: string, reason: string) => {
    const response = await call(who, 'POST', url, { periodId, reason })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const [result] = DecisionResultSchema.parse(response.body).results
    if (!result) throw new Error('a decision answers with one result')
    return result
  }
  const reject = (who: Person, periodId: string, reason: string) => decideOne(who, '/v1/approvals/reject', periodId, reason)

  const push = async (who: Person, mutations: Mutation[]) => {
    const response = await call(who, 'POST', '/v1/sync/push', { deviceId: `${who}-laptop`, mutations })
    expect(response.status).toBe(200)
    return PushResponseSchema.parse(response.body).results
  }
  const versionOf = async (entryId: string) => (await t.db.selectFrom('time_entries').select('version').where('id', '=', entryId).executeTakeFirst())?.version ?? null
  const entryPut = async (e: EntryInput): Promise<Mutation> => ({
    id: newId(),
    type: 'entry.put',
    baseVersion: await versionOf(e.id),
    entry: {
      id: e.id,
      day: e.day,
      workItemId: e.workItemId ?? null,
      activityTypeId: e.activityTypeId ?? null,
      billable: e.billable ?? true,
      description: `${e.seconds / H} h`,
      source: 'grid',
      rawSeconds: e.seconds,
      roundedSeconds: e.seconds,
      updatedAt: now,
      deletedAt: e.deleted ? now : null,
    },
  })
  /** Books (or changes, or deletes) entries as the member's device would, and expects every change to be applied. */
  const book = async (who: Person, entries: EntryInput[]) => {
    const results = await push(who, await Promise.all(entries.map(entryPut)))
    expect(results.map((r) => r.status)).toEqual(entries.map(() => 'applied'))
  }
  const submit = async (who: Person): Promise<string> => {
    const [result] = await push(who, [{ id: newId(), type: 'period.submit', start: MONDAY, end: SUNDAY }])
    expect(result?.status, JSON.stringify(result)).toBe('applied')
    return (await t.db.selectFrom('periods').select('id').where('user_id', '=', id[who]).where('start_day', '=', MONDAY).executeTakeFirstOrThrow()).id
  }
  const statusOf = async (periodId: string) => t.db.selectFrom('periods').select(['status', 'level', 'reason']).where('id', '=', periodId).executeTakeFirstOrThrow()
  const entryStatuses = async (who: Person) =>
    (await t.db.selectFrom('time_entries').select(['id', 'status']).where('user_id', '=', id[who]).where('deleted_at', 'is', null).orderBy('id').execute()).map((e) => [e.id, e.status])
  const eventCount = async (periodId: string) => (await t.db.selectFrom('period_events').select('id').where('period_id', '=', periodId).execute()).length

  it('one level: a submitted period waits in the approver’s queue with its totals; approving it locks it as approved, with both moves in its history', async () => {
    await push('bo', [
      { id: newId(), type: 'workItem.put', baseVersion: null, item: { id: 'wi-1', kind: 'ticket', reference: 'T-1042', title: 'Printer on floor 2', customerId: null, contractId: null, billable: true, active: true, updatedAt: now, deletedAt: null } },
    ])
    await book('bo', [
      { id: 'bo-1', day: MONDAY, seconds: 3 * H, workItemId: 'wi-1', activityTypeId: REMOTE_SUPPORT },
      { id: 'bo-2', day: TUESDAY, seconds: 2 * H, billable: false },
      { id: 'bo-3', day: WEDNESDAY, seconds: 7 * H },
    ])
    await book('bo', [{ id: 'bo-3', day: WEDNESDAY, seconds: 7 * H, deleted: true }])
    tick()
    const submittedAt = now
    const periodId = await submit('bo')

    expect(await queue('cy')).toEqual([
      {
        periodId,
        member: { id: id.bo, name: 'Bo', email: 'bo@example.com' },
        teams: ['Field'],
        start: MONDAY,
        end: SUNDAY,
        level: 1,
        submittedAt,
        totalSeconds: 5 * H,
        billableSeconds: 3 * H,
        expectedSeconds: 5 * 8 * H,
        resubmitted: false,
      },
    ])
    // Level 2 is not asked in a one-level team; an approver of another team is not asked at all.
    expect(await queue('di')).toEqual([])
    expect(await queue('ed')).toEqual([])

    const before = await detail('cy', periodId)
    expect(before.canDecide).toBe(true)
    expect(before.entries.map((e) => [e.id, e.status])).toEqual([
      ['bo-1', 'submitted'],
      ['bo-2', 'submitted'],
    ])
    expect(before.workItems).toEqual([{ id: 'wi-1', reference: 'T-1042', title: 'Printer on floor 2' }])
    expect(before.activityTypes).toEqual([{ id: REMOTE_SUPPORT, name: 'Remote support' }])
    expect(before.changedSinceRejection).toBeNull()

    tick()
    expect(await approve('cy', [periodId])).toEqual([{ periodId, ok: true, message: `Approved Bo's period ${WEEK}.`, messageId: 'decision.approved', values: bosWeek, period: expect.objectContaining({ id: periodId, status: 'approved', level: null }) as unknown }])
    expect(await statusOf(periodId)).toEqual({ status: 'approved', level: null, reason: null })
    expect(await entryStatuses('bo')).toEqual([
      ['bo-1', 'approved'],
      ['bo-2', 'approved'],
    ])
    expect(await queue('cy')).toEqual([])
    expect((await history('bo', periodId)).map((e) => [e.actorName, e.from, e.to, e.level, e.at])).toEqual([
      ['Bo', 'open', 'submitted', null, submittedAt],
      ['Cy', 'submitted', 'approved', 1, now],
    ])
    // The approver still reads what they approved, but may decide nothing more.
    expect((await detail('cy', periodId)).canDecide).toBe(false)
    // And the member's time is locked.
    const [edit] = await push('bo', [await entryPut({ id: 'bo-1', day: MONDAY, seconds: H })])
    expect(edit).toMatchObject({ status: 'refused', reason: expect.stringMatching(/is approved and locked/) as unknown })
  })

  it('a rejection needs a reason, sends the period back editable, and the resubmission shows the approver what changed', async () => {
    await book('bo', [
      { id: 'bo-1', day: MONDAY, seconds: 3 * H },
      { id: 'bo-2', day: TUESDAY, seconds: 2 * H },
      { id: 'bo-3', day: WEDNESDAY, seconds: H },
    ])
    const periodId = await submit('bo')
    tick()

    const missing = await call('cy', 'POST', '/v1/approvals/reject', { periodId })
    expect(missing.status).toBe(400)
    expect(errorOf(missing.body).issues?.map((i) => i.path)).toEqual(['reason'])
    expect(errorOf(missing.body).message).toMatch(/^The rejection was refused, nothing was changed: reason: /)
    const blank = await call('cy', 'POST', '/v1/approvals/reject', { periodId, reason: '   ' })
    expect(blank.status).toBe(400)
    expect(errorOf(blank.body).issues).toEqual([{ path: 'reason', message: 'a reason is required' }])
    expect(await statusOf(periodId)).toEqual({ status: 'submitted', level: 1, reason: null })

    const rejected = await reject('cy', periodId, '  Tuesday was a public holiday.  ')
    const rejectedAt = now
    expect(rejected).toMatchObject({ ok: true, message: `Rejected Bo's period ${WEEK}; it went back to Bo with your reason.`, period: { status: 'rejected', reason: 'Tuesday was a public holiday.' } })
    expect(await entryStatuses('bo')).toEqual([
      ['bo-1', 'rejected'],
      ['bo-2', 'rejected'],
      ['bo-3', 'rejected'],
    ])
    expect(await queue('cy')).toEqual([])
    // Rejected time is not the approver's to read any more; its owner still reads it.
    expect((await call('cy', 'GET', `/v1/approvals/${periodId}`)).status).toBe(404)
    expect((await detail('bo', periodId)).changedSinceRejection).toEqual({ changed: [], removed: [] })

    // Bo fixes the week: more time on Monday, Tuesday's entry removed, Thursday added; Wednesday untouched.
    tick()
    await book('bo', [
      { id: 'bo-1', day: MONDAY, seconds: 4 * H },
      { id: 'bo-2', day: TUESDAY, seconds: 2 * H, deleted: true },
      { id: 'bo-4', day: THURSDAY, seconds: 2 * H },
    ])
    tick()
    await submit('bo')

    const [item] = await queue('cy')
    expect([item?.periodId, item?.resubmitted, item?.totalSeconds]).toEqual([periodId, true, 7 * H])
    const review = await detail('cy', periodId)
    expect(review.entries.map((e) => e.id)).toEqual(['bo-1', 'bo-3', 'bo-4'])
    expect(review.changedSinceRejection?.changed.toSorted()).toEqual(['bo-1', 'bo-4'])
    expect(review.changedSinceRejection?.removed.map((e) => [e.id, e.roundedSeconds, e.deletedAt !== null && e.deletedAt >= rejectedAt])).toEqual([['bo-2', 2 * H, true]])
    expect(review.period.events.map((e) => [e.actorName, e.to, e.reason])).toEqual([
      ['Bo', 'submitted', null],
      ['Cy', 'rejected', 'Tuesday was a public holiday.'],
      ['Bo', 'submitted', null],
    ])
  })

  it('two levels: the second level sees only what the first approved, and neither level decides for the other', async () => {
    await org.setApprovalPattern({ team: 'Field', pattern: 'two' })
    await book('bo', [{ id: 'bo-1', day: MONDAY, seconds: 8 * H }])
    const periodId = await submit('bo')
    tick()

    expect(await queue('di')).toEqual([])
    expect((await detail('di', periodId)).canDecide).toBe(false)
    expect(await approve('di', [periodId])).toEqual([
      { periodId, ok: false, message: 'This period waits for a level 1 approver of its team, and you are not one. Nothing was changed.', messageId: 'refusal.flowNotKept', values: { refusal: 'refusal.flow.notApproverAtLevel', level: 1 }, period: expect.objectContaining({ status: 'submitted', level: 1 }) as unknown },
    ])
    expect(await eventCount(periodId)).toBe(1)

    expect((await queue('cy')).map((i) => [i.periodId, i.level])).toEqual([[periodId, 1]])
    expect(await approve('cy', [periodId])).toEqual([
      { periodId, ok: true, message: `Approved Bo's period ${WEEK} at level 1; it now waits for a level 2 approver.`, messageId: 'decision.approvedAtLevel1', values: { ...bosWeek, level: 2 }, period: expect.objectContaining({ status: 'submitted', level: 2 }) as unknown },
    ])
    expect(await entryStatuses('bo')).toEqual([['bo-1', 'submitted']])
    expect(await queue('cy')).toEqual([])
    expect((await detail('cy', periodId)).canDecide).toBe(false)
    const [again] = await approve('cy', [periodId])
    expect(again).toMatchObject({ ok: false, message: 'This period waits for a level 2 approver of its team, and you are not one. Nothing was changed.' })

    expect((await queue('di')).map((i) => [i.periodId, i.level])).toEqual([[periodId, 2]])
    expect((await detail('di', periodId)).canDecide).toBe(true)
    tick()
    expect((await approve('di', [periodId]))[0]).toMatchObject({ ok: true, message: `Approved Bo's period ${WEEK}.`, period: { status: 'approved', level: null } })
    expect(await entryStatuses('bo')).toEqual([['bo-1', 'approved']])
    expect((await history('bo', periodId)).map((e) => [e.actorName, e.from, e.to, e.level])).toEqual([
      ['Bo', 'open', 'submitted', null],
      ['Cy', 'submitted', 'submitted', 1],
      ['Di', 'submitted', 'approved', 2],
    ])
  })

  it('approves several periods at once, each on its own: a refusal is reported for its period and the others go through', async () => {
    await book('bo', [{ id: 'bo-1', day: MONDAY, seconds: 8 * H }])
    await book('fay', [{ id: 'fay-1', day: MONDAY, seconds: 6 * H }])
    const bos = await submit('bo')
    const fays = await submit('fay')
    expect((await queue('cy')).map((i) => i.member.name)).toEqual(['Bo', 'Fay'])
    expect((await approve('cy', [bos]))[0]?.ok).toBe(true)
    tick()

    const results = await approve('cy', [bos, fays, 'no-such-period', fays])
    expect(results).toEqual([
      {
        periodId: bos,
        ok: false,
        message: 'Only a submitted period can be approved; this one is approved. Nothing was changed.',
        messageId: 'refusal.flowNotKept',
        values: { refusal: 'refusal.flow.decideSubmittedOnly', action: 'approve', status: 'approved' },
        period: expect.objectContaining({ status: 'approved' }) as unknown },
      { periodId: fays, ok: true, message: `Approved Fay's period ${WEEK}.`, messageId: 'decision.approved', values: { member: 'Fay', isoStartDay: MONDAY, isoEndDay: SUNDAY }, period: expect.objectContaining({ status: 'approved' }) as unknown },
      { periodId: 'no-such-period', ok: false, message: UNSEEN, ...UNSEEN_ID, period: null },
    ])
    // Named twice, decided once.
    expect(await eventCount(fays)).toBe(2)
    expect(await entryStatuses('fay')).toEqual([['fay-1', 'approved']])

    const empty = await call('cy', 'POST', '/v1/approvals/approve', { periodIds: [] })
    expect(empty.status).toBe(400)
    expect(errorOf(empty.body).issues?.map((i) => i.path)).toEqual(['periodIds'])
  })

  it('nobody reads another member’s period or a period of a team they do not approve: the answer is the same as for a period that does not exist', async () => {
    await book('bo', [{ id: 'bo-1', day: MONDAY, seconds: 8 * H }])
    const periodId = await submit('bo')
    const nonexistent = await call('fay', 'GET', '/v1/approvals/no-such-period')
    expect(nonexistent.status).toBe(404)
    // The English sentence for every client, and its id so a desktop can say it in its reader's language.
    expect(errorOf(nonexistent.body)).toEqual({ code: 'not_found', message: NOT_VISIBLE, messageId: 'refusal.server.periodNotVisible' })

    for (const who of ['fay', 'ed'] as const) {
      for (const url of [`/v1/approvals/${periodId}`, `/v1/periods/${periodId}/history`]) {
        const response = await call(who, 'GET', url)
        expect([who, url, response.status, response.body]).toEqual([who, url, 404, nonexistent.body])
      }
    }
    // Ed approves another team: he is not asked, and cannot decide even knowing the id.
    expect(await queue('ed')).toEqual([])
    expect(await approve('ed', [periodId])).toEqual([{ periodId, ok: false, message: UNSEEN, ...UNSEEN_ID, period: null }])
    expect(await reject('ed', periodId, 'Not mine to judge')).toEqual({ periodId, ok: false, message: UNSEEN, ...UNSEEN_ID, period: null })
    expect(await approve('fay', [periodId])).toEqual([{ periodId, ok: false, message: UNSEEN, ...UNSEEN_ID, period: null }])
    expect(await statusOf(periodId)).toEqual({ status: 'submitted', level: 1, reason: null })
    expect(await eventCount(periodId)).toBe(1)

    // Its owner and an admin read it, and neither may decide it.
    expect((await detail('bo', periodId)).canDecide).toBe(false)
    expect((await detail('ana', periodId)).canDecide).toBe(false)
    expect((await history('ana', periodId)).map((e) => e.actorName)).toEqual(['Bo'])

    const badId = await call('cy', 'GET', `/v1/approvals/${'x'.repeat(65)}`)
    expect(badId.status).toBe(400)
    expect(errorOf(badId.body).issues?.map((i) => i.path)).toEqual(['periodId'])
  })

  it('nobody approves their own period, nor sees it in their queue, even as the team’s approver', async () => {
    // Someone else must be able to approve Cy's time, or Cy could not submit at all.
    await org.setApprovers({ team: 'Field', level: 2, users: [] })
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com', 'di@example.com'] })
    await book('cy', [{ id: 'cy-1', day: MONDAY, seconds: 8 * H }])
    await book('bo', [{ id: 'bo-1', day: MONDAY, seconds: 8 * H }])
    const cys = await submit('cy')
    const bos = await submit('bo')
    expect((await queue('cy')).map((i) => i.periodId)).toEqual([bos])
    expect((await detail('cy', cys)).canDecide).toBe(false)
    expect(await approve('cy', [cys])).toEqual([
      {
        periodId: cys,
        ok: false,
        message: 'Nobody approves or rejects their own time; another approver of the team has to. Nothing was changed.',
        messageId: 'refusal.flowNotKept',
        values: { refusal: 'refusal.flow.notOwnTime' },
        period: expect.objectContaining({ status: 'submitted' }) as unknown },
    ])
    expect((await reject('cy', cys, 'Looks wrong')).ok).toBe(false)
    expect(await statusOf(cys)).toEqual({ status: 'submitted', level: 1, reason: null })
  })

  it('two approvers deciding the same period at the same moment: one decision wins, the other is refused against it', async () => {
    await org.setApprovers({ team: 'Field', level: 2, users: [] })
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com', 'di@example.com'] })
    // Two members, two races: without the lock, PostgreSQL lets both decisions through now and then.
    for (const who of ['bo', 'fay'] as const) await book(who, [{ id: `${who}-1`, day: MONDAY, seconds: 8 * H }])
    const periodIds = [await submit('bo'), await submit('fay')]
    const races = await Promise.all(periodIds.map(async (periodId) => Promise.all([approve('cy', [periodId]), reject('di', periodId, 'Monday is not 8 h')])))
    for (const [index, [approval, rejection]] of races.entries()) {
      const periodId = periodIds[index] ?? ''
      expect([approval[0]?.ok, rejection.ok].filter(Boolean)).toHaveLength(1)
      expect(await eventCount(periodId)).toBe(2)
      expect((await statusOf(periodId)).status).toBe(approval[0]?.ok ? 'approved' : 'rejected')
    }
  })

  it('reopening and voiding are for admins: a member or an approver gets 403 and nothing changes', async () => {
    await book('bo', [{ id: 'bo-1', day: MONDAY, seconds: 8 * H }])
    const periodId = await submit('bo')
    await approve('cy', [periodId])
    for (const [who, role] of [
      ['bo', 'member'],
      ['cy', 'approver'],
    ] as const) {
      for (const url of ['/v1/admin/periods/reopen', '/v1/admin/periods/void']) {
        const response = await call(who, 'POST', url, { periodId, reason: 'Wrong customer' })
        expect([url, response.status]).toEqual([url, 403])
        expect(errorOf(response.body)).toEqual({
          code: 'forbidden',
          message: `This needs the admin role; you are a ${role}. Nothing was changed.`,
          messageId: 'refusal.server.needsRole',
          values: { needed: 'admin', role },
        })
      }
    }
    expect(await statusOf(periodId)).toEqual({ status: 'approved', level: null, reason: null })
    expect(await entryStatuses('bo')).toEqual([['bo-1', 'approved']])
  })

  it('an admin reopens a submitted or approved period with a reason, and the member can change it again', async () => {
    await book('bo', [{ id: 'bo-1', day: MONDAY, seconds: 8 * H }])
    const periodId = await submit('bo')
    const noReason = await call('ana', 'POST', '/v1/admin/periods/reopen', { periodId })
    expect(noReason.status).toBe(400)
    expect(errorOf(noReason.body).issues?.map((i) => i.path)).toEqual(['reason'])
    tick()
    const reopened = await decideOne('ana', '/v1/admin/periods/reopen', periodId, 'The week was booked on the wrong contract')
    expect(reopened).toMatchObject({ ok: true, message: `Reopened Bo's period ${WEEK}; Bo can change the time and submit it again.`, period: { status: 'open', reason: 'The week was booked on the wrong contract' } })
    expect(await entryStatuses('bo')).toEqual([['bo-1', 'draft']])
    await book('bo', [{ id: 'bo-1', day: MONDAY, seconds: 7 * H }])
    expect((await history('bo', periodId)).map((e) => [e.actorName, e.from, e.to, e.reason])).toEqual([
      ['Bo', 'open', 'submitted', null],
      ['Ana', 'submitted', 'open', 'The week was booked on the wrong contract'],
    ])
    const again = await decideOne('ana', '/v1/admin/periods/reopen', periodId, 'Once more')
    expect(again).toMatchObject({ ok: false, message: 'Only a submitted or approved period can be reopened; this one is open. Nothing was changed.', period: { status: 'open' } })
  })

  it('an admin voids approved time: its entries are voided, the period reopens with the reason, and the member books the corrected time', async () => {
    await book('bo', [
      { id: 'bo-1', day: MONDAY, seconds: 3 * H },
      { id: 'bo-2', day: TUESDAY, seconds: 2 * H },
    ])
    const periodId = await submit('bo')
    const notYet = await decideOne('ana', '/v1/admin/periods/void', periodId, 'Billed twice')
    expect(notYet).toMatchObject({ ok: false, message: expect.stringMatching(/^Only an approved period can be voided; this one is submitted\..* Nothing was changed\.$/) as unknown })
    expect(await entryStatuses('bo')).toEqual([
      ['bo-1', 'submitted'],
      ['bo-2', 'submitted'],
    ])
    await approve('cy', [periodId])

    const tooLong = await call('ana', 'POST', '/v1/admin/periods/void', { periodId, reason: 'x'.repeat(995) })
    expect(tooLong.status).toBe(400)
    expect(errorOf(tooLong.body).issues?.map((i) => i.path)).toEqual(['reason'])
    expect(await statusOf(periodId)).toMatchObject({ status: 'approved' })

    tick()
    const before = await t.db.selectFrom('time_entries').select(['id', 'version', 'seq']).orderBy('id').execute()
    const voided = await decideOne('ana', '/v1/admin/periods/void', periodId, 'Billed twice to the customer')
    expect(voided).toMatchObject({ ok: true, message: `Voided 2 approved entries (5.00 h) of Bo's period ${WEEK} and reopened it, so Bo can book the corrected time.`, period: { status: 'open', reason: 'Voided: Billed twice to the customer' } })
    const after = await t.db.selectFrom('time_entries').select(['id', 'status', 'version', 'seq', 'updated_at']).orderBy('id').execute()
    expect(after.map((e) => [e.id, e.status, e.updated_at])).toEqual([
      ['bo-1', 'voided', now],
      ['bo-2', 'voided', now],
    ])
    after.forEach((e, i) => {
      expect(e.version).toBe((before[i]?.version ?? 0) + 1)
      expect(e.seq).toBeGreaterThan(before[i]?.seq ?? Infinity)
    })
    expect(new Set(after.map((e) => e.seq)).size).toBe(2)
    const last = (await history('bo', periodId)).at(-1)
    expect([last?.actorName, last?.from, last?.to, last?.reason]).toEqual(['Ana', 'approved', 'open', 'Voided: Billed twice to the customer'])

    // Voided time stays as it was; the member books the corrected time and submits again.
    const [edit] = await push('bo', [await entryPut({ id: 'bo-1', day: MONDAY, seconds: H })])
    expect(edit).toMatchObject({ status: 'refused', reason: 'An administrator voided this entry; it can no longer be changed.' })
    tick()
    await book('bo', [{ id: 'bo-3', day: MONDAY, seconds: H }])
    await submit('bo')
    const [item] = await queue('cy')
    expect([item?.totalSeconds, item?.billableSeconds]).toEqual([H, H])
    expect(await entryStatuses('bo')).toEqual([
      ['bo-1', 'voided'],
      ['bo-2', 'voided'],
      ['bo-3', 'submitted'],
    ])
  })

  it('the member’s next pull brings each decision: the period’s status and reason, and the status of every entry', async () => {
    await book('bo', [
      { id: 'bo-1', day: MONDAY, seconds: 3 * H },
      { id: 'bo-2', day: TUESDAY, seconds: 2 * H },
    ])
    const periodId = await submit('bo')
    const pull = async (who: Person, after: string | number) => {
      const response = await call(who, 'GET', `/v1/sync/pull?after=${after}`)
      expect(response.status).toBe(200)
      return PullResponseSchema.parse(response.body)
    }
    const first = await pull('bo', 0)
    expect(first.periods.map((p) => p.status)).toEqual(['submitted'])

    tick()
    await reject('cy', periodId, 'Split Monday by ticket')
    const afterRejection = await pull('bo', first.cursor)
    expect(afterRejection.periods.map((p) => [p.id, p.status, p.reason, p.events.at(-1)?.actorName])).toEqual([[periodId, 'rejected', 'Split Monday by ticket', 'Cy']])
    expect(afterRejection.entries.map((e) => [e.id, e.status])).toEqual([
      ['bo-1', 'rejected'],
      ['bo-2', 'rejected'],
    ])

    tick()
    await submit('bo')
    const resubmitted = await pull('bo', afterRejection.cursor)
    tick()
    await approve('cy', [periodId])
    const afterApproval = await pull('bo', resubmitted.cursor)
    expect(afterApproval.periods.map((p) => [p.status, p.events.map((e) => e.to)])).toEqual([['approved', ['submitted', 'rejected', 'submitted', 'approved']]])
    expect(afterApproval.entries.map((e) => [e.id, e.status])).toEqual([
      ['bo-1', 'approved'],
      ['bo-2', 'approved'],
    ])
    // Nothing of it reaches another member.
    expect((await pull('fay', 0)).periods).toEqual([])
  })
}

describeEachDialect('approving time on the team server', approvalSuite)
